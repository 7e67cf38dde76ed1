import type { ActionPlanContent } from "../../src/domain/action-plan/action-plan.js";
import type { ComplaintCell } from "../../src/domain/complaint-cell.js";
import { asMunicipalityCode, resolveMunicipality } from "../../src/domain/municipality.js";
import { addCounts, ZERO_COUNTS, type OutcomeCounts } from "../../src/domain/outcome.js";
import { row, wholeCountryRows, type FixtureRow } from "../import/import-fixtures.js";

/**
 * Test data for the seed's action plan (seeds/handleplan-danmarkskort-2021-handicap-psykiatri.txt): focus on
 * botilbud, BPA and kontanttilskud, "5 sager i 2019 (80 % omgørelse), 4 sager i 2020 (50 %) og 4 sager i 2021
 * (75 %)". The seed names no municipality; its committee (Social- og Sundhedsudvalget) is Herning's, so the
 * plan's figures are put on Herning (0657). The other 97 municipalities get seeded counts for the same
 * subjects, so the national level is a real sum. The labels are Ankestyrelsen's style (domain.md §3); the
 * § 95 label is renamed in 2020 and the botilbud label moves from § 108 to § 107, so matching has to go by
 * paragraphs, and labels outside the focus areas (§ 97, § 110, and a § 95 of another law) must stay out.
 */
export const PLAN_CODE = asMunicipalityCode("0657");

export const LABELS = {
  cash: "Voksne - kontante tilskud § 95",
  cashRenamed: "Kontant tilskud til hjælp og pleje - § 95",
  bpa: "Voksne - borgerstyret personlig assistance - § 96",
  housing108: "Voksne - botilbud, længerevarende - § 108",
  housing107: "Voksne - botilbud, midlertidigt ophold - § 107",
  escort: "Voksne - ledsageordning - § 97",
  shelter: "Voksne - forsorgshjem - § 110",
} as const;

/** The focus areas' own labels per year, for the test's own oracle (never read by the code under test). */
export const FOCUS_LABELS: Readonly<Record<"sel-95" | "sel-96" | "sel-107-108", readonly string[]>> = {
  "sel-95": [LABELS.cash, LABELS.cashRenamed],
  "sel-96": [LABELS.bpa],
  "sel-107-108": [LABELS.housing108, LABELS.housing107],
};

type Counts4 = [number, number, number, number];

/** Herning's rows: upheld, changed, remitted, rejected. */
function herningRows(year: number, revised: boolean): FixtureRow[] {
  const y = String(year);
  const h = (counts: Counts4, subject: string) => row("Herning", y, counts, subject);
  const noise = [h([3, 1, 1, 0], LABELS.escort), h([2, 0, 2, 0], LABELS.shelter), h([5, 1, 1, 0], "Kontanthjælp § 95"), h([6, 1, 2, 1], "Merudgiftydelse §41 + tilbagebetaling")];
  // "Kontanthjælp § 95" is under Lov om aktiv socialpolitik, outside the maps: its § 95 must not count.
  noise[2] = { ...noise[2]!, law: "Lov om aktiv socialpolitik" };
  switch (year) {
    case 2019: // 5 decided, 4 reversed: 80 %
      return [h([0, 1, 1, 1], LABELS.cash), h([1, 0, 1, 0], LABELS.bpa), h([0, 0, 1, 0], LABELS.housing108), ...noise];
    case 2020: // 4 decided, 2 reversed: 50 %
      return [h([1, 0, 1, 0], LABELS.cashRenamed), h([1, 0, 0, 0], LABELS.bpa), h([0, 1, 0, 2], LABELS.housing107), ...noise];
    case 2021: // 4 decided, 3 reversed: 75 % (revised extraction: the BPA case upheld is changed, 4 of 4)
      return [h([0, 0, 1, 0], LABELS.cashRenamed), h(revised ? [0, 2, 0, 0] : [1, 1, 0, 0], LABELS.bpa), h([0, 0, 1, 0], LABELS.housing108), ...noise];
    case 2022: // the year after the plan: 3 decided, 0 reversed
      return [h([1, 0, 0, 0], LABELS.cashRenamed), h([2, 0, 0, 0], LABELS.bpa), ...noise];
    default:
      throw new Error(`no Herning rows for ${year}`);
  }
}

function subjectsOf(year: number): string[] {
  const cash = year >= 2020 ? LABELS.cashRenamed : LABELS.cash;
  const housing = year === 2020 ? LABELS.housing107 : LABELS.housing108;
  return [cash, LABELS.bpa, housing, LABELS.escort];
}

/**
 * Rows of one data year in the talportal's export format: every municipality but Herning with seeded counts,
 * Herning as above. No "Hele landet" row: the national level is the sum over the 98, as on the maps.
 */
export function handleplanYearRows(year: number, options: { readonly revised?: boolean } = {}): FixtureRow[] {
  const others = wholeCountryRows({ year, seed: year, subjects: subjectsOf(year) }).rows.filter((r) => r.place !== "Hele landet" && r.place !== "Herning");
  return [...others, ...herningRows(year, options.revised ?? false)];
}

export function handleplanRows(years: readonly number[], options: { readonly revised?: boolean } = {}): FixtureRow[] {
  return years.flatMap((y) => handleplanYearRows(y, options));
}

/** The rows as the importer stores them (same codes, same counts), for tests of the pure core. */
export function cellsOfRows(rows: readonly FixtureRow[]): ComplaintCell[] {
  return rows.map((r) => {
    const m = resolveMunicipality(r.place);
    if (!m) throw new Error(`unknown municipality in fixture: ${r.place}`);
    return { municipalityCode: m.code, subject: r.subject, law: r.law, year: Number(r.period), counts: r.counts };
  });
}

/** The oracle: the rows' sum over `labels` in `year`, for one municipality or (null) all 98. */
export function expectedCounts(rows: readonly FixtureRow[], year: number, labels: readonly string[], code: string | null): OutcomeCounts {
  return rows
    .filter((r) => r.period === String(year) && r.law === "Serviceloven" && labels.includes(r.subject) && (code === null || resolveMunicipality(r.place)?.code === code))
    .reduce((sum, r) => addCounts(sum, r.counts), ZERO_COUNTS);
}

/** The seed's plan, in its own words, with its three focus areas. */
export function seedPlan(overrides: Partial<ActionPlanContent> = {}): ActionPlanContent {
  return {
    title: "Handleplan for Danmarkskortet over Ankestyrelsens omgørelsesprocenter på socialområdet og børnehandicapområdet 2021 for fagområdet Handicap og Psykiatri",
    basisDecision: "På baggrund af beslutning truffet i Social- og Sundhedsudvalget den 17. august 2022 er nærværende handleplan udarbejdet.",
    dataYears: [2021],
    followUpFrom: 2019,
    goal: "Antallet af afgørelsessager fra fagområdet Handicap og Psykiatri, der bliver hjemvist eller omgjort af Ankestyrelsen skal nedbringes.",
    actions: [
      { text: "Løbende kompetenceudvikling af medarbejderne, så de er juridisk klædt på til at træffe de rette afgørelser.", owner: "Handicap og Psykiatri", dueDate: null, status: "in-progress" },
      { text: "Standardbreve og standardfraser, der tilpasses hver konkret sag og justeres efter ny lovgivning og Ankestyrelsens praksis.", owner: "Handicap og Psykiatri", dueDate: "2023-06-30", status: "done" },
      { text: "En vidensbank med alle afgørelser, som Ankestyrelsen hjemviser eller omgør, til fælles læring.", owner: "Jura og kvalitet", dueDate: "2023-01-31", status: "done" },
      { text: "Et 2-årigt analyse- og udviklingssamarbejde med Taskforce Handicap (Ankestyrelsen og Socialstyrelsen).", owner: "Ledelsen i Handicap og Psykiatri", dueDate: "2024-12-31", status: "planned" },
    ],
    focusAreas: [
      { kind: "group", groupId: "sel-107-108" },
      { kind: "group", groupId: "sel-96" },
      { kind: "group", groupId: "sel-95" },
    ],
    evaluations: [],
    status: "published",
    ...overrides,
  };
}
