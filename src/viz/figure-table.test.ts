import { describe, expect, it } from "vitest";
import type { ComplaintCell } from "../domain/complaint-cell.js";
import { buildMapFigures, type MapFigures } from "../domain/map-figures.js";
import { POPULATION_BY_CODE } from "../domain/registry/population-data.js";
import { HERNING, published2024Cells } from "../../test/rates/published-2024-cells.js";
import { buildFigureTableModel, renderTableCsv, type TableModel } from "./figure-table.js";

const DRAGOER = "0155";
const KOEBENHAVN = "0101";
const LAESOE = "0825";

/**
 * The published 2024 social-area figures (Herning 77 decided, 34 reversed: 44,2 %), with Dragør's cases all
 * rejected (a municipality with no decided cases) and Læsø's row taken from a year without data.
 */
function figures2024(): MapFigures {
  const cells: ComplaintCell[] = published2024Cells().map((c) =>
    c.municipalityCode === DRAGOER ? { ...c, counts: { upheld: 0, changed: 0, remitted: 0, rejected: 3 } } : c,
  );
  const shown = buildMapFigures(cells, { map: "socialomraadet", year: 2024, area: "total" });
  const noYear = buildMapFigures(cells, { map: "socialomraadet", year: 2019, area: "total" });
  const laesoeWithoutData = noYear.municipalities.find((r) => r.municipalityCode === LAESOE)!;
  return { ...shown, municipalities: shown.municipalities.map((r) => (r.municipalityCode === LAESOE ? laesoeWithoutData : r)) };
}

function rowOf(model: TableModel, code: string | null): Record<string, string> {
  const row = model.rows.find((r) => r.code === code)!;
  return Object.fromEntries(model.columns.map((c, i) => [c.key, row.cells[i]!.text]));
}

describe("buildFigureTableModel", () => {
  const figures = figures2024();
  const model = buildFigureTableModel(figures, "Socialområdet generelt 2024", "Kilde: Ankestyrelsen");

  it("has the country first, then the 98 municipalities, every row as wide as the header", () => {
    expect(model.rows).toHaveLength(99);
    expect(model.rows[0]!.code).toBeNull();
    expect(model.rows.slice(1).map((r) => r.code)).toEqual(figures.municipalities.map((r) => r.municipalityCode));
    for (const row of model.rows) expect(row.cells).toHaveLength(model.columns.length);
    expect(model.columns.map((c) => c.labelDa)).toEqual([
      "Kommune",
      "Kommunekode",
      "Realitetsbehandlede sager",
      "Omgjort, pct.",
      "Omgjort, antal",
      "95 %-interval, pct.",
      "Ændret/ophævet, pct.",
      "Ændret/ophævet, antal",
      "Hjemvist, pct.",
      "Hjemvist, antal",
      "Sammenlignet med landsplan (tragtplot)",
      "Placering (1 = lavest) med 95 %-interval",
    ]);
  });

  it("writes Herning as the published table does: 77 sager, 34 omgjort = 44,2 %, 4 ændret, 30 hjemvist", () => {
    const herning = rowOf(model, HERNING);
    expect(herning).toMatchObject({
      kommune: "Herning",
      kode: "0657",
      afgoerelser: "77",
      "omgjort-pct": "44,2",
      "omgjort-antal": "34",
      "aendret-pct": "5,2",
      "aendret-antal": "4",
      "hjemvist-pct": "39,0",
      "hjemvist-antal": "30",
      tragt: "inden for grænserne",
    });
    // Wilson's 95 % interval for 34 of 77.
    expect(herning.interval).toBe("33,6–55,3");
    expect(herning.placering).toMatch(/^\d+ af 97$/);
  });

  it("sorts and exports by raw values: the rate as a percentage with one decimal, counts as numbers", () => {
    const row = model.rows.find((r) => r.code === HERNING)!;
    const value = (key: string) => row.cells[model.columns.findIndex((c) => c.key === key)]!.value;
    expect(value("omgjort-pct")).toBe(44.2);
    expect(value("afgoerelser")).toBe(77);
    expect(value("hjemvist-pct")).toBe(39);
  });

  it("marks a shared rank and gives the country no verdict and no rank", () => {
    const copenhagen = figures.municipalities.find((r) => r.municipalityCode === KOEBENHAVN)!;
    expect(copenhagen.rank!.tiedWith).toBeGreaterThan(1);
    expect(rowOf(model, KOEBENHAVN).placering).toBe(`${copenhagen.rank!.position} (delt) af ${copenhagen.rank!.of}`);
    const country = rowOf(model, null);
    expect(country).toMatchObject({ kommune: "Hele landet", kode: "", tragt: "–", placering: "–", "omgjort-pct": "45,0", afgoerelser: "6.832" });
  });

  it("says 'ingen sager' and 'ingen data' in words, and sorts those rows last (value null)", () => {
    expect(rowOf(model, DRAGOER)).toMatchObject({ afgoerelser: "0", "omgjort-pct": "ingen sager", interval: "–", tragt: expect.stringMatching(/^ikke vurderet/), placering: "–" });
    expect(rowOf(model, LAESOE)).toMatchObject({ afgoerelser: "ingen data", "omgjort-pct": "ingen data", tragt: expect.stringMatching(/^ikke vurderet/) });
    const rateColumn = model.columns.findIndex((c) => c.key === "omgjort-pct");
    for (const code of [DRAGOER, LAESOE]) expect(model.rows.find((r) => r.code === code)!.cells[rateColumn]!.value).toBeNull();
  });

  it("adds population and cases per 10.000 inhabitants after the cases for that measure", () => {
    const perCapita = buildFigureTableModel(figures, "Sager pr. 10.000", null, { measure: "sager-pr-10000" });
    expect(perCapita.columns.map((c) => c.key).slice(2, 5)).toEqual(["afgoerelser", "indbyggere", "sager-pr-10000"]);
    for (const row of perCapita.rows) expect(row.cells).toHaveLength(perCapita.columns.length);
    const herning = perCapita.rows.find((r) => r.code === HERNING)!;
    const population = POPULATION_BY_CODE[HERNING]!;
    expect(herning.cells[3]!.value).toBe(population);
    expect(herning.cells[4]!.value).toBe(Math.round((77 / population) * 10_000 * 10) / 10);
    expect(herning.cells[4]!.text).toBe(String(herning.cells[4]!.value).replace(".", ","));
    // No cases is zero per 10.000, not missing.
    expect(perCapita.rows.find((r) => r.code === DRAGOER)!.cells[4]).toEqual({ text: "0,0", value: 0 });
  });
});

describe("renderTableCsv", () => {
  const model = buildFigureTableModel(figures2024(), "Socialområdet generelt 2024", "Kilde: Ankestyrelsen; datasæt \"2024\"");
  const csv = renderTableCsv(model);

  it("is UTF-8 with BOM, semicolon-separated, CRLF lines, decimal comma: what Danish Excel opens directly", () => {
    expect(csv.startsWith("\ufeffKommune;Kommunekode;Realitetsbehandlede sager;Omgjort, pct.;")).toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(csv.replace(/\r\n/g, "")).not.toContain("\n");
    const lines = csv.slice(1).split("\r\n");
    // The published 6.905 / 491 / 2.611 less Dragør's 73 decided (7 changed, 24 remitted), whose cases are all rejected here.
    expect(lines[1]).toBe("Hele landet;;6.832;45,0;3.071;43,8–46,1;7,1;484;37,9;2.587;–;–");
    expect(lines.find((l) => l.startsWith("Herning;"))).toMatch(/^Herning;0657;77;44,2;34;33,6–55,3;5,2;4;39,0;30;inden for grænserne;\d+ af 97$/);
  });

  it("quotes a field with a semicolon or a quote, doubling the quote, and puts the source line last after an empty line", () => {
    const lines = csv.slice(1).split("\r\n");
    expect(lines.at(-1)).toBe("");
    expect(lines.at(-2)).toBe('"Kilde: Ankestyrelsen; datasæt ""2024"""');
    expect(lines.at(-3)).toBe("");
  });

  it("writes no source block when there is no source line", () => {
    const bare = renderTableCsv({ ...model, sourceLineDa: null });
    expect(bare.slice(1).split("\r\n")).toHaveLength(1 + 99 + 1);
  });
});
