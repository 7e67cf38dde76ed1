import { ACTION_PLAN_STANCE_NAMES_DA } from "../../domain/minutes/minutes-item.js";
import { itemSpans, markSpans, proposeMeetings, proposePlanDecision, type ExcerptSegment, type ProposedMeeting, type ProposedPlanDecision } from "../../domain/minutes/propose-treatment.js";
import { findMunicipalityByCode, type Municipality } from "../../domain/municipality.js";
import { MAX_ATTACHMENT_BYTES, TREATMENT_FIELDS_DA, type TreatmentMeeting, type TreatmentPlanDecision } from "../../domain/treatment-record.js";
import { downloadMinutes, type MinutesDownloadOptions } from "../../importers/minutes/download-minutes.js";
import { extractMinutes } from "../../importers/minutes/extract-minutes.js";
import { MinutesReadError, readMinutesBytes, type MinutesForm } from "../../importers/minutes/read-minutes-file.js";
import type { Caller } from "../caller.js";
import { loadTreatmentRecord, type TreatmentRecordView } from "../treatment/load-treatment.js";
import { validatePlanDecisionInput, writePlanDecision } from "../treatment/plan-decision.js";
import { validateMeetingInput, writeNewMeeting, type CheckedMeeting, type SaveMeetingInput } from "../treatment/save-meeting.js";
import { isRefusal, municipalityOr404, permitOrRefuse, type TreatmentDeps } from "../treatment/treatment-access.js";
import { refuse, type Refusal } from "../use-case-result.js";
import { checkMinutesAgainstDataset, type CheckedItem, type CheckedMinutes, type MinutesReadDeps } from "./read-minutes.js";

/**
 * From a council's minutes to its treatment record, on the web (issue 15 item 3). Reading stores nothing:
 * it shows what the reader found, each value with the text it rests on, as a form of proposals. Only the
 * confirmation writes, and it writes what the person confirmed (corrected or not), all or nothing, each
 * meeting in the audit trail with the document it came from. Both steps need treatment.confirm-minutes:
 * the municipality's editors, or tilsyn doing its yearly check.
 */
export type MinutesSource = { readonly kind: "upload"; readonly fileName: string; readonly bytes: Uint8Array } | { readonly kind: "url"; readonly url: string };

export type MinutesForTreatmentDeps = TreatmentDeps & MinutesReadDeps & { readonly download: Omit<MinutesDownloadOptions, "maxBytes"> };

export type ItemProposal = {
  readonly item: CheckedItem;
  readonly meetings: readonly ProposedMeeting[];
  readonly planDecision: ProposedPlanDecision;
  readonly stanceDa: string;
  /** The item's text, from its first to its last found value, cut into plain and marked segments. */
  readonly excerpt: readonly ExcerptSegment[];
  readonly excerptFirstLine: number;
};

export type MinutesReading = {
  readonly kind: "read";
  readonly record: TreatmentRecordView;
  /** The file name, or the address it was fetched from. */
  readonly sourceDa: string;
  readonly minutesUrl: string;
  readonly form: MinutesForm;
  readonly minutes: CheckedMinutes;
  readonly items: readonly ItemProposal[];
  /** What the person must know before confirming: another municipality, another data year. */
  readonly warningsDa: readonly string[];
};

const SOURCE_FIELD = "Referat";

function municipalityNameDa(m: Municipality): string {
  return m.name.endsWith("Kommune") || m.name.endsWith("Regionskommune") ? m.name : `${m.name} Kommune`;
}

async function bytesOf(deps: MinutesForTreatmentDeps, source: MinutesSource): Promise<{ bytes: Uint8Array; name: string; url: string } | Refusal> {
  try {
    if (source.kind === "upload") {
      if (source.fileName === "" || source.bytes.length === 0) return refuse(400, "Vælg en fil med referatet, eller skriv adressen på det.", { field: SOURCE_FIELD });
      if (source.bytes.length > MAX_ATTACHMENT_BYTES) return refuse(400, `Filen ${source.fileName} er for stor; højst ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB.`, { field: SOURCE_FIELD });
      return { bytes: source.bytes, name: source.fileName, url: "" };
    }
    if (source.url.trim() === "") return refuse(400, "Vælg en fil med referatet, eller skriv adressen på det.", { field: SOURCE_FIELD });
    const got = await downloadMinutes(source.url, { ...deps.download, maxBytes: MAX_ATTACHMENT_BYTES });
    return { bytes: got.bytes, name: got.fileName, url: got.finalUrl };
  } catch (error) {
    if (error instanceof MinutesReadError) return refuse(400, error.messageDa, { field: SOURCE_FIELD });
    throw error;
  }
}

function proposalFor(item: CheckedItem, record: TreatmentRecordView, minutes: CheckedMinutes, minutesUrl: string): ItemProposal {
  const { spans, from, to } = itemSpans(item);
  const start = minutes.text.lastIndexOf("\n", from - 1) + 1;
  const endAt = minutes.text.indexOf("\n", to);
  const end = endAt === -1 ? minutes.text.length : endAt;
  return {
    item,
    meetings: proposeMeetings(minutes, item, record.bodies, record.meetings, minutesUrl),
    planDecision: record.treatment.actionPlanDecisionRequired ? proposePlanDecision(item) : null,
    stanceDa: ACTION_PLAN_STANCE_NAMES_DA[item.actionPlan.stance],
    excerpt: markSpans(minutes.text, start, end, spans),
    excerptFirstLine: minutes.text.slice(0, start).split("\n").length,
  };
}

/** Reads an uploaded file or a fetched address and proposes what it found for this municipality's record of `dataYear`. */
export async function readMinutesForTreatment(deps: MinutesForTreatmentDeps, caller: Caller, input: { municipalityCode: string; dataYear: number; source: MinutesSource }): Promise<MinutesReading | Refusal> {
  const municipality = municipalityOr404(input.municipalityCode);
  if (isRefusal(municipality)) return municipality;
  const denied = permitOrRefuse(deps, caller, { action: "treatment.confirm-minutes", municipalityCode: municipality.code });
  if (denied) return denied;
  const loaded = await loadTreatmentRecord(deps, caller, municipality.code, input.dataYear);
  if (loaded.kind === "refused") return loaded;
  const got = await bytesOf(deps, input.source);
  if (isRefusal(got)) return got;
  let text: { form: MinutesForm; text: string };
  try {
    text = await readMinutesBytes(got.bytes, got.name);
  } catch (error) {
    if (error instanceof MinutesReadError) return refuse(400, error.messageDa, { field: SOURCE_FIELD });
    throw error;
  }
  const found = extractMinutes(text.text);
  const warningsDa: string[] = [];
  const other = found.municipality && found.municipality.value !== municipality.code ? findMunicipalityByCode(found.municipality.value) : null;
  if (other) warningsDa.push(`Dokumentet ser ud til at være fra ${municipalityNameDa(other)} (linje ${"span" in found.municipality! ? found.municipality.span.line : "?"}), ikke fra ${municipalityNameDa(municipality)}. Kontrollér, at det er det rigtige referat, før du bekræfter noget.`);
  // The figures are checked against the municipality the document is from; the page's when the text names none.
  const minutes = await checkMinutesAgainstDataset(deps, found.municipality ? found : { ...found, municipality: { value: municipality.code, basis: "given" } });
  if (minutes.items.length === 0) {
    const kindDa = minutes.kind === "dagsorden" ? "dagsordenen" : "dokumentet";
    return refuse(400, `Læseren fandt intet punkt om danmarkskortet over omgørelsesprocenter i ${kindDa} ${got.name}. Der er intet at registrere; kontrollér, at det er det rigtige referat.`, { field: SOURCE_FIELD });
  }
  for (const item of minutes.items) {
    if (item.dataYear && item.dataYear.value !== input.dataYear) warningsDa.push(`Punktet "${item.title.value}" handler om kortet for ${item.dataYear.value} (linje ${item.dataYear.span.line}), men du registrerer behandlingen af kortet for ${input.dataYear}. Dets møder er ikke valgt på forhånd.`);
  }
  const items = minutes.items.map((item) => {
    const p = proposalFor(item, loaded.record, minutes, got.url);
    const wrongYear = item.dataYear !== null && item.dataYear.value !== input.dataYear;
    return wrongYear || other ? { ...p, meetings: p.meetings.map((m) => ({ ...m, selected: false })), planDecision: null } : p;
  });
  return { kind: "read", record: loaded.record, sourceDa: got.url || got.name, minutesUrl: got.url, form: text.form, minutes, items, warningsDa };
}

export type ConfirmMinutesInput = {
  readonly municipalityCode: string;
  readonly dataYear: number;
  /** The file name or address the proposals came from, kept in the audit trail. */
  readonly sourceDa: string;
  /** `row` is the meeting's number on the form (1-based), so a refusal names the row the person sees. */
  readonly meetings: readonly (Omit<SaveMeetingInput, "municipalityCode" | "dataYear"> & { readonly row: number })[];
  /** "yes" / "no" / "not-relevant", or null to leave the plan decision as it is. */
  readonly planDecision: string | null;
};

/**
 * Writes what the person confirmed: every meeting and the plan decision in one transaction, or nothing.
 * A refused meeting names its place in the list ("Møde 2") and the field, so the form can show it there.
 */
export async function confirmMinutesTreatment(deps: TreatmentDeps, caller: Caller, input: ConfirmMinutesInput): Promise<{ kind: "saved"; meetings: readonly TreatmentMeeting[]; planDecision: TreatmentPlanDecision | null } | Refusal> {
  const municipality = municipalityOr404(input.municipalityCode);
  if (isRefusal(municipality)) return municipality;
  const denied = permitOrRefuse(deps, caller, { action: "treatment.confirm-minutes", municipalityCode: municipality.code });
  if (denied) return denied;
  if (input.meetings.length === 0 && input.planDecision === null) return refuse(400, "Vælg mindst ét møde eller beslutningen om handleplan, før du bekræfter.", { field: "Møder" });
  const checked: CheckedMeeting[] = [];
  for (const { row, ...meeting } of input.meetings) {
    const one = await validateMeetingInput(deps, caller, { ...meeting, municipalityCode: municipality.code, dataYear: input.dataYear });
    if (isRefusal(one)) {
      if (one.status !== 400) return one;
      const field = one.field ?? TREATMENT_FIELDS_DA.body;
      return refuse(400, `Møde ${row}: ${one.messageDa}`, { field: `Møde ${row}: ${field}` });
    }
    checked.push(one);
  }
  const plan = input.planDecision === null ? null : await validatePlanDecisionInput(deps, { municipalityCode: municipality.code, dataYear: input.dataYear, decision: input.planDecision, ankestyrelsenNotifiedOn: null });
  if (plan !== null && isRefusal(plan)) return plan;
  const now = deps.now();
  const from = { fromMinutes: input.sourceDa.slice(0, 500) };
  return deps.db.transaction(async (tx) => {
    const meetings: TreatmentMeeting[] = [];
    for (const c of checked) meetings.push(await writeNewMeeting(tx, caller, now, input.dataYear, c, from));
    if (plan) await writePlanDecision(tx, caller, now, plan, from);
    return { kind: "saved" as const, meetings, planDecision: plan };
  });
}
