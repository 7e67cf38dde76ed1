import { describe, expect, it } from "vitest";
import { neighboursOf } from "../../src/domain/neighbours.js";
import { buildTileGeometry } from "../../src/viz/map-geometry.js";
import { buildNeighbourMapModel, renderMunicipalityMapSvg } from "../../src/viz/neighbour-map.js";

describe("neighbour map", () => {
  const geometry = buildTileGeometry();

  it("marks Herning as focus and its border neighbours, and crops to them", () => {
    const neighbours = { codes: neighboursOf("0657") };
    expect(neighbours.codes.length).toBeGreaterThan(2);
    const model = buildNeighbourMapModel({ geometry, focusCode: "0657", neighbourCodes: neighbours.codes, sourceLineDa: "Kilde: test" });
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
    const model = buildNeighbourMapModel({ geometry, focusCode: "0825", neighbourCodes: [] });
    expect(model.shapes.filter((s) => s.role !== "other")).toHaveLength(1);
    expect(model.viewBox[2]).toBeGreaterThanOrEqual(geometry.width / 5 - 0.1);
  });

  it("never crops narrower than 3:4 and sizes names from the larger side, so a tall crop stays legible", () => {
    // Herning's neighbours on the tile map lie in a north–south column: without the rule the crop is a sliver.
    const model = buildNeighbourMapModel({ geometry, focusCode: "0657", neighbourCodes: neighboursOf("0657") });
    const [, , width, height] = model.viewBox;
    expect(width).toBeGreaterThanOrEqual(height * 0.75 - 0.1);
    const fontSize = Number(/<text [^>]*font-size="([\d.]+)"[^>]*>Herning</.exec(renderMunicipalityMapSvg(model))?.[1]);
    expect(fontSize).toBeGreaterThanOrEqual(Math.max(width, height) / 40 - 0.1);
  });

  it("refuses an unknown municipality", () => {
    expect(() => buildNeighbourMapModel({ geometry, focusCode: "9999", neighbourCodes: [] })).toThrow(/Ukendt kommune/);
  });
});
