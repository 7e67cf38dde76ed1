import { hashingByteStream, readFileHead } from "./file-bytes.js";
import { readDelimitedRecords, type ReadOptions, type SeparatedRecord } from "./text/read-delimited-records.js";
import { decodeTextStream, detectEncoding, type TextEncoding } from "./text/decode-text-stream.js";

/** A text table file opened for streaming: its encoding, and its records with line numbers. */
export type TextTable = {
  readonly encoding: TextEncoding;
  /** Records in batches of up to 1.024, in file order. */
  readonly records: AsyncGenerator<SeparatedRecord[]>;
  /** Valid once `records` is exhausted. */
  readonly sha256: () => string;
};

export async function openTextTable(path: string, options: ReadOptions = {}): Promise<TextTable> {
  const encoding = detectEncoding(await readFileHead(path));
  const bytes = hashingByteStream(path);
  return { encoding, records: readDelimitedRecords(decodeTextStream(bytes.chunks, encoding), options), sha256: bytes.sha256 };
}
