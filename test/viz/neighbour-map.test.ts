import { describe, expect, it } from "vitest";
import { neighboursOf } from "../../src/domain/neighbours.js";
import { asMunicipalityCode, MUNICIPALITIES } from "../../src/domain/municipality.js";
import { buildTileGeometry, type MapGeometry } from "../../src/viz/map-geometry.js";
import { buildNeighbourMapModel, renderMunicipalityMapSvg, type NeighbourMapModel } from "../../src/viz/neighbour-map.js";
import { shippedTextMeasure } from "../../src/viz/shipped-font.js";
import { boxesOverlap } from "../../src/viz/text-measure.js";
import { sharedGeographicGeometry } from "./support/geometries.js";

describe("neighbour map", () => {
  const geometry = buildTileGeometry();

  it("marks Herning as focus and its border neighbours, and crops to them", () => {
    const neighbours = { codes: neighboursOf(asMunicipalityCode("0657")) };
    expect(neighbours.codes.length).toBeGreaterThan(2);
    const model = buildNeighbourMapModel({ geometry, focusCode: asMunicipalityCode("0657"), neighbourCodes: neighbours.codes, sourceLineDa: "Kilde: test" });
    expect(model.shapes.filter((s) => s.role === "focus").map((s) => s.shape.code)).toEqual(["0657"]);
    expect(model.shapes.filter((s) => s.role === "neighbour").map((s) => s.shape.code).sort()).toEqual([...neighbours.codes].sort());
    expect(model.viewBox[2]).toBeLessThan(geometry.width);
    expect(model.descriptionDa).toContain("Herning Kommune");
    const svg = renderMunicipalityMapSvg(model);
    expect(svg.match(/data-municipality="/g)).toHaveLength(98);
    expect(svg).toContain('data-municipality="0657" fill="#1f3d7a"');
    expect(svg).toContain("Kilde: test");
  });

  it("shows an island without neighbours alone, still framed with surroundings", () => {
    const model = buildNeighbourMapModel({ geometry, focusCode: asMunicipalityCode("0825"), neighbourCodes: [] });
    expect(model.shapes.filter((s) => s.role !== "other")).toHaveLength(1);
    expect(model.viewBox[2]).toBeGreaterThanOrEqual(geometry.width / 5 - 0.1);
  });

  it("never crops narrower than 3:4 and sizes names from the larger side, so a tall crop stays legible", () => {
    // Herning's neighbours on the tile map lie in a north–south column: without the rule the crop is a sliver.
    const model = buildNeighbourMapModel({ geometry, focusCode: asMunicipalityCode("0657"), neighbourCodes: neighboursOf(asMunicipalityCode("0657")) });
    const [, , width, height] = model.viewBox;
    expect(width).toBeGreaterThanOrEqual(height * 0.75 - 0.1);
    const fontSize = Number(/<text [^>]*font-size="([\d.]+)"[^>]*>Herning</.exec(renderMunicipalityMapSvg(model))?.[1]);
    expect(fontSize).toBeGreaterThanOrEqual(Math.max(width, height) / 40 - 0.1);
  });

  it("refuses an unknown municipality", () => {
    expect(() => buildNeighbourMapModel({ geometry, focusCode: asMunicipalityCode("9999"), neighbourCodes: [] })).toThrow(/Ukendt kommune/);
  });
});

describe("neighbour map labels, measured in the shipped font", () => {
  function expectLabelsApartAndInside(model: NeighbourMapModel, who: string) {
    const [vx, vy, vw, vh] = model.viewBox;
    expect(model.labels, who).toHaveLength(model.shapes.filter((s) => s.role !== "other").length);
    for (const l of model.labels) {
      expect(l.box.x0, who).toBeGreaterThanOrEqual(vx - 1e-9);
      expect(l.box.y0, who).toBeGreaterThanOrEqual(vy - 1e-9);
      expect(l.box.x1, who).toBeLessThanOrEqual(vx + vw + 1e-9);
      expect(l.box.y1, who).toBeLessThanOrEqual(vy + vh + 1e-9);
    }
    for (let i = 0; i < model.labels.length; i++)
      for (let j = i + 1; j < model.labels.length; j++) expect(boxesOverlap(model.labels[i]!.box, model.labels[j]!.box), `${who}: ${model.labels[i]!.text} / ${model.labels[j]!.text}`).toBe(false);
  }

  const geometries: [string, () => MapGeometry][] = [
    ["tile", buildTileGeometry],
    ["geographic", sharedGeographicGeometry],
  ];

  it.each(geometries)("names the focus and every neighbour, no two names overlapping, for all 98 on the %s map", (_, geometry) => {
    for (const m of MUNICIPALITIES) expectLabelsApartAndInside(buildNeighbourMapModel({ geometry: geometry(), focusCode: m.code, neighbourCodes: neighboursOf(m.code) }), m.name);
  });

  it("separates København's crowded names on the geographic map, Frederiksberg's (inside København) with a leader", () => {
    const model = buildNeighbourMapModel({ geometry: sharedGeographicGeometry(), focusCode: asMunicipalityCode("0101"), neighbourCodes: neighboursOf(asMunicipalityCode("0101")) });
    expectLabelsApartAndInside(model, "København");
    expect(model.labels.map((l) => l.text)).toContain("Frederiksberg");
    expect(model.labels.some((l) => l.leader !== null)).toBe(true);
    const svg = renderMunicipalityMapSvg(model);
    expect(svg.match(/<line /g)?.length).toBe(model.labels.filter((l) => l.leader).length);
  });

  it("owns its final size: two pixels per unit of the crop and its source lines", () => {
    const model = buildNeighbourMapModel({ geometry: buildTileGeometry(), focusCode: asMunicipalityCode("0657"), neighbourCodes: neighboursOf(asMunicipalityCode("0657")), sourceLineDa: "Kilde: test" });
    expect(model.canvas[3]).toBeGreaterThan(model.viewBox[3]);
    expect(model.width).toBe(Math.round(model.canvas[2] * 2));
    expect(model.height).toBe(Math.round(model.canvas[3] * 2));
    expect(renderMunicipalityMapSvg(model)).toContain(`width="${model.width}" height="${model.height}"`);
  });

  it("names under the map a highlighted municipality whose name fits nowhere on it", () => {
    // All 98 stacked on one tile, with names measured 30 em wide: one name per row, and fewer rows than names.
    const codes = MUNICIPALITIES.map((m) => m.code);
    const tiny: MapGeometry = {
      kind: "tile",
      width: 10,
      height: 10,
      decorations: [],
      shapes: codes.map((code) => ({ kind: "tile", code, x: 4, y: 4, size: 2, centroid: [5, 5] })),
    };
    const wide = { ...shippedTextMeasure(), width: (_: string, style: { size: number }) => style.size * 30 };
    const model = buildNeighbourMapModel({ geometry: tiny, focusCode: codes[0]!, neighbourCodes: codes.slice(1), measure: wide });
    expect(model.labels.length).toBeLessThan(codes.length);
    const svg = renderMunicipalityMapSvg(model);
    expect(svg).toContain("Også fremhævet:");
    for (let i = 0; i < model.labels.length; i++) for (let j = i + 1; j < model.labels.length; j++) expect(boxesOverlap(model.labels[i]!.box, model.labels[j]!.box)).toBe(false);
  });
});
