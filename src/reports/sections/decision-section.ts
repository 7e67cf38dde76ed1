import { formatDanishDate } from "../../domain/council-treatment.js";
import type { RouteStep } from "../report-choices.js";
import type { ReportBlock } from "../report-document.js";

/** Before the meeting the decision is not known: a placeholder the agenda system's editor replaces, as the journal number. */
const DECISION_PLACEHOLDER = "[Beslutning indsættes efter mødet]";

function stepTitle(step: RouteStep): string {
  return step.date ? `${step.body} den ${formatDanishDate(step.date)}` : step.body;
}

/**
 * "Beslutning": one dated line per deciding body on the route (seed: Ballerup 2025, a decision per point;
 * issue 15: "Beslutning Økonomiudvalget … den 30-09-2025"). Without a route, one line for the body the item
 * is written for.
 */
export function buildDecisionSection(route: readonly RouteStep[], defaultBody: string): ReportBlock[] {
  const deciding = route.filter((s) => !s.hearing);
  const steps = deciding.length > 0 ? deciding : [{ body: defaultBody }];
  return steps.map((s) => ({ kind: "paragraph" as const, text: `${stepTitle(s)}: ${s.decision?.trim() || DECISION_PLACEHOLDER}` }));
}

/** "Dialog/høring": the bodies that get the case for høring, with their dates (seed: Ballerup sends it to three councils). */
export function buildHearingSection(route: readonly RouteStep[]): ReportBlock[] {
  const hearings = route.filter((s) => s.hearing);
  if (hearings.length === 0) return [{ kind: "paragraph", text: "Sagen sendes ikke i høring." }];
  return [
    { kind: "paragraph", text: `Sagen sendes i høring${hearings.length === 1 ? "" : " i disse råd"}:` },
    { kind: "bullets", items: hearings.map((s) => (s.decision ? `${stepTitle(s)}: ${s.decision}` : stepTitle(s))) },
  ];
}
