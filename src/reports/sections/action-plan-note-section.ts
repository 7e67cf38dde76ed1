import type { ReportContext } from "../report-context.js";
import type { ReportBlock } from "../report-document.js";

/**
 * The action-plan rule in one sentence, from the dated rule table (domain/legal-rules.ts): what the council
 * must decide where § 79 b, stk. 2–3 applies, and that it does not where it has lapsed (seed: Herning 2025,
 * "Bestemmelsen er ophævet"). The full legal basis is the optional "legal-basis" section.
 */
export function buildActionPlanNoteSection(ctx: ReportContext): ReportBlock[] {
  const t = ctx.treatment;
  const rule = t.rulesInForce.find((r) => r.id === "action-plan-decision");
  if (rule) {
    return [
      {
        kind: "paragraph",
        text: `Efter ${rule.provision}, skal Byrådet ved behandlingen tage stilling til, om der er behov for en handleplan for at styrke den juridiske kvalitet i kommunens sagsbehandling; beslutter Byrådet ikke at udarbejde en handleplan, skal Ankestyrelsen underrettes.`,
      },
    ];
  }
  if (t.actionPlanRuleExpired) {
    return [
      {
        kind: "paragraph",
        text: `Byrådet har tidligere skullet tage stilling til, om der var behov for en handleplan for at styrke den juridiske kvalitet i kommunens sagsbehandling (retssikkerhedslovens § 79 b, stk. 2-3). Bestemmelsen var tidsbegrænset og gælder ikke for behandlingen af danmarkskortet for ${ctx.year}.`,
      },
    ];
  }
  return [];
}
