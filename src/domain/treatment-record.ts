import type { BodyKind } from "./council-bodies.js";
import type { MunicipalityCode } from "./municipality.js";
import { isIsoDate, parseIsoDate, type IsoDate } from "./iso-date.js";

/**
 * The council's treatment of one year's map, as the municipality records it (issue 13, point 1): the
 * meetings the case went through, the files and minutes behind them, the action-plan decision where
 * § 79 b stk. 2–3 applies, and Ankestyrelsen's order (stk. 3). Codes are English; every user-facing word
 * comes from the phrasebooks below.
 */

/** What the body did with the case: decided it, recommended a decision, or gave a consultation answer. */
export type MeetingRole = "decision" | "recommendation" | "consultation";
export const MEETING_ROLES: readonly MeetingRole[] = ["decision", "recommendation", "consultation"];
export const MEETING_ROLE_NAMES_DA: Readonly<Record<MeetingRole, string>> = { decision: "beslutning", recommendation: "indstilling", consultation: "høring" };

export type MeetingState = "planned" | "held";
export const MEETING_STATES: readonly MeetingState[] = ["planned", "held"];
export const MEETING_STATE_NAMES_DA: Readonly<Record<MeetingState, string>> = { planned: "planlagt", held: "holdt" };

/**
 * How a held meeting ended. A council that sent the case back, or postponed it, has not treated the map
 * (§ 79 b stk. 1 asks for a treatment, not a place on an agenda).
 */
export type MeetingOutcome = "concluded" | "sent-back" | "postponed";
export const MEETING_OUTCOMES: readonly MeetingOutcome[] = ["concluded", "sent-back", "postponed"];
export const MEETING_OUTCOME_NAMES_DA: Readonly<Record<MeetingOutcome, string>> = { concluded: "behandlet", "sent-back": "sendt tilbage", postponed: "udsat" };

export type AttachmentMediaType = "application/pdf" | "application/vnd.openxmlformats-officedocument.wordprocessingml.document" | "text/html";
export const ATTACHMENT_TYPE_NAMES_DA: Readonly<Record<AttachmentMediaType, string>> = {
  "application/pdf": "PDF",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word (DOCX)",
  "text/html": "HTML",
};

/** 10 MiB: an agenda item with its bilag as PDF is a few MiB; the files live in the database. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENTS_PER_MEETING = 10;

export type AttachmentInfo = {
  readonly id: string;
  readonly meetingId: string;
  readonly fileName: string;
  readonly mediaType: AttachmentMediaType;
  readonly sizeBytes: number;
  readonly sha256: string;
  /** Not public: seen only by the municipality's own users and the national roles (municipality.read-internal). */
  readonly isPublic: boolean;
  readonly uploadedAt: string;
};

export type MeetingBody = { readonly id: string; readonly nameDa: string; readonly kind: BodyKind };

export type TreatmentMeeting = {
  readonly id: string;
  readonly municipalityCode: MunicipalityCode;
  readonly dataYear: number;
  /** Copied from the municipality's list when saved, so renaming a body later does not rewrite history. */
  readonly body: MeetingBody;
  readonly date: IsoDate;
  readonly agendaItemNumber: string | null;
  readonly agendaItemTitle: string;
  readonly role: MeetingRole;
  readonly state: MeetingState;
  /** Only for a held meeting. */
  readonly outcome: MeetingOutcome | null;
  readonly decisionText: string | null;
  readonly minutesUrl: string | null;
  readonly attachments: readonly AttachmentInfo[];
  readonly updatedAt: string;
};

/** § 79 b stk. 2: does the council find an action plan needed? "Ikke relevant" where it found the question moot. */
export type ActionPlanDecision = "yes" | "no" | "not-relevant";
export const ACTION_PLAN_DECISIONS: readonly ActionPlanDecision[] = ["yes", "no", "not-relevant"];
export const ACTION_PLAN_DECISION_NAMES_DA: Readonly<Record<ActionPlanDecision, string>> = { yes: "ja", no: "nej", "not-relevant": "ikke relevant" };

export type TreatmentPlanDecision = {
  readonly municipalityCode: MunicipalityCode;
  readonly dataYear: number;
  readonly decision: ActionPlanDecision;
  /** § 79 b stk. 2: when Ankestyrelsen was told of a "nej" (only with "no"). */
  readonly ankestyrelsenNotifiedOn: IsoDate | null;
  readonly updatedAt: string;
};

/** § 79 b stk. 3: Ankestyrelsen orders a plan by a deadline. Recorded by tilsyn. */
export type AnkestyrelsenOrder = {
  readonly municipalityCode: MunicipalityCode;
  readonly dataYear: number;
  readonly orderedOn: IsoDate;
  readonly deadline: IsoDate;
  readonly note: string | null;
  readonly recordedAt: string;
};

export const MAX_AGENDA_ITEM_TITLE_LENGTH = 300;
export const MAX_AGENDA_ITEM_NUMBER_LENGTH = 20;
export const MAX_DECISION_TEXT_LENGTH = 4000;
export const MAX_NOTE_LENGTH = 2000;
export const MAX_URL_LENGTH = 2000;
export const MAX_FILE_NAME_LENGTH = 200;

/** The form's and the API's field names in Danish, so a refusal says which field it is about. */
export const TREATMENT_FIELDS_DA = {
  body: "Organ",
  date: "Mødedato",
  agendaItemNumber: "Punkt nr.",
  agendaItemTitle: "Punktets titel",
  role: "Rolle",
  state: "Status",
  outcome: "Udfald",
  decisionText: "Beslutning",
  minutesUrl: "Link til referat",
  fileName: "Filnavn",
  file: "Fil",
  decision: "Beslutning om handleplan",
  notifiedOn: "Ankestyrelsen underrettet",
  orderedOn: "Påbudt den",
  deadline: "Frist",
  note: "Note",
} as const;

export type FieldProblem = { readonly field: string; readonly messageDa: string };

/** Whole days from `from` to `to` (ISO dates, calendar days, no time zone involved). */
export function daysBetween(from: string, to: string): number {
  const ms = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
  return Math.round((ms(to) - ms(from)) / 86_400_000);
}

// Made once: building an Intl.DateTimeFormat loads time-zone data and cost every cached page request
// more than sending it (5 % of the map page's CPU under load; the page cache keys on this date).
const COPENHAGEN_DAY = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Copenhagen", year: "numeric", month: "2-digit", day: "2-digit" });

/** The last minute asked for and its date: Denmark's days begin on a whole minute (its offsets are whole hours). */
let lastMinute: { readonly minute: number; readonly date: IsoDate } | null = null;

/**
 * Today's calendar date in Denmark, from the instant the caller passes in (the core reads no clock). The page
 * cache asks on every request; ICU's formatToParts costs some 12 µs, so the answer is kept for the minute.
 */
export function copenhagenDate(now: Date): IsoDate {
  const minute = Math.floor(now.getTime() / 60_000);
  if (lastMinute?.minute === minute) return lastMinute.date;
  const parts = COPENHAGEN_DAY.formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  const date = parseIsoDate(`${get("year")}-${get("month")}-${get("day")}`);
  lastMinute = { minute, date };
  return date;
}


// PostgreSQL cannot store NUL, and ESC and the other controls would reach pages and terminals (issue 19).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/** The problem with one free-text field, or null: control characters, and a length the field has room for. */
export function textProblem(field: string, text: string, maxLength: number, options: { singleLine?: boolean } = {}): FieldProblem | null {
  const control = CONTROL.exec(text);
  if (control) return { field, messageDa: `${field} indeholder et styretegn (U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}); fjern det og prøv igen.` };
  if (options.singleLine && /[\r\n]/.test(text)) return { field, messageDa: `${field} skal stå på én linje.` };
  if (text.length > maxLength) return { field, messageDa: `${field} er på ${text.length} tegn; højst ${maxLength} er tilladt.` };
  return null;
}

/** A link to published minutes: http or https only (no javascript: or file: in a page someone clicks). */
export function urlProblem(field: string, url: string): FieldProblem | null {
  const length = textProblem(field, url, MAX_URL_LENGTH, { singleLine: true });
  if (length) return length;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { field, messageDa: `${field} skal være en hel adresse, der begynder med https://, ikke "${url.slice(0, 80)}".` };
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return { field, messageDa: `${field} skal begynde med https:// eller http://.` };
  return null;
}

export type MeetingInput = {
  readonly date: string;
  readonly agendaItemNumber: string | null;
  readonly agendaItemTitle: string;
  readonly role: string;
  readonly state: string;
  readonly outcome: string | null;
  readonly decisionText: string | null;
  readonly minutesUrl: string | null;
};

export type ValidMeeting = {
  readonly date: IsoDate;
  readonly agendaItemNumber: string | null;
  readonly agendaItemTitle: string;
  readonly role: MeetingRole;
  readonly state: MeetingState;
  readonly outcome: MeetingOutcome | null;
  readonly decisionText: string | null;
  readonly minutesUrl: string | null;
};

const blankToNull = (s: string | null): string | null => (s === null || s.trim() === "" ? null : s.trim());

/**
 * Checks a meeting for the map of `dataYear` as of `today`: the map is published in dataYear+1 and treated
 * that year, so a meeting lies in dataYear+1 or (late) dataYear+2; a held meeting is not in the future;
 * an outcome belongs to a held meeting only (a held one without an outcome counts as concluded).
 */
export function validateMeeting(dataYear: number, input: MeetingInput, today: string): { ok: true; meeting: ValidMeeting } | { ok: false; problem: FieldProblem } {
  const F = TREATMENT_FIELDS_DA;
  const fail = (field: string, messageDa: string) => ({ ok: false as const, problem: { field, messageDa } });
  if (!isIsoDate(input.date)) return fail(F.date, `${F.date} skal være en dato som 2025-09-24, ikke "${input.date.slice(0, 40)}".`);
  const year = Number(input.date.slice(0, 4));
  if (year < dataYear + 1 || year > dataYear + 2) {
    return fail(F.date, `Kortet for ${dataYear} offentliggøres i ${dataYear + 1}; møder om det ligger i ${dataYear + 1} (eller, efter fristen, ${dataYear + 2}), ikke ${year}.`);
  }
  if (!(MEETING_ROLES as readonly string[]).includes(input.role)) return fail(F.role, `Ukendt rolle "${input.role}"; brug beslutning (decision), indstilling (recommendation) eller høring (consultation).`);
  if (!(MEETING_STATES as readonly string[]).includes(input.state)) return fail(F.state, `Ukendt status "${input.state}"; brug planlagt (planned) eller holdt (held).`);
  const state = input.state as MeetingState;
  if (state === "held" && input.date > today) return fail(F.date, `Et holdt møde kan ikke ligge efter i dag; mødet den ${input.date} er planlagt.`);
  let outcome: MeetingOutcome | null = null;
  if (input.outcome !== null && input.outcome !== "") {
    if (!(MEETING_OUTCOMES as readonly string[]).includes(input.outcome)) return fail(F.outcome, `Ukendt udfald "${input.outcome}"; brug behandlet (concluded), sendt tilbage (sent-back) eller udsat (postponed).`);
    if (state === "planned") return fail(F.outcome, "Et planlagt møde har intet udfald endnu; vælg status holdt, eller lad udfaldet stå tomt.");
    outcome = input.outcome as MeetingOutcome;
  } else if (state === "held") {
    outcome = "concluded";
  }
  const title = input.agendaItemTitle.trim();
  if (title.length === 0) return fail(F.agendaItemTitle, `${F.agendaItemTitle} mangler, fx "Danmarkskortet - omgørelsesprocent i Ankestyrelsen ${dataYear}".`);
  const number = blankToNull(input.agendaItemNumber);
  const decisionText = blankToNull(input.decisionText);
  const minutesUrl = blankToNull(input.minutesUrl);
  const problem =
    textProblem(F.agendaItemTitle, title, MAX_AGENDA_ITEM_TITLE_LENGTH, { singleLine: true }) ??
    (number === null ? null : textProblem(F.agendaItemNumber, number, MAX_AGENDA_ITEM_NUMBER_LENGTH, { singleLine: true })) ??
    (decisionText === null ? null : textProblem(F.decisionText, decisionText, MAX_DECISION_TEXT_LENGTH)) ??
    (minutesUrl === null ? null : urlProblem(F.minutesUrl, minutesUrl));
  if (problem) return { ok: false, problem };
  return { ok: true, meeting: { date: input.date, agendaItemNumber: number, agendaItemTitle: title, role: input.role as MeetingRole, state, outcome, decisionText, minutesUrl } };
}

/** Meetings in the order the case went: by date, then as recorded. */
export function sortMeetings<T extends { date: string }>(meetings: readonly T[]): T[] {
  return [...meetings].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
