import { assertNever } from "../domain/assert-never.js";
import { MAP_IDS, type MapId } from "../domain/map-definition.js";
import { areaProfilesOf, mapProfilesOf, type MapProfile, type MunicipalityProfile, type ProfileYear } from "../domain/municipality-profile.js";
import type { FunnelResult, FunnelSummary } from "../domain/map-figures.js";
import { describeChanceFlagsDa, describeOverdispersionDa } from "../domain/funnel-summary-text.js";
import { DEFAULT_POOLED_YEARS, poolYears } from "../domain/pooled-rate.js";
import type { RateEstimate } from "../domain/rate-estimate.js";
import type { YearChange } from "../domain/year-change.js";
import type { AgendaItemFigures, ChangeVerdict, ComparedEstimates, MunicipalityMapFigures, NationalVerdict, NeighbourRow } from "./agenda-item-figures.js";

/**
 * Reads the figures the agenda item prints out of the municipality profile (the statistics core shared
 * with the web page). Nothing is recomputed here except the four-year sum per neighbour, which uses the
 * core's own `poolYears` over the same window as the profile (DEFAULT_POOLED_YEARS).
 */
export function figuresFromProfile(profile: MunicipalityProfile, year: number): AgendaItemFigures {
  const code = profile.municipality.code;
  const maps = Object.fromEntries(MAP_IDS.map((id) => [id, mapFigures(profile.maps[id], year)])) as Record<MapId, MunicipalityMapFigures>;
  const social = profile.maps.socialomraadet;
  const totalYears = social.areas.total.years;
  const group = social.neighbours;
  const loadedYears = [...new Set(mapProfilesOf(profile).flatMap((m) => areaProfilesOf(m).flatMap((a) => a.years.map((p) => p.year))))].filter((y) => y <= year).sort((a, b) => a - b);
  // Years not loaded at all are left out of the neighbour table: a column of dashes says nothing.
  const years = group.years.filter((y) => loadedYears.includes(y));
  // One pooling window everywhere: the profile's (DEFAULT_POOLED_YEARS), not the four years the table shows.
  const pooledYears = years.slice(-DEFAULT_POOLED_YEARS);
  const subjectRow: NeighbourRow = {
    municipalityCode: code,
    isSubject: true,
    estimates: years.map((y) => totalYears.find((p) => p.year === y)?.municipality.estimate ?? noData(y)),
    pooled: pooled(pooledYears, (y) => totalYears.find((p) => p.year === y)?.municipality.estimate ?? noData(y)),
  };
  const neighbourRows: NeighbourRow[] = group.members.map((m) => ({
    municipalityCode: m.municipalityCode,
    isSubject: false,
    estimates: years.map((y) => m.years.find((e) => e.year === y)?.estimate ?? noData(y)),
    pooled: pooled(pooledYears, (y) => m.years.find((e) => e.year === y)?.estimate ?? noData(y)),
  }));
  const subjects = social.subjects.find((s) => s.year === year)?.subjects ?? [];
  return {
    municipalityCode: code,
    year,
    loadedYears,
    maps,
    neighbours: { years, pooledYears, rows: [subjectRow, ...neighbourRows] },
    subjects: subjects
      .filter((s) => s.decided > 0)
      .map((s) => ({ subject: s.subject, decided: s.decided, reversed: s.reversed, changed: s.counts.changed, remitted: s.counts.remitted })),
  };
}

function noData(year: number): RateEstimate {
  return { kind: "no-data", reason: { code: "year-without-data", year } };
}

function compared(p: ProfileYear | undefined, year: number): ComparedEstimates {
  return p ? { national: p.national.estimate, municipality: p.municipality.estimate } : { national: noData(year), municipality: noData(year) };
}

function pooled(years: readonly number[], estimateOf: (year: number) => RateEstimate): RateEstimate {
  if (years.length === 0) return { kind: "no-data", reason: { code: "no-years" } };
  return poolYears(
    years[years.length - 1]!,
    (y) => {
      const e = estimateOf(y);
      return e.kind === "no-data" ? "no-data" : e.counts;
    },
    years.length,
  ).estimate;
}

function mapFigures(profile: MapProfile, year: number): MunicipalityMapFigures {
  const total = profile.areas.total;
  const current = total.years.find((p) => p.year === year);
  return {
    map: profile.map,
    areas: areaProfilesOf(profile).map((a) => ({ area: a.area, ...compared(a.years.find((p) => p.year === year), year) })),
    previous: compared(total.years.find((p) => p.year === year - 1), year - 1),
    change: current ? changeVerdict(current.change) : { kind: "not-testable", reason: { code: "year-without-data", year } },
    versusNational: current ? nationalVerdict(current.municipality.funnel, current.funnelSummary) : { kind: "not-testable", reason: { code: "year-without-data", year } },
    trend: total.years.filter((p) => p.year <= year).map((p) => ({ year: p.year, ...compared(p, p.year) })),
    revised: current?.municipality.revision?.kind === "revised" ? current.municipality.revision.estimate : null,
  };
}


/** Newcombe's interval for the difference (domain/year-change.ts): beyond chance when it excludes zero. */
function changeVerdict(change: YearChange): ChangeVerdict {
  switch (change.kind) {
    case "not-comparable":
      return { kind: "not-testable", reason: change.reason };
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

/** The funnel verdict against the national rate (Spiegelhalter 2005, domain/statistics/funnel-limits.ts), with the map's summary. */
function nationalVerdict(funnel: FunnelResult, summary: FunnelSummary): NationalVerdict {
  if (funnel.kind === "not-assessed") return { kind: "not-testable", reason: funnel.reason };
  return {
    kind: "assessed",
    verdict: funnel.verdict,
    decided: funnel.limits.n,
    upperTail: funnel.upperTail,
    lowerTail: funnel.lowerTail,
    overdispersionDa: describeOverdispersionDa(summary),
    chanceFlagsDa: describeChanceFlagsDa(summary),
  };
}
