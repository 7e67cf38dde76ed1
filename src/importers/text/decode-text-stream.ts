import iconv from "iconv-lite";

/** The encodings Ankestyrelsen's files come in: the talportal writes latin1; Excel users save UTF-8 or Windows-1252. */
export type TextEncoding = "utf-8" | "utf-8-bom" | "latin1" | "windows-1252";

export const ENCODING_NAMES_DA: Readonly<Record<TextEncoding, string>> = {
  "utf-8": "UTF-8",
  "utf-8-bom": "UTF-8 med BOM",
  latin1: "latin1 (ISO-8859-1)",
  "windows-1252": "Windows-1252",
};

function isValidUtf8Prefix(bytes: Uint8Array): boolean {
  // A multi-byte sequence cut by the sniff window is not an error: drop up to three trailing bytes.
  for (let cut = 0; cut <= Math.min(3, bytes.length); cut++) {
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, bytes.length - cut));
      return true;
    } catch {
      // try a shorter prefix
    }
  }
  return false;
}

function hasC1Bytes(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b >= 0x80 && b <= 0x9f) return true;
  return false;
}

/**
 * Decides the encoding from the first bytes: a BOM means UTF-8; valid UTF-8 means UTF-8; otherwise
 * the file is single-byte. Latin1 and Windows-1252 differ only in 0x80–0x9F, which latin1 text
 * never uses (C1 controls), so bytes there mean Windows-1252 (€, “ ”, –).
 */
export function detectEncoding(sniff: Uint8Array): TextEncoding {
  if (sniff[0] === 0xef && sniff[1] === 0xbb && sniff[2] === 0xbf) return "utf-8-bom";
  if (isValidUtf8Prefix(sniff)) return "utf-8";
  return hasC1Bytes(sniff) ? "windows-1252" : "latin1";
}

export class EncodingError extends Error {
  /** 1-based line of the first byte that is not UTF-8, when known. */
  constructor(message: string, readonly line: number | null = null) {
    super(message);
  }
}

/** Index of the first byte of `bytes` that does not start or continue a valid UTF-8 sequence; -1 if none. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      // A sequence cut by the end of the buffer is not (yet) an error.
      if (i + k >= bytes.length) return -1;
      if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    }
    i += length;
  }
  return -1;
}

function countNewlines(bytes: Uint8Array, end = bytes.length): number {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(end, bytes.byteLength));
  let n = 0;
  for (let i = buffer.indexOf(10); i >= 0; i = buffer.indexOf(10, i + 1)) n++;
  return n;
}

/**
 * Decodes byte chunks to text chunks in the detected encoding. A file that turns out not to be
 * UTF-8 after a pure-ASCII start throws EncodingError rather than decoding to replacement characters.
 */
export async function* decodeTextStream(chunks: AsyncIterable<Uint8Array>, encoding: TextEncoding): AsyncGenerator<string> {
  if (encoding === "latin1") {
    // Node's native latin1 decoder is much faster than a generic one; it matters for million-row files.
    for await (const chunk of chunks) yield Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString("latin1");
    return;
  }
  if (encoding === "windows-1252") {
    const decoder = iconv.getDecoder("windows-1252");
    for await (const chunk of chunks) yield decoder.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    const rest = decoder.end();
    if (rest) yield rest;
    return;
  }
  const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
  // Line breaks in the chunks decoded so far, so the error can name the line of the first bad byte.
  let linesBefore = 0;
  let tail: Uint8Array = new Uint8Array(0);
  const fail = (chunk: Uint8Array | null): never => {
    let line: number | null = null;
    if (chunk) {
      const joined = Buffer.concat([tail, chunk]);
      const at = firstInvalidUtf8(joined);
      if (at >= 0) line = linesBefore - countNewlines(tail) + countNewlines(joined, at) + 1;
    }
    throw new EncodingError(
      `Filen er ikke gyldig UTF-8 hele vejen igennem (blandede tegnsæt)${line !== null ? `; det første tegn, der ikke er UTF-8, står i linje ${line}` : ""}. Gem den igen som UTF-8 eller latin1.`,
      line,
    );
  };
  for await (const chunk of chunks) {
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      return fail(chunk);
    }
    linesBefore += countNewlines(chunk);
    tail = chunk.subarray(Math.max(0, chunk.length - 3));
    yield text;
  }
  let rest: string;
  try {
    rest = decoder.decode();
  } catch {
    return fail(null);
  }
  if (rest) yield rest;
}

/** Typical UTF-8 read as latin1/Windows-1252: "Ã¦" for æ, "Ã¸" for ø, "Ã¥" for å, "Ã©" for é. */
const MOJIBAKE = /Ã[\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]|Â[\u00a0-\u00bf]/;

export function looksLikeMojibake(text: string): boolean {
  return MOJIBAKE.test(text);
}
