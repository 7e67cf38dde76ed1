import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "../../test/support/test-databases.js";
import type { ContextFigure } from "../domain/context/context-figure.js";
import { contextFingerprint, listContextVersions, loadContextFigures, removeContextVersion, saveContextVersion, type ContextVersionInput } from "./context-store.js";
import { asMunicipalityCode } from "../domain/municipality.js";

const version: ContextVersionInput = {
  table: "HAND07",
  fileName: "HAND07.csv",
  sha256: "a".repeat(64),
  source: "Danmarks Statistik, statistikbanken.dk/HAND07",
  extractedOn: "2025-02-03",
  importedAt: "2025-02-03T09:00:00.000Z",
  periodFrom: "2023K4",
  periodTo: "2023K4",
};

const figures: ContextFigure[] = [
  { municipalityCode: asMunicipalityCode("0657"), measure: { kind: "recipients", code: "30119", labelDa: "Ledsageordning (§ 97 i lov om social service)" }, period: { year: 2023, quarter: 4 }, value: { kind: "value", value: 135 } },
  { municipalityCode: asMunicipalityCode("0825"), measure: { kind: "recipients", code: "30117", labelDa: "Kontant tilskud, \"§ 95\"" }, period: { year: 2023, quarter: 4 }, value: { kind: "suppressed" } },
  { municipalityCode: null, measure: { kind: "population", band: "0-17" }, period: { year: 2024, quarter: 1 }, value: { kind: "value", value: 1_234_567 } },
];

describe.each(DATABASE_KINDS)("context figures on %s", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
  });
  afterAll(() => t?.drop());
  beforeEach(async () => {
    await t.db.query("DELETE FROM context_version");
  });

  it("stores a version with its figures, keeps a suppressed cell suppressed (not 0), and the same file again is unchanged", async () => {
    const saved = await t.db.transaction((tx) => saveContextVersion(tx, version, figures));
    expect(saved).toMatchObject({ kind: "stored", figureCount: 3 });
    const again = await t.db.transaction((tx) => saveContextVersion(tx, version, figures));
    expect(again).toEqual({ kind: "unchanged", contextVersionId: saved.contextVersionId, figureCount: 3 });
    const [loaded] = await loadContextFigures(t.db);
    expect(loaded!.provenance).toEqual({ contextVersionId: saved.contextVersionId, table: "HAND07", fileName: "HAND07.csv", sha256: "a".repeat(64), extractedOn: "2025-02-03", importedAt: "2025-02-03T09:00:00.000Z", periodFrom: "2023K4", periodTo: "2023K4" });
    expect(loaded!.figures).toEqual(figures);
    const suppressed = await t.db.query<{ status: string; value: unknown }>("SELECT status, value FROM context_figure WHERE municipality_code = '0825'");
    expect(suppressed.rows).toEqual([{ status: "suppressed", value: null }]);
    expect((await listContextVersions(t.db)).map((v) => v.figureCount)).toEqual([3]);
  });

  it("a failed transaction leaves nothing, and removal takes the figures with the version", async () => {
    await expect(t.db.transaction(async (tx) => {
      await saveContextVersion(tx, version, figures);
      throw new Error("stop");
    })).rejects.toThrow("stop");
    expect(await listContextVersions(t.db)).toEqual([]);
    const saved = await t.db.transaction((tx) => saveContextVersion(tx, version, figures));
    const before = await contextFingerprint(t.db);
    expect(await removeContextVersion(t.db, saved.contextVersionId)).toBe(true);
    expect(await removeContextVersion(t.db, saved.contextVersionId)).toBe(false);
    expect(await contextFingerprint(t.db)).not.toBe(before);
    expect((await t.db.query("SELECT count(*)::int AS n FROM context_figure")).rows[0]).toEqual({ n: 0 });
  });
});
