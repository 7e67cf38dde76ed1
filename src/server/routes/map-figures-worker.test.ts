import { afterAll, describe, expect, it } from "vitest";
import { indexCellTotals } from "../../domain/cell-totals.js";
import type { ComplaintCell } from "../../domain/complaint-cell.js";
import { MAP_DEFINITIONS, MAP_IDS } from "../../domain/map-definition.js";
import { buildMapFigures, type MapSelection } from "../../domain/map-figures.js";
import { cellTotalsOfExtract, extractMapTotals } from "../../domain/map-totals-extract.js";
import { asMunicipalityCode, MUNICIPALITIES } from "../../domain/municipality.js";
import { buildMapFiguresOffThread, stopMapFiguresWorker } from "./map-figures-worker.js";

const SUBJECTS = [
  "Merudgiftydelse §41 + tilbagebetaling",
  "Tabt arbejdsfortjeneste §§ 42,43 + tilbagebetaling",
  "Voksne - merudgifter - § 100",
  "Voksne - borgerstyret personlig assistance - § 96",
  "1.9 Børn - efterværn - §§ 68 og 76",
];

/**
 * Every municipality but the last two on five subjects of all three maps, with rates that vary far more than
 * binomially (so the funnel's beta-binomial model is used), a published national row in 2023, and 2016, before
 * the adult disability map's first year. `shift` makes a second extraction differ.
 */
function mapCells(shift: number): ComplaintCell[] {
  const cells: ComplaintCell[] = [];
  for (const year of [2016, 2023, 2024]) {
    MUNICIPALITIES.slice(0, -2).forEach((m, i) => {
      SUBJECTS.forEach((subject, s) => {
        const upheld = 5 + ((i * 7 + s * 3 + shift) % 40);
        const changed = (i * s + shift) % 9;
        const remitted = i % 5 === 0 ? 20 + s : (i + s) % 4;
        cells.push({ municipalityCode: m.code, subject, law: "Serviceloven", year, counts: { upheld, changed, remitted, rejected: i % 3 } });
      });
    });
  }
  const national = { upheld: 9000, changed: 800, remitted: 900, rejected: 10 };
  for (const subject of SUBJECTS) cells.push({ municipalityCode: null, subject, law: "Serviceloven", year: 2023, counts: national });
  return cells;
}

const shown = indexCellTotals(mapCells(0));
const revised = indexCellTotals(mapCells(1).filter((c) => c.year === 2024));
const SELECTIONS: MapSelection[] = MAP_IDS.flatMap((map) => [2016, 2023, 2024, 2025].flatMap((year) => MAP_DEFINITIONS[map].areas.map((area) => ({ map, year, area }))));

describe("the map figures built from an extract, and in the worker thread (issue 19)", () => {
  afterAll(() => stopMapFiguresWorker());

  it("equal the figures built from the whole index, for every map, year and area", () => {
    for (const selection of SELECTIONS) {
      const direct = buildMapFigures(shown, selection, { revised, rankIntervals: true });
      const fromExtract = buildMapFigures(cellTotalsOfExtract(extractMapTotals(shown, selection.map, selection.year)), selection, {
        revised: cellTotalsOfExtract(extractMapTotals(revised, selection.map, selection.year)),
        rankIntervals: true,
      });
      expect(fromExtract, JSON.stringify(selection)).toStrictEqual(direct);
    }
    // The data exercises what the extract must carry: the beta-binomial model, revisions, the published row, absent municipalities.
    const social2024 = buildMapFigures(shown, { map: "socialomraadet", year: 2024, area: "total" }, { revised, rankIntervals: true });
    expect(social2024.funnelSummary.model?.kind).toBe("beta-binomial");
    expect(social2024.municipalities.some((r) => r.revision !== undefined && r.revision !== null)).toBe(true);
    expect(social2024.municipalities.at(-1)!.estimate.kind).toBe("no-data");
    expect(buildMapFigures(shown, { map: "socialomraadet", year: 2023, area: "total" }).national.publishedNational.kind).not.toBe("not-published");
  });

  it("refuses, rather than answer 'no cells', a question about a map or year the extract does not hold", () => {
    const extract = cellTotalsOfExtract(extractMapTotals(shown, "socialomraadet", 2024));
    expect(extract.counts(2024, "socialomraadet", "total", asMunicipalityCode("0657"))).toEqual(shown.counts(2024, "socialomraadet", "total", asMunicipalityCode("0657")));
    expect(() => extract.counts(2023, "socialomraadet", "total", asMunicipalityCode("0657"))).toThrow(RangeError);
    expect(() => extract.counts(2024, "voksenhandicapomraadet", "total", asMunicipalityCode("0657"))).toThrow(RangeError);
    expect(() => extract.hasMunicipality(2023, asMunicipalityCode("0657"))).toThrow(RangeError);
    expect(() => extract.subjects(2024, "socialomraadet", asMunicipalityCode("0657"))).toThrow(RangeError);
  });

  it("gives, in the worker thread, the same figures and the same JSON as the server's own thread", async () => {
    for (const selection of SELECTIONS.filter((s) => s.year !== 2025)) {
      const direct = buildMapFigures(shown, selection, { revised, rankIntervals: true });
      const offThread = await buildMapFiguresOffThread(shown, revised, selection);
      expect(offThread, JSON.stringify(selection)).toStrictEqual(direct);
      expect(JSON.stringify(offThread)).toBe(JSON.stringify(direct));
    }
  }, 60_000);

  it("rejects, with the domain's message, a selection the worker cannot build", async () => {
    // Børnehandicapområdet is not split into children and adults: buildMapFigures throws, and so does the thread.
    const selection = { map: "boernehandicapomraadet", year: 2024, area: "adults" } as const;
    expect(() => buildMapFigures(shown, selection)).toThrow(/ikke opdelt/);
    await expect(buildMapFiguresOffThread(shown, revised, selection)).rejects.toThrow(/ikke opdelt/);
    // The thread is still there for the next job.
    const next = { map: "socialomraadet", year: 2024, area: "total" } as const;
    expect(await buildMapFiguresOffThread(shown, revised, next)).toStrictEqual(buildMapFigures(shown, next, { revised, rankIntervals: true }));
  }, 60_000);
});
