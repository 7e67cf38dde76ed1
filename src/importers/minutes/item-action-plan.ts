import type { ActionPlanFinding, Found, TextSpan } from "../../domain/minutes/minutes-item.js";
import type { Section } from "./minutes-structure.js";
import { splitSentences, type MinutesText, type Sentence } from "./minutes-text.js";

/**
 * The action-plan stance (§ 79 b stk. 2–3) an item records, and the sentence it rests on:
 * - a decision that says a plan is (not) to be made decides it ("Socialudvalget indstiller, at der ikke skal
 *   iværksættes en handleplan": nej);
 * - a decision that approves the recommendation wholesale ("Indstillingen tiltrådt") takes the stance of the
 *   recommendation's plan point;
 * - a note that the rule no longer applies ("Bestemmelsen er ophævet", Herning 2025) is "ikke besluttet" with
 *   that note as its evidence;
 * - a plan mentioned, proposed or required but not decided is "ikke besluttet" (also a case sent back "med henblik
 *   på en drøftelse af, om der skal udarbejdes en handleplan"); no mention is "ikke nævnt".
 */
const PLAN = /hand(?:le|lings)plan/i;
const NEGATIVE = /\b(ikke|ingen)\b[^.]{0,100}hand(?:le|lings)plan|hand(?:le|lings)plan[^.]{0,60}\b(ikke|ingen|unødvendig)\b/i;
const POSITIVE = /\b(udarbejde|udarbejdes|udarbejder|iværksætte|iværksættes|iværksætter|lave|laves|igangsætte|igangsættes|godkend\w*|vedtag\w*)\b[^.]{0,80}hand(?:le|lings)plan|hand(?:le|lings)plan(?:en)?[^.]{0,40}\b(godkend\w*|vedtag\w*|iværksættes|udarbejdes)\b/i;
const REPEALED = /(bestemmelsen er ophævet|er ophævet|ikke længere (krav|pligt|skal)|bortfaldet|udløbet)/i;
const WHOLESALE = /\b(indstilling(en)?|indstillingerne)\b[^.]{0,30}\b(tiltrådt|tiltrådte|godkendt|godkendte|følges|fulgt|vedtaget)\b|^(godkendt|tiltrådt|indstillingen tiltrådt)\.?$/i;

/** "tage stilling til, om der skal udarbejdes en handleplan", "drøftelse af, om …": the question, not an answer. */
const WHETHER = /\bom\s+(?:der\s+)?(?:skal|bør|er behov|kommunen|man)\b/i;

function stanceOf(text: string): "ja" | "nej" | null {
  if (!PLAN.test(text) || WHETHER.test(text)) return null;
  if (NEGATIVE.test(text)) return "nej";
  if (POSITIVE.test(text)) return "ja";
  return null;
}

function sentencesOf(doc: MinutesText, sections: readonly Section[], kinds: readonly Section["kind"][]): Sentence[] {
  // A decision written on its heading line ("Beslutning i Byrådet den 07-10-2025: Indstillingen godkendt.") is read with it.
  const fromOf = (s: Section) => (s.kind === "beslutning" && s.heading && s.headingRest.includes(":") ? s.heading.lineNo - 1 : s.from);
  return sections.filter((s) => kinds.includes(s.kind)).flatMap((s) => doc.paragraphs(fromOf(s), s.to).flatMap(splitSentences));
}

const spanOf = (doc: MinutesText, s: Sentence, through: Sentence = s): TextSpan => doc.paragraphSpan(s.paragraph, s.at, through.at + through.text.length - s.at);

export function findActionPlan(doc: MinutesText, sections: readonly Section[], recommendations: readonly Found<string>[]): ActionPlanFinding {
  const decisions = sentencesOf(doc, sections, ["beslutning"]);
  for (const s of decisions) {
    const stance = stanceOf(s.text);
    if (stance) return { stance, evidence: spanOf(doc, s), ruleRepealedNoted: false };
  }
  const proposed = recommendations.map((r) => ({ r, stance: stanceOf(r.value) })).find((x) => x.stance !== null);
  if (proposed && decisions.some((s) => WHOLESALE.test(s.text))) return { stance: proposed.stance!, evidence: proposed.r.span, ruleRepealedNoted: false };

  const text = sentencesOf(doc, sections, ["resume", "sagsfremstilling", "indstilling"]);
  for (let i = 0; i < text.length; i++) {
    const s = text[i]!;
    if (!REPEALED.test(s.text)) continue;
    const previous = text[i - 1];
    if (PLAN.test(s.text)) return { stance: "ikke-besluttet", evidence: spanOf(doc, s), ruleRepealedNoted: true };
    if (previous && previous.paragraph === s.paragraph && PLAN.test(previous.text)) return { stance: "ikke-besluttet", evidence: spanOf(doc, previous, s), ruleRepealedNoted: true };
  }
  if (proposed) return { stance: "ikke-besluttet", evidence: proposed.r.span, ruleRepealedNoted: false };
  const mention = [...decisions, ...text].find((s) => PLAN.test(s.text));
  return mention ? { stance: "ikke-besluttet", evidence: spanOf(doc, mention), ruleRepealedNoted: false } : { stance: "ikke-naevnt" };
}
