import { MAP_DEFINITIONS, MAP_IDS } from "../../domain/map-definition.js";
import type { ReportContext } from "../report-context.js";
import type { ReportBlock } from "../report-document.js";
import { endSentence, FEW_CASES, intervalText, rateWithCases } from "../report-phrases.js";
import { fewCasesText, municipalityTotal, versusNationalText } from "./map-result-text.js";

/**
 * The municipality's three rates with their 95 % intervals in one place. Wilson score intervals
 * (domain/statistics/wilson-interval.ts) because they behave for the small numbers most maps have.
 */
export function buildUncertaintySection(ctx: ReportContext): ReportBlock[] {
  const items = MAP_IDS.map((id) => {
    const e = municipalityTotal(ctx.figures.maps[id]);
    const name = MAP_DEFINITIONS[id].nameDa;
    if (e.kind !== "estimate") return `${name}: ${rateWithCases(e)}.`;
    const warning = e.decided < 10 ? " Meget usikkert tal." : e.decided < FEW_CASES ? " Usikkert tal." : "";
    return `${name}: ${rateWithCases(e)}, ${endSentence(intervalText(e.ci95))}${warning}`;
  });
  return [
    { kind: "heading", level: 3, text: "Usikkerhed ved små tal" },
    {
      kind: "paragraph",
      text:
        "Når et kort kun omfatter få klagesager, kan tilfældigheder give store udsving i omgørelsesprocenten. " +
        "Et 95 %-usikkerhedsinterval viser det spænd af omgørelsesprocenter, som er forenelige med kommunens tal, når man tager højde for det begrænsede antal sager (Wilsons metode). " +
        `Jo færre sager, jo bredere interval. For ${ctx.municipality} ser det sådan ud i ${ctx.year}:`,
    },
    { kind: "bullets", items },
    ...MAP_IDS.flatMap((id) => {
      const caveat = fewCasesText(municipalityTotal(ctx.figures.maps[id]));
      return caveat ? [{ kind: "paragraph" as const, text: `${MAP_DEFINITIONS[id].nameDa}: ${caveat}` }] : [];
    }),
    // The full verdict against the national rate per map, with its tail probability and method (the default
    // item says it in one sentence per map).
    ...MAP_IDS.flatMap((id) => {
      const mf = ctx.figures.maps[id];
      return municipalityTotal(mf).kind === "estimate" ? [{ kind: "paragraph" as const, text: `${MAP_DEFINITIONS[id].nameDa}: ${versusNationalText(ctx, mf.versusNational)}` }] : [];
    }),
  ];
}
