import { DEFAULT_MAP_RULES, type MapRuleTable } from "../../domain/map-rules.js";
import { LAW_NAMES_DA } from "../../domain/law.js";

/**
 * The provisions each disability map covers, in the words municipalities use in their items
 * (seeds: Herning Handicaprådet 28.8.2025, Ballerup Socialudvalget 30.9.2025; domain.md §3).
 * Which laws the general map covers is read from the rule table, so the text follows the classification.
 */
const CHILD_MAP_SEL = [
  "Pasningstilbud, hjemmetræning med mere, servicelovens §§ 32, 32 a, 36 og 39-40",
  "Merudgiftsydelse, servicelovens § 41",
  "Tabt arbejdsfortjeneste, servicelovens §§ 42-43",
  "Personlig hjælp og ledsagelse, servicelovens §§ 44-45",
];

const CHILD_MAP_BL = [
  "Hjemmetræning, særlige dagtilbud og klubtilbud, barnets lov §§ 82-85",
  "Merudgifter, barnets lov § 86",
  "Tabt arbejdsfortjeneste, barnets lov §§ 87-88",
  "Ledsagelse, barnets lov § 89",
  "Afløsning og aflastning, barnets lov § 90, jf. servicelovens § 84",
  "Personlig og praktisk hjælp og vedligeholdelsestræning, barnets lov § 90, jf. servicelovens §§ 83 og 86",
];

export const ADULT_MAP_PROVISIONS = [
  "Kontante tilskud, servicelovens § 95",
  "Borgerstyret personlig assistance (BPA), servicelovens § 96",
  "Ledsageordning, servicelovens § 97",
  "Merudgifter, servicelovens § 100",
];

/** One list of provisions under the law's name, as the Herning seed writes them ("Service-loven:", "Barnets lov:"). */
export type ProvisionList = { readonly lawDa: string; readonly items: readonly string[] };

/**
 * The child map's provisions for `year`: one list per law whose rule for the child map is in force that year
 * (domain/map-rules.ts). From 2024 both: barnets lov, and serviceloven for cases still decided under the
 * old sections (seed: Herning 2025 lists both for 2024).
 */
export function childMapProvisions(year: number, rules: MapRuleTable = DEFAULT_MAP_RULES): { readonly intro: string; readonly lists: readonly ProvisionList[] } {
  const laws = new Set(
    rules.mapRules.filter((r) => r.map === "boernehandicapomraadet" && r.valid.from <= year && (r.valid.to === null || year <= r.valid.to)).map((r) => r.law),
  );
  const lists: ProvisionList[] = [];
  if (laws.has("SEL")) lists.push({ lawDa: "Serviceloven", items: CHILD_MAP_SEL });
  if (laws.has("BL")) lists.push({ lawDa: "Barnets lov", items: CHILD_MAP_BL });
  if (lists.length === 2) {
    return {
      intro: "Kortet for børnehandicapområdet omfatter alene følgende bestemmelser i serviceloven (sager afgjort efter de tidligere regler) og barnets lov (fra 1. januar 2024):",
      lists,
    };
  }
  return { intro: `Kortet for børnehandicapområdet omfatter alene følgende bestemmelser i ${lists.map((l) => l.lawDa.toLowerCase()).join(" og ")}:`, lists };
}

/** "serviceloven og barnets lov" for the general map in `year`, from the rule table. */
export function generalMapLaws(year: number, rules: MapRuleTable = DEFAULT_MAP_RULES): string[] {
  const laws = rules.mapRules
    .filter((r) => r.map === "socialomraadet" && r.valid.from <= year && (r.valid.to === null || year <= r.valid.to))
    .map((r) => LAW_NAMES_DA[r.law].toLowerCase());
  return [...new Set(laws)];
}
