import { checkFreeTextForCpr, type CprRefusal } from "../cpr-number.js";
import { classifySubject, type SubjectClassification } from "../classify-subject.js";
import type { MapRuleTable } from "../map-rules.js";
import type { MunicipalityCode } from "../municipality.js";
import { reasonValidFor, type ReasonDefinition } from "./reason-taxonomy.js";
import { isIsoDate } from "../iso-date.js";

/**
 * One entry of a municipality's knowledge bank (vidensbank, issue 14): one Ankestyrelsen decision on one
 * subject, why it was reversed, and what the municipality learned. The entry is a note on a citizen's
 * case (GDPR art. 9): it never holds a CPR number (every free-text field passes the CPR guard), and the
 * citizen is known only by the municipality's internal case reference.
 */

/**
 * Ankestyrelsen's outcome as the municipality records it. Finer than the statistics' four types
 * (domain.md §2): the statistics count ændret and ophævet together and a partial reversal under its most
 * far-reaching outcome; every outcome but `upheld` counts as a reversed case.
 */
export type KnowledgeOutcome = "changed" | "annulled" | "remitted" | "partly-reversed" | "upheld";
export const KNOWLEDGE_OUTCOMES: readonly KnowledgeOutcome[] = ["changed", "annulled", "remitted", "partly-reversed", "upheld"];
export const KNOWLEDGE_OUTCOME_NAMES_DA: Readonly<Record<KnowledgeOutcome, string>> = {
  changed: "Ændret",
  annulled: "Ophævet",
  remitted: "Hjemvist",
  "partly-reversed": "Delvist omgjort",
  upheld: "Stadfæstet",
};

export function isReversed(outcome: KnowledgeOutcome): boolean {
  return outcome !== "upheld";
}

/** What the municipality decided after Ankestyrelsen remitted the case. */
export type NewDecisionResult = "granted" | "refused-again" | "partly" | "pending";
export const NEW_DECISION_RESULTS: readonly NewDecisionResult[] = ["granted", "refused-again", "partly", "pending"];
export const NEW_DECISION_NAMES_DA: Readonly<Record<NewDecisionResult, string>> = {
  granted: "Bevilget",
  "refused-again": "Afslag igen",
  partly: "Delvist bevilget",
  pending: "Verserer",
};

/** Whether the new decision gave the citizen a different result than the decision Ankestyrelsen remitted. */
export function newDecisionChangedResult(result: NewDecisionResult): boolean {
  return result === "granted" || result === "partly";
}

export type KnowledgeStatus = "draft" | "approved";
export const KNOWLEDGE_STATUS_NAMES_DA: Readonly<Record<KnowledgeStatus, string>> = { draft: "Kladde", approved: "Godkendt" };

export type NewDecision = { readonly result: NewDecisionResult; readonly date: string | null };

/** The fields a person writes (on the web, through the API or in a spreadsheet row). */
export type KnowledgeEntryInput = {
  /** Ankestyrelsen's decision date, ISO (ÅÅÅÅ-MM-DD). */
  readonly decisionDate: string;
  /** The statistics' data year the case counts in: the year Ankestyrelsen decided it (domain.md §2). */
  readonly dataYear: number;
  readonly outcome: KnowledgeOutcome;
  /** Ankestyrelsen's `Lovgivning` label, e.g. "Serviceloven". */
  readonly law: string;
  /** The subject label (sagsemne) as the statistics name it, e.g. "Merudgiftydelse §41 + tilbagebetaling". */
  readonly subject: string;
  /** The provision, when the subject does not name it, e.g. "§ 41". */
  readonly provision: string;
  /** The municipality's own department or area, from its list; "" when not given. */
  readonly department: string;
  readonly reasonCodes: readonly string[];
  readonly summary: string;
  readonly learningPoint: string;
  readonly links: readonly string[];
  /** The municipality's internal case reference (journal or case number, never a CPR number); "" when none. */
  readonly caseReference: string;
  readonly newDecision: NewDecision | null;
  readonly status: KnowledgeStatus;
};

export type KnowledgeEntry = KnowledgeEntryInput & {
  readonly id: number;
  readonly municipalityCode: MunicipalityCode;
  readonly createdAt: string;
  readonly updatedAt: string;
};

/** The Danish field names every message, form and spreadsheet heading uses (one phrasebook). */
export const KNOWLEDGE_FIELD_NAMES_DA = {
  decisionDate: "Afgørelsesdato",
  dataYear: "Dataår",
  outcome: "Udfald",
  law: "Lov",
  subject: "Sagsemne",
  provision: "Paragraf",
  department: "Afdeling",
  reasonCodes: "Årsag",
  summary: "Resumé af årsagen",
  learningPoint: "Læring",
  links: "Links",
  caseReference: "Intern sagsreference",
  newDecisionResult: "Ny afgørelse",
  newDecisionDate: "Dato for ny afgørelse",
  status: "Status",
} as const;
export type KnowledgeField = keyof typeof KNOWLEDGE_FIELD_NAMES_DA;

export const MAX_TEXT_CHARS = 4000;
export const MAX_SHORT_CHARS = 200;
export const MAX_LINKS = 10;

/** A field's problem, in Danish, with the field it concerns. */
export type EntryProblem = { readonly field: KnowledgeField; readonly messageDa: string; readonly cpr?: CprRefusal };

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/** The free-text fields the CPR guard reads, in the order a form shows them. */
export function freeTextFields(input: KnowledgeEntryInput): readonly (readonly [KnowledgeField, string])[] {
  return [
    ["caseReference", input.caseReference],
    ["law", input.law],
    ["subject", input.subject],
    ["provision", input.provision],
    ["department", input.department],
    ["summary", input.summary],
    ["learningPoint", input.learningPoint],
    ...input.links.map((l) => ["links", l] as const),
  ];
}

/** The first CPR number in any free-text field of the entry, or null. */
export function findCprInEntry(input: KnowledgeEntryInput): CprRefusal | null {
  for (const [field, text] of freeTextFields(input)) {
    const hit = checkFreeTextForCpr(KNOWLEDGE_FIELD_NAMES_DA[field], text);
    if (hit) return hit;
  }
  return null;
}

export type EntryContext = {
  readonly reasons: readonly ReasonDefinition[];
  /** The municipality's department list; an empty list accepts any department. */
  readonly departments: readonly string[];
  /** Today (ISO date), so a decision date in the future can be refused; the clock stays out of the domain. */
  readonly today: string;
};

/**
 * Everything wrong with an entry, in Danish, field by field (a form shows each next to its input, an import
 * names the column). The CPR guard runs first: an entry with a CPR number gets that problem only, so no
 * other message can quote the text around the number.
 */
export function validateKnowledgeEntry(input: KnowledgeEntryInput, context: EntryContext): EntryProblem[] {
  const cpr = findCprInEntry(input);
  if (cpr) {
    const field = (Object.keys(KNOWLEDGE_FIELD_NAMES_DA) as KnowledgeField[]).find((f) => KNOWLEDGE_FIELD_NAMES_DA[f] === cpr.fieldDa) ?? "summary";
    return [{ field, messageDa: cpr.messageDa, cpr }];
  }
  const problems: EntryProblem[] = [];
  const name = KNOWLEDGE_FIELD_NAMES_DA;
  if (!isIsoDate(input.decisionDate)) problems.push({ field: "decisionDate", messageDa: `${name.decisionDate} skal være en dato (ÅÅÅÅ-MM-DD eller DD-MM-ÅÅÅÅ), ikke "${input.decisionDate.slice(0, 40)}".` });
  else if (input.decisionDate > context.today) problems.push({ field: "decisionDate", messageDa: `${name.decisionDate} ${input.decisionDate} ligger i fremtiden.` });
  if (!Number.isInteger(input.dataYear) || input.dataYear < 2013 || input.dataYear > 2100) problems.push({ field: "dataYear", messageDa: `${name.dataYear} skal være et årstal fra 2013 (Ankestyrelsens statistik begynder i 2013), ikke "${input.dataYear}".` });
  if (input.subject.trim() === "") problems.push({ field: "subject", messageDa: `${name.subject} mangler: vælg det sagsemne, afgørelsen handler om.` });
  for (const [field, text] of freeTextFields(input)) {
    const limit = field === "summary" || field === "learningPoint" ? MAX_TEXT_CHARS : MAX_SHORT_CHARS;
    if (text.length > limit) problems.push({ field, messageDa: `${name[field]} er på ${text.length} tegn; højst ${limit} tegn er tilladt.` });
    const control = CONTROL.exec(text);
    if (control) problems.push({ field, messageDa: `${name[field]} indeholder et styretegn (U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}); fjern det og prøv igen.` });
  }
  if (context.departments.length > 0 && input.department !== "" && !context.departments.includes(input.department)) {
    problems.push({ field: "department", messageDa: `Afdelingen "${input.department}" er ikke på kommunens liste over afdelinger (${context.departments.join(", ")}).` });
  }
  const seen = new Set<string>();
  for (const code of input.reasonCodes) {
    const reason = context.reasons.find((r) => r.code === code);
    if (!reason) problems.push({ field: "reasonCodes", messageDa: `Ukendt årsag "${code.slice(0, 60)}". Årsagerne er: ${context.reasons.map((r) => r.labelDa).join(", ")}.` });
    else if (!reasonValidFor(reason, input.dataYear)) problems.push({ field: "reasonCodes", messageDa: `Årsagen "${reason.labelDa}" gælder ikke for dataåret ${input.dataYear}.` });
    if (seen.has(code)) problems.push({ field: "reasonCodes", messageDa: `Årsagen "${reason?.labelDa ?? code}" står to gange.` });
    seen.add(code);
  }
  if (isReversed(input.outcome) && input.reasonCodes.length === 0 && input.status === "approved") {
    problems.push({ field: "reasonCodes", messageDa: "En godkendt omgjort sag skal have mindst én årsag." });
  }
  if (input.links.length > MAX_LINKS) problems.push({ field: "links", messageDa: `Højst ${MAX_LINKS} links pr. afgørelse.` });
  for (const link of input.links) {
    if (!/^https?:\/\/[^\s]+$/.test(link)) problems.push({ field: "links", messageDa: `"${link.slice(0, 80)}" er ikke en webadresse (den skal begynde med https://).` });
  }
  if (input.newDecision !== null) {
    if (input.outcome !== "remitted" && input.outcome !== "partly-reversed") {
      problems.push({ field: "newDecisionResult", messageDa: `Ny afgørelse kan kun registreres for en hjemvist sag, ikke for udfaldet "${KNOWLEDGE_OUTCOME_NAMES_DA[input.outcome]}".` });
    }
    const date = input.newDecision.date;
    if (date !== null) {
      if (!isIsoDate(date)) problems.push({ field: "newDecisionDate", messageDa: `${name.newDecisionDate} skal være en dato, ikke "${date.slice(0, 40)}".` });
      else if (isIsoDate(input.decisionDate) && date < input.decisionDate) problems.push({ field: "newDecisionDate", messageDa: `${name.newDecisionDate} ${date} ligger før Ankestyrelsens afgørelse (${input.decisionDate}).` });
    }
    if (input.newDecision.result !== "pending" && date === null) problems.push({ field: "newDecisionDate", messageDa: `${name.newDecisionDate} mangler for resultatet "${NEW_DECISION_NAMES_DA[input.newDecision.result]}".` });
  }
  return problems;
}

/**
 * Which map(s) the entry counts on, by the same dated rule table as the statistics (map-rules.ts). A
 * subject label without a paragraph is read together with the entry's provision ("Handicapbil" + "§ 114").
 */
export function classifyEntry(entry: Pick<KnowledgeEntryInput, "law" | "subject" | "provision" | "dataYear">, rules: MapRuleTable): SubjectClassification {
  const subject = entry.provision.trim() === "" ? entry.subject : `${entry.subject} ${entry.provision}`;
  return classifySubject({ subject, law: entry.law, year: entry.dataYear }, rules);
}

/** The key two entries are the same decision by: the same decision date, subject and case (or summary, without a reference). */
export function duplicateKey(entry: Pick<KnowledgeEntryInput, "decisionDate" | "subject" | "caseReference" | "summary">): string {
  const ref = entry.caseReference.trim().toLowerCase();
  return [entry.decisionDate, entry.subject.trim().toLowerCase(), ref === "" ? `resume:${entry.summary.trim().toLowerCase()}` : `ref:${ref}`].join("|");
}
