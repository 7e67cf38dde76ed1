import { authorize } from "../../domain/access-policy.js";
import { councilOf, defaultBodyList, type CouncilBodyEntry } from "../../domain/council-bodies.js";
import { buildCouncilTreatment, type CouncilTreatment } from "../../domain/council-treatment.js";
import { effectiveLegalRules, type EffectiveLegalRule } from "../../domain/legal-rule-edits.js";
import type { Municipality, MunicipalityCode } from "../../domain/municipality.js";
import { copenhagenDate, type AnkestyrelsenOrder, type TreatmentMeeting, type TreatmentPlanDecision } from "../../domain/treatment-record.js";
import { buildActionPlanStatus, buildCouncilTreatmentStatus, type ActionPlanStatus, type CouncilTreatmentStatus } from "../../domain/treatment-status.js";
import type { Queryable } from "../../storage/database.js";
import { listLegalRuleEdits, listMeetings, listTreatmentYears, loadBodyList, loadOrder, loadPlanDecision } from "../../storage/treatment-store.js";
import type { Caller } from "../caller.js";
import type { Refusal } from "../use-case-result.js";
import { dataYearRefusal, isRefusal, municipalityOr404, type TreatmentDeps } from "./treatment-access.js";

/** The municipality's list of bodies: its own, or the one it starts with (council-bodies.ts). */
export async function bodyListOf(db: Queryable, code: MunicipalityCode): Promise<{ bodies: readonly CouncilBodyEntry[]; isDefault: boolean }> {
  const stored = await loadBodyList(db, code);
  return stored ? { bodies: stored, isDefault: false } : { bodies: defaultBodyList(code), isDefault: true };
}

/** The dated legal rules as the product applies them: defaults with an administrator's edits. */
export async function loadEffectiveLegalRules(db: Queryable): Promise<EffectiveLegalRule[]> {
  return effectiveLegalRules(await listLegalRuleEdits(db));
}

/**
 * One municipality's treatment of one year's map, as a page or the API shows it. Public: the council's
 * meetings are public business. Attachments marked not public are left out unless the caller may read
 * the municipality's internal material (its own users, admin, tilsyn).
 */
export type TreatmentRecordView = {
  readonly municipality: Municipality;
  readonly dataYear: number;
  readonly today: string;
  readonly treatment: CouncilTreatment;
  readonly rules: readonly EffectiveLegalRule[];
  readonly bodies: readonly CouncilBodyEntry[];
  readonly councilNameDa: string;
  readonly meetings: readonly TreatmentMeeting[];
  readonly planDecision: TreatmentPlanDecision | null;
  readonly order: AnkestyrelsenOrder | null;
  readonly status: CouncilTreatmentStatus;
  readonly actionPlan: ActionPlanStatus;
  /** How many attachments were left out for this caller (so a page can say that there are more). */
  readonly hiddenAttachments: number;
  readonly may: { readonly write: boolean; readonly order: boolean; readonly confirmMinutes: boolean; readonly readInternal: boolean; readonly editBodies: boolean };
};

export async function loadTreatmentRecord(deps: Pick<TreatmentDeps, "db" | "now">, caller: Caller, code: string, dataYear: number): Promise<{ kind: "record"; record: TreatmentRecordView } | Refusal> {
  const municipality = municipalityOr404(code);
  if (isRefusal(municipality)) return municipality;
  const badYear = dataYearRefusal(dataYear, deps.now());
  if (badYear) return badYear;
  const m = municipality.code;
  const readInternal = authorize(caller.actor, { action: "municipality.read-internal", municipalityCode: m }).allowed;
  const [rules, list, allMeetings, planDecision, order] = await Promise.all([
    loadEffectiveLegalRules(deps.db),
    bodyListOf(deps.db, m),
    listMeetings(deps.db, m, dataYear),
    loadPlanDecision(deps.db, m, dataYear),
    loadOrder(deps.db, m, dataYear),
  ]);
  let hidden = 0;
  const meetings = allMeetings.map((meeting) => {
    if (readInternal) return meeting;
    const shown = meeting.attachments.filter((a) => a.isPublic);
    hidden += meeting.attachments.length - shown.length;
    return { ...meeting, attachments: shown };
  });
  const today = copenhagenDate(deps.now());
  const treatment = buildCouncilTreatment(dataYear, rules);
  const councilNameDa = councilOf(list.bodies).nameDa;
  const planRule = rules.find((r) => r.id === "action-plan-decision");
  return {
    kind: "record",
    record: {
      municipality,
      dataYear,
      today,
      treatment,
      rules,
      bodies: list.bodies,
      councilNameDa,
      meetings,
      planDecision,
      order,
      status: buildCouncilTreatmentStatus({ dataYear, councilNameDa, meetings, today }),
      actionPlan: buildActionPlanStatus({
        dataYear,
        councilNameDa,
        ruleApplies: treatment.actionPlanDecisionRequired,
        ruleEndedOn: treatment.actionPlanRuleExpired ? (planRule?.validTo ?? null) : null,
        decision: planDecision,
        order,
        today,
      }),
      hiddenAttachments: hidden,
      may: {
        write: authorize(caller.actor, { action: "treatment.write", municipalityCode: m }).allowed,
        order: authorize(caller.actor, { action: "treatment.order", municipalityCode: m }).allowed,
        confirmMinutes: authorize(caller.actor, { action: "treatment.confirm-minutes", municipalityCode: m }).allowed,
        readInternal,
        editBodies: authorize(caller.actor, { action: "municipality.settings.write", municipalityCode: m }).allowed,
      },
    },
  };
}

/** Every year a municipality has recorded anything for, each as its record: the history export. */
export async function loadTreatmentHistory(deps: Pick<TreatmentDeps, "db" | "now">, caller: Caller, code: string): Promise<{ kind: "history"; records: TreatmentRecordView[]; municipality: Municipality } | Refusal> {
  const municipality = municipalityOr404(code);
  if (isRefusal(municipality)) return municipality;
  const years = await listTreatmentYears(deps.db, municipality.code);
  const records: TreatmentRecordView[] = [];
  for (const year of years) {
    const r = await loadTreatmentRecord(deps, caller, municipality.code, year);
    if (r.kind === "record") records.push(r.record);
  }
  return { kind: "history", records, municipality };
}
