import { boxesOverlap, type Box } from "./text-measure.js";

/** A label to place: its measured size and the point it names. */
export type LabelRequest<T> = {
  readonly id: T;
  readonly anchor: readonly [x: number, y: number];
  readonly width: number;
  /** Extent above and below the label's centre line (from the font's ascent and descent). */
  readonly above: number;
  readonly below: number;
};

export type PlacedLabel<T> = {
  readonly id: T;
  /** Centre of the label's text (text-anchor middle; the renderer turns the centre line into a baseline). */
  readonly x: number;
  readonly y: number;
  readonly box: Box;
  /** A line from the named point to the label, when the label had to move off its point; else null. */
  readonly leader: { readonly x1: number; readonly y1: number; readonly x2: number; readonly y2: number } | null;
};

/**
 * Greedy label placement without overlaps (the ordinary cartographic fallback when names crowd, as in
 * København with Frederiksberg inside it): each label in the given order takes the free position nearest
 * its point, searched on a grid of half a line height out to the whole frame, and never covers a label
 * placed before it nor another label's point. A label that moves off its point gets a leader line.
 * Positions stay inside `bounds`. Returns null for a label that fits nowhere in the frame.
 */
export function placeLabels<T>(
  requests: readonly LabelRequest<T>[],
  options: { readonly bounds: Box; readonly padding: number },
): (PlacedLabel<T> | null)[] {
  const { bounds, padding } = options;
  const placed: Box[] = [];
  const pointBoxes = requests.map((r) => {
    const s = (r.above + r.below) * 0.25;
    return { x0: r.anchor[0] - s, y0: r.anchor[1] - s, x1: r.anchor[0] + s, y1: r.anchor[1] + s };
  });
  return requests.map((r, index) => {
    const lineHeight = r.above + r.below;
    const step = lineHeight / 2;
    const boxAt = (cx: number, cy: number): Box => ({ x0: cx - r.width / 2, y0: cy - r.above, x1: cx + r.width / 2, y1: cy + r.below });
    const fits = (b: Box) =>
      b.x0 >= bounds.x0 &&
      b.y0 >= bounds.y0 &&
      b.x1 <= bounds.x1 &&
      b.y1 <= bounds.y1 &&
      placed.every((p) => !boxesOverlap(grow(p, padding), b)) &&
      pointBoxes.every((p, i) => i === index || !boxesOverlap(p, b));
    const reach = Math.ceil(Math.max(bounds.x1 - bounds.x0, bounds.y1 - bounds.y0) / step);
    for (const [dx, dy] of offsetsByDistance(reach)) {
      const cx = r.anchor[0] + dx * step;
      const cy = r.anchor[1] + dy * step;
      const box = boxAt(cx, cy);
      if (!fits(box)) continue;
      placed.push(box);
      // Still over its point (within the label's own box): no leader needed.
      const onPoint = r.anchor[0] >= box.x0 && r.anchor[0] <= box.x1 && r.anchor[1] >= box.y0 && r.anchor[1] <= box.y1;
      const [ex, ey] = nearestPointOnBox(box, r.anchor);
      return { id: r.id, x: cx, y: cy, box, leader: onPoint ? null : { x1: r.anchor[0], y1: r.anchor[1], x2: ex, y2: ey } };
    }
    return null;
  });
}

function grow(b: Box, by: number): Box {
  return { x0: b.x0 - by, y0: b.y0 - by, x1: b.x1 + by, y1: b.y1 + by };
}

function nearestPointOnBox(b: Box, [x, y]: readonly [number, number]): [number, number] {
  return [Math.min(Math.max(x, b.x0), b.x1), Math.min(Math.max(y, b.y0), b.y1)];
}

const offsetCache = new Map<number, (readonly [number, number])[]>();

/** Grid offsets out to `reach` steps, nearest first; vertical moves count a little less than sideways ones. */
function offsetsByDistance(reach: number): readonly (readonly [number, number])[] {
  const cached = offsetCache.get(reach);
  if (cached) return cached;
  const out: (readonly [number, number])[] = [];
  for (let dx = -reach; dx <= reach; dx++) for (let dy = -reach; dy <= reach; dy++) out.push([dx, dy]);
  // Names are wide and short: a move up or down clears a neighbour sooner than one sideways.
  const cost = ([dx, dy]: readonly [number, number]) => dx * dx * 1.5 + dy * dy;
  out.sort((a, b) => cost(a) - cost(b) || a[1] - b[1] || a[0] - b[0]);
  offsetCache.set(reach, out);
  return out;
}
