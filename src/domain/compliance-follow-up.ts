import { assertNever } from "./assert-never.js";
import type { ComplianceState } from "./compliance-status.js";
import type { MunicipalityCode } from "./municipality.js";
import { textProblem, type FieldProblem } from "./treatment-record.js";

/**
 * Ankestyrelsen's follow-up on one council's treatment of one year's map (issue 15, item 4). The four
 * categories are the ones Ankestyrelsen itself reported for the 2022 map: 85 councils needed no follow-up,
 * 13 were asked to take a stance on an action plan, ordered to make one, or reminded of the deadline
 * (https://ast.dk/nyheder/nyheder/nyheder-2023/ankestyrelsens-har-gennemgaet-kommunernes-behandling-og-opfolgning-pa-danmarkskortet-for-2022-og-langt-de-fleste-kommuner-overholder-lovgivningen).
 * Written by `tilsyn` only. The category is public where the records are; the note is Ankestyrelsen's own
 * working note and is shown only to `tilsyn` and `admin`.
 */
export type FollowUpCategory = "none" | "asked-for-stance" | "ordered-plan" | "reminded-of-deadline";
export const FOLLOW_UP_CATEGORIES: readonly FollowUpCategory[] = ["none", "asked-for-stance", "ordered-plan", "reminded-of-deadline"];
export const FOLLOW_UP_CATEGORY_NAMES_DA: Readonly<Record<FollowUpCategory, string>> = {
  none: "ingen opfølgning",
  "asked-for-stance": "bedt om stillingtagen",
  "ordered-plan": "pålagt handleplan",
  "reminded-of-deadline": "påmindet om frist",
};
/** What a municipality without a registered follow-up reads: not assessed yet, which is not "ingen opfølgning". */
export const NO_FOLLOW_UP_DA = "ikke vurderet";

export function isFollowUpCategory(value: string): value is FollowUpCategory {
  return (FOLLOW_UP_CATEGORIES as readonly string[]).includes(value);
}

export const MAX_FOLLOW_UP_NOTE_LENGTH = 2000;
export const FOLLOW_UP_FIELDS_DA = { category: "Opfølgning", note: "Note" } as const;

export type ComplianceFollowUp = {
  readonly municipalityCode: MunicipalityCode;
  readonly dataYear: number;
  readonly category: FollowUpCategory;
  /** Private: null in every public view. */
  readonly note: string | null;
  readonly updatedAt: string;
  /** Who wrote it last (the signed-in person's e-mail), as the audit trail names them. */
  readonly updatedBy: string;
};

/** Checks the form's or a caller's values: a known category, and a note the field has room for. */
export function validateFollowUp(input: { readonly category: string; readonly note: string | null }): { ok: true; category: FollowUpCategory; note: string | null } | { ok: false; problem: FieldProblem } {
  const F = FOLLOW_UP_FIELDS_DA;
  if (!isFollowUpCategory(input.category)) {
    const known = FOLLOW_UP_CATEGORIES.map((c) => `${FOLLOW_UP_CATEGORY_NAMES_DA[c]} (${c})`).join(", ");
    return { ok: false, problem: { field: F.category, messageDa: `Ukendt opfølgning "${input.category.slice(0, 40)}"; vælg en af ${known}.` } };
  }
  const note = input.note === null || input.note.trim() === "" ? null : input.note.trim();
  const problem = note === null ? null : textProblem(F.note, note, MAX_FOLLOW_UP_NOTE_LENGTH);
  if (problem) return { ok: false, problem };
  return { ok: true, category: input.category, note };
}

/**
 * One status per municipality, for the filter, the counts and the map's colours. Exclusive, so every
 * municipality has one colour: a council past the deadline is `overdue` whether or not it sent the case
 * back (the overdue is what Ankestyrelsen acts on); `sent-back` is a case sent back before the deadline.
 */
export type ComplianceStatusKey = "treated" | "treated-late" | "sent-back" | "pending" | "overdue" | "not-registered";
export const COMPLIANCE_STATUS_KEYS: readonly ComplianceStatusKey[] = ["treated", "treated-late", "sent-back", "pending", "overdue", "not-registered"];
export const COMPLIANCE_STATUS_NAMES_DA: Readonly<Record<ComplianceStatusKey, string>> = {
  treated: "behandlet inden fristen",
  "treated-late": "behandlet efter fristen",
  "sent-back": "sendt tilbage – ikke afsluttet",
  pending: "ikke behandlet endnu – fristen er ikke nået",
  overdue: "ikke behandlet – fristen er overskredet",
  "not-registered": "ikke registreret",
};

export function isComplianceStatusKey(value: string): value is ComplianceStatusKey {
  return (COMPLIANCE_STATUS_KEYS as readonly string[]).includes(value);
}

export function complianceStatusKey(state: ComplianceState): ComplianceStatusKey {
  switch (state.kind) {
    case "not-registered":
      return "not-registered";
    case "treated":
      return state.beforeDeadline ? "treated" : "treated-late";
    case "pending":
      return state.sentBack ? "sent-back" : "pending";
    case "overdue":
      return "overdue";
    default:
      return assertNever(state);
  }
}

/** The overview's filters; null is "all". `followUp` "unset" picks the municipalities not assessed yet. */
export type ComplianceFilter = {
  readonly status: ComplianceStatusKey | null;
  readonly region: string | null;
  readonly followUp: FollowUpCategory | "unset" | null;
};

export const NO_COMPLIANCE_FILTER: ComplianceFilter = { status: null, region: null, followUp: null };

export function matchesComplianceFilter(row: { readonly state: ComplianceState; readonly region: string; readonly followUp: { readonly category: FollowUpCategory } | null }, filter: ComplianceFilter): boolean {
  if (filter.status !== null && complianceStatusKey(row.state) !== filter.status) return false;
  if (filter.region !== null && row.region !== filter.region) return false;
  if (filter.followUp === "unset") return row.followUp === null;
  if (filter.followUp !== null && row.followUp?.category !== filter.followUp) return false;
  return true;
}
