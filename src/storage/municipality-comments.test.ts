import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createPostgresDatabase, createTestDatabase, DATABASE_KINDS, dropPostgresDatabase, type TestDatabase } from "../../test/support/test-databases.js";
import { migrate } from "./migrate.js";
import { MIGRATIONS } from "./migrations/index.js";
import { openPGliteDatabase } from "./pglite-database.js";
import { openPostgresDatabase } from "./postgres-database.js";
import {
  CommentValidationError,
  deleteMunicipalityComment,
  listMunicipalityComments,
  listCommentRecords,
  loadCommentRecord,
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
    // Issue 19: a NUL byte (PostgreSQL cannot store it) or a terminal escape is refused in Danish, with its line.
    await expect(saveMunicipalityComment(t.db, { ...ok, text: "Første linje\nan\u0000den" })).rejects.toThrow("Kommentaren indeholder et styretegn (U+0000) i linje 2; fjern det og prøv igen.");
    await expect(saveMunicipalityComment(t.db, { ...ok, text: "\u001b[2Jrød" })).rejects.toThrow(/styretegn \(U\+001B\) i linje 1/);
    expect((await saveMunicipalityComment(t.db, { ...ok, text: "To linjer\r\nmed\ttab" })).text).toBe("To linjer\r\nmed\ttab");
    await deleteMunicipalityComment(t.db, "0657", 2024);
    // The table's own checks hold for writers that bypass the store.
    await expect(t.db.query("INSERT INTO municipality_comment VALUES ('0657', 2024, ' ', now())")).rejects.toThrow();
    await expect(t.db.query("INSERT INTO municipality_comment VALUES ('65', 2024, 'x', now())")).rejects.toThrow();
    expect(await listMunicipalityComments(t.db, "0657")).toEqual([]);
  });

  it("keeps a draft from the public: only a published comment is loaded for public pages", async () => {
    const draft = await saveMunicipalityComment(t.db, { municipalityCode: "0657", year: 2024, text: "Kladde.", status: "draft", updatedAt: "2025-06-20T08:00:00.000Z" });
    expect(draft).toMatchObject({ status: "draft", publishedAt: null, text: "Kladde." });
    expect(await loadMunicipalityComment(t.db, "0657", 2024)).toBeNull();
    expect(await listMunicipalityComments(t.db, "0657")).toEqual([]);
    expect(await loadCommentRecord(t.db, "0657", 2024)).toMatchObject({ status: "draft", text: "Kladde." });

    const published = await saveMunicipalityComment(t.db, { municipalityCode: "0657", year: 2024, text: "Kladde.", status: "published", updatedAt: "2025-06-20T09:00:00.000Z" });
    expect(published).toMatchObject({ status: "published", publishedAt: "2025-06-20T09:00:00.000Z" });
    expect(await loadMunicipalityComment(t.db, "0657", 2024)).toMatchObject({ text: "Kladde." });

    // Back to draft: the public no longer sees it.
    await saveMunicipalityComment(t.db, { municipalityCode: "0657", year: 2024, text: "Omskrevet.", status: "draft", updatedAt: "2025-06-20T10:00:00.000Z" });
    expect(await loadMunicipalityComment(t.db, "0657", 2024)).toBeNull();
    expect((await listCommentRecords(t.db, "0657")).map((c) => [c.year, c.status, c.text])).toEqual([[2024, "draft", "Omskrevet."]]);
    // The state and its date agree, whoever writes.
    await expect(t.db.query("UPDATE municipality_comment SET status = 'published' WHERE municipality_code = '0657'")).rejects.toThrow();
    await expect(t.db.query("UPDATE municipality_comment SET status = 'hemmelig' WHERE municipality_code = '0657'")).rejects.toThrow();
  });
});

describe.each(DATABASE_KINDS)("migration 041 on %s", (kind) => {
  it("publishes the comments stored before comments had a state (they were public already)", async () => {
    const url = kind === "postgres" ? await createPostgresDatabase() : null;
    const db = url ? await openPostgresDatabase(url) : await openPGliteDatabase();
    try {
      const upTo = MIGRATIONS.findIndex((m) => m.id === "041-comment-status");
      await migrate(db, MIGRATIONS.slice(0, upTo));
      await db.query("INSERT INTO municipality_comment VALUES ('0657', 2023, 'Gammel kommentar.', '2024-06-20T08:00:00Z')");
      await migrate(db);
      expect(await loadMunicipalityComment(db, "0657", 2023)).toMatchObject({ text: "Gammel kommentar." });
      expect(await loadCommentRecord(db, "0657", 2023)).toMatchObject({ status: "published", publishedAt: "2024-06-20T08:00:00.000Z" });
    } finally {
      await db.close();
      if (url) await dropPostgresDatabase(url);
    }
  });
});
