import { assertNever } from "../../domain/assert-never.js";
import type { ReportContext } from "../report-context.js";
import type { ReportBlock } from "../report-document.js";

/**
 * "Indstilling" in the wording of the seeds: Herning's Handicapråd ("at danmarkskortet … drøftes",
 * "at … tages til efterretning") and Ballerup's two-part recommendation with the action-plan decision,
 * which is included only where § 79 b stk. 2 applies (domain/legal-rules.ts).
 */
export function buildRecommendationSection(ctx: ReportContext): ReportBlock[] {
  const map = `danmarkskortet over omgørelsesprocenter ${ctx.year}`;
  const planRequired = ctx.treatment.actionPlanDecisionRequired;
  switch (ctx.body) {
    case "byraad":
      return [
        {
          kind: "recommendation",
          lead: "Administrationen indstiller til Byrådet,",
          items: [
            `at ${map} drøftes`,
            `at ${map} tages til efterretning`,
            ...(planRequired
              ? [
                  "at Byrådet tager stilling til, om kommunens omgørelsesprocenter giver anledning til at udarbejde en handleplan for at styrke den juridiske kvalitet i sagsbehandlingen, jf. retssikkerhedslovens § 79 b, stk. 2",
                  "at Ankestyrelsen underrettes, hvis Byrådet beslutter ikke at udarbejde en handleplan, jf. retssikkerhedslovens § 79 b, stk. 3",
                ]
              : []),
          ],
        },
      ];
    case "udvalg":
      return [
        {
          kind: "recommendation",
          lead: "Administrationen indstiller,",
          items: [
            `at ${map} drøftes`,
            `at udvalget anbefaler Byrådet, at ${map} tages til efterretning`,
            ...(planRequired ? ["at udvalget giver sin anbefaling til Byrådet om, hvorvidt der er behov for en handleplan, jf. retssikkerhedslovens § 79 b, stk. 2"] : []),
          ],
        },
      ];
    case "handicapraad":
      return [
        {
          kind: "recommendation",
          lead: "Formanden for Handicaprådet indstiller,",
          items: [`at ${map} drøftes`, `at ${map} tages til efterretning`, "at Handicaprådets eventuelle bemærkninger sendes med sagen til Byrådet"],
        },
      ];
    default:
      return assertNever(ctx.body);
  }
}
