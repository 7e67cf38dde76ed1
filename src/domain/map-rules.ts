import type { LawId } from "./law.js";
import type { MapId } from "./map-definition.js";
import { paragraphSpans, type ParagraphSpan } from "./paragraph-reference.js";

/** A span of data years a rule applies to; `to: null` is open-ended. */
export type DataYearSpan = { readonly from: number; readonly to: number | null };

/**
 * One row of the dated rule table: cases under `law` and these paragraphs, decided in a data year
 * inside `valid`, belong to `map`. `paragraphs: "all"` takes every provision of the law.
 * Rules are data, reviewed like code; domain.md §3 is their source.
 */
export type MapRule = {
  readonly id: string;
  readonly map: MapId;
  readonly law: LawId;
  readonly paragraphs: "all" | readonly ParagraphSpan[];
  readonly valid: DataYearSpan;
  readonly source: string;
};

/** Subjects that are appealed to Ankestyrelsen but belong to no map (domain.md §3, "Not in any map"). */
export type ExclusionRule = {
  readonly id: string;
  readonly labelPattern: RegExp;
  readonly reasonDa: string;
};

export type AreaRule =
  | { readonly id: string; readonly kind: "label-prefix"; readonly prefix: RegExp; readonly area: "children" | "adults" }
  | { readonly id: string; readonly kind: "law"; readonly law: LawId; readonly area: "children" | "adults" }
  | {
      readonly id: string;
      readonly kind: "paragraphs";
      readonly law: LawId;
      readonly paragraphs: readonly ParagraphSpan[];
      readonly area: "children" | "adults";
    };

export type MapRuleTable = {
  readonly mapRules: readonly MapRule[];
  readonly exclusions: readonly ExclusionRule[];
  /** Tried in order; the first that matches decides the area. */
  readonly areaRules: readonly AreaRule[];
};

const DOMAIN = "domain.md §3";

export const DEFAULT_MAP_RULES: MapRuleTable = {
  mapRules: [
    { id: "social-sel", map: "socialomraadet", law: "SEL", paragraphs: "all", valid: { from: 2016, to: null }, source: DOMAIN },
    // Barnets lov took over the children's provisions on 1 January 2024.
    { id: "social-bl", map: "socialomraadet", law: "BL", paragraphs: "all", valid: { from: 2024, to: null }, source: DOMAIN },
    // Ældreloven from 1 July 2025; the Allerød minutes of 2025 count it in the general map.
    { id: "social-ael", map: "socialomraadet", law: "AEL", paragraphs: "all", valid: { from: 2025, to: null }, source: DOMAIN },
    {
      id: "boernehandicap-sel",
      map: "boernehandicapomraadet",
      law: "SEL",
      paragraphs: paragraphSpans("32", "32a", "36", "39-40", "41", "42-43", "44-45"),
      // Open-ended: cases still decided under the old SEL sections after 2024 stay in the map.
      valid: { from: 2016, to: null },
      source: DOMAIN,
    },
    {
      id: "boernehandicap-bl",
      map: "boernehandicapomraadet",
      law: "BL",
      // Barnets lov §§ 82–85, 86, 87–88, 89, 90 (jf. SEL §§ 83, 84, 86). Not the same numbers as SEL § 32 ff.
      paragraphs: paragraphSpans("82-85", "86", "87-88", "89", "90"),
      valid: { from: 2024, to: null },
      source: DOMAIN,
    },
    {
      id: "voksenhandicap-sel",
      map: "voksenhandicapomraadet",
      law: "SEL",
      paragraphs: paragraphSpans("95", "96", "97", "100"),
      valid: { from: 2017, to: null },
      source: DOMAIN,
    },
  ],
  exclusions: [
    // First: "adoption uden samtykke" would otherwise match the broader "uden samtykke" below.
    { id: "exclude-tvangsadoption", labelPattern: /tvangsadoption|adoption uden samtykke/i, reasonDa: "Tvangsadoption: ikke en del af danmarkskortene" },
    {
      id: "exclude-boern-og-unge-udvalg",
      labelPattern: /børn og unge-udvalg|tvangsmæssig|uden samtykke/i,
      reasonDa: "Afgjort af børn og unge-udvalget (tvangsmæssige foranstaltninger): ikke en del af danmarkskortene",
    },
  ],
  areaRules: [
    { id: "area-prefix-children", kind: "label-prefix", prefix: /^(?:[\d.]+\s+)?børn\b/i, area: "children" },
    { id: "area-prefix-adults", kind: "label-prefix", prefix: /^(?:[\d.]+\s+)?voksne\b/i, area: "adults" },
    { id: "area-law-bl", kind: "law", law: "BL", area: "children" },
    { id: "area-law-ael", kind: "law", law: "AEL", area: "adults" },
    // Serviceloven chapters 8–12 (§§ 32–76) are the children's provisions; §§ 77 ff. concern adults.
    { id: "area-sel-children", kind: "paragraphs", law: "SEL", paragraphs: paragraphSpans("32-76"), area: "children" },
    { id: "area-sel-adults", kind: "paragraphs", law: "SEL", paragraphs: paragraphSpans("77-199"), area: "adults" },
  ],
};
