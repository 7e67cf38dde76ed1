import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ComplaintCell } from "../../src/domain/complaint-cell.js";
import { asMunicipalityCode, MUNICIPALITIES } from "../../src/domain/municipality.js";
import { createFiguresCache } from "../../src/server/routes/figures-cache.js";
import { WAIT_FOR_CELLS } from "../../src/server/routes/index-off-request-path.js";
import { storeCells } from "../rates/stored-datasets.js";
import { createTestDatabase, type TestDatabase } from "../support/test-databases.js";

/** A version above the wait threshold: every municipality × `subjects` subjects × one year. */
function largeVersion(year: number, subjects: number, upheld: number): ComplaintCell[] {
  const cells: ComplaintCell[] = [];
  for (let s = 0; s < subjects; s++) {
    for (const m of MUNICIPALITIES) cells.push({ municipalityCode: m.code, subject: `Voksne - stort sagsemne ${s} - § 96`, law: "Serviceloven", year, counts: { upheld, changed: 1, remitted: 1, rejected: 0 } });
  }
  return cells;
}

/**
 * Issue 19: a 500.000-row import stalled every request for up to 5,1 s while the new version loaded. The
 * new version is now prepared off the request path: requests meanwhile get the previous figures, whole,
 * and the new ones replace them when they are ready.
 */
describe("a large new version is prepared while the previous one is served", () => {
  let t: TestDatabase;
  const subjects = Math.ceil((WAIT_FOR_CELLS + 1) / MUNICIPALITIES.length);
  beforeAll(async () => {
    t = await createTestDatabase("pglite");
    await storeCells(t.db, largeVersion(2024, subjects, 1), { extractedOn: "2025-06-01" });
  }, 120_000);
  afterAll(async () => t?.drop());

  it("answers from the old version at once, then swaps in the new one whole", async () => {
    const cache = createFiguresCache(t.db, { revalidateAfterMs: 0 });
    const first = await cache.current();
    const herningBefore = first.totals.counts(2024, "voksenhandicapomraadet", "total", asMunicipalityCode("0657"));
    expect(herningBefore?.upheld).toBe(subjects);
    await storeCells(t.db, largeVersion(2024, subjects, 2), { fileName: "ny.csv", extractedOn: "2025-09-01" });
    const during = await cache.current();
    // The same, complete data as before: never a half-indexed new version.
    expect(during).toBe(first);
    let after = during;
    for (let i = 0; i < 200 && after.fingerprint === first.fingerprint; i++) {
      await new Promise((r) => setTimeout(r, 50));
      after = await cache.current();
    }
    expect(after.fingerprint).not.toBe(first.fingerprint);
    expect(after.totals.counts(2024, "voksenhandicapomraadet", "total", asMunicipalityCode("0657"))?.upheld).toBe(2 * subjects);
  }, 60_000);

  it("has the answers asked of the old version built from the new one before it is shown", async () => {
    const cache = createFiguresCache(t.db, { revalidateAfterMs: 0 });
    const first = await cache.current();
    const herning = (data: typeof first) => ({ upheld: data.totals.counts(2024, "voksenhandicapomraadet", "total", asMunicipalityCode("0657"))?.upheld });
    cache.remember("herning", herning);
    cache.remember("a-year-that-goes", () => {
      throw new Error("not in the new versions");
    });
    await storeCells(t.db, largeVersion(2024, subjects, 3), { fileName: "nyere.csv", extractedOn: "2025-10-01" });
    expect(await cache.current()).toBe(first);
    let after = first;
    for (let i = 0; i < 200 && after === first; i++) {
      await new Promise((r) => setTimeout(r, 50));
      after = await cache.current();
    }
    // Ready when shown, from the new figures; an answer the new versions cannot give is simply not there.
    expect(JSON.parse(after.responses.get("herning")!.body.toString("utf8"))).toEqual({ upheld: 3 * subjects });
    expect(after.responses.has("a-year-that-goes")).toBe(false);
  }, 60_000);

  it("warms an answer in its other thread where it can, and on its own thread when that thread fails", async () => {
    const cache = createFiguresCache(t.db, { revalidateAfterMs: 0 });
    const first = await cache.current();
    const upheld = (data: typeof first) => data.totals.counts(2024, "voksenhandicapomraadet", "total", asMunicipalityCode("0657"))?.upheld;
    cache.remember("beside", () => ({ upheld: upheld(first), where: "here" }), async (data) => ({ upheld: upheld(data), where: "beside" }));
    cache.remember("thread-fails", (data) => ({ upheld: upheld(data), where: "here" }), () => Promise.reject(new Error("tråden døde")));
    await storeCells(t.db, largeVersion(2024, subjects, 4), { fileName: "nyeste.csv", extractedOn: "2025-11-01" });
    expect(await cache.current()).toBe(first);
    let after = first;
    for (let i = 0; i < 200 && after === first; i++) {
      await new Promise((r) => setTimeout(r, 50));
      after = await cache.current();
    }
    const answer = (key: string) => JSON.parse(after.responses.get(key)!.body.toString("utf8"));
    expect(answer("beside")).toEqual({ upheld: 4 * subjects, where: "beside" });
    expect(answer("thread-fails")).toEqual({ upheld: 4 * subjects, where: "here" });
  }, 60_000);
});
