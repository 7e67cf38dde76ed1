import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { published2024Cells } from "../../../test/rates/published-2024-cells.js";
import { storeCells } from "../../../test/rates/stored-datasets.js";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "../../../test/support/test-databases.js";
import { minutesReadDepsFor, readMinutes } from "./read-minutes.js";

const SEEDS = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "..", "shared", "seeds");

/** The figures a minutes item quotes, checked against the dataset version the product shows (issue 15). */
describe.each(DATABASE_KINDS)("reading minutes against the dataset on %s", (kind) => {
  let t: TestDatabase;
  let versionId: number;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    // Cells whose sums are the published 2024 figures: Herning 77 / 34 (44,2), 27 / 11 (40,7), 5 / 1 (20,0).
    versionId = await storeCells(t.db, published2024Cells());
  });
  afterAll(() => t?.drop());

  it("Herning 2025: 77 / 44,2 and the two disability maps match the dataset", async () => {
    const result = await readMinutes(minutesReadDepsFor(t.db), join(SEEDS, "herning-handicapraad-referat-2025-08-28.txt"));
    if (result.kind !== "read") throw new Error(result.messageDa);
    expect(result.form).toBe("text");
    const item = result.minutes.items[0]!;
    expect(item.figures.map((f) => [f.map, f.check.kind === "checked" && f.check.matches])).toEqual([
      ["socialomraadet", true],
      ["boernehandicapomraadet", true],
      ["voksenhandicapomraadet", true],
    ]);
    expect(item.figures[0]!.check.textDa).toBe("Socialområdet generelt: Dokumentet siger 77 sager, 44,2 %, datasættet 77 sager, 44,2 %.");
    expect(result.minutes.datasetVersions.get(2024)?.datasetVersionId).toBe(versionId);
  });

  it("Ballerup: a figure the dataset does not bear out is shown as not matching", async () => {
    const result = await readMinutes(minutesReadDepsFor(t.db), join(SEEDS, "ballerup-socialudvalg-referat-2025-09-30.txt"));
    if (result.kind !== "read") throw new Error(result.messageDa);
    const figures = result.minutes.items[0]!.figures;
    // The generator spreads the country over the other municipalities evenly, so Ballerup's 37 % is not in it.
    const social = figures.find((f) => f.map === "socialomraadet")!;
    expect(social.check.kind).toBe("checked");
    if (social.check.kind !== "checked") return;
    expect(social.check.matches).toBe(social.check.datasetReversedTenths !== null && Math.round(social.check.datasetReversedTenths / 10) === 37);
    expect(social.check.textDa).toMatch(/^Socialområdet generelt: Dokumentet siger 37 %, datasættet \d+,\d %/);
  });

  it("a year without data is not checked, with the reason", async () => {
    const empty = await createTestDatabase(kind);
    try {
      const result = await readMinutes(minutesReadDepsFor(empty.db), join(SEEDS, "herning-handicapraad-referat-2025-08-28.txt"));
      if (result.kind !== "read") throw new Error(result.messageDa);
      expect(result.minutes.items[0]!.figures[0]!.check).toMatchObject({ kind: "not-checked", reasonDa: "Der er ikke indlæst data for 2024" });
    } finally {
      await empty.drop();
    }
  });

  it("an unreadable file is a result with a Danish message", async () => {
    const result = await readMinutes(minutesReadDepsFor(t.db), join(SEEDS, "findes-ikke.pdf"));
    expect(result).toMatchObject({ kind: "unreadable" });
    if (result.kind === "unreadable") expect(result.messageDa).toMatch(/findes ikke/);
  });
});
