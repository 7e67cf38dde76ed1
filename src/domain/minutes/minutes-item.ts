import type { MapId } from "../map-definition.js";
import type { MunicipalityCode } from "../municipality.js";

/**
 * What a reader of council minutes found about the Danmarkskort (issue 15). Nothing here is a fact yet:
 * it is what the document says, each value with the place in the text it came from, so a person can see
 * why before confirming it into the treatment record.
 */

/**
 * A stretch of the document's text: `start`/`end` are offsets into the document's normalised text
 * (`MinutesDocument.text`), `line` is its first line (1-based), `text` the stretch itself.
 */
export type TextSpan = { readonly start: number; readonly end: number; readonly line: number; readonly text: string };

/** A value and the span it rests on. */
export type Found<T> = { readonly value: T; readonly span: TextSpan };

/**
 * The kinds of body that see the case (domain.md §6). Byråd and kommunalbestyrelse are one kind: the
 * council that § 79 b binds; Borgerrepræsentationen is København's.
 */
export type MeetingBodyKind = "byraad" | "oekonomiudvalg" | "fagudvalg" | "handicapraad" | "aeldreraad" | "psykiatriraad" | "andet";

export const MEETING_BODY_KINDS: readonly MeetingBodyKind[] = ["byraad", "oekonomiudvalg", "fagudvalg", "handicapraad", "aeldreraad", "psykiatriraad", "andet"];

export const MEETING_BODY_KIND_NAMES_DA: Readonly<Record<MeetingBodyKind, string>> = {
  byraad: "byråd/kommunalbestyrelse",
  oekonomiudvalg: "økonomiudvalg",
  fagudvalg: "fagudvalg",
  handicapraad: "handicapråd",
  aeldreraad: "ældre-/seniorråd",
  psykiatriraad: "psykiatriråd",
  andet: "andet",
};

/**
 * What a decision did with the case: `treated` (taken note of, approved, decided), `sent-back` (returned
 * to the committees or the administration), `postponed` (udsat). Only a treated council decision finishes
 * the council's treatment (§ 79 b stk. 1).
 */
export type DecisionOutcome = "treated" | "sent-back" | "postponed";

/**
 * Where in the item the decision is written: its own `Beslutning` section, the `Tidligere behandling`
 * list, or a sentence of the case text ("Sagen blev behandlet i Børne- og Familieudvalget den 13. august 2025").
 */
export type DecisionSource = "beslutning" | "tidligere-behandling" | "sagsfremstilling";

export type MinutesDecision = {
  /** The body as the document names it ("Social- og Sundhedsudvalget"). */
  readonly body: string;
  readonly bodyKind: MeetingBodyKind;
  /** ISO date, or null when the document gives none for this decision. */
  readonly date: string | null;
  readonly textDa: string;
  readonly outcome: DecisionOutcome;
  readonly source: DecisionSource;
  readonly span: TextSpan;
};

/** ja / nej / ikke besluttet / ikke nævnt (issue 15); `ikke-besluttet` also when the rule no longer applies. */
export type ActionPlanStance = "ja" | "nej" | "ikke-besluttet" | "ikke-naevnt";

export const ACTION_PLAN_STANCE_NAMES_DA: Readonly<Record<ActionPlanStance, string>> = {
  ja: "ja",
  nej: "nej",
  "ikke-besluttet": "ikke besluttet",
  "ikke-naevnt": "ikke nævnt",
};

export type ActionPlanFinding =
  | { readonly stance: "ikke-naevnt" }
  | {
      readonly stance: "ja" | "nej" | "ikke-besluttet";
      /** The sentence(s) the stance rests on. */
      readonly evidence: TextSpan;
      /** The document says the duty to decide on a plan (§ 79 b stk. 2–3) no longer applies ("Bestemmelsen er ophævet"). */
      readonly ruleRepealedNoted: boolean;
    };

/** A percentage as the document writes it: 44,2 is `{ tenths: 442, decimals: 1 }`, 37 is `{ tenths: 370, decimals: 0 }`. */
export type DocumentPercent = { readonly tenths: number; readonly decimals: 0 | 1 };

/** The municipality's figures for one map and the data year, as the item quotes them. */
export type MinutesFigure = {
  readonly map: MapId;
  readonly decided: Found<number> | null;
  readonly reversedPercent: Found<DocumentPercent> | null;
  /** A table row is read before a sentence: it names the municipality and its columns. */
  readonly from: "table" | "text";
};

/**
 * Whether the council has finished its treatment, as far as this document shows: `finished` when the
 * byråd/kommunalbestyrelse treated it, `sent-back` when its latest decision returned the case,
 * `not-in-council` when the document only shows committees or councils of other kinds.
 */
export type CouncilTreatmentState = "finished" | "sent-back" | "postponed" | "not-in-council";

export type MinutesItem = {
  readonly itemNumber: Found<string> | null;
  readonly title: Found<string>;
  /** Why the item was taken as a Danmarkskort item: the title or the case text. */
  readonly matchedBy: "title" | "content";
  /** `derived`: no year in the item, so the year before the meeting (the map of year Y is treated in Y+1, § 79 b). */
  readonly dataYear: (Found<number> & { readonly basis: "stated" | "derived" }) | null;
  readonly recommendations: readonly Found<string>[];
  readonly decisions: readonly MinutesDecision[];
  readonly councilTreatment: CouncilTreatmentState;
  readonly actionPlan: ActionPlanFinding;
  readonly figures: readonly MinutesFigure[];
};

export type MinutesDocumentKind = "referat" | "dagsorden" | "ukendt";

export type MinutesDocument = {
  /** The normalised text every span points into. */
  readonly text: string;
  readonly kind: MinutesDocumentKind;
  readonly municipality: (Found<MunicipalityCode> & { readonly basis: "text" }) | { readonly value: MunicipalityCode; readonly basis: "given" } | null;
  readonly body: Found<string> | null;
  readonly bodyKind: MeetingBodyKind | null;
  readonly meetingDate: Found<string> | null;
  readonly items: readonly MinutesItem[];
};
