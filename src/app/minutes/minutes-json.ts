import { ACTION_PLAN_STANCE_NAMES_DA, type TextSpan } from "../../domain/minutes/minutes-item.js";
import type { CheckedItem, MinutesFileResult } from "./read-minutes.js";

/**
 * The machine form of a read minutes file (issue 15: `referat læs --format json`), one object per file:
 * `{ file, municipalityCode, body, meetingDate, items: [ { itemNumber, title, dataYear, decisions: [ { body,
 * bodyKind, date, textDa } ], actionPlan, actionPlanEvidenceDa, figures: [ { map, decided, reversedPercent,
 * matchesDataset } ] } ] }`, dates ISO, codes four digits, `items` empty when the document has no such item.
 * Beside those fields every value's span (`line`, `start`, `end`, `text`), so a tool can show why.
 */
export type SpanJson = { readonly line: number; readonly start: number; readonly end: number; readonly text: string };

const spanJson = (s: TextSpan): SpanJson => ({ line: s.line, start: s.start, end: s.end, text: s.text });

export type MinutesItemJson = ReturnType<typeof itemJson>;

function itemJson(item: CheckedItem) {
  const plan = item.actionPlan;
  return {
    itemNumber: item.itemNumber?.value ?? null,
    title: item.title.value,
    titleSpan: spanJson(item.title.span),
    matchedBy: item.matchedBy,
    dataYear: item.dataYear?.value ?? null,
    dataYearBasis: item.dataYear?.basis ?? null,
    dataYearSpan: item.dataYear ? spanJson(item.dataYear.span) : null,
    recommendations: item.recommendations.map((r) => ({ textDa: r.value, span: spanJson(r.span) })),
    decisions: item.decisions.map((d) => ({ body: d.body, bodyKind: d.bodyKind, date: d.date, textDa: d.textDa, outcome: d.outcome, source: d.source, span: spanJson(d.span) })),
    councilTreatment: item.councilTreatment,
    actionPlan: ACTION_PLAN_STANCE_NAMES_DA[plan.stance],
    actionPlanEvidenceDa: plan.stance === "ikke-naevnt" ? null : plan.evidence.text.replace(/\s+/g, " "),
    actionPlanEvidenceSpan: plan.stance === "ikke-naevnt" ? null : spanJson(plan.evidence),
    actionPlanRuleRepealedNoted: plan.stance === "ikke-naevnt" ? false : plan.ruleRepealedNoted,
    figures: item.figures.map((f) => ({
      map: f.map,
      decided: f.decided?.value ?? null,
      reversedPercent: f.reversedPercent ? f.reversedPercent.value.tenths / 10 : null,
      matchesDataset: f.check.kind === "checked" ? f.check.matches : null,
      datasetDecided: f.check.kind === "checked" ? f.check.datasetDecided : null,
      datasetReversedPercent: f.check.kind === "checked" && f.check.datasetReversedTenths !== null ? f.check.datasetReversedTenths / 10 : null,
      checkDa: f.check.textDa,
      from: f.from,
      decidedSpan: f.decided ? spanJson(f.decided.span) : null,
      reversedPercentSpan: f.reversedPercent ? spanJson(f.reversedPercent.span) : null,
    })),
  };
}

export function minutesFileJson(result: MinutesFileResult) {
  if (result.kind === "unreadable") return { file: result.file, error: result.messageDa, items: [] as MinutesItemJson[] };
  const m = result.minutes;
  return {
    file: result.file,
    form: result.form,
    kind: m.kind,
    municipalityCode: m.municipality?.value ?? null,
    municipalitySource: m.municipality?.basis ?? null,
    body: m.body?.value ?? null,
    bodyKind: m.bodyKind,
    meetingDate: m.meetingDate?.value ?? null,
    items: m.items.map(itemJson),
    datasetVersions: Object.fromEntries([...m.datasetVersions].map(([year, v]) => [String(year), { datasetVersionId: v.datasetVersionId, standing: v.standing, extractedOn: v.extractedOn, isDemo: v.isDemo }])),
  };
}
