import { describe, expect, it } from "vitest";
import { published2024Cells } from "../../../test/rates/published-2024-cells.js";
import { indexCellTotals } from "../../domain/cell-totals.js";
import type { YearProvenance } from "../../domain/complaint-cell.js";
import { EMPTY_CONTEXT_INDEX } from "../../domain/context/context-index.js";
import { buildTileGeometry } from "../../viz/map-geometry.js";
import { parseMapPageState } from "../../viz/page-state.js";
import type { LoadedGeometries } from "../../app/boundaries/map-geometries.js";
import type { PageData } from "../routes/page-data.js";
import { buildFunnelSummaryModel } from "./funnel-summary-model.js";
import { buildMapPageModel, type MapFiguresBody, type MapView } from "./map-page-model.js";
import { buildMapSelection } from "./map-selection.js";

const PROVENANCE_2024: YearProvenance = {
  datasetVersionId: 1,
  fileName: "talportal-2024.csv",
  sha256: "a".repeat(64),
  source: "Ankestyrelsen",
  extractedOn: "2025-06-01",
  importedAt: "2025-06-02T08:00:00.000Z",
  isDemo: false,
  standing: "published",
};

/** The page's data as loadPageData gives it, from Ankestyrelsen's 2024 figures (test/rates), or from nothing. */
function pageData(withFigures: boolean): PageData {
  const cells = withFigures ? published2024Cells({ publishedNational: true }) : [];
  return {
    key: withFigures ? "2024" : "tom",
    totals: indexCellTotals(cells),
    provenanceByYear: new Map(withFigures ? [[2024, PROVENANCE_2024]] : []),
    revisedTotals: indexCellTotals([]),
    revisionByYear: new Map(),
    years: withFigures ? [2024] : [],
    isDemo: false,
    context: EMPTY_CONTEXT_INDEX,
  };
}

const TILES_ONLY: LoadedGeometries = {
  tile: buildTileGeometry(),
  geographic: null,
  geographicStatusDa: "Kommunegrænserne er ikke indlæst.",
};

function modelFor(query: Record<string, string>, data = pageData(true)) {
  const state = parseMapPageState(query, { year: data.years.at(-1) ?? 2024 });
  return buildMapPageModel(buildMapSelection(state, data), TILES_ONLY);
}

function figuresOf(query: Record<string, string>): MapFiguresBody {
  const body = modelFor(query).body;
  if (body.kind !== "figures") throw new Error("forventede tal på siden");
  return body;
}

function viewOf<K extends MapView["kind"]>(query: Record<string, string>, kind: K): Extract<MapView, { kind: K }> {
  const view = figuresOf(query).view;
  if (view.kind !== kind) throw new Error(`forventede visningen ${kind}, fik ${view.kind}`);
  return view as Extract<MapView, { kind: K }>;
}

describe("buildMapPageModel", () => {
  it("says there is no data when nothing is loaded, instead of drawing an empty map", () => {
    const model = modelFor({}, pageData(false));
    expect(model.body).toEqual({ kind: "no-data" });
    expect(model.isDemo).toBe(false);
  });

  it("offers the loaded years, the maps and, without boundaries, only the tile map in the selection form", () => {
    const { selection } = figuresOf({});
    const field = (name: string) => selection.fields.find((f) => f.name === name)!;
    expect(selection.fields.map((f) => f.labelDa)).toEqual(["Kort", "År", "Område", "Mål", "Korttype"]);
    expect(field("aar")).toMatchObject({ options: [{ value: "2024", labelDa: "2024" }], selected: "2024" });
    expect(field("kort").options.map((o) => o.value)).toEqual([
      "socialomraadet",
      "boernehandicapomraadet",
      "voksenhandicapomraadet",
    ]);
    expect(field("geometri")).toMatchObject({ options: [{ value: "felter" }], selected: "felter" });
    expect(selection.hidden).toEqual([{ name: "visning", value: "kort" }]);
  });

  it("keeps the highlighted municipality in the form and marks the current tab", () => {
    const body = figuresOf({ visning: "tabel", kommune: "0657" });
    expect(body.selection.hidden).toEqual([
      { name: "visning", value: "tabel" },
      { name: "kommune", value: "0657" },
    ]);
    expect(body.tabs.map((t) => [t.labelDa, t.current])).toEqual([
      ["Kort", false],
      ["Tabel", true],
      ["Tragtplot", false],
    ]);
    expect(body.tabs[2]!.href).toMatch(/^\/kort\?.*visning=tragt.*kommune=0657/);
  });

  it("gives the national line with the rate and its number of cases", () => {
    const { national } = figuresOf({});
    expect(national.kind).toBe("line");
    expect(national.kind === "line" && national.textDa).toMatch(
      /^Omgørelsesprocent \d+,\d pct\. \([\d.]+ omgjort af 6\.905 realitetsbehandlede sager;/,
    );
    expect(figuresOf({}).revisions).toBeNull();
  });

  it("draws the map view with the legend's counts summing to 98 and the map's downloads", () => {
    const view = viewOf({}, "kort");
    expect(view.geometryKind).toBe("tile");
    expect(view.svg.startsWith("<svg")).toBe(true);
    expect(view.legend.entries.reduce((n, e) => n + e.count, 0)).toBe(98);
    expect(view.searchNamesDa).toHaveLength(98);
    expect(view.geometryNoteDa).toContain("Kommunegrænserne er ikke indlæst.");
    expect(view.downloads.items.map((i) => i.labelDa)).toEqual([
      "Tabel som CSV",
      "Tabel som XLSX (Excel)",
      "Kort som SVG",
      "Kort som PNG",
    ]);
    expect(view.downloads.items[3]).toMatchObject({
      kind: "png",
      source: "src",
      fileName: "danmarkskort-socialomraadet-2024-i-alt-omgoerelse.png",
    });
    expect(view.selectedNote).toBeNull();
  });

  it("gives the table view a row per municipality under the national row, and names the highlighted one with its cases", () => {
    const view = viewOf({ visning: "tabel", kommune: "0657" }, "tabel");
    expect(view.table.rows).toHaveLength(99);
    expect(view.table.rows[0]!.code).toBeNull();
    expect(view.selectedCode).toBe("0657");
    // Herning, general map 2024: 34 of 77 decided cases reversed (test/rates/published-2024-cells.ts).
    expect(view.selectedNote).toMatchObject({
      nameDa: "Herning",
      howDa: "gul baggrund",
      profileHref: "/kommuner/0657?kort=socialomraadet&aar=2024",
    });
    expect(view.selectedNote!.valueDa).toContain("44,2");
    expect(view.selectedNote!.valueDa).toContain("77");
    expect(view.selectedNote!.clearHref).not.toContain("kommune=");
    expect(view.downloads.items.map((i) => i.kind)).toEqual(["link", "link"]);
  });

  it("shows the reversal rate in the funnel view whatever measure the map shows, wide and narrow", () => {
    const view = viewOf({ visning: "tragt", kommune: "0657", maal: "sager-pr-10000" }, "tragt");
    expect(view.selectedNote!.howDa).toBe("en sort ring");
    expect(view.selectedNote!.valueDa).toContain("44,2");
    expect(view.wideSvg).not.toBe(view.narrowSvg);
    expect(view.downloads.items.at(-1)).toMatchObject({
      kind: "png",
      source: "from",
      selector: "svg.funnel-plot",
      fileName: "danmarkskort-socialomraadet-2024-i-alt-tragtplot.png",
    });
  });

  it("says what cases per 10.000 divide by: the rounded figures until a FOLK1A file is imported", () => {
    expect(figuresOf({}).perCapitaNoteDa).toContain("folketallene er afrundede og fra 1. januar 2024 (afrundet, 2024)");
  });
});

describe("buildFunnelSummaryModel", () => {
  const summary = () => buildMapSelection(parseMapPageState({}, { year: 2024 }), pageData(true)).figures.funnelSummary;

  it("counts every verdict from over to under landsplan, the counts adding up to the municipalities assessed", () => {
    const model = buildFunnelSummaryModel(summary(), { withCounts: true })!;
    expect(model.counts!.map((c) => c.verdict)).toEqual([
      "too-few-cases",
      "above99.8",
      "above95",
      "within",
      "below95",
      "below99.8",
    ]);
    const total = Object.values(summary().verdictCounts).reduce((a, b) => a + b, 0);
    expect(model.counts!.reduce((n, c) => n + Number(c.countDa.replace(".", "")), 0)).toBe(total);
    expect(model.sentencesDa.length).toBeGreaterThan(0);
  });

  it("leaves the counts out unless asked for", () => {
    expect(buildFunnelSummaryModel(summary())!.counts).toBeNull();
  });
});
