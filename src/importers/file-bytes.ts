import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";

/** The first bytes of a file: enough to tell XLSX (a zip) from text and to detect the text encoding. */
export async function readFileHead(path: string, length = 65_536): Promise<Uint8Array> {
  const handle = await open(path, "r");
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

export function isZip(head: Uint8Array): boolean {
  return head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
}

/** Streams a file's bytes while hashing them, so a million-row file is read once, never held whole. */
export function hashingByteStream(path: string): { chunks: AsyncIterable<Uint8Array>; sha256: () => string } {
  const hash = createHash("sha256");
  let digest: string | undefined;
  async function* chunks(): AsyncGenerator<Uint8Array> {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
      hash.update(chunk as Buffer);
      yield chunk as Buffer;
    }
  }
  return {
    chunks: chunks(),
    sha256: () => (digest ??= hash.digest("hex")),
  };
}

export async function sha256OfFile(path: string): Promise<string> {
  const { chunks, sha256 } = hashingByteStream(path);
  for await (const _ of chunks) {
    // reading is the work
  }
  return sha256();
}
