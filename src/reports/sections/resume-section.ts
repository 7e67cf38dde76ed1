import { formatInteger } from "../../domain/format-danish-number.js";
import type { ReportContext } from "../report-context.js";
import type { ReportBlock } from "../report-document.js";
import { decisions, ministryName, pct } from "../report-phrases.js";
import { municipalityTotal, nationalTotal, revisionText } from "./map-result-text.js";

/** The short summary at the top (seed: Herning 2025 "Resume"): what, the headline figures, the deadline, the recommendation. */
export function buildResumeSection(ctx: ReportContext): ReportBlock[] {
  const social = ctx.figures.maps.socialomraadet;
  const own = municipalityTotal(social);
  const national = nationalTotal(social);
  const figures =
    own.kind === "estimate"
      ? `I ${ctx.year} traf Ankestyrelsen ${decisions(own.decided)} i klagesager fra ${ctx.municipality} på socialområdet, og ${formatInteger(own.reversed)} af dem blev omgjort. Det giver en omgørelsesprocent på ${pct(own.reversalRate)}` +
        (national.kind === "estimate" ? ` mod ${pct(national.reversalRate)} på landsplan.` : ".")
      : `Ankestyrelsen traf i ${ctx.year} ingen realitetsbehandlede afgørelser i klagesager fra ${ctx.municipality} på socialområdet.`;
  const revision = revisionText(ctx, social, "socialområdet");
  const plan = ctx.treatment.actionPlanDecisionRequired ? ", og at der tages stilling til, om der er behov for en handleplan" : "";
  return [
    {
      kind: "paragraph",
      text: `${ministryName(ctx.treatment.publicationYear)} offentliggør hvert år et danmarkskort over omgørelsesprocenter på socialområdet i sager afgjort af Ankestyrelsen. Danmarkskortet for ${ctx.year} blev offentliggjort ${ctx.treatment.publishedOn ? "den " : ""}${ctx.treatment.publishedDa}. Byrådet skal behandle danmarkskortet inden udgangen af ${ctx.treatment.publicationYear}.`,
    },
    { kind: "paragraph", text: figures },
    ...(revision ? [{ kind: "paragraph" as const, text: revision }] : []),
    { kind: "paragraph", text: `Det indstilles, at danmarkskortet over omgørelsesprocenter ${ctx.year} drøftes og tages til efterretning${plan}.` },
  ];
}
