import { formatInteger } from "../format-danish-number.js";
import { MAP_DEFINITIONS, MAP_IDS, type MapId } from "../map-definition.js";
import type { MapRuleTable } from "../map-rules.js";
import type { MunicipalityCode } from "../municipality.js";
import {
  classifyEntry,
  isReversed,
  KNOWLEDGE_OUTCOMES,
  KNOWLEDGE_OUTCOME_NAMES_DA,
  NEW_DECISION_NAMES_DA,
  NEW_DECISION_RESULTS,
  newDecisionChangedResult,
  type KnowledgeEntry,
  type KnowledgeOutcome,
  type NewDecisionResult,
} from "./knowledge-entry.js";
import type { ReasonDefinition } from "./reason-taxonomy.js";

/**
 * What a municipality's knowledge bank tells for one data year (issue 14, point 3): counts by reason,
 * subject, map, department and outcome; how much of the statistics' reversed cases it covers, per map;
 * how many citizens have several entries (by the internal reference, never shown); and what became of the
 * remitted cases. Pure: the entries, the statistics' counts and the rule table come in as arguments.
 */
export type Count = { readonly key: string; readonly labelDa: string; readonly count: number };

/** The statistics' reversed cases (changed + remitted) on one map, or why there is no figure to compare with. */
export type StatisticsReversed = { readonly kind: "figure"; readonly reversed: number } | { readonly kind: "no-statistics" };

export type MapCompleteness = {
  readonly map: MapId;
  /** Reversed entries (every outcome but stadfæstet) the rule table places on the map. */
  readonly registered: number;
  readonly statistics: StatisticsReversed;
  /** "registreret 29 af de 34 omgjorte sager på socialområdet i 2024" */
  readonly textDa: string;
};

export type RepeatCitizens = {
  /** Entries with an internal reference: only they can be grouped. */
  readonly entriesWithReference: number;
  /** Distinct references among them. */
  readonly citizens: number;
  /** References with two or more entries. */
  readonly citizensWithSeveral: number;
  readonly entriesOfThoseWithSeveral: number;
  readonly textDa: string;
};

export type NewDecisionFigures = {
  /** Remitted (and partly reversed) entries: those a new decision follows. */
  readonly remitted: number;
  readonly byResult: readonly Count[];
  /** Remitted entries without a registered new decision. */
  readonly notRegistered: number;
  /** New decisions that gave a different result: bevilget or delvist bevilget. */
  readonly changedResult: number;
  /** New decisions made (not verserer). */
  readonly decided: number;
  readonly textDa: string;
};

export type KnowledgeFigures = {
  readonly municipalityCode: MunicipalityCode;
  readonly year: number;
  readonly entries: number;
  readonly drafts: number;
  readonly byReason: readonly Count[];
  readonly bySubject: readonly Count[];
  readonly byMap: readonly Count[];
  /** Entries no map rule places on a map (outside the maps or unclassified), so nothing is dropped silently. */
  readonly outsideMaps: number;
  readonly byDepartment: readonly Count[];
  readonly byOutcome: readonly Count[];
  readonly completeness: readonly MapCompleteness[];
  readonly repeatCitizens: RepeatCitizens;
  readonly newDecisions: NewDecisionFigures;
};

/** The maps' names inside a sentence ("på socialområdet"). */
export const MAP_IN_SENTENCE_DA: Readonly<Record<MapId, string>> = {
  socialomraadet: "socialområdet",
  boernehandicapomraadet: "børnehandicapområdet",
  voksenhandicapomraadet: "voksenhandicapområdet",
};


function sorted(counts: Map<string, { labelDa: string; count: number }>): Count[] {
  return [...counts].map(([key, v]) => ({ key, labelDa: v.labelDa, count: v.count })).sort((a, b) => b.count - a.count || a.labelDa.localeCompare(b.labelDa, "da"));
}

function tally(into: Map<string, { labelDa: string; count: number }>, key: string, labelDa: string): void {
  const c = into.get(key);
  if (c) c.count++;
  else into.set(key, { labelDa, count: 1 });
}

export function completenessTextDa(map: MapId, year: number, registered: number, statistics: StatisticsReversed): string {
  const where = `på ${MAP_IN_SENTENCE_DA[map]} i ${year}`;
  if (statistics.kind === "no-statistics") return `registreret ${formatInteger(registered)} omgjorte sager ${where}; statistikken har ingen tal at sammenligne med`;
  const text = `registreret ${formatInteger(registered)} af de ${formatInteger(statistics.reversed)} omgjorte sager ${where}`;
  // More entries than the statistics: usually decisions dated in another year than Ankestyrelsen counts them, or several subjects.
  return registered > statistics.reversed ? `${text} (flere end statistikken: tjek dataår og sagsemner)` : text;
}

export type KnowledgeFiguresInput = {
  readonly municipalityCode: MunicipalityCode;
  readonly year: number;
  /** The municipality's entries; those of other years are left out here. */
  readonly entries: readonly KnowledgeEntry[];
  readonly reasons: readonly ReasonDefinition[];
  readonly rules: MapRuleTable;
  /** The reversed cases on the map in the active dataset version, for this municipality and year. */
  readonly statisticsReversed: (map: MapId) => StatisticsReversed;
};

export function buildKnowledgeFigures(input: KnowledgeFiguresInput): KnowledgeFigures {
  const entries = input.entries.filter((e) => e.dataYear === input.year);
  const byReason = new Map<string, { labelDa: string; count: number }>();
  const bySubject = new Map<string, { labelDa: string; count: number }>();
  const byMap = new Map<string, { labelDa: string; count: number }>();
  const byDepartment = new Map<string, { labelDa: string; count: number }>();
  const byOutcome = new Map<string, { labelDa: string; count: number }>();
  const reversedOnMap = new Map<MapId, number>();
  let outsideMaps = 0;
  for (const e of entries) {
    for (const code of e.reasonCodes) tally(byReason, code, input.reasons.find((r) => r.code === code)?.labelDa ?? code);
    tally(bySubject, e.subject.toLowerCase(), e.subject);
    tally(byDepartment, e.department === "" ? "" : e.department, e.department === "" ? "Ingen afdeling angivet" : e.department);
    tally(byOutcome, e.outcome, KNOWLEDGE_OUTCOME_NAMES_DA[e.outcome]);
    const c = classifyEntry(e, input.rules);
    if (c.kind !== "classified") {
      outsideMaps++;
      continue;
    }
    for (const map of c.maps) {
      tally(byMap, map, MAP_DEFINITIONS[map].nameDa);
      if (isReversed(e.outcome)) reversedOnMap.set(map, (reversedOnMap.get(map) ?? 0) + 1);
    }
  }
  const completeness = MAP_IDS.map((map) => {
    const registered = reversedOnMap.get(map) ?? 0;
    const statistics = input.statisticsReversed(map);
    return { map, registered, statistics, textDa: completenessTextDa(map, input.year, registered, statistics) };
  });
  const outcomeOrder = (key: string) => KNOWLEDGE_OUTCOMES.indexOf(key as KnowledgeOutcome);
  return {
    municipalityCode: input.municipalityCode,
    year: input.year,
    entries: entries.length,
    drafts: entries.filter((e) => e.status === "draft").length,
    byReason: sorted(byReason),
    bySubject: sorted(bySubject),
    byMap: MAP_IDS.filter((m) => byMap.has(m)).map((m) => ({ key: m, labelDa: MAP_DEFINITIONS[m].nameDa, count: byMap.get(m)!.count })),
    outsideMaps,
    byDepartment: sorted(byDepartment),
    byOutcome: sorted(byOutcome).sort((a, b) => outcomeOrder(a.key) - outcomeOrder(b.key)),
    completeness,
    repeatCitizens: computeRepeatCitizens(entries),
    newDecisions: computeNewDecisions(entries),
  };
}

/**
 * Citizens with several entries, counted by the internal reference (Allerød: "16 sager fordelt på 3
 * borgere"). The references themselves never leave this function.
 */
export function computeRepeatCitizens(entries: readonly KnowledgeEntry[]): RepeatCitizens {
  const perReference = new Map<string, number>();
  for (const e of entries) {
    const ref = e.caseReference.trim().toLowerCase();
    if (ref !== "") perReference.set(ref, (perReference.get(ref) ?? 0) + 1);
  }
  const several = [...perReference.values()].filter((n) => n >= 2);
  const entriesWithReference = [...perReference.values()].reduce((a, b) => a + b, 0);
  const entriesOfThoseWithSeveral = several.reduce((a, b) => a + b, 0);
  const textDa =
    entriesWithReference === 0
      ? "Ingen afgørelser har en intern sagsreference, så det kan ikke ses, om flere afgørelser angår samme borger."
      : `${formatInteger(entriesWithReference)} afgørelser med intern sagsreference fordelt på ${formatInteger(perReference.size)} borgere; ${formatInteger(several.length)} ${several.length === 1 ? "borger har" : "borgere har"} mere end én afgørelse (${formatInteger(entriesOfThoseWithSeveral)} afgørelser).`;
  return { entriesWithReference, citizens: perReference.size, citizensWithSeveral: several.length, entriesOfThoseWithSeveral, textDa };
}

/** What became of the remitted cases: how many new decisions gave the citizen a different result. */
export function computeNewDecisions(entries: readonly KnowledgeEntry[]): NewDecisionFigures {
  const remitted = entries.filter((e) => e.outcome === "remitted" || e.outcome === "partly-reversed");
  const counts = new Map<NewDecisionResult, number>();
  for (const e of remitted) if (e.newDecision) counts.set(e.newDecision.result, (counts.get(e.newDecision.result) ?? 0) + 1);
  const byResult = NEW_DECISION_RESULTS.filter((r) => counts.has(r)).map((r) => ({ key: r, labelDa: NEW_DECISION_NAMES_DA[r], count: counts.get(r)! }));
  const registered = byResult.reduce((a, c) => a + c.count, 0);
  const decided = registered - (counts.get("pending") ?? 0);
  const changedResult = NEW_DECISION_RESULTS.filter(newDecisionChangedResult).reduce((a, r) => a + (counts.get(r) ?? 0), 0);
  const textDa =
    remitted.length === 0
      ? "Ingen hjemviste afgørelser i vidensbanken."
      : `${formatInteger(changedResult)} af ${formatInteger(decided)} genbehandlede hjemviste sager endte med et andet resultat (bevilget eller delvist bevilget); ${formatInteger(remitted.length)} hjemviste i alt, ${formatInteger(counts.get("pending") ?? 0)} verserer, ${formatInteger(remitted.length - registered)} uden registreret ny afgørelse.`;
  return { remitted: remitted.length, byResult, notRegistered: remitted.length - registered, changedResult, decided, textDa };
}

/** Reasons over the data years the bank holds: one series per reason used, a count per year. */
export type ReasonTrend = { readonly years: readonly number[]; readonly series: readonly { readonly code: string; readonly labelDa: string; readonly counts: readonly number[] }[] };

export function buildReasonTrend(entries: readonly KnowledgeEntry[], reasons: readonly ReasonDefinition[]): ReasonTrend {
  const years = [...new Set(entries.map((e) => e.dataYear))].sort((a, b) => a - b);
  const used = new Set(entries.flatMap((e) => e.reasonCodes));
  const series = [...reasons.filter((r) => used.has(r.code)), ...[...used].filter((c) => !reasons.some((r) => r.code === c)).map((code) => ({ code, labelDa: code }))].map((r) => ({
    code: r.code,
    labelDa: r.labelDa,
    counts: years.map((y) => entries.filter((e) => e.dataYear === y && e.reasonCodes.includes(r.code)).length),
  }));
  return { years, series };
}
