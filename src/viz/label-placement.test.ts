import { describe, expect, it } from "vitest";
import { placeLabels, type LabelRequest } from "./label-placement.js";
import { boxesOverlap } from "./text-measure.js";

const bounds = { x0: 0, y0: 0, x1: 200, y1: 200 };
const label = (id: string, x: number, y: number, width = 40): LabelRequest<string> => ({ id, anchor: [x, y], width, above: 6, below: 3 });

describe("placeLabels", () => {
  it("leaves a label on its point when nothing is in the way", () => {
    const [placed] = placeLabels([label("a", 100, 100)], { bounds, padding: 1 });
    expect(placed).toMatchObject({ x: 100, y: 100, leader: null });
  });

  it("moves a label that would cover an earlier one to the nearest free place, with a leader to its point", () => {
    // b's point is clear of a's name, but b's name centred on it would cover a's.
    const placed = placeLabels([label("a", 100, 100), label("b", 130, 100)], { bounds, padding: 1 });
    expect(placed[0]).toMatchObject({ x: 100, y: 100 });
    expect(boxesOverlap(placed[0]!.box, placed[1]!.box)).toBe(false);
    // The nearest free place is above or below (names are wide and short), not far away.
    expect(placed[1]!.x).toBe(130);
    expect(Math.abs(placed[1]!.y - 100)).toBeLessThanOrEqual(14);
    expect(placed[1]!.leader).toMatchObject({ x1: 130, y1: 100 });
  });

  it("never covers another label's point, so a municipality inside another (Frederiksberg) keeps its mark visible", () => {
    const placed = placeLabels([label("outer", 100, 100, 80), label("inner", 104, 100, 30)], { bounds, padding: 1 });
    const inner = placed[1]!;
    const [x, y] = [104, 100];
    const outer = placed[0]!.box;
    expect(x >= outer.x0 && x <= outer.x1 && y >= outer.y0 && y <= outer.y1).toBe(false);
    expect(boxesOverlap(outer, inner.box)).toBe(false);
  });

  it("keeps labels inside the frame", () => {
    const [placed] = placeLabels([label("a", 2, 199)], { bounds, padding: 1 });
    expect(placed!.box.x0).toBeGreaterThanOrEqual(0);
    expect(placed!.box.y1).toBeLessThanOrEqual(200);
  });

  it("places twenty names on one point without any two overlapping, and gives up only when the frame is full", () => {
    const crowd = Array.from({ length: 20 }, (_, i) => label(`n${i}`, 100, 100, 60));
    const placed = placeLabels(crowd, { bounds, padding: 1 });
    expect(placed.every((p) => p !== null)).toBe(true);
    for (let i = 0; i < placed.length; i++) for (let j = i + 1; j < placed.length; j++) expect(boxesOverlap(placed[i]!.box, placed[j]!.box)).toBe(false);
    const tooMany = placeLabels(Array.from({ length: 120 }, (_, i) => label(`n${i}`, 100, 100, 60)), { bounds, padding: 1 });
    expect(tooMany.some((p) => p === null)).toBe(true);
  });
});
