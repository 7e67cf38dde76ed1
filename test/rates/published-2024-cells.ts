import type { ComplaintCell } from "../../src/domain/complaint-cell.js";
import { asMunicipalityCode, MUNICIPALITIES } from "../../src/domain/municipality.js";
import { decidedOf, reversedOf, type OutcomeCounts } from "../../src/domain/outcome.js";
import { formatPercent } from "../../src/domain/format-danish-number.js";

/**
 * Named generators for complaint cells whose sums equal the published 2024 figures (domain.md §7):
 *   social area, whole country 6.905 decided / 491 changed / 2.611 remitted (3.102 reversed, 44,9),
 *   children 3.619 / 341 / 1.259, adults 3.286 / 150 / 1.352;
 *   Herning (0657) 77 / 4 / 30 (34 reversed, 44,2), children 49/3/19, adults 28/1/11;
 *   child disability map, country 1.881 / 143 / 776, Herning 27 / 1 / 10 (11 reversed, 40,7);
 *   adult disability map, country 532 / 24 / 191, Herning 5 / 1 / 0.
 * The rest of the country is spread evenly over the other 97 municipalities, deterministically.
 */

export const HERNING = asMunicipalityCode("0657");

/** The four kinds of subject the figures are built from, one real label each (classification: map rules). */
export const SUBJECTS_2024 = {
  /** SEL § 41: general map (children) and child disability map. */
  childDisability: "Merudgiftydelse §41 + tilbagebetaling",
  /** SEL § 100: general map (adults) and adult disability map. */
  adultDisability: "Voksne - merudgifter - § 100",
  /** General map only, children. */
  otherChildren: "1.9 Børn - efterværn - §§ 68 og 76",
  /** General map only, adults (SEL § 108 is in no disability map). */
  otherAdults: "Voksne - botilbud - § 108",
} as const;

type Part = keyof typeof SUBJECTS_2024;
/** decided, changed, remitted per part. */
type Figures = Readonly<Record<Part, readonly [decided: number, changed: number, remitted: number]>>;

export const HERNING_2024: Figures = {
  childDisability: [27, 1, 10],
  otherChildren: [49 - 27, 3 - 1, 19 - 10],
  adultDisability: [5, 1, 0],
  otherAdults: [28 - 5, 1 - 1, 11 - 0],
};

/**
 * The country. The general map's children/adults split is published too (Herning's Tabel 1: children
 * 3.619 / 341 / 1.259, adults 3.286 / 150 / 1.352); the non-disability rest of each area is that minus the
 * disability map.
 */
export const NATIONAL_2024: Figures = {
  childDisability: [1881, 143, 776],
  adultDisability: [532, 24, 191],
  otherChildren: [3619 - 1881, 341 - 143, 1259 - 776],
  otherAdults: [3286 - 532, 150 - 24, 1352 - 191],
};

function share(total: number, parts: number, i: number): number {
  return Math.floor(total / parts) + (i < total % parts ? 1 : 0);
}

function countsOf(decided: number, changed: number, remitted: number, rejected: number): OutcomeCounts {
  return { upheld: decided - changed - remitted, changed, remitted, rejected };
}

/**
 * One cell per municipality and part for data year 2024; each municipality also has some rejected
 * cases, which must not count. With `publishedNational`, Ankestyrelsen's national row is added too
 * (cells with municipalityCode null), optionally off by `nationalOffset` remitted cases per part.
 */
export function published2024Cells(options: { readonly publishedNational?: boolean; readonly nationalOffset?: number } = {}): ComplaintCell[] {
  const others = MUNICIPALITIES.filter((m) => m.code !== HERNING);
  const cells: ComplaintCell[] = [];
  for (const part of Object.keys(SUBJECTS_2024) as Part[]) {
    const [hd, hc, hr] = HERNING_2024[part];
    const [nd, nc, nr] = NATIONAL_2024[part];
    const subject = SUBJECTS_2024[part];
    cells.push({ municipalityCode: HERNING, subject, law: "Serviceloven", year: 2024, counts: countsOf(hd, hc, hr, 2) });
    others.forEach((m, i) => {
      const c = share(nc - hc, others.length, i);
      const r = share(nr - hr, others.length, others.length - 1 - i);
      const d = share(nd - hd, others.length, i);
      cells.push({ municipalityCode: m.code, subject, law: "Serviceloven", year: 2024, counts: countsOf(Math.max(d, c + r), c, r, i % 3) });
    });
    if (options.publishedNational) {
      const off = options.nationalOffset ?? 0;
      const rejected = cells.filter((c) => c.subject === subject).reduce((sum, c) => sum + c.counts.rejected, 0);
      cells.push({ municipalityCode: null, subject, law: "Serviceloven", year: 2024, counts: countsOf(nd + off, nc, nr + off, rejected) });
    }
  }
  return cells;
}

/** The talportal export, as its CSV download writes it (latin1 bytes are produced by the caller). */
export function publishedTalportalCsv(cells: readonly ComplaintCell[]): string {
  const nameOf = new Map(MUNICIPALITIES.map((m) => [m.code, m.name]));
  const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;
  const header = "Kommune;Lovgivning;Sagsemne;periode;Realitetsbehandlede sager i alt;Stadfæstede sager;Ændrede/ophævede sager;Hjemviste sager;Afviste sager;Omgørelsesprocent";
  const rows = cells.map((c) => {
    const decided = decidedOf(c.counts);
    const pct = decided === 0 ? "" : formatPercent(reversedOf(c.counts) / decided);
    const place = c.municipalityCode === null ? "Hele landet" : nameOf.get(c.municipalityCode)!;
    return [quote(place), quote(c.law), quote(c.subject), String(c.year), decided, c.counts.upheld, c.counts.changed, c.counts.remitted, c.counts.rejected, pct].join(";");
  });
  return [header, ...rows].join("\r\n") + "\r\n";
}
