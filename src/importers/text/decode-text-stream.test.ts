import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeTextStream, detectEncoding, EncodingError, firstInvalidUtf8, looksLikeMojibake, type TextEncoding } from "./decode-text-stream.js";

const DANISH = "Kommune;Sagsemne\r\nRingkøbing-Skjern;Børn – særlig støtte\r\nÆrø;Voksne § 108\r\n";

async function* chunksOf(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function decode(bytes: Uint8Array, encoding: TextEncoding, chunkSize = bytes.length || 1): Promise<string> {
  let text = "";
  for await (const part of decodeTextStream(chunksOf(bytes, chunkSize), encoding)) text += part;
  return text;
}

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, "utf8"));
const single = (text: string, encoding: "latin1" | "windows-1252") => new Uint8Array(iconv.encode(text, encoding));

describe("detectEncoding", () => {
  it("tells the encodings Ankestyrelsen's files come in apart by their bytes", () => {
    expect(detectEncoding(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(DANISH)]))).toBe("utf-8-bom");
    expect(detectEncoding(utf8(DANISH))).toBe("utf-8");
    // The talportal's CSV download: ø is 0xF8, a byte that cannot start a UTF-8 sequence.
    expect(detectEncoding(single("Kommune;Ringkøbing-Skjern;Ærø", "latin1"))).toBe("latin1");
    // Excel's "CSV (semikolonsepareret)": the en dash is 0x96, a C1 control in latin1, so Windows-1252.
    expect(detectEncoding(single("Børn – særlig støtte", "windows-1252"))).toBe("windows-1252");
    // Plain ASCII is valid UTF-8.
    expect(detectEncoding(utf8("Kommune;Antal\r\n"))).toBe("utf-8");
  });

  it("still says UTF-8 when the sniffed head ends in the middle of a multi-byte letter", () => {
    const bytes = utf8("Kommune;Ringkø");
    expect(detectEncoding(bytes.subarray(0, bytes.length - 1))).toBe("utf-8");
    const euro = utf8("Beløb €");
    for (let cut = 1; cut <= 2; cut++) expect(detectEncoding(euro.subarray(0, euro.length - cut))).toBe("utf-8");
  });
});

describe("firstInvalidUtf8", () => {
  it("points at the first byte that is not UTF-8, and forgives a sequence cut by the end", () => {
    expect(firstInvalidUtf8(utf8(DANISH))).toBe(-1);
    expect(firstInvalidUtf8(new Uint8Array([0x41, 0x42, 0xf8, 0x43]))).toBe(2);
    // An overlong encoding of "/" (0xC0 0xAF) is invalid.
    expect(firstInvalidUtf8(new Uint8Array([0xc0, 0xaf]))).toBe(0);
    // A lead byte with a wrong continuation.
    expect(firstInvalidUtf8(new Uint8Array([0x41, 0xc3, 0x41]))).toBe(1);
    expect(firstInvalidUtf8(new Uint8Array([0x41, 0xe2, 0x82]))).toBe(-1);
  });
});

describe("decodeTextStream", () => {
  it("decodes each encoding to the same Danish text, however the bytes are chunked", async () => {
    const inputs: [TextEncoding, Uint8Array][] = [
      ["utf-8", utf8(DANISH)],
      ["latin1", single(DANISH.replace("–", "-"), "latin1")],
      ["windows-1252", single(DANISH, "windows-1252")],
    ];
    for (const [encoding, bytes] of inputs) {
      const expected = encoding === "latin1" ? DANISH.replace("–", "-") : DANISH;
      for (const size of [1, 2, 3, 7, bytes.length]) expect(await decode(bytes, encoding, size), `${encoding}, ${size} bytes a time`).toBe(expected);
    }
  });

  it("keeps the BOM for the record reader to drop (it is the first character of the text)", async () => {
    const text = await decode(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("a;b\n")]), "utf-8-bom");
    expect(text.replace(/^\ufeff/, "")).toBe("a;b\n");
  });

  it("refuses a file that turns from UTF-8 into latin1 further down, naming the line of the first bad byte", async () => {
    const mixed = new Uint8Array([...utf8("Kommune;Antal\nHerning;77\n"), ...single("Ringkøbing-Skjern;4\n", "latin1")]);
    for (const size of [4, 1024]) {
      const error = await decode(mixed, "utf-8", size).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(EncodingError);
      expect((error as EncodingError).line).toBe(3);
      expect((error as EncodingError).message).toMatch(/ikke gyldig UTF-8.*linje 3/);
    }
  });
});

describe("looksLikeMojibake", () => {
  it("recognises UTF-8 read as latin1 or Windows-1252, and leaves correct Danish alone", () => {
    const misread = (text: string, as: "latin1" | "windows-1252") => iconv.decode(Buffer.from(text, "utf8"), as);
    expect(looksLikeMojibake(misread("Ringkøbing-Skjern", "latin1"))).toBe(true);
    expect(looksLikeMojibake(misread("Ærø – Voksne", "windows-1252"))).toBe(true);
    expect(looksLikeMojibake(misread("Bornholms Regionskommune, Høje-Taastrup, Aabenraa, Brøndby", "windows-1252"))).toBe(true);
    expect(looksLikeMojibake("Ringkøbing-Skjern, Ærø, Brøndby, § 108 – særlig støtte")).toBe(false);
  });
});
