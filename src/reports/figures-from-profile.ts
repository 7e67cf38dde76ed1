import { assertNever } from "../domain/assert-never.js";
import { MAP_IDS, type MapId } from "../domain/map-definition.js";
import type { MapProfile, MunicipalityProfile, ProfileYear } from "../domain/municipality-profile.js";
import type { FunnelResult } from "../domain/map-figures.js";
import { poolYears } from "../domain/pooled-rate.js";
import type { RateEstimate } from "../domain/rate-estimate.js";
import type { YearChange } from "../domain/year-change.js";
import type { AgendaItemFigures, ChangeVerdict, ComparedEstimates, MapFigures, NationalVerdict, NeighbourRow } from "./agenda-item-figures.js";

/**
 * Reads the figures the agenda item prints out of the municipality profile (the statistics core shared
 * with the web page). Nothing is recomputed here except the four-year sum per neighbour, which uses the
 * core's own `poolYears`.
 */
export function figuresFromProfile(profile: MunicipalityProfile, year: number): AgendaItemFigures {
  const code = profile.municipality.code;
  const maps = Object.fromEntries(MAP_IDS.map((id) => [id, mapFigures(mapOf(profile, id), year)])) as Record<MapId, MapFigures>;
  const social = mapOf(profile, "socialomraadet");
  const totalYears = social.areas.find((a) => a.area === "total")?.years ?? [];
  const group = social.neighbours;
  const subjectRow: NeighbourRow = {
    municipalityCode: code,
    isSubject: true,
    estimates: group.years.map((y) => totalYears.find((p) => p.year === y)?.municipality.estimate ?? noData(y)),
    pooled: pooled(group.years, (y) => totalYears.find((p) => p.year === y)?.municipality.estimate ?? noData(y)),
  };
  const neighbourRows: NeighbourRow[] = group.members.map((m) => ({
    municipalityCode: m.municipalityCode,
    isSubject: false,
    estimates: m.years.map((y) => y.estimate),
    pooled: pooled(group.years, (y) => m.years.find((e) => e.year === y)?.estimate ?? noData(y)),
  }));
  const subjects = social.subjects.find((s) => s.year === year)?.subjects ?? [];
  return {
    municipalityCode: code,
    year,
    maps,
    neighbours: { years: group.years, rows: [subjectRow, ...neighbourRows] },
    subjects: subjects
      .filter((s) => s.decided > 0)
      .map((s) => ({ subject: s.subject, decided: s.decided, reversed: s.reversed, changed: s.counts.changed, remitted: s.counts.remitted })),
  };
}

function mapOf(profile: MunicipalityProfile, id: MapId): MapProfile {
  const found = profile.maps.find((m) => m.map === id);
  if (!found) throw new Error(`Profilen mangler kortet ${id}`);
  return found;
}

function noData(year: number): RateEstimate {
  return { kind: "no-data", reasonDa: `der er ingen data for ${year}` };
}

function compared(p: ProfileYear | undefined, year: number): ComparedEstimates {
  return p ? { national: p.national.estimate, municipality: p.municipality.estimate } : { national: noData(year), municipality: noData(year) };
}

function pooled(years: readonly number[], estimateOf: (year: number) => RateEstimate): RateEstimate {
  if (years.length === 0) return { kind: "no-data", reasonDa: "ingen år" };
  return poolYears(
    years[years.length - 1]!,
    (y) => {
      const e = estimateOf(y);
      return e.kind === "no-data" ? "no-data" : e.counts;
    },
    years.length,
  ).estimate;
}

function mapFigures(profile: MapProfile, year: number): MapFigures {
  const total = profile.areas.find((a) => a.area === "total");
  const current = total?.years.find((p) => p.year === year);
  return {
    map: profile.map,
    areas: profile.areas.map((a) => ({ area: a.area, ...compared(a.years.find((p) => p.year === year), year) })),
    previous: compared(total?.years.find((p) => p.year === year - 1), year - 1),
    change: current ? changeVerdict(current.change) : { kind: "not-testable", reasonDa: `der er ingen data for ${year}` },
    versusNational: current ? nationalVerdict(current.municipality.funnel) : { kind: "not-testable", reasonDa: `der er ingen data for ${year}` },
    trend: (total?.years ?? []).filter((p) => p.year <= year).map((p) => ({ year: p.year, ...compared(p, p.year) })),
  };
}


/** Newcombe's interval for the difference (domain/year-change.ts): beyond chance when it excludes zero. */
function changeVerdict(change: YearChange): ChangeVerdict {
  switch (change.kind) {
    case "not-comparable":
      return { kind: "not-testable", reasonDa: change.reasonDa.charAt(0).toLowerCase() + change.reasonDa.slice(1) };
    case "change":
      return {
        kind: "tested",
        differencePoints: change.difference * 100,
        beyondChance: change.verdict !== "no-clear-change",
        ci95Points: [change.ci95[0] * 100, change.ci95[1] * 100],
        methodDa: "Newcombes metode",
      };
    default:
      return assertNever(change);
  }
}

/** The funnel verdict against the national rate (Spiegelhalter 2005, domain/statistics/funnel-limits.ts). */
function nationalVerdict(funnel: FunnelResult): NationalVerdict {
  if (funnel.kind === "not-assessed") return { kind: "not-testable", reasonDa: funnel.reasonDa.charAt(0).toLowerCase() + funnel.reasonDa.slice(1) };
  const methodDa = "95 %-kontrolgrænser om landsprocenten for kommunens antal sager, Spiegelhalter 2005";
  switch (funnel.verdict) {
    case "above95":
    case "above99.8":
      return { kind: "above", methodDa };
    case "below95":
    case "below99.8":
      return { kind: "below", methodDa };
    case "within":
      return { kind: "within", methodDa };
    default:
      return assertNever(funnel.verdict);
  }
}
