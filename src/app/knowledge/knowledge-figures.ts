import { authorize } from "../../domain/access-policy.js";
import { asCellTotals } from "../../domain/cell-totals.js";
import type { KnowledgeAgendaSummary } from "../../reports/sections/knowledge-bank-section.js";
import { buildKnowledgeFigures, buildReasonTrend, type KnowledgeFigures, type ReasonTrend, type StatisticsReversed } from "../../domain/knowledge/knowledge-figures.js";
import { buildPublicAggregate, type PublicAggregate } from "../../domain/knowledge/public-aggregate.js";
import type { MapId } from "../../domain/map-definition.js";
import { DEFAULT_MAP_RULES } from "../../domain/map-rules.js";
import { reversedOf } from "../../domain/outcome.js";
import type { YearProvenance } from "../../domain/complaint-cell.js";
import { findMunicipalityByCode, type MunicipalityCode } from "../../domain/municipality.js";
import { loadComplaintCells } from "../../storage/complaint-store.js";
import type { Queryable } from "../../storage/database.js";
import { listKnowledgeEntries, listPublishingMunicipalities, loadKnowledgeSetting, loadReasonTaxonomy } from "../../storage/knowledge-entries.js";
import type { Caller } from "../caller.js";
import { refuse, type Refusal } from "../use-case-result.js";
import { authorizeKnowledge, type KnowledgeDeps } from "./save-knowledge-entry.js";

export type KnowledgeFiguresResult = {
  readonly kind: "figures";
  readonly figures: KnowledgeFigures;
  readonly trend: ReasonTrend;
  /** The dataset version the completeness compares with, or null when the year has no statistics. */
  readonly statistics: YearProvenance | null;
  /** The years the bank holds entries for, newest first. */
  readonly years: readonly number[];
};

/** The statistics' reversed cases per map for one municipality and year, from the active dataset version. */
export async function loadStatisticsReversed(db: Queryable, municipalityCode: MunicipalityCode, year: number): Promise<{ reversed: (map: MapId) => StatisticsReversed; provenance: YearProvenance | null }> {
  const loaded = await loadComplaintCells(db, { years: [year] });
  const totals = asCellTotals(loaded.cells, DEFAULT_MAP_RULES);
  const provenance = loaded.provenanceByYear.get(year) ?? null;
  return {
    provenance,
    reversed: (map) => {
      if (provenance === null || !totals.hasMunicipality(year, municipalityCode)) return { kind: "no-statistics" };
      const counts = totals.counts(year, map, "total", municipalityCode);
      return { kind: "figure", reversed: counts ? reversedOf(counts) : 0 };
    },
  };
}

/** What the municipality's knowledge bank tells for a year, for those who may read it. */
export async function loadKnowledgeFigures(deps: Pick<KnowledgeDeps, "db" | "securityLog">, caller: Caller, municipalityCode: string, year: number): Promise<KnowledgeFiguresResult | Refusal> {
  const auth = authorizeKnowledge(deps, caller, "knowledge.read", municipalityCode);
  if (auth.kind === "refused") return auth;
  const code = auth.municipality.code;
  const [entries, reasons, statistics] = await Promise.all([listKnowledgeEntries(deps.db, code), loadReasonTaxonomy(deps.db), loadStatisticsReversed(deps.db, code, year)]);
  const figures = buildKnowledgeFigures({ municipalityCode: code, year, entries, reasons, rules: DEFAULT_MAP_RULES, statisticsReversed: statistics.reversed });
  return { kind: "figures", figures, trend: buildReasonTrend(entries, reasons), statistics: statistics.provenance, years: [...new Set(entries.map((e) => e.dataYear))].sort((a, b) => b - a) };
}

/**
 * The anonymised aggregate of one municipality for a year, public when (and only when) the municipality
 * chose to publish it: no text, cells under 3 suppressed. Needs no sign-in, so it takes no caller.
 */
export async function loadPublicAggregate(db: Queryable, municipalityCode: string, year: number): Promise<{ kind: "aggregate"; aggregate: PublicAggregate } | { kind: "not-published" } | Refusal> {
  const m = findMunicipalityByCode(municipalityCode);
  if (!m) return refuse(404, `Ukendt kommune "${municipalityCode.slice(0, 20)}".`);
  if (!(await loadKnowledgeSetting(db, m.code)).publishAggregate) return { kind: "not-published" };
  const [entries, reasons] = await Promise.all([listKnowledgeEntries(db, m.code, { dataYear: year }), loadReasonTaxonomy(db)]);
  return { kind: "aggregate", aggregate: buildPublicAggregate({ municipalityCode: m.code, year, entries, reasons }) };
}

/** The national aggregate over the municipalities that publish theirs; each cell suppressed under 3 again. */
export async function loadNationalAggregate(db: Queryable, year: number): Promise<{ kind: "aggregate"; aggregate: PublicAggregate; municipalityCodes: readonly string[] }> {
  const codes = await listPublishingMunicipalities(db);
  const reasons = await loadReasonTaxonomy(db);
  const entries = (await Promise.all(codes.map((c) => listKnowledgeEntries(db, c, { dataYear: year })))).flat();
  return { kind: "aggregate", aggregate: buildPublicAggregate({ municipalityCode: null, year, entries, reasons, municipalities: codes.length }), municipalityCodes: codes };
}

/**
 * The knowledge bank's part of the agenda item for a year (src/reports/sections/knowledge-bank-section.ts):
 * built from the approved entries only. A reader who may read the bank (the municipality's own users,
 * tilsyn, the operator) gets exact counts; anyone else gets it only when the municipality publishes its
 * aggregate, with counts under 3 suppressed; otherwise, and without approved entries, null (no section).
 */
export async function loadKnowledgeAgendaSummary(db: Queryable, caller: Caller, municipalityCode: string, year: number): Promise<KnowledgeAgendaSummary | null> {
  const m = findMunicipalityByCode(municipalityCode);
  if (!m) return null;
  const exact = authorize(caller.actor, { action: "knowledge.read", municipalityCode: m.code }).allowed;
  if (!exact && !(await loadKnowledgeSetting(db, m.code)).publishAggregate) return null;
  const entries = (await listKnowledgeEntries(db, m.code, { dataYear: year })).filter((e) => e.status === "approved");
  if (entries.length === 0) return null;
  const [reasons, statistics] = await Promise.all([loadReasonTaxonomy(db), loadStatisticsReversed(db, m.code, year)]);
  return { exact, figures: buildKnowledgeFigures({ municipalityCode: m.code, year, entries, reasons, rules: DEFAULT_MAP_RULES, statisticsReversed: statistics.reversed }) };
}
