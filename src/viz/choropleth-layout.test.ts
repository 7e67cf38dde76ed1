import { describe, expect, it } from "vitest";
import { buildMapFigures } from "../domain/map-figures.js";
import { sharedGeographicGeometry } from "../../test/viz/support/geometries.js";
import { generateVariedMapCells } from "../../test/viz/support/varied-map-cells.js";
import { choroplethTextBoxes, layoutChoropleth, type ChoroplethLayout } from "./choropleth-layout.js";
import { buildChoroplethModel, type ChoroplethModel } from "./choropleth-model.js";
import { buildTileGeometry, TILE_SIZE, type MapGeometry } from "./map-geometry.js";
import { MEASURE_IDS, type MeasureId } from "./map-measure.js";
import { renderChoroplethSvg } from "./render-choropleth-svg.js";
import { shippedTextMeasure } from "./shipped-font.js";
import { boxesOverlap, type TextMeasure } from "./text-measure.js";

const figures = buildMapFigures(generateVariedMapCells(), { map: "socialomraadet", year: 2024, area: "total" });
const LONG_TITLE = "Omgørelsesprocent 2024, voksenhandicapområdet, Ringkøbing-Skjern Kommune og Bornholms Regionskommune sammenlignet med landsplan";
const LONG_SOURCE =
  "Kilde: Ankestyrelsens klagestatistik, Danmarkskortet 2024 (udtræk 3. marts 2025, indlæst 10. marts 2025, version 2, fil ankestyrelsen-talportal-2024-revideret.csv). Folketal: Danmarks Statistik, FOLK1A, 1. januar 2024.";

function model(geometry: MapGeometry, measure: MeasureId, titleDa = "Omgørelsesprocent 2024, socialområdet generelt", sourceLineDa: string | null = LONG_SOURCE): ChoroplethModel {
  return buildChoroplethModel({ geometry, figures, measure, titleDa, sourceLineDa, profileHref: (c) => `/kommuner/${c}` });
}

/**
 * Every text box inside the drawing, no two overlapping, the map between title and legend. The problems are
 * gathered first and compared with none: a tile map has some 200 boxes, so one `expect` per pair would be
 * 20.000 calls per layout and most of this file's time; the failure still lists every box at fault.
 */
function expectNothingOverlapsOrRunsOut(layout: ChoroplethLayout, who: string): void {
  const boxes = choroplethTextBoxes(layout);
  const problems: string[] = [];
  for (const { kind, text, box } of boxes) {
    if (box.x0 < 0) problems.push(`${kind} "${text}" starts left of the drawing`);
    if (box.x1 > layout.width) problems.push(`${kind} "${text}" runs out on the right`);
    if (box.y0 < 0) problems.push(`${kind} "${text}" above the drawing`);
    if (box.y1 > layout.height) problems.push(`${kind} "${text}" below the drawing`);
  }
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) if (boxesOverlap(boxes[i]!.box, boxes[j]!.box)) problems.push(`"${boxes[i]!.text}" overlaps "${boxes[j]!.text}"`);
  // The map lies between the title and the legend.
  const mapTop = layout.mapOrigin.y;
  const mapBottom = mapTop + layout.model.geometry.height;
  for (const b of boxes) {
    if (b.kind === "title" && b.box.y1 > mapTop) problems.push(`title "${b.text}" reaches into the map`);
    if ((b.kind === "legend" || b.kind === "source" || b.kind === "note") && b.box.y0 < mapBottom) problems.push(`${b.kind} "${b.text}" starts above the map's bottom`);
  }
  expect(problems, who).toEqual([]);
}

describe("layoutChoropleth, measured in the shipped font", () => {
  const geometries: [string, () => MapGeometry][] = [
    ["tile", buildTileGeometry],
    ["geographic", sharedGeographicGeometry],
  ];

  for (const [kind, geometry] of geometries) {
    it(`keeps title, legend, note and source apart and inside the drawing on the ${kind} map, for every measure`, () => {
      for (const measure of MEASURE_IDS) {
        expectNothingOverlapsOrRunsOut(layoutChoropleth(model(geometry(), measure)), `${kind}/${measure}`);
        expectNothingOverlapsOrRunsOut(layoutChoropleth(model(geometry(), measure, LONG_TITLE)), `${kind}/${measure}/long title`);
      }
    });
  }

  it("wraps a long title and moves the map down by its extra lines, and the drawing grows by as much", () => {
    const short = layoutChoropleth(model(buildTileGeometry(), "omgoerelse"));
    const long = layoutChoropleth(model(buildTileGeometry(), "omgoerelse", LONG_TITLE));
    expect(short.titleLines).toHaveLength(1);
    expect(long.titleLines.length).toBeGreaterThan(1);
    const extra = long.titleLines.length - short.titleLines.length;
    expect(long.mapOrigin.y - short.mapOrigin.y).toBe(extra * 20);
    expect(long.height - short.height).toBe(extra * 20);
    expect(long.titleLines.map((l) => l.text).join(" ")).toBe(LONG_TITLE);
  });

  it("puts the legend in three columns where the labels fit, and in fewer where a font sets them wider", () => {
    const normal = layoutChoropleth(model(buildTileGeometry(), "omgoerelse"));
    expect(new Set(normal.legend.map((e) => e.x)).size).toBe(3);
    // The same labels in a font twice as wide: three columns would overlap, so the legend takes two or one.
    const shipped = shippedTextMeasure();
    const wide: TextMeasure = { ...shipped, width: (text, style) => 2 * shipped.width(text, style) };
    const layout = layoutChoropleth(model(buildTileGeometry(), "omgoerelse"), { measure: wide });
    const columns = new Set(layout.legend.map((e) => e.x)).size;
    expect(columns).toBeLessThan(3);
    for (const a of layout.legend)
      for (const b of layout.legend) {
        if (a === b || a.y !== b.y || a.x >= b.x) continue;
        expect(a.label.x + wide.width(a.label.text, { size: 13 }), `${a.label.text} / ${b.label.text}`).toBeLessThanOrEqual(b.x);
      }
  });

  it("fits each tile's name and value inside its tile", () => {
    for (const m of MEASURE_IDS) {
      const layout = layoutChoropleth(model(buildTileGeometry(), m));
      expect(layout.tileTexts).toHaveLength(98);
      // choroplethTextBoxes lists each tile's name and value, in tile order, after the other texts.
      const boxes = choroplethTextBoxes(layout).filter((b) => b.kind.startsWith("tile-"));
      layout.tileTexts.forEach((t, i) => {
        const shape = layout.model.items.find((item) => item.shape.code === t.code)!.shape;
        if (shape.kind !== "tile") throw new Error("tile expected");
        const x0 = layout.mapOrigin.x + shape.x;
        const y0 = layout.mapOrigin.y + shape.y;
        for (const b of [boxes[2 * i]!, boxes[2 * i + 1]!]) {
          expect(b.box.x0, `${t.code} ${b.text}`).toBeGreaterThanOrEqual(x0 + 1);
          expect(b.box.x1, `${t.code} ${b.text}`).toBeLessThanOrEqual(x0 + TILE_SIZE - 1);
          expect(b.box.y0, `${t.code} ${b.text}`).toBeGreaterThanOrEqual(y0);
          expect(b.box.y1, `${t.code} ${b.text}`).toBeLessThanOrEqual(y0 + TILE_SIZE);
        }
        expect([boxes[2 * i]!.text, boxes[2 * i + 1]!.text]).toEqual([t.name.text, t.value.text]);
      });
    }
  });

  it("leaves legend, note and source to the page for the map-only drawing, which ends under the map", () => {
    const layout = layoutChoropleth(model(sharedGeographicGeometry(), "sager-pr-10000"), { furniture: "map-only" });
    expect(layout.legend).toEqual([]);
    expect(layout.noteLines).toEqual([]);
    expect(layout.sourceLines).toEqual([]);
    expect(layout.height).toBe(layout.mapOrigin.y + layout.model.geometry.height + 4);
    const svg = renderChoroplethSvg(layout.model, { furniture: "map-only" });
    expect(svg).toContain(`viewBox="0 0 ${layout.width} ${layout.height}"`);
    expect(svg).not.toContain('class="legend"');
    // No title drawn inside: scaled to a phone it would be ~9 px; the page gives it as an HTML heading.
    expect(layout.titleLines).toEqual([]);
    expect(layout.mapOrigin.y).toBe(4);
    expect(svg).not.toMatch(/<text[^>]*>[^<]*Sager pr\. 10\.000/);
  });

  it("draws the SVG at the layout's size, with the source line in the file", () => {
    const layout = layoutChoropleth(model(buildTileGeometry(), "omgoerelse"));
    const svg = renderChoroplethSvg(layout.model);
    expect(svg).toContain(`width="${layout.width}" height="${layout.height}"`);
    for (const line of layout.sourceLines) expect(svg).toContain(`>${line.text}</text>`);
    expect(layout.sourceLines.map((l) => l.text).join(" ")).toBe(LONG_SOURCE);
  });
});
