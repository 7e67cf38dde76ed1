import { describe, expect, it } from "vitest";
import { createRenderQueue, RenderQueueFullError } from "./render-queue.js";

describe("createRenderQueue", () => {
  it("runs at most `concurrency` tasks at once, queues the next ones in order, and refuses beyond the queue", async () => {
    const queue = createRenderQueue({ concurrency: 2, maxWaiting: 2 });
    const gates: (() => void)[] = [];
    let active = 0;
    let peak = 0;
    const order: number[] = [];
    const task = (n: number) => () =>
      new Promise<number>((resolve) => {
        active++;
        peak = Math.max(peak, active);
        order.push(n);
        gates.push(() => {
          active--;
          resolve(n);
        });
      });
    const runs = [1, 2, 3, 4].map((n) => queue.run(task(n)));
    await expect(queue.run(task(5))).rejects.toBeInstanceOf(RenderQueueFullError);
    expect(queue.load()).toEqual({ running: 2, waiting: 2 });
    while (order.length < 4 || gates.length > 0) {
      await new Promise((r) => setImmediate(r));
      gates.shift()?.();
    }
    expect(await Promise.all(runs)).toEqual([1, 2, 3, 4]);
    expect(order).toEqual([1, 2, 3, 4]);
    expect(peak).toBe(2);
    expect(queue.load()).toEqual({ running: 0, waiting: 0 });
  });

  it("frees the slot when a task fails", async () => {
    const queue = createRenderQueue({ concurrency: 1, maxWaiting: 0 });
    await expect(queue.run(() => Promise.reject(new Error("x")))).rejects.toThrow("x");
    expect(await queue.run(async () => 7)).toBe(7);
  });
});
