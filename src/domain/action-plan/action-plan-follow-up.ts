import { createSubjectClassifier } from "../subject-classifier.js";
import type { CellTotals } from "../cell-totals.js";
import { compareRevision, UNREVISED, type FigureRevision } from "../figure-revision.js";
import { funnelModelOf, type FunnelResult } from "../map-figures.js";
import { MAP_IDS } from "../map-definition.js";
import type { NoDataReason } from "../missing-reason.js";
import { DEFAULT_MAP_RULES, type MapRuleTable } from "../map-rules.js";
import { MUNICIPALITIES, type MunicipalityCode } from "../municipality.js";
import { addCounts, decidedOf, ZERO_COUNTS, type OutcomeCounts } from "../outcome.js";
import { computeRateEstimate, type RateEstimate } from "../rate-estimate.js";
import { assessFunnel } from "../statistics/funnel-limits.js";
import { computeYearChange, type YearChange } from "../year-change.js";
import type { ActionPlanContent } from "./action-plan.js";
import { FOCUS_AREA_GROUPS, type FocusAreaGroup } from "./focus-area-groups.js";
import { createFocusAreaMatcher, focusAreaKey, focusAreaNameDa, type FocusArea } from "./focus-area.js";
import { judgeFocusAreaYearDa } from "./follow-up-judgement-da.js";

/**
 * The follow-up of an action plan, computed from the data and never typed (issue 13, item 3): for each focus
 * area and data year, the municipality's counts and rates with the 95 % Wilson interval, the national level
 * of the same focus area beside it (the sum over the 98 municipalities, as the maps' national figures are),
 * the verdict by the maps' one rule (assessFunnel against the national rate, widened where the 98 spread
 * more than chance, exactly as on the maps), the change from the year before, and a plain-Danish judgement.
 * Built from the active dataset versions, so it changes when a new year arrives or a revision is published.
 */
export type FollowUpYearRole = "basis" | "follow-up";

/** One subject label that matched the focus area in a year: what the reader needs to check the matching. */
export type MatchedSubject = {
  readonly subject: string;
  readonly law: string;
  readonly municipalityDecided: number;
  readonly nationalDecided: number;
};

export type FocusAreaYear = {
  readonly year: number;
  /** basis: a year up to the last data year the plan answers; follow-up: a year after it. */
  readonly role: FollowUpYearRole;
  readonly municipality: RateEstimate;
  readonly national: RateEstimate;
  readonly funnel: FunnelResult;
  /** Against the year before, where both years are in the follow-up; null for its first year. */
  readonly change: YearChange | null;
  /** The municipality's figure in a newer extraction of a year whose published map is shown (issue 9). */
  readonly revision: FigureRevision;
  readonly matchedSubjects: readonly MatchedSubject[];
  readonly judgementDa: string;
};

export type FocusAreaFollowUp = {
  /** null for the combined row of all focus areas together. */
  readonly focusArea: FocusArea | null;
  readonly key: string;
  readonly nameDa: string;
  readonly years: readonly FocusAreaYear[];
};

export type ActionPlanFollowUp = {
  readonly municipalityCode: MunicipalityCode;
  readonly years: readonly number[];
  readonly areas: readonly FocusAreaFollowUp[];
  /**
   * All focus areas together, each case counted once even where two focus areas share a subject: the figure
   * the seed's plan gives ("5 sager i 2019 (80 % omgørelse)"). Absent with a single focus area.
   */
  readonly combined: FocusAreaFollowUp | null;
};

export type FollowUpSource = {
  /** The shown versions' cells, indexed (the server keeps one per set of active versions). */
  readonly totals: CellTotals;
  /** Newer extractions of years whose published map is shown; their figures go beside, never instead. */
  readonly revisedTotals?: CellTotals;
  readonly rules?: MapRuleTable;
  readonly groups?: readonly FocusAreaGroup[];
};

/** The years the follow-up covers: from the plan's first year to the newest year with data (or its last data year). */
export function followUpYears(plan: Pick<ActionPlanContent, "followUpFrom" | "dataYears">, totals: Pick<CellTotals, "years">): number[] {
  const last = Math.max(...plan.dataYears, ...totals.years.filter((y) => y >= plan.followUpFrom));
  const years: number[] = [];
  for (let y = plan.followUpFrom; y <= last; y++) years.push(y);
  return years;
}

type SubjectRow = { readonly subject: string; readonly law: string; readonly counts: OutcomeCounts };

/**
 * The subjects of every municipality in one year, each once: a subject is listed under each map it belongs to,
 * and the general map takes every provision of its laws, but a subject on two maps is the same cases.
 */
function subjectsByMunicipality(totals: CellTotals, year: number): Map<MunicipalityCode, SubjectRow[]> {
  const result = new Map<MunicipalityCode, SubjectRow[]>();
  for (const m of MUNICIPALITIES) {
    const seen = new Map<string, SubjectRow>();
    for (const map of MAP_IDS) {
      for (const s of totals.subjects(year, map, m.code)) seen.set(`${s.law}\u0000${s.subject}`, s);
    }
    result.set(m.code, [...seen.values()]);
  }
  return result;
}

type Matcher = (subject: SubjectRow, year: number) => boolean;

type YearSums = {
  readonly byCode: Map<MunicipalityCode, OutcomeCounts>;
  readonly matched: Map<string, { subject: string; law: string; municipality: number; national: number }>;
};

function sumYear(rows: Map<MunicipalityCode, SubjectRow[]>, year: number, code: MunicipalityCode, matches: Matcher): YearSums {
  const byCode = new Map<MunicipalityCode, OutcomeCounts>();
  const matched = new Map<string, { subject: string; law: string; municipality: number; national: number }>();
  for (const [c, subjects] of rows) {
    let sum = ZERO_COUNTS;
    for (const s of subjects) {
      if (!matches(s, year)) continue;
      sum = addCounts(sum, s.counts);
      const k = `${s.law}\u0000${s.subject}`;
      const m = matched.get(k) ?? { subject: s.subject, law: s.law, municipality: 0, national: 0 };
      m.national += decidedOf(s.counts);
      if (c === code) m.municipality += decidedOf(s.counts);
      matched.set(k, m);
    }
    byCode.set(c, sum);
  }
  return { byCode, matched };
}

function funnelOf(estimate: RateEstimate, estimates: readonly RateEstimate[], national: RateEstimate): FunnelResult {
  if (estimate.kind !== "estimate") return { kind: "not-assessed", reason: { code: "no-decided-cases" } };
  const { model } = funnelModelOf(estimates, national);
  if (model === null) return { kind: "not-assessed", reason: { code: "no-national-rate" } };
  return { kind: "assessed", ...assessFunnel(estimate.reversed, estimate.decided, model) };
}

function noData(reason: NoDataReason): RateEstimate {
  return { kind: "no-data", reason };
}

export function computeActionPlanFollowUp(
  plan: Pick<ActionPlanContent, "focusAreas" | "dataYears" | "followUpFrom">,
  municipalityCode: MunicipalityCode,
  source: FollowUpSource,
): ActionPlanFollowUp {
  const rules = source.rules ?? DEFAULT_MAP_RULES;
  const groups = source.groups ?? FOCUS_AREA_GROUPS;
  const classify = createSubjectClassifier(rules);
  const years = followUpYears(plan, source.totals);
  const lastBasis = Math.max(...plan.dataYears);
  const matchers = plan.focusAreas.map((f) => {
    const match = createFocusAreaMatcher(f, groups);
    return (s: SubjectRow, year: number) => match({ subject: s.subject, law: s.law, year }, classify({ subject: s.subject, law: s.law, year }));
  });
  const anyMatch: Matcher = (s, year) => matchers.some((m) => m(s, year));

  const shownRows = new Map(years.filter((y) => source.totals.years.includes(y)).map((y) => [y, subjectsByMunicipality(source.totals, y)]));
  const revised = source.revisedTotals;
  const revisedRows = new Map(years.filter((y) => revised?.years.includes(y)).map((y) => [y, subjectsByMunicipality(revised!, y)]));

  function followUp(focusArea: FocusArea | null, key: string, nameDa: string, matches: Matcher): FocusAreaFollowUp {
    const out: FocusAreaYear[] = [];
    let previous: RateEstimate | null = null;
    for (const year of years) {
      const role: FollowUpYearRole = year <= lastBasis ? "basis" : "follow-up";
      const rows = shownRows.get(year);
      let municipality: RateEstimate;
      let national: RateEstimate;
      let funnel: FunnelResult;
      let matchedSubjects: MatchedSubject[] = [];
      if (!rows) {
        const reason: NoDataReason = { code: "year-not-loaded", year };
        municipality = noData(reason);
        national = municipality;
        funnel = { kind: "not-assessed", reason };
      } else {
        const sums = sumYear(rows, year, municipalityCode, matches);
        const present = (code: MunicipalityCode) => source.totals.hasMunicipality(year, code);
        const estimates = MUNICIPALITIES.map((m) => (present(m.code) ? computeRateEstimate(sums.byCode.get(m.code)!) : noData({ code: "municipality-absent", year })));
        national = computeRateEstimate([...sums.byCode.values()].reduce(addCounts, ZERO_COUNTS));
        // A municipality absent from the shown version reads "ingen data", never 0 cases (issue 19).
        municipality = present(municipalityCode) ? computeRateEstimate(sums.byCode.get(municipalityCode) ?? ZERO_COUNTS) : noData({ code: "municipality-absent", year });
        funnel = municipality.kind === "no-data" ? { kind: "not-assessed", reason: municipality.reason } : funnelOf(municipality, estimates, national);
        matchedSubjects = [...sums.matched.values()]
          .map((m) => ({ subject: m.subject, law: m.law, municipalityDecided: m.municipality, nationalDecided: m.national }))
          .sort((a, b) => b.nationalDecided - a.nationalDecided || a.subject.localeCompare(b.subject, "da"));
      }
      let revision: FigureRevision = UNREVISED;
      const revisedYear = revisedRows.get(year);
      if (revisedYear && revised) {
        const r = sumYear(revisedYear, year, municipalityCode, matches);
        const revisedEstimate = revised.hasMunicipality(year, municipalityCode) ? computeRateEstimate(r.byCode.get(municipalityCode) ?? ZERO_COUNTS) : noData({ code: "municipality-absent-in-revision", year });
        revision = compareRevision(municipality, revisedEstimate);
      }
      const change = previous === null ? null : computeYearChange(municipality, previous, year - 1);
      out.push({ year, role, municipality, national, funnel, change, revision, matchedSubjects, judgementDa: judgeFocusAreaYearDa({ year, municipality, national, funnel, change }) });
      previous = municipality;
    }
    return { focusArea, key, nameDa, years: out };
  }

  const areas = plan.focusAreas.map((f, i) => followUp(f, focusAreaKey(f), focusAreaNameDa(f, groups), matchers[i]!));
  const combined = plan.focusAreas.length > 1 ? followUp(null, "combined", "Fokusområderne samlet", anyMatch) : null;
  return { municipalityCode, years, areas, combined };
}
