import { basename } from "node:path";
import type { ContextTableId } from "../../domain/context/context-figure.js";
import { isZip, readFileHead } from "../file-bytes.js";
import { openTextTable } from "../read-text-records.js";
import { EncodingError } from "../text/decode-text-stream.js";
import { detectStatbankTable } from "./statbank-header.js";

/**
 * Is the file a Statistikbanken context table (FOLK1A, HAND07, HAND06, HANDBU01)? Read from its header only,
 * so `import` can send it to the context importer and everything else to the complaint importer, the same
 * way a complaint file's layout is found from its columns. Undefined for anything else (XLSX included).
 */
export async function sniffStatbankTable(path: string, tableHint?: ContextTableId): Promise<ContextTableId | undefined> {
  if (isZip(await readFileHead(path, 4))) return undefined;
  const table = await openTextTable(path);
  try {
    for await (const batch of table.records) {
      for (const record of batch) {
        if (record.fields.every((f) => f.trim() === "")) continue;
        const found = detectStatbankTable(record.fields, basename(path), tableHint);
        // A known table with a column too many is still that table: its importer names the column.
        return found === undefined ? undefined : found.kind === "detected" ? found.columns.table : found.table;
      }
    }
  } catch (error) {
    if (error instanceof EncodingError) return undefined;
    throw error;
  } finally {
    await table.records.return(undefined);
  }
  return undefined;
}
