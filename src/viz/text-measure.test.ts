import { describe, expect, it } from "vitest";
import { shippedTextMeasure } from "./shipped-font.js";
import { boxesOverlap, textBox, wrapText } from "./text-measure.js";

const measure = shippedTextMeasure();

describe("text measured in the shipped IBM Plex Sans", () => {
  it("gives widths from the font's own advance widths, scaled by size, with kerning", () => {
    const w11 = measure.width("Ringkøbing-Skjern Kommune", { size: 11 });
    // IBM Plex Sans Regular sets this name 13,047 em wide (advance widths plus GPOS kerning).
    expect(w11).toBeCloseTo(143.52, 1);
    expect(measure.width("Ringkøbing-Skjern Kommune", { size: 22 })).toBeCloseTo(2 * w11, 6);
    // Proportional, not a fixed width per character as the old guess (0,52 × size) assumed.
    expect(measure.width("MMMM", { size: 11 })).toBeGreaterThan(2 * measure.width("iiii", { size: 11 }));
    // Kerning pulls A and V together: narrower than the two letters measured apart.
    expect(measure.width("AV", { size: 100 })).toBeLessThan(measure.width("A", { size: 100 }) + measure.width("V", { size: 100 }));
  });

  it("measures bold wider than regular, so a focus label is sized for its weight", () => {
    expect(measure.width("Herning", { size: 11, weight: 700 })).toBeGreaterThan(measure.width("Herning", { size: 11 }));
  });

  it("wraps at spaces so no line is wider than asked, and keeps an over-long word whole", () => {
    const text = "Kilde: Ankestyrelsens ankestatistik, datasætversion 7 (ankestatistik-2021-2024.csv), udtrukket 2025-06-02.";
    const lines = wrapText(measure, text, { size: 11 }, 200);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(" ")).toBe(text);
    for (const line of lines) if (line.includes(" ")) expect(measure.width(line, { size: 11 })).toBeLessThanOrEqual(200);
    expect(wrapText(measure, "Ankestyrelsens", { size: 11 }, 10)).toEqual(["Ankestyrelsens"]);
  });

  it("boxes text by its anchor, and tells touching boxes from overlapping ones", () => {
    const start = textBox(measure, "Herning", { size: 10 }, 100, 50, "start");
    const middle = textBox(measure, "Herning", { size: 10 }, 100, 50, "middle");
    const end = textBox(measure, "Herning", { size: 10 }, 100, 50, "end");
    expect(start.x0).toBe(100);
    expect(end.x1).toBe(100);
    expect((middle.x0 + middle.x1) / 2).toBeCloseTo(100, 6);
    expect(start.y0).toBeLessThan(50);
    expect(start.y1).toBeGreaterThan(50);
    expect(boxesOverlap(start, end)).toBe(false);
    expect(boxesOverlap(start, middle)).toBe(true);
  });
});
