import type { ComplaintCell, DatasetProvenance } from "../../../src/domain/complaint-cell.js";
import { asMunicipalityCode, MUNICIPALITIES } from "../../../src/domain/municipality.js";

/**
 * Synthetic ComplaintCells for 2021–2024 whose 2024 totals equal the published figures of domain.md §7
 * (whole country and Herning 0657, on all three maps and both areas). Earlier years are invented but
 * plausible; Herning's 2023 child disability figure (17 of 33) and adult figure (5 of 9) follow the
 * Herning minutes of 2025, as are the 2023 rates on the general map (national 38,6 %, Herning 39 %). Everything outside Herning is spread evenly over the other 97 municipalities,
 * so sums are exact and every municipality has cases.
 */
export const HERNING = asMunicipalityCode("0657");

/** [upheld, changed, remitted] per subject group. */
type Triple = readonly [upheld: number, changed: number, remitted: number];
type YearSpec = {
  readonly herning: Readonly<Record<Group, Triple>>;
  readonly national: Readonly<Record<Group, Triple>>;
};
type Group = "childDisability" | "childOther" | "adultDisability" | "adultOther" | "adultHousing";

function subjectOf(group: Group, year: number): { subject: string; law: string } {
  const bl = year >= 2024;
  switch (group) {
    case "childDisability":
      return bl ? { subject: "Børn - merudgifter § 86", law: "Barnets lov" } : { subject: "Merudgiftydelse §41 + tilbagebetaling", law: "Serviceloven" };
    case "childOther":
      return bl ? { subject: "Børn - støtte til børn og unge § 32", law: "Barnets lov" } : { subject: "Børn - særlig støtte § 52", law: "Serviceloven" };
    case "adultDisability":
      return { subject: "Voksne - kontante tilskud § 95", law: "Serviceloven" };
    case "adultOther":
      return { subject: "Voksne - socialpædagogisk støtte § 85", law: "Serviceloven" };
    case "adultHousing":
      return { subject: "Voksne - botilbud § 108", law: "Serviceloven" };
  }
}

const GROUPS: readonly Group[] = ["childDisability", "childOther", "adultDisability", "adultOther", "adultHousing"];

/**
 * 2024 as published (domain.md §7): Herning social 77/34 (4 changed, 30 remitted), children 49 (3/19),
 * adults 28 (1/11), child disability 27 (1/10), adult disability 5 (1/0); country social 6.905 (491/2.611),
 * children 3.619 (341/1.259), adults 3.286 (150/1.352), child disability 1.881 (143/776), adult disability 532 (24/191).
 * Children other = children − child disability; adults other + housing = adults − adult disability.
 */
const YEAR_2024: YearSpec = {
  herning: {
    childDisability: [16, 1, 10],
    childOther: [11, 2, 9],
    adultDisability: [4, 1, 0],
    adultOther: [7, 0, 6],
    adultHousing: [5, 0, 5],
  },
  national: {
    childDisability: [962, 143, 776],
    childOther: [1057, 198, 483],
    adultDisability: [317, 24, 191],
    adultOther: [900, 80, 700],
    adultHousing: [567, 46, 461],
  },
};

const EARLIER: Readonly<Record<number, YearSpec>> = {
  2023: {
    herning: { childDisability: [16, 3, 14], childOther: [18, 1, 6], adultDisability: [4, 2, 3], adultOther: [11, 0, 3], adultHousing: [6, 0, 3] },
    national: { childDisability: [1186, 200, 913], childOther: [1300, 150, 500], adultDisability: [454, 40, 227], adultOther: [1210, 90, 490], adultHousing: [700, 40, 400] },
  },
  2022: {
    herning: { childDisability: [20, 2, 9], childOther: [15, 1, 5], adultDisability: [6, 1, 2], adultOther: [12, 1, 4], adultHousing: [7, 0, 2] },
    national: { childDisability: [1230, 180, 563], childOther: [1400, 140, 480], adultDisability: [620, 50, 280], adultOther: [1150, 100, 560], adultHousing: [720, 40, 380] },
  },
  2021: {
    herning: { childDisability: [22, 2, 8], childOther: [17, 1, 4], adultDisability: [7, 1, 2], adultOther: [13, 0, 4], adultHousing: [8, 1, 2] },
    national: { childDisability: [1300, 150, 560], childOther: [1500, 120, 450], adultDisability: [640, 40, 250], adultOther: [1200, 90, 500], adultHousing: [760, 40, 340] },
  },
};

function spread(total: number, parts: number, index: number): number {
  const base = Math.floor(total / parts);
  return base + (index < total - base * parts ? 1 : 0);
}

export function generateReferenceCells(years: readonly number[] = [2021, 2022, 2023, 2024]): ComplaintCell[] {
  const others = MUNICIPALITIES.filter((m) => m.code !== HERNING);
  const cells: ComplaintCell[] = [];
  for (const year of years) {
    const spec = year === 2024 ? YEAR_2024 : EARLIER[year];
    if (!spec) throw new RangeError(`generateReferenceCells: intet år ${year}`);
    for (const group of GROUPS) {
      const { subject, law } = subjectOf(group, year);
      const [hu, hc, hr] = spec.herning[group];
      cells.push({ municipalityCode: HERNING, subject, law, year, counts: { upheld: hu, changed: hc, remitted: hr, rejected: 1 } });
      const [nu, nc, nr] = spec.national[group];
      const rest = [nu - hu, nc - hc, nr - hr] as const;
      others.forEach((m, i) => {
        // Rotate the index per outcome so the remainders do not all land on the same municipalities.
        const counts = {
          upheld: spread(rest[0], others.length, i),
          changed: spread(rest[1], others.length, (i + 31) % others.length),
          remitted: spread(rest[2], others.length, (i + 61) % others.length),
          rejected: 0,
        };
        cells.push({ municipalityCode: m.code, subject, law, year, counts });
      });
    }
  }
  return cells;
}

export function generateReferenceProvenance(isDemo = false, years: readonly number[] = [2021, 2022, 2023, 2024]): Map<number, DatasetProvenance> {
  const p: DatasetProvenance = {
    datasetVersionId: 7,
    fileName: "ankestatistik-2021-2024.csv",
    sha256: "0".repeat(64),
    source: "Ankestyrelsens talportal",
    extractedOn: "2025-06-02",
    importedAt: "2025-06-03T08:15:00.000Z",
    isDemo,
  };
  return new Map(years.map((y) => [y, p]));
}
