import type { Database, Transaction } from "../../storage/database.js";
import { migrateWithin } from "../../storage/migrate.js";
import { MIGRATIONS } from "../../storage/migrations/index.js";
import { dropApplicationSchema, hasApplicationSchema, readAppliedMigrationIds, readTableShapes, restoreSequenceStates, type TableShape } from "../../storage/table-catalog.js";
import { summarizeTable, useCanonicalTextOutput, writeTableRows } from "../../storage/table-rows.js";
import { formatInteger } from "../../domain/format-danish-number.js";
import { refuse, type Refusal } from "../use-case-result.js";
import { migrationsForSchema, type CopiedTable, type CopyProgress, type CopySource } from "./copy-source.js";

/** Thrown inside the target's transaction so that it rolls back; turned into the Refusal it carries. */
class RolledBack extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.messageDa);
  }
}

/**
 * Tables the migrations themselves fill (the default reason taxonomy): a freshly made database has rows
 * there, and they are the migrations', not a user's. A user can only change them through an account, which
 * leaves rows in other tables, so a database whose other tables are all empty holds nothing of anyone's.
 */
function tablesSeededByMigrations(): Set<string> {
  const seeded = new Set<string>();
  for (const m of MIGRATIONS) for (const match of m.sql.matchAll(/INSERT\s+INTO\s+([a-z_][a-z0-9_]*)/gi)) seeded.add(match[1]!.toLowerCase());
  return seeded;
}

const rowsDa = (n: number) => `${formatInteger(n)} ${n === 1 ? "række" : "rækker"}`;

async function countRows(tx: Transaction, table: string): Promise<number> {
  return (await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n;
}

/**
 * Makes the target's schema the source's, in the caller's transaction: an empty database (no tables, or
 * only what the migrations put there) is migrated to the source's schema version; one holding data is
 * refused unless `replace`, which drops our schema and builds it anew.
 */
async function prepareTarget(tx: Transaction, source: CopySource, replace: boolean, targetDa: string): Promise<TableShape[]> {
  const migrations = migrationsForSchema(source.schema, "Kilden");
  if (!Array.isArray(migrations)) throw new RolledBack(migrations);
  const applied = await readAppliedMigrationIds(tx);
  const holding: string[] = [];
  if (applied === null) {
    if (await hasApplicationSchema(tx)) holding.push("tabeller, der ikke er danmarkskorts");
  } else {
    const seeded = tablesSeededByMigrations();
    for (const shape of await readTableShapes(tx)) {
      if (seeded.has(shape.name)) continue;
      const n = await countRows(tx, shape.name);
      if (n > 0) holding.push(`${shape.name} (${rowsDa(n)})`);
    }
  }
  if (holding.length > 0 && !replace) {
    throw new RolledBack(
      refuse(409, `${targetDa} er ikke tom: ${holding.slice(0, 5).join(", ")}${holding.length > 5 ? " …" : ""}. Brug en tom database, eller giv --erstat for at slette alt, hvad den indeholder, og lægge kopien i stedet. Intet er ændret.`),
    );
  }
  const sameSchema = applied !== null && applied.length === source.schema.length && applied.every((id) => source.schema.includes(id));
  if (replace || (applied !== null && !sameSchema)) await dropApplicationSchema(tx);
  await migrateWithin(tx, migrations);
  const shapes = await readTableShapes(tx);
  // What the migrations seeded gives way to the source's own rows of those tables.
  for (const shape of [...shapes].reverse()) if ((await countRows(tx, shape.name)) > 0) await tx.query(`DELETE FROM ${shape.name}`);
  return shapes;
}

function sameShape(a: TableShape, b: TableShape): boolean {
  return a.name === b.name && a.columns.length === b.columns.length && a.columns.every((c, i) => c === b.columns[i]);
}

export type CopyResult = { readonly kind: "copied"; readonly schema: string; readonly tables: readonly CopiedTable[] };

/**
 * The one copy behind `flyt` and `gendan`: in a single transaction on
 * the target, build the source's schema, load every table in foreign-key order, set the sequences, then
 * count and checksum every table and compare with what the source promised. Any difference, a damaged
 * source, or a refusal rolls the whole transaction back, so the target is left exactly as it was.
 */
export async function copyIntoDatabase(
  target: Database,
  source: CopySource,
  options: { readonly replace: boolean; readonly targetDa: string; readonly onProgress?: CopyProgress },
): Promise<CopyResult | Refusal> {
  const progress = options.onProgress ?? (() => undefined);
  try {
    return await target.transaction(async (tx) => {
      await useCanonicalTextOutput(tx);
      const targetShapes = await prepareTarget(tx, source, options.replace, options.targetDa);
      const missing = source.tables.find((t) => !targetShapes.some((s) => sameShape(s, t))) ?? targetShapes.find((s) => !source.tables.some((t) => t.name === s.name));
      if (missing) throw new RolledBack(refuse(409, `Tabellen ${missing.name} ser ikke ens ud i kilden og i ${options.targetDa} efter skemaversion ${source.schema.at(-1)}. Intet er ændret.`));
      for await (const { table, batches } of source.rows()) {
        progress(`Kopierer ${table.name} (${rowsDa(table.rows)}) …`);
        await writeTableRows(tx, table, batches);
      }
      await restoreSequenceStates(tx, source.sequences);
      progress("Kontrollerer kopien: antal rækker og kontrolsum for hver tabel …");
      const copied: CopiedTable[] = [];
      const differing: string[] = [];
      for (const table of source.tables) {
        const got = await summarizeTable(tx, table);
        if (got.rows !== table.rows || got.checksum !== table.checksum) {
          differing.push(`${table.name} (kilden ${rowsDa(table.rows)}, kontrolsum ${table.checksum.slice(0, 12)}; kopien ${rowsDa(got.rows)}, kontrolsum ${got.checksum.slice(0, 12)})`);
        }
        copied.push({ name: table.name, rows: got.rows, checksum: got.checksum });
      }
      if (differing.length > 0) throw new RolledBack(refuse(409, `Kopien stemmer ikke med kilden i ${differing.join("; ")}. Intet er gemt i ${options.targetDa}.`));
      return { kind: "copied" as const, schema: source.schema.at(-1)!, tables: copied };
    });
  } catch (error) {
    if (error instanceof RolledBack) return error.refusal;
    throw error;
  }
}
