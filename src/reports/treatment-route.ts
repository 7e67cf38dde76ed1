import type { BodyKind } from "../domain/council-bodies.js";
import { sortMeetings, type TreatmentMeeting } from "../domain/treatment-record.js";
import type { RouteStep } from "./report-choices.js";
import type { ReportBody } from "./report-context.js";

/** The item's own three bodies, by the kind of body on the municipality's list; the other councils have no item of their own. */
const REPORT_BODY_OF_KIND: Readonly<Record<BodyKind, ReportBody | null>> = {
  council: "byraad",
  committee: "udvalg",
  "finance-committee": "udvalg",
  "disability-council": "handicapraad",
  "senior-council": null,
  "psychiatry-council": null,
  other: null,
};

/** What the treatment record says about the item's route, body and competence; null fields: the record does not say. */
export type TreatmentRoute = {
  readonly route: readonly RouteStep[];
  /** The body the item is written for: the next planned meeting's, else the last meeting's. */
  readonly body: ReportBody | null;
  /** "Kompetence": the body whose meeting takes the decision (the last one with the role decision). */
  readonly competence: string | null;
};

/**
 * The route of the case as the municipality has recorded it (issue 13's treatment record): every planned
 * and held meeting of the year's map in date order, a held meeting with the decision its minutes record,
 * a consultation as a høring. The item then needs no typed route; a typed one still wins (issue 16, point 3).
 * Null when nothing is recorded.
 */
export function routeFromTreatment(meetings: readonly TreatmentMeeting[]): TreatmentRoute | null {
  if (meetings.length === 0) return null;
  const ordered = sortMeetings(meetings);
  const route = ordered.map((m): RouteStep => {
    const decision = m.state === "held" ? m.decisionText?.trim() : undefined;
    return { body: m.body.nameDa, date: m.date, ...(decision ? { decision } : {}), ...(m.role === "consultation" ? { hearing: true } : {}) };
  });
  const next = ordered.find((m) => m.state === "planned") ?? ordered[ordered.length - 1]!;
  const deciding = [...ordered].reverse().find((m) => m.role === "decision");
  return { route, body: REPORT_BODY_OF_KIND[next.body.kind], competence: deciding ? deciding.body.nameDa : null };
}

/** The route, body and competence the item uses: what the jurist typed, else the treatment record's, else the defaults. */
export function chooseRoute(
  typed: { readonly route?: readonly RouteStep[] | undefined; readonly body?: ReportBody | undefined; readonly competence?: string | undefined },
  recorded: TreatmentRoute | null,
): { readonly route?: readonly RouteStep[]; readonly body: ReportBody; readonly competence?: string } {
  const route = typed.route ?? recorded?.route;
  const competence = typed.competence ?? recorded?.competence ?? undefined;
  return { ...(route ? { route } : {}), body: typed.body ?? recorded?.body ?? "byraad", ...(competence ? { competence } : {}) };
}
