import type { Refusal } from "../use-case-result.js";
import { refuse } from "../use-case-result.js";
import type { BackupTable } from "../../storage/backup-file.js";
import { MIGRATIONS, type Migration } from "../../storage/migrations/index.js";
import type { SequenceState } from "../../storage/table-catalog.js";
import type { TextRow } from "../../storage/table-rows.js";

/**
 * Everything a copy needs from where it comes from, whether a live database (backup, flyt) or a backup file
 * (gendan): the schema version, each table with the row count and checksum the copy must end up with, the
 * sequences, and then the rows table by table in foreign-key order.
 */
export type CopySource = {
  readonly engine: "pglite" | "postgres";
  readonly schema: readonly string[];
  readonly tables: readonly BackupTable[];
  readonly sequences: readonly SequenceState[];
  rows(): AsyncGenerator<{ readonly table: BackupTable; readonly batches: AsyncIterable<TextRow[]> }>;
};

export type CopyProgress = (messageDa: string) => void;

/** What a finished copy reports per table: what was written and verified. */
export type CopiedTable = { readonly name: string; readonly rows: number; readonly checksum: string };

/**
 * The migrations that make the schema `ids` names. A schema is always a prefix of our list (migrations run in
 * order, each once); an id this build does not know means the source came from a newer build.
 */
export function migrationsForSchema(ids: readonly string[], what: string): Migration[] | Refusal {
  const known = new Set(MIGRATIONS.map((m) => m.id));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    return refuse(409, `${what} har skemaversionen ${unknown.at(-1)}, som denne udgave af danmarkskort ikke kender. Brug den udgave af danmarkskort, den blev lavet med, eller en nyere.`);
  }
  const wanted = new Set(ids);
  const prefix = MIGRATIONS.slice(0, wanted.size);
  if (!prefix.every((m) => wanted.has(m.id))) return refuse(409, `${what} har et skema, der mangler trin (${MIGRATIONS.find((m) => !wanted.has(m.id))?.id}), og kan ikke genskabes.`);
  return prefix;
}

export const describeEngineDa = (engine: CopySource["engine"]) => (engine === "pglite" ? "den indlejrede database" : "PostgreSQL");
