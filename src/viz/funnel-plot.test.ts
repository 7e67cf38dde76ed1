import { describe, expect, it } from "vitest";
import { buildMapFigures } from "../domain/map-figures.js";
import { generateVariedMapCells, WITHOUT_DECIDED_CASES } from "../../test/viz/support/varied-map-cells.js";
import { buildFunnelPlotModel, FUNNEL_TEXT, renderFunnelPlotSvg, type FunnelPlotModel } from "./funnel-plot.js";
import { shippedTextMeasure } from "./shipped-font.js";
import { boxesOverlap, textBox, type Box } from "./text-measure.js";

const figures = buildMapFigures(generateVariedMapCells(), { map: "socialomraadet", year: 2024, area: "total" });
const LONG_SOURCE =
  "Kilde: Ankestyrelsens klagestatistik, Danmarkskortet 2024 (udtræk 3. marts 2025, indlæst 10. marts 2025, version 2, fil ankestyrelsen-talportal-2024-revideret.csv).";

function build(options: { width?: number; titleDa?: string; sourceLineDa?: string | null; selectedCode?: string | null } = {}): FunnelPlotModel {
  return buildFunnelPlotModel({
    figures,
    titleDa: options.titleDa ?? "Tragtplot: omgørelsesprocent 2024, socialområdet generelt",
    profileHref: (code) => `/kommuner/${code}?aar=2024`,
    sourceLineDa: options.sourceLineDa === undefined ? LONG_SOURCE : options.sourceLineDa,
    selectedCode: options.selectedCode ?? null,
    ...(options.width ? { width: options.width } : {}),
  });
}

/** Every text box the drawing has outside the plot area, in drawing units. */
function textBoxes(model: FunnelPlotModel): { text: string; box: Box }[] {
  const m = shippedTextMeasure();
  const { x: xt, y: yt } = model.axisTitles;
  const yTitleWidth = m.width(yt.text, FUNNEL_TEXT.axis);
  return [
    ...model.titleLines.map((l) => ({ text: l.text, box: textBox(m, l.text, FUNNEL_TEXT.title, l.x, l.y) })),
    ...model.yTicks.map((t) => ({ text: t.labelDa, box: textBox(m, t.labelDa, FUNNEL_TEXT.axis, model.plot.left - 6, t.baseline, "end") })),
    ...model.xTicks.map((t) => ({ text: t.labelDa, box: textBox(m, t.labelDa, FUNNEL_TEXT.axis, t.x, model.xTickBaseline, "middle") })),
    { text: xt.text, box: textBox(m, xt.text, FUNNEL_TEXT.axis, xt.x, xt.y, "middle") },
    // Turned a quarter left about (x, y): the baseline runs up the line x, the letters stand to its left.
    { text: yt.text, box: { x0: yt.x - m.ascent(11), x1: yt.x + m.descent(11), y0: yt.y - yTitleWidth / 2, y1: yt.y + yTitleWidth / 2 } },
    ...model.legend.map((e) => ({ text: e.label.text, box: textBox(m, e.label.text, FUNNEL_TEXT.legend, e.label.x, e.label.y) })),
    ...model.legend.map((e) => ({ text: `swatch ${e.swatch}`, box: { x0: e.x, x1: e.x + 24, y0: e.y - 6, y1: e.y + 6 } })),
    ...model.sourceLines.map((l) => ({ text: l.text, box: textBox(m, l.text, FUNNEL_TEXT.source, l.x, l.y) })),
  ];
}

function expectApartAndInside(model: FunnelPlotModel, who: string): void {
  const boxes = textBoxes(model);
  for (const { text, box } of boxes) {
    expect(box.x0, `${who}: ${text}`).toBeGreaterThanOrEqual(0);
    expect(box.y0, `${who}: ${text}`).toBeGreaterThanOrEqual(0);
    expect(box.x1, `${who}: ${text}`).toBeLessThanOrEqual(model.width);
    expect(box.y1, `${who}: ${text}`).toBeLessThanOrEqual(model.height);
  }
  // Neighbouring x tick labels may sit close on the square-root axis, but never on top of each other.
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) expect(boxesOverlap(boxes[i]!.box, boxes[j]!.box), `${who}: "${boxes[i]!.text}" / "${boxes[j]!.text}"`).toBe(false);
}

/** The vertices of a path drawn by d3-shape's line (M x,y L x,y …). */
function vertices(d: string): [number, number][] {
  return d
    .slice(1)
    .split("L")
    .map((p) => p.split(",").map(Number) as [number, number]);
}

describe("buildFunnelPlotModel", () => {
  const model = build({ selectedCode: "0101" });
  const { plot } = model;

  it("draws one point per municipality with decided cases, and names the others", () => {
    expect(model.points).toHaveLength(98 - WITHOUT_DECIDED_CASES.length);
    expect(model.points.map((p) => p.code)).not.toContain("0825");
    expect(model.notShownDa).toBe("Ikke vist (ingen sager eller ingen data): Fanø, Læsø.");
    expect(model.points.find((p) => p.code === "0657")!.href).toBe("/kommuner/0657?aar=2024");
  });

  it("puts decided cases on a square-root axis and the rate on a linear one from 0 to 100 %", () => {
    const maxN = Math.max(...figures.municipalities.map((r) => (r.estimate.kind === "estimate" ? r.estimate.decided : 0)));
    for (const row of figures.municipalities) {
      if (row.estimate.kind !== "estimate") continue;
      const p = model.points.find((q) => q.code === row.municipalityCode)!;
      expect(p.x).toBeCloseTo(plot.left + Math.sqrt(row.estimate.decided / maxN) * (plot.right - plot.left), 0);
      expect(p.y).toBeCloseTo(plot.bottom - row.estimate.reversalRate * (plot.bottom - plot.top), 0);
      expect(p.verdict).toBe(row.funnel.kind === "assessed" ? row.funnel.verdict : "not-assessed");
    }
    // København has the most cases: the rightmost point, on the plot's right edge.
    expect(Math.max(...model.points.map((p) => p.x))).toBe(model.points.find((p) => p.code === "0101")!.x);
    expect(model.points.find((p) => p.code === "0101")!.x).toBeCloseTo(plot.right, 0);
    expect(model.yTicks.map((t) => t.labelDa)).toEqual(["0 %", "20 %", "40 %", "60 %", "80 %", "100 %"]);
    expect(model.xTicks.map((t) => t.labelDa)).toEqual(["0", "10", "25", "50", "100", "200", "400"]);
  });

  it("draws the national line at the national rate, and the 99,8 % limits outside the 95 % limits around it", () => {
    const national = figures.national.estimate;
    if (national.kind !== "estimate") throw new Error("national estimate expected");
    expect(model.targetY).toBeCloseTo(plot.bottom - national.reversalRate * (plot.bottom - plot.top), 0);
    const [lower95, upper95] = model.limitPaths.p95.map(vertices);
    const [lower998, upper998] = model.limitPaths.p998.map(vertices);
    expect(lower95!.length).toBeGreaterThan(50);
    lower95!.forEach(([x, y], i) => {
      // SVG y grows downwards: upper limits lie above (smaller y) the national line, lower limits below.
      expect(upper998![i]![0]).toBe(x);
      expect(upper998![i]![1]).toBeLessThanOrEqual(upper95![i]![1]);
      expect(upper95![i]![1]).toBeLessThanOrEqual(model.targetY!);
      expect(y).toBeGreaterThanOrEqual(model.targetY!);
      expect(lower998![i]![1]).toBeGreaterThanOrEqual(y);
    });
    // The funnel narrows: at the most cases the 95 % band is narrower than at the fewest.
    const width = (i: number) => lower95![i]![1] - upper95![i]![1];
    expect(width(lower95!.length - 1)).toBeLessThan(width(0) / 3);
  });

  it("keeps title, ticks, axis titles, legend and source apart and inside the drawing, also at 360 wide with a long title", () => {
    expectApartAndInside(model, "720");
    const narrow = build({ width: 360, titleDa: "Tragtplot: omgørelsesprocent 2024, voksenhandicapområdet, Ringkøbing-Skjern Kommune fremhævet" });
    expectApartAndInside(narrow, "360");
    // At 360 the legend wraps, and the drawing grows by its rows and the longer title and source.
    expect(new Set(narrow.legend.map((e) => e.y)).size).toBeGreaterThan(1);
    expect(narrow.titleLines.length).toBeGreaterThan(1);
    expect(narrow.height).toBeGreaterThan(model.height);
  });

  it("draws the SVG at the model's size, rings the chosen municipality, and keeps the source line whole", () => {
    const svg = renderFunnelPlotSvg(model);
    expect(svg).toContain(`viewBox="0 0 ${model.width} ${model.height}" width="${model.width}" height="${model.height}"`);
    expect(svg.match(/<a href=/g)).toHaveLength(model.points.length);
    expect(svg).toMatch(/data-municipality="0101"[^>]*aria-label="København:/);
    expect(svg).toContain('aria-current="true"');
    expect(model.sourceLines.map((l) => l.text).join(" ")).toBe(LONG_SOURCE);
    // The legend's markers are drawn shapes, not ▲▼● characters the shipped font does not have.
    expect(svg).not.toMatch(/[▲▼●]/);
    expect(renderFunnelPlotSvg(build({ sourceLineDa: null }))).not.toContain("Kilde:");
  });
});
