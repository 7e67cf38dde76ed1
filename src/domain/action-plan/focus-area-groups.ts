import type { LawId } from "../law.js";
import type { MapId } from "../map-definition.js";
import type { DataYearSpan } from "../map-rules.js";
import { paragraphSpans, type ParagraphSpan } from "../paragraph-reference.js";

/**
 * One dated rule of a paragraph group: subjects under `law` whose own paragraph references overlap
 * `paragraphs`, decided in a data year inside `valid`, belong to the group. Like the map rules
 * (map-rules.ts) the law is data with its source, so a renamed label with the same paragraphs, or the
 * barnets lov paragraph that took over a serviceloven one, stays in the group.
 */
export type FocusAreaGroupRule = {
  readonly law: LawId;
  readonly paragraphs: readonly ParagraphSpan[];
  readonly valid: DataYearSpan;
  readonly source: string;
};

/**
 * A group of provisions a municipality can make a focus area of its action plan (issue 13): the maps'
 * own paragraph groups, and the groups the seeds' plans name (botilbud). `map` says which map the group is
 * shown on; every group is inside the general map too, since that takes every provision of its laws.
 */
export type FocusAreaGroup = {
  readonly id: string;
  readonly nameDa: string;
  readonly map: MapId;
  readonly rules: readonly FocusAreaGroupRule[];
  /** What a reader should know about the group's reach, e.g. labels that cover more than the group. */
  readonly noteDa?: string;
};

const ALWAYS: DataYearSpan = { from: 2016, to: null };
// Barnets lov took over the children's provisions on 1 January 2024; cases still decided under the old
// serviceloven sections after that stay in their group, as they stay in the map (map-rules.ts).
const FROM_2024: DataYearSpan = { from: 2024, to: null };
const MAPS = "domain.md §3";
const CHILD_BL = "domain.md §3; barnets lov §§ 82–90 as the agenda item lists them (src/reports/sections/map-provisions-da.ts)";

function rule(law: LawId, paragraphs: readonly string[], valid: DataYearSpan, source: string): FocusAreaGroupRule {
  return { law, paragraphs: paragraphSpans(...paragraphs), valid, source };
}

export const FOCUS_AREA_GROUPS: readonly FocusAreaGroup[] = [
  { id: "sel-95", nameDa: "Voksne – kontante tilskud § 95", map: "voksenhandicapomraadet", rules: [rule("SEL", ["95"], ALWAYS, MAPS)] },
  { id: "sel-96", nameDa: "Voksne – borgerstyret personlig assistance (BPA) § 96", map: "voksenhandicapomraadet", rules: [rule("SEL", ["96"], ALWAYS, MAPS)] },
  { id: "sel-97", nameDa: "Voksne – ledsageordning § 97", map: "voksenhandicapomraadet", rules: [rule("SEL", ["97"], ALWAYS, MAPS)] },
  { id: "sel-100", nameDa: "Voksne – merudgifter § 100", map: "voksenhandicapomraadet", rules: [rule("SEL", ["100"], ALWAYS, MAPS)] },
  {
    id: "sel-107-108",
    nameDa: "Voksne – botilbud §§ 107–108",
    map: "socialomraadet",
    // Seed handleplan-danmarkskort-2021-handicap-psykiatri.txt ("Botilbudsager").
    rules: [rule("SEL", ["107-108"], ALWAYS, "seeds/handleplan-danmarkskort-2021-handicap-psykiatri.txt; domain.md §3")],
    noteDa: "Ankestyrelsen delte sagsemnet for §§ 107–110 op i 2019; et ældre sagsemne for §§ 107–110 tæller med i sin helhed.",
  },
  { id: "sel-85", nameDa: "Voksne – socialpædagogisk støtte § 85", map: "socialomraadet", rules: [rule("SEL", ["85"], ALWAYS, MAPS)] },
  {
    id: "child-care-training",
    nameDa: "Børn – pasningstilbud, hjemmetræning m.m. (SEL §§ 32, 32 a, 36, 39–40; BL §§ 82–85)",
    map: "boernehandicapomraadet",
    rules: [rule("SEL", ["32", "32a", "36", "39-40"], ALWAYS, MAPS), rule("BL", ["82-85"], FROM_2024, CHILD_BL)],
  },
  {
    id: "child-extra-costs",
    nameDa: "Børn – merudgifter (SEL § 41; BL § 86)",
    map: "boernehandicapomraadet",
    rules: [rule("SEL", ["41"], ALWAYS, MAPS), rule("BL", ["86"], FROM_2024, CHILD_BL)],
  },
  {
    id: "child-lost-earnings",
    nameDa: "Børn – tabt arbejdsfortjeneste (SEL §§ 42–43; BL §§ 87–88)",
    map: "boernehandicapomraadet",
    rules: [rule("SEL", ["42-43"], ALWAYS, MAPS), rule("BL", ["87-88"], FROM_2024, CHILD_BL)],
  },
  {
    id: "child-personal-help",
    nameDa: "Børn – personlig hjælp, ledsagelse og aflastning (SEL §§ 44–45; BL §§ 89–90)",
    map: "boernehandicapomraadet",
    rules: [rule("SEL", ["44-45"], ALWAYS, MAPS), rule("BL", ["89", "90"], FROM_2024, CHILD_BL)],
  },
];

function ordinalDa(ordinal: number): string {
  const letter = ordinal % 100;
  return `${Math.floor(ordinal / 100)}${letter ? String.fromCharCode(96 + letter) : ""}`;
}

/** A span as the rule tables write it: 95, 32a, 107-108. */
export function formatParagraphSpan(span: ParagraphSpan): string {
  return span.from === span.to ? ordinalDa(span.from) : `${ordinalDa(span.from)}-${ordinalDa(span.to)}`;
}

export function findFocusAreaGroup(id: string, groups: readonly FocusAreaGroup[] = FOCUS_AREA_GROUPS): FocusAreaGroup | undefined {
  return groups.find((g) => g.id === id);
}
