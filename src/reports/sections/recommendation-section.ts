import { assertNever } from "../../domain/assert-never.js";
import type { ActionPlanStance } from "../report-choices.js";
import type { ReportContext } from "../report-context.js";
import type { ReportBlock } from "../report-document.js";

export type RecommendationChoices = {
  readonly actionPlan: ActionPlanStance;
  /** The user's own points, each "at …", after the standard ones. */
  readonly extraPoints: readonly string[];
};

/**
 * The action-plan point (retssikkerhedslovens § 79 b, stk. 2–3). `auto` follows the dated rule; the other
 * stances are the municipality's own, also where the rule has lapsed (Allerød 2025 still decided on one).
 * Ballerup 2025: "Det besluttes, at Danmarkskortet for 2024 ikke giver anledning til, at
 * Kommunalbestyrelsen iværksætter handleplan."
 */
function actionPlanPoints(ctx: ReportContext, stance: ActionPlanStance, decider: string): string[] {
  const required = ctx.treatment.actionPlanDecisionRequired;
  const effective = stance === "auto" ? (required ? "decide" : "none") : stance;
  const notify = required ? [`at Ankestyrelsen underrettes om beslutningen, jf. retssikkerhedslovens § 79 b, stk. 3`] : [];
  switch (effective) {
    case "none":
      return [];
    case "decide":
      return [
        `at ${decider} tager stilling til, om kommunens omgørelsesprocenter giver anledning til at udarbejde en handleplan for at styrke den juridiske kvalitet i sagsbehandlingen${required ? ", jf. retssikkerhedslovens § 79 b, stk. 2" : ""}`,
        ...(required ? ["at Ankestyrelsen underrettes, hvis Byrådet beslutter ikke at udarbejde en handleplan, jf. retssikkerhedslovens § 79 b, stk. 3"] : []),
      ];
    case "no-plan":
      return [`at danmarkskortet for ${ctx.year} ikke giver anledning til, at der udarbejdes en handleplan`, ...notify];
    case "make-plan":
      return [`at der udarbejdes en handleplan for at styrke den juridiske kvalitet i kommunens sagsbehandling på de områder, hvor omgørelsesprocenten giver anledning til det`];
    default:
      return assertNever(effective);
  }
}

/**
 * "Indstilling" in the wording of the seeds: Herning's Handicapråd ("at danmarkskortet … drøftes",
 * "at … tages til efterretning") and Ballerup's two-part recommendation with the action-plan decision.
 * The decision template ("beslutning") calls it "Administrationens forslag" and words the lead so.
 */
export function buildRecommendationSection(ctx: ReportContext, choices: RecommendationChoices = { actionPlan: "auto", extraPoints: [] }): ReportBlock[] {
  const map = `danmarkskortet over omgørelsesprocenter ${ctx.year}`;
  const extra = choices.extraPoints.map((p) => (p.startsWith("at ") ? p : `at ${p}`));
  const proposes = ctx.template === "beslutning" ? "Administrationen foreslår," : null;
  switch (ctx.body) {
    case "byraad":
      return [
        {
          kind: "recommendation",
          lead: proposes ?? "Administrationen indstiller til Byrådet,",
          items: [`at ${map} drøftes`, `at ${map} tages til efterretning`, ...actionPlanPoints(ctx, choices.actionPlan, "Byrådet"), ...extra],
        },
      ];
    case "udvalg": {
      const plan = actionPlanPoints(ctx, choices.actionPlan, "Byrådet");
      // A committee recommends; the council decides the plan (seed: Ballerup, "Socialudvalget indstiller …").
      const planItems =
        choices.actionPlan === "auto" && ctx.treatment.actionPlanDecisionRequired
          ? ["at udvalget giver sin anbefaling til Byrådet om, hvorvidt der er behov for en handleplan, jf. retssikkerhedslovens § 79 b, stk. 2"]
          : plan.map((p) => `at udvalget anbefaler Byrådet, ${p}`);
      return [
        {
          kind: "recommendation",
          lead: proposes ?? "Administrationen indstiller,",
          items: [`at ${map} drøftes`, `at udvalget anbefaler Byrådet, at ${map} tages til efterretning`, ...planItems, ...extra],
        },
      ];
    }
    case "handicapraad":
      return [
        {
          kind: "recommendation",
          lead: "Formanden for Handicaprådet indstiller,",
          items: [`at ${map} drøftes`, `at ${map} tages til efterretning`, "at Handicaprådets eventuelle bemærkninger sendes med sagen til Byrådet", ...extra],
        },
      ];
    default:
      return assertNever(ctx.body);
  }
}
