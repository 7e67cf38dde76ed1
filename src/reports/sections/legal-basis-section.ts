import { formatDanishDate } from "../../domain/council-treatment.js";
import type { ReportContext } from "../report-context.js";
import type { ReportBlock } from "../report-document.js";
import { ministryName } from "../report-phrases.js";

/**
 * The legal basis with the rules in force for this year's treatment, read from the dated rules the product
 * applies (domain/legal-rules.ts with an administrator's edits, legal-rule-edits.ts): § 84 a and § 79 b stk. 1
 * always; stk. 2–3 (the action-plan decision) only while in force, and otherwise a sentence saying it no
 * longer applies (seed: Herning 2025). The stk. 2–3 rule's period and source close the section, because the
 * seeds disagree on it and a reader must be able to see what the item builds on.
 */
export function buildLegalBasisSection(ctx: ReportContext): ReportBlock[] {
  const t = ctx.treatment;
  const blocks: ReportBlock[] = [{ kind: "heading", level: 3, text: "Lovgrundlag" }];
  const publication = t.rulesInForce.find((r) => r.id === "publication-deadline");
  // Written here rather than taken from the rule's summary, so the ministry is named as in the rest of the item.
  if (publication) {
    blocks.push({
      kind: "paragraph",
      text: `${ministryName(t.publicationYear)} offentliggør hvert år inden 1. juli et danmarkskort over Ankestyrelsens omgørelsesprocenter for det foregående år. Det følger af ${publication.provision}.`,
    });
  }
  blocks.push({
    kind: "paragraph",
    text: `Efter retssikkerhedslovens § 79 b, stk. 1, skal kommunalbestyrelsen behandle danmarkskortet på et møde inden udgangen af det år, hvor kortet offentliggøres. Danmarkskortet for ${ctx.year} skal derfor behandles af Byrådet senest den ${t.deadlineDa}.`,
  });
  const planRule = t.rulesInForce.find((r) => r.id === "action-plan-decision");
  if (planRule) {
    blocks.push({
      kind: "paragraph",
      text:
        `Efter ${planRule.provision}, skal Byrådet i forbindelse med behandlingen desuden tage stilling til, om der er behov for en handleplan for at styrke den juridiske kvalitet i kommunens sagsbehandling. ` +
        "Beslutter Byrådet ikke at udarbejde en handleplan, skal Ankestyrelsen underrettes om beslutningen. Ankestyrelsen kan påbyde kommunen at udarbejde en handleplan inden for en frist.",
    });
  } else if (t.actionPlanRuleExpired) {
    const expired = t.actionPlanRule;
    const since = expired ? `Fra den ${formatDanishDate(expired.validFrom)} har Byrådet` : "Byrådet har tidligere";
    blocks.push({
      kind: "paragraph",
      text:
        `${since} i forbindelse med behandlingen af danmarkskortet skullet tage stilling til, om der var behov for en handleplan for at styrke den juridiske kvalitet i kommunens sagsbehandling (retssikkerhedslovens § 79 b, stk. 2-3). ` +
        `Bestemmelsen var tidsbegrænset og gælder ikke for behandlingen af danmarkskortet for ${ctx.year}. Byrådet skal derfor ikke træffe beslutning om en handleplan, men kan fortsat beslutte at iværksætte initiativer.`,
    });
  }
  const rule = t.actionPlanRule;
  if (rule && (planRule || t.actionPlanRuleExpired)) {
    const period = `fra den ${formatDanishDate(rule.validFrom)}${rule.validTo ? ` til og med den ${formatDanishDate(rule.validTo)}` : " uden slutdato"}`;
    blocks.push({ kind: "paragraph", emphasis: "note", text: `Reglen om handleplan (${rule.provision}) gælder ${period}. Kilde: ${rule.source}` });
  }
  return blocks;
}
