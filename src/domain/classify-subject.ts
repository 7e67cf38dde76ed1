import { identifyLaw, type LawId } from "./law.js";
import type { MapId } from "./map-definition.js";
import type { DataYearSpan, MapRuleTable } from "./map-rules.js";
import { parseParagraphReferences, spansOverlap, type ParagraphSpan } from "./paragraph-reference.js";

export type SubjectArea = "children" | "adults";

/**
 * Where one subject label (sagsemne) of one data year belongs. Nothing is dropped: a label no rule
 * covers is `unclassified` and is listed in every import summary with its case count.
 */
export type SubjectClassification =
  | {
      readonly kind: "classified";
      readonly law: LawId;
      readonly maps: readonly MapId[];
      /** The children/adults split of the general map; `unknown` is reported like an unclassified label. */
      readonly area: SubjectArea | "unknown";
      readonly ruleIds: readonly string[];
    }
  | { readonly kind: "outside-maps"; readonly law: LawId | undefined; readonly reasonDa: string; readonly ruleId: string }
  | { readonly kind: "unclassified"; readonly reasonDa: string };

export type SubjectInput = { readonly subject: string; readonly law: string; readonly year: number };

function inSpan(year: number, span: DataYearSpan): boolean {
  return year >= span.from && (span.to === null || year <= span.to);
}

/** The paragraphs a label is about: its own references, not the "jf." ones (exported for focus areas, issue 13). */
export function ownSpans(subject: string): ParagraphSpan[] {
  // Cross-references ("jf. servicelovens § 84") name the provision the subject refers to, not the subject.
  return parseParagraphReferences(subject)
    .filter((r) => !r.crossReference)
    .flatMap((r) => r.spans);
}

export function classifySubject(input: SubjectInput, rules: MapRuleTable): SubjectClassification {
  for (const exclusion of rules.exclusions) {
    if (exclusion.labelPattern.test(input.subject)) {
      return { kind: "outside-maps", law: identifyLaw(input.law), reasonDa: exclusion.reasonDa, ruleId: exclusion.id };
    }
  }
  const law = identifyLaw(input.law);
  if (law === undefined) return { kind: "unclassified", reasonDa: "Lovgrundlaget (Lovgivning) mangler for sagsemnet" };
  if (law === "other") {
    return { kind: "outside-maps", law, reasonDa: `Lovgivningen "${input.law}" indgår ikke i danmarkskortene`, ruleId: "law-other" };
  }
  const spans = ownSpans(input.subject);
  const matched = rules.mapRules.filter(
    (rule) =>
      rule.law === law &&
      inSpan(input.year, rule.valid) &&
      (rule.paragraphs === "all" || rule.paragraphs.some((p) => spans.some((s) => spansOverlap(p, s)))),
  );
  if (matched.length === 0) {
    return { kind: "unclassified", reasonDa: `Ingen kortregel dækker ${law} for dataåret ${input.year}` };
  }
  const areaRule = rules.areaRules.find((rule) => {
    switch (rule.kind) {
      case "label-prefix":
        return rule.prefix.test(input.subject.trim());
      case "law":
        return rule.law === law;
      case "paragraphs":
        return rule.law === law && rule.paragraphs.some((p) => spans.some((s) => spansOverlap(p, s)));
    }
  });
  const maps = [...new Set(matched.map((r) => r.map))];
  const ruleIds = [...matched.map((r) => r.id), ...(areaRule ? [areaRule.id] : [])];
  return { kind: "classified", law, maps, area: areaRule?.area ?? "unknown", ruleIds };
}
