import { createReadStream, createWriteStream } from "node:fs";
import { rename, rm, stat } from "node:fs/promises";
import { once } from "node:events";
import { finished } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";
import type { SequenceState, TableShape } from "./table-catalog.js";
import { BATCH_TEXT_CHARS, textLength, type TableSummary, type TextRow } from "./table-rows.js";

/**
 * The backup file: gzip-compressed JSON lines, one format for both engines (so a backup of the embedded
 * database restores into PostgreSQL and back). pg_dump is not used: it does not exist for the embedded
 * database, its output differs between server versions, and a file we write ourselves can name the line a
 * damaged copy breaks on.
 *
 *   line 1      {"format":"danmarkskort-sikkerhedskopi","formatVersion":1,"createdAt":…,"engine":…,
 *                "schema":[migration ids],"tables":[{name,columns,orderBy,rows,checksum}],"sequences":[…]}
 *   then, per table in the header's (foreign-key) order:
 *               {"table":"dataset_version"}
 *               ["1","talportal.csv",…]        one JSON array per row: each column's text form, or null
 *   last line   {"end":true}
 */
export const BACKUP_FORMAT = "danmarkskort-sikkerhedskopi";
export const BACKUP_FORMAT_VERSION = 1;

export type BackupTable = TableShape & Pick<TableSummary, "rows" | "checksum">;

export type BackupHeader = {
  readonly format: typeof BACKUP_FORMAT;
  readonly formatVersion: typeof BACKUP_FORMAT_VERSION;
  readonly createdAt: string;
  readonly engine: "pglite" | "postgres";
  /** The migrations applied in the database the backup was taken from: its schema version. */
  readonly schema: readonly string[];
  readonly tables: readonly BackupTable[];
  readonly sequences: readonly SequenceState[];
};

/** A backup file that cannot be read; the message names the file and, where it can, the line. */
export class BackupFileError extends Error {}

export type BackupWriter = {
  writeTableStart(table: string): Promise<void>;
  writeRows(rows: readonly TextRow[]): Promise<void>;
  /**
   * Ends the file, runs `check` on the written file (still under its temporary name), and only then moves
   * it into place; returns its size in bytes.
   */
  finish(check?: (writtenPath: string) => Promise<void>): Promise<number>;
  /** Removes the half-written file: a failed backup leaves no file that looks whole. */
  abort(): Promise<void>;
};

/**
 * Writes to `<path>.<pid>.tmp` and renames it to `path` only when the whole file is written, so an older
 * backup at `path` is replaced at once or not at all.
 */
export async function createBackupWriter(path: string, header: BackupHeader): Promise<BackupWriter> {
  const temporary = `${path}.${process.pid}.tmp`;
  const file = createWriteStream(temporary, { flags: "wx" });
  await once(file, "open").catch((error: unknown) => {
    throw new BackupFileError(`Sikkerhedskopien kan ikke skrives til ${path}: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "mappen findes ikke" : "filen kan ikke oprettes"}.`);
  });
  const gzip = createGzip();
  gzip.pipe(file);
  let failure: unknown;
  gzip.on("error", (e) => (failure = e));
  file.on("error", (e) => (failure = e));
  async function writeLine(value: unknown): Promise<void> {
    if (failure) throw failure;
    if (!gzip.write(`${JSON.stringify(value)}\n`)) await once(gzip, "drain");
  }
  await writeLine(header);
  return {
    writeTableStart: (table) => writeLine({ table }),
    async writeRows(rows) {
      for (const row of rows) await writeLine(row);
    },
    async finish(check) {
      await writeLine({ end: true });
      gzip.end();
      await finished(file);
      if (failure) throw failure;
      if (check) await check(temporary);
      await rename(temporary, path);
      return (await stat(path)).size;
    },
    async abort() {
      gzip.destroy();
      file.destroy();
      await rm(temporary, { force: true });
    },
  };
}

type Line = { readonly text: string; readonly number: number };

/** The decompressed file's lines, numbered from 1; a damaged compression or encoding becomes a BackupFileError. */
async function* readLines(path: string): AsyncGenerator<Line> {
  const source = createReadStream(path);
  const gunzip = createGunzip();
  source.on("error", (error) => gunzip.destroy(error));
  source.pipe(gunzip);
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let pending = "";
  let number = 0;
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      pending += decoder.decode(chunk, { stream: true });
      let end: number;
      while ((end = pending.indexOf("\n")) >= 0) {
        yield { text: pending.slice(0, end), number: ++number };
        pending = pending.slice(end + 1);
      }
    }
    pending += decoder.decode();
  } catch (error) {
    throw describeReadError(path, error, number);
  }
  if (pending !== "") yield { text: pending, number: ++number };
}

function describeReadError(path: string, error: unknown, linesRead: number): BackupFileError {
  if (error instanceof BackupFileError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return new BackupFileError(`Sikkerhedskopien ${path} findes ikke.`);
  if (code === "EISDIR" || code === "EACCES") return new BackupFileError(`Sikkerhedskopien ${path} kan ikke læses.`);
  if (error instanceof TypeError) return new BackupFileError(`Sikkerhedskopien ${path} er beskadiget i linje ${linesRead + 1}: teksten er ikke gyldig UTF-8.`);
  if (linesRead === 0) return new BackupFileError(`${path} er ikke en sikkerhedskopi fra danmarkskort (filen er ikke gzip-komprimeret, eller den er beskadiget fra begyndelsen).`);
  return new BackupFileError(`Sikkerhedskopien ${path} er beskadiget efter linje ${linesRead}: den komprimerede fil er ufuldstændig eller ændret.`);
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;
const isIdentifierList = (v: unknown): v is string[] => Array.isArray(v) && v.every((c) => typeof c === "string" && IDENTIFIER.test(c));
const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;

function parseHeader(path: string, line: Line | undefined): BackupHeader {
  const notOurs = new BackupFileError(`${path} er ikke en sikkerhedskopi fra danmarkskort (linje 1 er ikke dens hoved).`);
  if (!line) throw new BackupFileError(`Sikkerhedskopien ${path} er tom.`);
  let value: Record<string, unknown>;
  try {
    value = JSON.parse(line.text) as Record<string, unknown>;
  } catch {
    throw notOurs;
  }
  if (typeof value !== "object" || value === null || value.format !== BACKUP_FORMAT) throw notOurs;
  if (value.formatVersion !== BACKUP_FORMAT_VERSION) {
    throw new BackupFileError(`Sikkerhedskopien ${path} er skrevet i formatversion ${String(value.formatVersion)}, som denne udgave af danmarkskort ikke kan læse (den kan læse version ${BACKUP_FORMAT_VERSION}).`);
  }
  const broken = (what: string) => new BackupFileError(`Sikkerhedskopien ${path} er beskadiget i linje 1: ${what}.`);
  if (typeof value.createdAt !== "string" || Number.isNaN(Date.parse(value.createdAt))) throw broken("tidspunktet mangler");
  if (value.engine !== "pglite" && value.engine !== "postgres") throw broken("databasetypen mangler");
  if (!Array.isArray(value.schema) || !value.schema.every((id) => typeof id === "string")) throw broken("skemaversionen mangler");
  if (!Array.isArray(value.tables)) throw broken("tabellisten mangler");
  const tables = value.tables.map((t: Record<string, unknown>, i) => {
    const ok =
      typeof t === "object" && t !== null && typeof t.name === "string" && IDENTIFIER.test(t.name) && isIdentifierList(t.columns) && t.columns.length > 0 &&
      isIdentifierList(t.orderBy) && isCount(t.rows) && typeof t.checksum === "string" && /^[0-9a-f]{32}$/.test(t.checksum);
    if (!ok) throw broken(`tabel nr. ${i + 1} i tabellisten er ufuldstændig`);
    return { name: t.name, columns: t.columns, orderBy: t.orderBy, rows: t.rows, checksum: t.checksum } as BackupTable;
  });
  if (!Array.isArray(value.sequences)) throw broken("sekvenslisten mangler");
  const sequences = value.sequences.map((s: Record<string, unknown>, i) => {
    const ok = typeof s === "object" && s !== null && typeof s.name === "string" && IDENTIFIER.test(s.name) && typeof s.lastValue === "string" && /^-?\d+$/.test(s.lastValue) && typeof s.isCalled === "boolean";
    if (!ok) throw broken(`sekvens nr. ${i + 1} er ufuldstændig`);
    return { name: s.name, lastValue: s.lastValue, isCalled: s.isCalled } as SequenceState;
  });
  return { format: BACKUP_FORMAT, formatVersion: BACKUP_FORMAT_VERSION, createdAt: value.createdAt, engine: value.engine, schema: value.schema as string[], tables, sequences };
}

export type BackupReader = {
  readonly header: BackupHeader;
  /**
   * Each table of the header in turn with its rows in batches. Consume each table's batches whole before
   * asking for the next table; every line is checked (columns, types, row count, the end mark).
   */
  tables(): AsyncGenerator<{ readonly table: BackupTable; readonly batches: AsyncGenerator<TextRow[]> }>;
};

export async function openBackupReader(path: string, batchSize = 2000): Promise<BackupReader> {
  const lines = readLines(path);
  const first = await lines.next();
  const header = parseHeader(path, first.done ? undefined : first.value);
  let lastLine = 1;
  let held: Line | undefined;
  const broken = (line: number, what: string) => new BackupFileError(`Sikkerhedskopien ${path} er beskadiget i linje ${line}: ${what}.`);
  async function nextLine(): Promise<Line | undefined> {
    if (held) {
      const line = held;
      held = undefined;
      return line;
    }
    const r = await lines.next();
    if (r.done) return undefined;
    lastLine = r.value.number;
    return r.value;
  }
  const parse = (line: Line): unknown => {
    try {
      return JSON.parse(line.text);
    } catch {
      throw broken(line.number, line.text.trim() === "" ? "linjen er tom" : "linjen er ikke gyldig JSON");
    }
  };
  const endedEarly = () => new BackupFileError(`Sikkerhedskopien ${path} er beskadiget: filen slutter efter linje ${lastLine}, før sikkerhedskopien er slut.`);

  async function* rowsOf(table: BackupTable): AsyncGenerator<TextRow[]> {
    let batch: TextRow[] = [];
    let batchChars = 0;
    let count = 0;
    for (;;) {
      const line = await nextLine();
      if (!line) throw endedEarly();
      const value = parse(line);
      if (!Array.isArray(value)) {
        held = line;
        break;
      }
      if (value.length !== table.columns.length) throw broken(line.number, `rækken i tabellen ${table.name} har ${value.length} felter, men tabellen har ${table.columns.length} kolonner`);
      if (!value.every((v) => v === null || typeof v === "string")) throw broken(line.number, `rækken i tabellen ${table.name} har et felt, der hverken er tekst eller tomt`);
      if (count === table.rows) throw broken(line.number, `tabellen ${table.name} har flere rækker, end hovedet siger (${table.rows})`);
      count++;
      batch.push(value as TextRow);
      batchChars += textLength(value as TextRow);
      // Bounded by text too: a table of large attachments is loaded a few rows per COPY.
      if (batch.length >= batchSize || batchChars >= BATCH_TEXT_CHARS) {
        yield batch;
        batch = [];
        batchChars = 0;
      }
    }
    if (count !== table.rows) throw broken(held!.number, `tabellen ${table.name} har ${count} rækker i filen, men hovedet siger ${table.rows}`);
    if (batch.length > 0) yield batch;
  }

  return {
    header,
    async *tables() {
      for (const table of header.tables) {
        const line = await nextLine();
        if (!line) throw endedEarly();
        const mark = parse(line) as { table?: unknown } | null;
        if (typeof mark !== "object" || mark === null || Array.isArray(mark) || mark.table !== table.name) throw broken(line.number, `her skulle tabellen ${table.name} begynde`);
        yield { table, batches: rowsOf(table) };
      }
      const end = await nextLine();
      if (!end) throw endedEarly();
      const mark = parse(end) as { end?: unknown } | null;
      if (typeof mark !== "object" || mark === null || Array.isArray(mark) || mark.end !== true) throw broken(end.number, "her skulle sikkerhedskopien slutte");
      const after = await nextLine();
      if (after) throw broken(after.number, "der står mere efter sikkerhedskopiens slutning");
    },
  };
}
