import { resolveMunicipality, type MunicipalityCode } from "../domain/municipality.js";
import type { AgendaItemOptions } from "./agenda-item-files.js";
import { isReportTemplate, REPORT_TEMPLATES, type ActionPlanStance, type ComparisonChoice, type RouteStep, type SectionPlacement } from "./report-choices.js";
import { OPTIONAL_SECTION_IDS, type SectionChoices } from "./section-registry.js";

/**
 * The jurist's choices as text, the same for the CLI (`--template`, `--sections` …), the web form and the
 * API (`skabelon`, `afsnit` …): parsed once here, so every door accepts the same words and gives the same
 * Danish message for a bad one (style.md: validate at the door).
 */
export type RawReportChoices = {
  readonly template?: string;
  /** "udvikling,alle-sager:bilag,-kommentar", "alle" or "ingen". */
  readonly sections?: string;
  /** "naboer", "region", "lignende" or "lignende:6", or names/codes: "Hillerød,Hørsholm,Furesø,Rudersdal". */
  readonly compare?: string;
  readonly years?: string;
  readonly actionPlan?: string;
  readonly points?: readonly string[];
  /** "Socialudvalget 2025-09-30: Taget til efterretning; Handicaprådet 2025-09-25 (høring); Kommunalbestyrelsen 2025-10-28". */
  readonly route?: string;
  /** Comma-separated; the first is the caseworker, the rest "Øvrige sagsbehandlere". */
  readonly caseworkers?: string;
  readonly competence?: string;
  readonly economy?: string;
};

export type ParsedReportChoices = Pick<
  AgendaItemOptions,
  "template" | "sections" | "compare" | "compareYears" | "actionPlan" | "extraRecommendationPoints" | "route" | "caseworkers" | "competence" | "economy"
>;

export class ReportChoiceError extends Error {}

const STANCES: Readonly<Record<string, ActionPlanStance>> = {
  auto: "auto",
  "tag-stilling": "decide",
  "ingen-handleplan": "no-plan",
  handleplan: "make-plan",
  udelad: "none",
};

export const ACTION_PLAN_WORDS_DA: readonly string[] = Object.keys(STANCES);

/** Free text printed into the item: trimmed and capped, so a pasted document cannot become the item. */
const MAX_TEXT = 2000;

function text(value: string | undefined, name: string): string | undefined {
  const v = value?.trim();
  if (!v) return undefined;
  if (v.length > MAX_TEXT) throw new ReportChoiceError(`${name} må højst være ${MAX_TEXT} tegn.`);
  return v;
}

function parseSections(raw: string): SectionChoices {
  const v = raw.trim().toLowerCase();
  if (v === "alle") return "alle";
  if (v === "ingen") return Object.fromEntries(OPTIONAL_SECTION_IDS.map((id) => [id, null]));
  const choices: Record<string, SectionPlacement | null> = {};
  for (const part of v.split(",").map((p) => p.trim()).filter((p) => p !== "")) {
    const off = part.startsWith("-");
    const [id, where] = (off ? part.slice(1) : part).split(":");
    if (!id || !OPTIONAL_SECTION_IDS.includes(id)) throw new ReportChoiceError(`Ukendt afsnit "${id ?? part}". Brug ${OPTIONAL_SECTION_IDS.join(", ")}, alle eller ingen.`);
    if (where !== undefined && where !== "bilag" && where !== "tekst") throw new ReportChoiceError(`Afsnittet ${id} kan placeres i teksten (${id}:tekst) eller som bilag (${id}:bilag), ikke "${where}".`);
    choices[id] = off ? null : where === "bilag" ? "bilag" : "main";
  }
  return choices;
}

function parseCompare(raw: string): ComparisonChoice {
  const v = raw.trim();
  const lower = v.toLowerCase();
  if (lower === "naboer" || lower === "nabokommuner") return { kind: "neighbours" };
  if (lower === "region") return { kind: "region" };
  const similar = /^lignende(?::(\d{1,2}))?$/.exec(lower);
  if (similar) return { kind: "similar-size", count: similar[1] ? Math.max(1, Number(similar[1])) : 4 };
  const codes: MunicipalityCode[] = [];
  for (const name of v.split(",").map((p) => p.trim()).filter((p) => p !== "")) {
    const m = resolveMunicipality(name);
    if (!m) throw new ReportChoiceError(`Ukendt kommune "${name.slice(0, 60)}" i sammenligningsgruppen. Brug navne eller koder, fx Hillerød,Hørsholm eller 0219,0223.`);
    if (!codes.includes(m.code)) codes.push(m.code);
  }
  if (codes.length === 0) throw new ReportChoiceError("Sammenligningsgruppen er tom. Brug naboer, region, lignende eller en liste af kommuner.");
  return { kind: "chosen", codes };
}

/** "Socialudvalget 2025-09-30: Taget til efterretning" → body, date, decision; "(høring)" marks a hearing. */
function parseRoute(raw: string): RouteStep[] {
  return raw
    .split(";")
    .map((p) => p.trim())
    .filter((p) => p !== "")
    .map((part) => {
      const colon = part.indexOf(":");
      const head = (colon >= 0 ? part.slice(0, colon) : part).trim();
      const decision = colon >= 0 ? part.slice(colon + 1).trim() : "";
      const hearing = /\(høring\)/i.test(head);
      const withoutMark = head.replace(/\(høring\)/i, "").trim();
      const date = /(\d{4}-\d{2}-\d{2})$/.exec(withoutMark)?.[1];
      if (date && Number.isNaN(Date.parse(date))) throw new ReportChoiceError(`Ugyldig dato "${date}" i sagens forløb. Brug ÅÅÅÅ-MM-DD.`);
      const body = (date ? withoutMark.slice(0, -date.length) : withoutMark).trim();
      if (!body) throw new ReportChoiceError(`Et organ mangler i sagens forløb ("${part.slice(0, 60)}"). Skriv fx "Socialudvalget 2025-09-30".`);
      return { body, ...(date ? { date } : {}), ...(decision ? { decision } : {}), ...(hearing ? { hearing } : {}) };
    });
}

export function parseReportChoices(raw: RawReportChoices): ParsedReportChoices {
  const template = raw.template?.trim() || "orientering";
  if (!isReportTemplate(template)) throw new ReportChoiceError(`Ukendt skabelon "${template.slice(0, 40)}". Brug ${REPORT_TEMPLATES.join(" eller ")}.`);
  let compareYears: number | undefined;
  if (raw.years?.trim()) {
    compareYears = Number(raw.years);
    if (!Number.isInteger(compareYears) || compareYears < 1 || compareYears > 10) throw new ReportChoiceError(`Antal år skal være et helt tal fra 1 til 10, ikke "${raw.years.slice(0, 20)}".`);
  }
  let actionPlan: ActionPlanStance | undefined;
  if (raw.actionPlan?.trim()) {
    actionPlan = STANCES[raw.actionPlan.trim().toLowerCase()];
    if (!actionPlan) throw new ReportChoiceError(`Ukendt handleplansstillingtagen "${raw.actionPlan.slice(0, 40)}". Brug ${ACTION_PLAN_WORDS_DA.join(", ")}.`);
  }
  const points = (raw.points ?? []).map((p) => text(p, "Et indstillingspunkt")).filter((p): p is string => p !== undefined);
  const caseworkers = (raw.caseworkers ?? "").split(",").map((c) => c.trim()).filter((c) => c !== "");
  return {
    template,
    ...(raw.sections?.trim() ? { sections: parseSections(raw.sections) } : {}),
    ...(raw.compare?.trim() ? { compare: parseCompare(raw.compare) } : {}),
    ...(compareYears !== undefined ? { compareYears } : {}),
    ...(actionPlan ? { actionPlan } : {}),
    ...(points.length > 0 ? { extraRecommendationPoints: points } : {}),
    ...(raw.route?.trim() ? { route: parseRoute(raw.route) } : {}),
    ...(caseworkers.length > 0 ? { caseworkers } : {}),
    ...(text(raw.competence, "Kompetence") ? { competence: text(raw.competence, "Kompetence") } : {}),
    ...(text(raw.economy, "Økonomi og finansiering") ? { economy: text(raw.economy, "Økonomi og finansiering") } : {}),
  };
}

/** At most this many plans go with one item: a council reads bilag, not a binder. */
export const MAX_ATTACHED_PLANS = 5;

/**
 * The action plans to attach as bilag, by their numbers ("3" or "3,7"); empty when none. `name` is the door's
 * own parameter or option name, so the message points at what the user typed.
 */
export function parseAttachedPlanIds(raw: string | undefined, name: string): number[] {
  if (raw === undefined || raw.trim() === "") return [];
  const parts = raw.split(",").map((p) => p.trim()).filter((p) => p !== "");
  const bad = parts.find((p) => !/^[1-9]\d{0,8}$/.test(p));
  if (bad !== undefined) throw new ReportChoiceError(`${name} skal være handleplanens nummer, fx ${name}=3 (flere adskilt af komma), ikke "${bad.slice(0, 40)}".`);
  const ids = [...new Set(parts.map(Number))];
  if (ids.length > MAX_ATTACHED_PLANS) throw new ReportChoiceError(`Højst ${MAX_ATTACHED_PLANS} handleplaner kan vedlægges ét dagsordenpunkt (${name}).`);
  return ids;
}
