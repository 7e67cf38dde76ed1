import { isFollowUpCategory } from "../../domain/compliance-follow-up.js";
import { copenhagenDate } from "../../domain/treatment-record.js";
import { buildReminderLetterModel, renderReminderLetterDocx } from "../../reports/compliance/reminder-letter.js";
import type { Caller } from "../caller.js";
import { refuse, type Refusal } from "../use-case-result.js";
import type { TreatmentDeps } from "../treatment/treatment-access.js";
import { loadComplianceLineForFollowUp } from "./load-compliance-overview.js";

/**
 * The letter to one council as DOCX, from the reviewer's choice (issue 15, item 4): the category given
 * (`kategori`) or else the follow-up tilsyn registered. Tilsyn only, like the follow-up itself; nothing is
 * stored, and the note never reaches the letter.
 */
export async function buildReminderLetter(deps: TreatmentDeps, caller: Caller, input: { readonly municipalityCode: string; readonly dataYear: number; readonly category: string | null }): Promise<{ kind: "letter"; fileName: string; body: Buffer } | Refusal> {
  const found = await loadComplianceLineForFollowUp(deps, caller, input.municipalityCode, input.dataYear);
  if (found.kind === "refused") return found;
  const line = found.line;
  const chosen = input.category ?? line.followUp?.category ?? null;
  if (chosen === null) return refuse(409, `Vælg først Ankestyrelsens opfølgning for ${line.municipalityName}; brevet skrives ud fra den.`);
  if (!isFollowUpCategory(chosen)) return refuse(400, `Ukendt opfølgning "${chosen.slice(0, 40)}" (parameter kategori).`);
  const model = buildReminderLetterModel({
    municipalityCode: line.municipalityCode,
    dataYear: input.dataYear,
    category: chosen,
    statusSentenceDa: line.detailDa ?? "Kommunen har ikke registreret nogen behandling af kortet.",
    actionPlanSentenceDa: line.actionPlanKind === "not-applicable" || line.actionPlanKind === null ? null : line.actionPlanDa,
    orderDeadline: line.orderDeadline,
    today: copenhagenDate(deps.now()),
  });
  return { kind: "letter", fileName: `${model.fileStem}.docx`, body: await renderReminderLetterDocx(model) };
}
