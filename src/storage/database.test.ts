import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_URL, createTestDatabase, DATABASE_KINDS, type TestDatabase } from "../../test/support/test-databases.js";
import { assertSqlIdentifier, copyStatement } from "./database.js";

/** Awkward text for CSV: quotes, separators, line breaks, Danish letters, and a leading/trailing space. */
function awkwardTexts(): string[] {
  return [
    'Han sagde "nej", og gik',
    "Linje 1\nLinje 2\r\nLinje 3",
    "Æbler, østers og ål – Åbenrå",
    " mellemrum ",
    "semikolon; komma, citat \"\"",
    "",
    "\\N og NULL",
  ];
}

function csvField(value: string | null): string {
  return value === null ? "" : `"${value.replace(/"/g, '""')}"`;
}

describe.each(DATABASE_KINDS)("Database on %s", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    await t.db.exec("CREATE TABLE probe (id integer PRIMARY KEY, label text); CREATE TABLE csv_probe (id integer, label text)");
  });
  afterAll(() => t?.drop());

  it("counts writes, not reads, so a cache knows when to look again", async () => {
    const start = t.db.writeCount();
    await t.db.query("SELECT label FROM probe");
    await t.db.query("WITH x AS (SELECT 1) SELECT * FROM x");
    expect(t.db.writeCount()).toBe(start);
    await t.db.query("INSERT INTO probe (id, label) VALUES (900, 'tæller')");
    expect(t.db.writeCount()).toBe(start + 1);
    await t.db.transaction(async (tx) => {
      await tx.query("SELECT 1");
    });
    expect(t.db.writeCount()).toBe(start + 1);
    await t.db.transaction(async (tx) => {
      await tx.query("UPDATE probe SET label = 'igen' WHERE id = 900");
    });
    // The statement, and the commit after it.
    expect(t.db.writeCount()).toBe(start + 3);
    await t.db.query("DELETE FROM probe WHERE id = 900");
  });

  it("commits every write of a transaction together", async () => {
    await t.db.transaction(async (tx) => {
      await tx.query("INSERT INTO probe VALUES (1, 'a')");
      await tx.query("INSERT INTO probe VALUES ($1, $2)", [2, "b"]);
    });
    const { rows } = await t.db.query<{ id: number }>("SELECT id FROM probe ORDER BY id");
    expect(rows.map((r) => r.id)).toEqual([1, 2]);
  });

  it("leaves nothing behind when a transaction fails, and passes the error on", async () => {
    await expect(
      t.db.transaction(async (tx) => {
        await tx.query("INSERT INTO probe VALUES (10, 'first')");
        await tx.copyCsv("probe", ["id", "label"], ["11,copied\n"]);
        await tx.query("INSERT INTO probe VALUES (10, 'duplicate key')");
      }),
    ).rejects.toThrow(/duplicate key|unique/i);
    const { rows } = await t.db.query("SELECT id FROM probe WHERE id >= 10");
    expect(rows).toEqual([]);
  });

  it("rolls back when the work itself throws", async () => {
    await expect(
      t.db.transaction(async (tx) => {
        await tx.query("INSERT INTO probe VALUES (20, 'x')");
        throw new Error("afbrudt");
      }),
    ).rejects.toThrow("afbrudt");
    expect((await t.db.query("SELECT id FROM probe WHERE id = 20")).rows).toEqual([]);
  });

  it("round-trips quotes, commas, newlines and Danish letters through copyCsv, over several chunks, with NULL", async () => {
    const texts = awkwardTexts();
    const lines = texts.map((text, i) => `${i},${csvField(text)}\n`);
    lines.push(`${texts.length},${csvField(null)}\n`);
    await t.db.transaction((tx) => tx.copyCsv("csv_probe", ["id", "label"], [lines.slice(0, 3).join(""), "", lines.slice(3).join("")]));
    const { rows } = await t.db.query<{ id: number; label: string | null }>("SELECT id, label FROM csv_probe ORDER BY id");
    expect(rows.map((r) => r.label)).toEqual([...texts, null]);
  });

  it("accepts copyCsv chunks from an async generator", async () => {
    async function* chunks() {
      for (let i = 100; i < 103; i++) yield `${i},"række ${i}"\n`;
    }
    await t.db.transaction((tx) => tx.copyCsv("csv_probe", ["id", "label"], chunks()));
    const { rows } = await t.db.query<{ label: string }>("SELECT label FROM csv_probe WHERE id >= 100 ORDER BY id");
    expect(rows.map((r) => r.label)).toEqual(["række 100", "række 101", "række 102"]);
  });

  it("fails a COPY with a malformed row and keeps nothing of it", async () => {
    await expect(t.db.transaction((tx) => tx.copyCsv("csv_probe", ["id", "label"], ['200,"ok"\n', 'ikke-et-tal,"x"\n']))).rejects.toThrow();
    expect((await t.db.query("SELECT id FROM csv_probe WHERE id = 200")).rows).toEqual([]);
  });
});

describe("copyStatement", () => {
  it("builds a COPY … FROM … WITH (FORMAT csv) statement", () => {
    expect(copyStatement("complaint_cell", ["year", "subject"], "STDIN")).toBe("COPY complaint_cell (year, subject) FROM STDIN WITH (FORMAT csv)");
  });

  it("refuses anything but a plain lower-case identifier", () => {
    expect(() => assertSqlIdentifier("probe; DROP TABLE x")).toThrow(/Ugyldigt SQL-navn/);
    expect(() => copyStatement("probe", ['label"'], "STDIN")).toThrow(/Ugyldigt SQL-navn/);
  });
});

describe("Database on postgres, after a lost connection", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase("postgres");
  });
  afterAll(() => t?.drop());

  it("counts the connection's return as a write, so the caches read the selection again", async () => {
    await t.db.query("SELECT 1");
    const before = t.db.writeCount();
    // Every connection of this database ended from outside, as a restart or a dropped database does.
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    try {
      await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [new URL(t.url!).pathname.slice(1)]);
    } finally {
      await admin.end();
    }
    // The pool notices the ended idle connection, reconnects, and only then lets requests through.
    const deadline = Date.now() + 20_000;
    while (t.db.writeCount() === before && Date.now() < deadline) {
      await t.db.query("SELECT 1").catch(() => undefined);
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(t.db.writeCount()).toBe(before + 1);
    expect(t.db.health().kind).toBe("up");
    // Reads alone add nothing more.
    await t.db.query("SELECT 1");
    expect(t.db.writeCount()).toBe(before + 1);
  });
});
