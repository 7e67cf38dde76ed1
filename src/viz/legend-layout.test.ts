import { describe, expect, it } from "vitest";
import { layoutLegend } from "./legend-layout.js";
import { shippedTextMeasure } from "./shipped-font.js";
import { boxesOverlap, textBox } from "./text-measure.js";

const measure = shippedTextMeasure();
const style = { size: 11 } as const;
const entries = [
  { swatch: "a", labelDa: "Ringkøbing-Skjern Kommune" },
  { swatch: "b", labelDa: "95 %-interval" },
  { swatch: "c", labelDa: "Landsplan" },
] as const;

function boxes(layout: ReturnType<typeof layoutLegend>) {
  return layout.entries.map((e) => {
    const label = textBox(measure, e.label.text, style, e.label.x, e.label.y);
    return { ...label, x0: e.x };
  });
}

describe("layoutLegend", () => {
  it("starts each entry after the previous label's measured end, so a long name never runs into the next entry", () => {
    const layout = layoutLegend(entries, { measure, style, left: 40, right: 636, top: 300, swatchWidth: 24, rowHeight: 18 });
    const [first, second, third] = layout.entries;
    expect(first!.y).toBe(300);
    expect(second!.y).toBe(300);
    expect(second!.x).toBeGreaterThan(first!.label.x + measure.width("Ringkøbing-Skjern Kommune", style));
    expect(third!.x).toBeGreaterThan(second!.label.x + measure.width("95 %-interval", style));
    const b = boxes(layout);
    for (let i = 0; i < b.length; i++) for (let j = i + 1; j < b.length; j++) expect(boxesOverlap(b[i]!, b[j]!)).toBe(false);
  });

  it("wraps to a new row where the next entry would pass the right edge, and reports the lower bottom", () => {
    const wide = layoutLegend(entries, { measure, style, left: 10, right: 630, top: 100, swatchWidth: 24, rowHeight: 18 });
    const narrow = layoutLegend(entries, { measure, style, left: 10, right: 200, top: 100, swatchWidth: 24, rowHeight: 18 });
    expect(new Set(narrow.entries.map((e) => e.y)).size).toBeGreaterThan(1);
    for (const e of narrow.entries) {
      if (e.x > 10) expect(e.label.x + measure.width(e.label.text, style)).toBeLessThanOrEqual(200);
    }
    expect(narrow.bottom).toBeGreaterThan(wide.bottom);
  });
});
