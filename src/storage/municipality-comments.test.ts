import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "../../test/support/test-databases.js";
import {
  CommentValidationError,
  deleteMunicipalityComment,
  listMunicipalityComments,
  loadMunicipalityComment,
  MAX_COMMENT_LENGTH,
  saveMunicipalityComment,
} from "./municipality-comments.js";

describe.each(DATABASE_KINDS)("municipality comments on %s", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
  });
  afterAll(() => t?.drop());
  beforeEach(async () => {
    await t.db.query("DELETE FROM municipality_comment");
  });

  it("stores a comment per municipality and year, and a second write replaces the first", async () => {
    await saveMunicipalityComment(t.db, { municipalityCode: "0657", year: 2024, text: "  Stigningen skyldes især § 41-sager.\nSe handleplanen.  ", updatedAt: "2025-06-20T08:00:00.000Z" });
    await saveMunicipalityComment(t.db, { municipalityCode: "0657", year: 2023, text: "Uændret praksis.", updatedAt: "2024-06-20T08:00:00.000Z" });
    await saveMunicipalityComment(t.db, { municipalityCode: "0661", year: 2024, text: "Holstebros kommentar.", updatedAt: "2025-06-21T08:00:00.000Z" });
    expect(await loadMunicipalityComment(t.db, "0657", 2024)).toEqual({
      municipalityCode: "0657",
      year: 2024,
      text: "Stigningen skyldes især § 41-sager.\nSe handleplanen.",
      updatedAt: "2025-06-20T08:00:00.000Z",
    });
    await saveMunicipalityComment(t.db, { municipalityCode: "0657", year: 2024, text: "Ny tekst.", updatedAt: "2025-07-01T12:30:00.000Z" });
    expect(await loadMunicipalityComment(t.db, "0657", 2024)).toMatchObject({ text: "Ny tekst.", updatedAt: "2025-07-01T12:30:00.000Z" });
    expect((await listMunicipalityComments(t.db, "0657")).map((c) => [c.year, c.text])).toEqual([
      [2024, "Ny tekst."],
      [2023, "Uændret praksis."],
    ]);
    expect(await loadMunicipalityComment(t.db, "0657", 2022)).toBeNull();
  });

  it("deletes a comment and says whether there was one", async () => {
    await saveMunicipalityComment(t.db, { municipalityCode: "0101", year: 2024, text: "Kort.", updatedAt: "2025-06-20T08:00:00.000Z" });
    expect(await deleteMunicipalityComment(t.db, "0101", 2024)).toBe(true);
    expect(await deleteMunicipalityComment(t.db, "0101", 2024)).toBe(false);
    expect(await loadMunicipalityComment(t.db, "0101", 2024)).toBeNull();
  });

  it("refuses an empty or too long comment, a bad code or year, in the code and in the database", async () => {
    const ok = { municipalityCode: "0657", year: 2024, text: "x", updatedAt: "2025-06-20T08:00:00.000Z" };
    await expect(saveMunicipalityComment(t.db, { ...ok, text: "   " })).rejects.toThrow(CommentValidationError);
    await expect(saveMunicipalityComment(t.db, { ...ok, text: "x".repeat(MAX_COMMENT_LENGTH + 1) })).rejects.toThrow(/højst 4000 tegn/);
    await expect(saveMunicipalityComment(t.db, { ...ok, municipalityCode: "657" })).rejects.toThrow(/fire cifre/);
    await expect(saveMunicipalityComment(t.db, { ...ok, year: 1999 })).rejects.toThrow(/mellem 2000 og 2100/);
    // The table's own checks hold for writers that bypass the store.
    await expect(t.db.query("INSERT INTO municipality_comment VALUES ('0657', 2024, ' ', now())")).rejects.toThrow();
    await expect(t.db.query("INSERT INTO municipality_comment VALUES ('65', 2024, 'x', now())")).rejects.toThrow();
    expect(await listMunicipalityComments(t.db, "0657")).toEqual([]);
  });
});
