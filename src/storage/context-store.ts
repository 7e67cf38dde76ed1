import type { ContextFigure, ContextFiguresOfVersion, ContextProvenance, ContextTableId } from "../domain/context/context-figure.js";
import { contextMeasureKey } from "../domain/context/context-figure.js";
import { asMunicipalityCode } from "../domain/municipality.js";
import type { Queryable, Transaction } from "./database.js";
import { toIsoTimestamp } from "./timestamps.js";

export type ContextVersionInput = {
  readonly table: ContextTableId;
  readonly fileName: string;
  readonly sha256: string;
  readonly source: string | null;
  readonly extractedOn: string | null;
  readonly importedAt: string;
  readonly periodFrom: string;
  readonly periodTo: string;
};

export type ContextSaveResult = { readonly kind: "stored" | "unchanged"; readonly contextVersionId: number; readonly figureCount: number };

const csvField = (v: string | number | null) => (v === null ? "" : typeof v === "number" ? String(v) : `"${v.replace(/"/g, '""')}"`);

/**
 * Stores one imported file as a context version with all its figures, in the caller's transaction (all or
 * nothing). The same table and hash again is `unchanged`: nothing new is written.
 */
export async function saveContextVersion(tx: Transaction, input: ContextVersionInput, figures: readonly ContextFigure[]): Promise<ContextSaveResult> {
  const existing = await tx.query<{ id: number; figure_count: number }>("SELECT id, figure_count FROM context_version WHERE table_id = $1 AND sha256 = $2", [input.table, input.sha256]);
  if (existing.rows[0]) return { kind: "unchanged", contextVersionId: existing.rows[0].id, figureCount: existing.rows[0].figure_count };
  const inserted = await tx.query<{ id: number }>(
    `INSERT INTO context_version (table_id, file_name, sha256, source, extracted_on, imported_at, period_from, period_to, figure_count)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [input.table, input.fileName, input.sha256, input.source, input.extractedOn, input.importedAt, input.periodFrom, input.periodTo, figures.length],
  );
  const id = inserted.rows[0]!.id;
  function* rows(): Iterable<string> {
    let chunk = "";
    for (const f of figures) {
      const label = f.measure.kind === "recipients" ? f.measure.labelDa : f.measure.band;
      const value = f.value.kind === "value" ? f.value.value : null;
      chunk += [id, csvField(f.municipalityCode), csvField(contextMeasureKey(f.measure)), csvField(label), f.period.year, f.period.quarter ?? "", f.value.kind, value ?? ""].join(",") + "\n";
      if (chunk.length > 65_536) {
        yield chunk;
        chunk = "";
      }
    }
    if (chunk) yield chunk;
  }
  await tx.copyCsv("context_figure", ["context_version_id", "municipality_code", "measure", "measure_label", "year", "quarter", "status", "value"], rows());
  return { kind: "stored", contextVersionId: id, figureCount: figures.length };
}

type VersionRow = { id: number; table_id: ContextTableId; file_name: string; sha256: string; extracted_on: string | Date | null; imported_at: string | Date; period_from: string; period_to: string; figure_count: number };

const dateOnly = (v: string | Date | null) => (v === null ? null : typeof v === "string" ? v.slice(0, 10) : v.toISOString().slice(0, 10));

function provenanceOf(r: VersionRow): ContextProvenance {
  return {
    contextVersionId: r.id,
    table: r.table_id,
    fileName: r.file_name,
    sha256: r.sha256,
    extractedOn: dateOnly(r.extracted_on),
    importedAt: toIsoTimestamp(r.imported_at),
    periodFrom: r.period_from,
    periodTo: r.period_to,
  };
}

export type ContextVersionListing = ContextProvenance & { readonly figureCount: number };

export async function listContextVersions(db: Queryable): Promise<ContextVersionListing[]> {
  const { rows } = await db.query<VersionRow>("SELECT * FROM context_version ORDER BY id");
  return rows.map((r) => ({ ...provenanceOf(r), figureCount: r.figure_count }));
}

/** Every stored context version with its figures: what the pages and the API index (indexContextFigures). */
export async function loadContextFigures(db: Queryable): Promise<ContextFiguresOfVersion[]> {
  const versions = (await db.query<VersionRow>("SELECT * FROM context_version ORDER BY id")).rows;
  if (versions.length === 0) return [];
  const { rows } = await db.query<{ context_version_id: number; municipality_code: string | null; measure: string; measure_label: string; year: number; quarter: number | null; status: string; value: number | null }>(
    "SELECT context_version_id, municipality_code, measure, measure_label, year, quarter, status, value FROM context_figure ORDER BY context_version_id",
  );
  const byVersion = new Map<number, ContextFigure[]>(versions.map((v) => [v.id, []]));
  for (const r of rows) {
    const [kind, key] = [r.measure.slice(0, r.measure.indexOf(":")), r.measure.slice(r.measure.indexOf(":") + 1)];
    const measure = kind === "population" ? { kind: "population" as const, band: key as "total" } : { kind: "recipients" as const, code: key, labelDa: r.measure_label };
    byVersion.get(r.context_version_id)?.push({
      municipalityCode: asMunicipalityCode(r.municipality_code),
      measure,
      period: { year: Number(r.year), quarter: r.quarter === null ? null : (Number(r.quarter) as 1 | 2 | 3 | 4) },
      value: r.status === "suppressed" ? { kind: "suppressed" } : { kind: "value", value: Number(r.value) },
    });
  }
  return versions.map((v) => ({ provenance: provenanceOf(v), figures: byVersion.get(v.id)! }));
}

/** Removes one context version and its figures; false when there is none with that id. */
export async function removeContextVersion(db: Queryable, id: number): Promise<boolean> {
  const { rows } = await db.query<{ id: number }>("DELETE FROM context_version WHERE id = $1 RETURNING id", [id]);
  return rows.length > 0;
}

/** A cheap fingerprint of the stored context versions, so caches notice an import or a removal. */
export async function contextFingerprint(db: Queryable): Promise<string> {
  const { rows } = await db.query<{ ids: string | null }>("SELECT string_agg(id::text, ',' ORDER BY id) AS ids FROM context_version");
  return rows[0]?.ids ?? "";
}
