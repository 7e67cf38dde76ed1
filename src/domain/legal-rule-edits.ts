import { isIsoDate, type IsoDate } from "./iso-date.js";
import { textProblem, type FieldProblem } from "./treatment-record.js";
import { LEGAL_RULES, type LegalRule, type LegalRuleId } from "./legal-rules.js";

/**
 * An administrator's change to one of the dated legal rules (issue 13): whether § 79 b stk. 2–3 apply for
 * a year is disputed between the seeds (Herning 2025: "Bestemmelsen er ophævet"; Allerød 2025 still asks
 * its council to decide on a plan), so the dates are data a person can correct, with the source that
 * justifies the change. Every rule keeps its origin: the product's default, or who changed it and when.
 */
export type LegalRuleEdit = {
  readonly id: LegalRuleId;
  readonly validFrom: IsoDate;
  readonly validTo: IsoDate | null;
  readonly summaryDa: string;
  readonly source: string;
  readonly editedAt: string;
  readonly editedBy: string;
};

export type EffectiveLegalRule = LegalRule & { readonly origin: { readonly kind: "default" } | { readonly kind: "edited"; readonly at: string; readonly by: string } };

export function isLegalRuleId(value: string): value is LegalRuleId {
  return LEGAL_RULES.some((r) => r.id === value);
}

/** The rules in force for the product: each default, replaced by its edit where an administrator made one. */
export function effectiveLegalRules(edits: readonly LegalRuleEdit[], defaults: readonly LegalRule[] = LEGAL_RULES): EffectiveLegalRule[] {
  return defaults.map((rule) => {
    const edit = edits.find((e) => e.id === rule.id);
    if (!edit) return { ...rule, origin: { kind: "default" as const } };
    return { ...rule, validFrom: edit.validFrom, validTo: edit.validTo, summaryDa: edit.summaryDa, source: edit.source, origin: { kind: "edited" as const, at: edit.editedAt, by: edit.editedBy } };
  });
}

export const LEGAL_RULE_FIELDS_DA = { validFrom: "Gælder fra", validTo: "Gælder til", summaryDa: "Indhold", source: "Kilde" } as const;

export type LegalRuleInput = { readonly validFrom: string; readonly validTo: string | null; readonly summaryDa: string; readonly source: string };
/** A checked LegalRuleInput: its dates are dates. */
export type ValidLegalRuleInput = { readonly validFrom: IsoDate; readonly validTo: IsoDate | null; readonly summaryDa: string; readonly source: string };

/** A rule edit must keep a valid period and name its source: a changed date without a source is a guess. */
export function validateLegalRuleInput(input: LegalRuleInput): { ok: true; value: ValidLegalRuleInput } | { ok: false; problem: FieldProblem } {
  const F = LEGAL_RULE_FIELDS_DA;
  const fail = (field: string, messageDa: string) => ({ ok: false as const, problem: { field, messageDa } });
  if (!isIsoDate(input.validFrom)) return fail(F.validFrom, `${F.validFrom} skal være en dato som 2022-07-01.`);
  const validTo = input.validTo === null || input.validTo.trim() === "" ? null : input.validTo.trim();
  if (validTo !== null && !isIsoDate(validTo)) return fail(F.validTo, `${F.validTo} skal være en dato som 2024-12-31, eller tom, når reglen gælder uden slutdato.`);
  if (validTo !== null && validTo < input.validFrom) return fail(F.validTo, `${F.validTo} (${validTo}) ligger før ${F.validFrom.toLowerCase()} (${input.validFrom}).`);
  const summaryDa = input.summaryDa.trim();
  const source = input.source.trim();
  if (summaryDa.length === 0) return fail(F.summaryDa, "Reglens indhold mangler.");
  if (source.length === 0) return fail(F.source, "Kilden mangler: skriv den adresse eller det dokument, ændringen bygger på.");
  const problem = textProblem(F.summaryDa, summaryDa, 2000) ?? textProblem(F.source, source, 500, { singleLine: true });
  if (problem) return { ok: false, problem };
  return { ok: true, value: { validFrom: input.validFrom, validTo, summaryDa, source } };
}
