import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/storage/database.js";
import { appendAuditEvent } from "../../src/storage/audit-trail.js";
import { pinDatasetVersion } from "../../src/storage/dataset-pins.js";
import { saveDocxTemplate } from "../../src/storage/docx-templates.js";
import { saveMunicipalityComment } from "../../src/storage/municipality-comments.js";
import { openDatabase, type StorageConfig } from "../../src/storage/open-database.js";
import { insertAttachment, insertMeeting } from "../../src/storage/treatment-store.js";
import { createUser } from "../../src/storage/user-accounts.js";
import { published2024Cells } from "../rates/published-2024-cells.js";
import { storeCells } from "../rates/stored-datasets.js";
import { runCli } from "../support/run-cli.js";
import { createPostgresDatabase, dropPostgresDatabase } from "../support/test-databases.js";
import { parseIsoDate } from "../../src/domain/iso-date.js";

/**
 * Issue 17, items 2 and 3: a data dir with dataset versions, a pin, a user, a comment, a treatment meeting
 * with an attachment (bytea), a Word template, context figures (a float), an edited seed row and an audit
 * event goes through `backup` → `gendan`, through `flyt`, and back from PostgreSQL into a new data dir; every
 * table is compared row for row (its rows' text, read here independently of the copy's own checksum).
 */

const ATTACHMENT = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0x80, 0x0a, 0x22, 0x2c, 0x5c]);
const COMMENT = 'Herning: "citat", komma, semikolon; ny linje\nog æøå – samt en backslash \\ og tom tekst bagefter.';

async function fillDatabase(db: Database): Promise<void> {
  const first = await storeCells(db, published2024Cells(), { fileName: "klagestatistik-2024.csv", extractedOn: "2025-06-10" });
  await storeCells(db, published2024Cells({ publishedNational: true, nationalOffset: 3 }), { fileName: "klagestatistik-2024-rettet.csv", extractedOn: "2025-07-01" });
  await pinDatasetVersion(db, first, 2024);
  const user = await createUser(db, {
    email: "admin@herning.dk",
    role: { kind: "admin" },
    passwordHash: "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo",
    createdAt: "2025-06-11T10:00:00.123Z",
  });
  if (user.kind !== "created") throw new Error("the test user was not created");
  await saveMunicipalityComment(db, { municipalityCode: "0657", year: 2024, text: COMMENT, updatedAt: "2025-06-12T08:30:00.000Z" });
  const meeting = await insertMeeting(
    db,
    "0657",
    2024,
    {
      body: { id: "byraadet", nameDa: "Byrådet", kind: "council" },
      date: parseIsoDate("2025-01-01"),
      agendaItemNumber: "7",
      agendaItemTitle: "Danmarkskortet 2024",
      role: "decision",
      state: "held",
      outcome: "concluded",
      decisionText: null,
      minutesUrl: null,
    },
    "2025-01-02T00:00:00.000Z",
  );
  await insertAttachment(db, { meetingId: meeting.id, fileName: "bilag.pdf", mediaType: "application/pdf", sha256: "0".repeat(64), content: ATTACHMENT, isPublic: false, uploadedAt: "2025-01-02T00:00:00.000Z" });
  await saveDocxTemplate(db, "0657", { fileName: "skabelon.docx", sizeBytes: 3, sha256: "1".repeat(64), placeholders: ["kommune", "år"], uploadedAt: "2025-01-03T12:00:00.000Z", content: new Uint8Array([0, 1, 255]) });
  await db.query("INSERT INTO context_version (table_id, file_name, sha256, source, extracted_on, imported_at, period_from, period_to, figure_count) VALUES ('FOLK1A', 'folk1a.csv', $1, NULL, '2025-02-28', '2025-03-01T09:15:00+01', '2024K1', '2024K4', 2)", ["2".repeat(64)]);
  await db.query("INSERT INTO context_figure VALUES (1, '0657', 'pop', 'Befolkning', 2024, 1, 'value', 0.30000000000000004), (1, NULL, 'pop', 'Befolkning', 2024, 1, 'suppressed', NULL)");
  // A seed row the migrations wrote, edited: the copy must carry the edit, not the migration's text.
  await db.query("UPDATE knowledge_reason SET label_da = 'Vurdering (redigeret)' WHERE code = 'vurdering'");
  await appendAuditEvent(db, {
    at: "2025-06-20T08:00:00.000Z",
    actorUserId: user.user.id,
    actorLabel: "admin@herning.dk",
    actorRole: "admin",
    actorMunicipalityCode: null,
    channel: "web",
    action: "comment.save",
    municipalityCode: "0657",
    subject: "kommentar 0657/2024",
    before: null,
    after: { text: COMMENT, status: "draft" },
  });
}

type Dump = { readonly tables: Record<string, string[]>; readonly sequences: Record<string, string> };

/** Runs `read` on an open database, or opens `config` as it stands (no migrations) for it. */
async function reading<T>(from: StorageConfig | Database, read: (db: Database) => Promise<T>): Promise<T> {
  if ("query" in from) return read(from);
  const db = await openDatabase(from, { migrate: false });
  try {
    return await read(db);
  } finally {
    await db.close();
  }
}

/** Every table's rows as text, sorted, and every sequence's position, under fixed output settings. */
async function dumpEveryTable(from: StorageConfig | Database): Promise<Dump> {
  return reading(from, (db) =>
    db.transaction(async (tx) => {
      await tx.query("SET LOCAL TimeZone = 'UTC'");
      await tx.query("SET LOCAL DateStyle = 'ISO, YMD'");
      const names = (kind: string) =>
        tx.query<{ name: string }>(`SELECT relname AS name FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = '${kind}' AND relname <> 'schema_migration' ORDER BY relname`);
      const tables: Record<string, string[]> = {};
      for (const { name } of (await names("r")).rows) tables[name] = (await tx.query<{ r: string }>(`SELECT t::text AS r FROM ${name} t`)).rows.map((x) => x.r).sort();
      const sequences: Record<string, string> = {};
      for (const { name } of (await names("S")).rows) {
        const { rows } = await tx.query<{ v: string }>(`SELECT last_value::text || ' ' || is_called::text AS v FROM ${name}`);
        sequences[name] = rows[0]!.v;
      }
      return { tables, sequences };
    }),
  );
}

async function exactValues(from: StorageConfig | Database): Promise<unknown> {
  return reading(from, async (db) => {
    const q = async (sql: string) => (await db.query(sql)).rows[0];
    return {
      attachment: Buffer.from((await q("SELECT content FROM treatment_attachment"))!.content as Uint8Array).toString("hex"),
      template: Buffer.from((await q("SELECT content FROM municipality_docx_template"))!.content as Uint8Array).toString("hex"),
      comment: (await q("SELECT body FROM municipality_comment"))!.body,
      float: (await q("SELECT value FROM context_figure WHERE value IS NOT NULL"))!.value,
      imported: ((await q("SELECT imported_at FROM context_version"))!.imported_at as Date).toISOString(),
      audit: (await q("SELECT after FROM audit_event"))!.after,
      placeholders: (await q("SELECT placeholders FROM municipality_docx_template"))!.placeholders,
    };
  });
}

const pgliteEnv = (dataDir: string) => ({ DATABASE_URL: undefined, DANMARKSKORT_DATA_DIR: dataDir });
const postgresEnv = (url: string) => ({ DATABASE_URL: url, DANMARKSKORT_DATA_DIR: undefined });

describe("backup, gendan and flyt", () => {
  let dir: string;
  let dataDir: string;
  let before: Dump;
  let sourceValues: unknown;
  const databases: string[] = [];
  const newPostgres = async () => {
    const url = await createPostgresDatabase();
    databases.push(url);
    return url;
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "danmarkskort-backup-"));
    dataDir = join(dir, "data");
    const db = await openDatabase({ kind: "pglite", dataDir });
    try {
      await fillDatabase(db);
      before = await dumpEveryTable(db);
      sourceValues = await exactValues(db);
    } finally {
      await db.close();
    }
  });
  afterAll(async () => {
    for (const url of databases) await dropPostgresDatabase(url);
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("the source holds something in every table the test means to compare", () => {
    for (const table of ["dataset_version", "complaint_cell", "dataset_pin", "app_user", "municipality_comment", "treatment_meeting", "treatment_attachment", "municipality_docx_template", "context_figure", "knowledge_reason", "audit_event"]) {
      expect(before.tables[table]?.length, table).toBeGreaterThan(0);
    }
  });

  let backupFile: string;
  let restoredUrl: string;
  it("backs up the data dir and restores it into an empty PostgreSQL database, every table the same", async () => {
    backupFile = join(dir, "kopi.dkbackup.gz");
    const backup = await runCli(["backup", backupFile], pgliteEnv(dataDir));
    expect(backup.stderr).not.toMatch(/Fejl/);
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toMatch(/^Sikkerhedskopien er skrevet til .*kopi\.dkbackup\.gz/);
    expect(backup.stdout).toMatch(/treatment_attachment\s+1\s+[0-9a-f]{32}/);

    restoredUrl = await newPostgres();
    const restore = await runCli(["gendan", backupFile], postgresEnv(restoredUrl));
    expect(restore.stderr).not.toMatch(/Fejl/);
    expect(restore.code, restore.stderr).toBe(0);
    expect(restore.stdout).toMatch(/gendannet i PostgreSQL .* og kontrolleret tabel for tabel/);
    expect(await dumpEveryTable({ kind: "postgres", url: restoredUrl })).toEqual(before);
    const exact = await exactValues({ kind: "postgres", url: restoredUrl });
    expect(exact).toEqual(sourceValues);
    expect(exact).toEqual({
      attachment: Buffer.from(ATTACHMENT).toString("hex"),
      template: "0001ff",
      comment: COMMENT,
      float: 0.30000000000000004,
      imported: "2025-03-01T08:15:00.000Z",
      audit: { text: COMMENT, status: "draft" },
      placeholders: ["kommune", "år"],
    });
  });

  it("moves the data dir into an empty PostgreSQL database with flyt, verified, and leaves the data dir as it was", async () => {
    const url = await newPostgres();
    const moved = await runCli(["flyt", "--til", url], pgliteEnv(dataDir));
    expect(moved.stderr).not.toMatch(/Fejl/);
    expect(moved.code, moved.stderr).toBe(0);
    expect(moved.stdout).toMatch(/Flytningen er færdig og kontrolleret/);
    expect(moved.stdout).toMatch(/complaint_cell\s+[\d.]+\s+[0-9a-f]{32}/);
    expect(await dumpEveryTable({ kind: "postgres", url })).toEqual(before);
    expect(await dumpEveryTable({ kind: "pglite", dataDir })).toEqual(before);
    // A second move into the same, now full, database is refused, and the database stays as it is.
    const again = await runCli(["flyt", "--til", url], pgliteEnv(dataDir));
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/er ikke tom: .*app_user \(1 række\)/);
  });

  it("backs up PostgreSQL and restores it into a new embedded data dir (the other engine)", async () => {
    const file = join(dir, "fra-postgres.dkbackup.gz");
    expect((await runCli(["backup", file], postgresEnv(restoredUrl))).code).toBe(0);
    const newDir = join(dir, "gendannet");
    const restore = await runCli(["gendan", file], pgliteEnv(newDir));
    expect(restore.stderr).not.toMatch(/Fejl/);
    expect(restore.code, restore.stderr).toBe(0);
    expect(await dumpEveryTable({ kind: "pglite", dataDir: newDir })).toEqual(before);
  });

  it("refuses to restore into a database that holds data, and --erstat replaces it whole", async () => {
    const url = await newPostgres();
    const db = await openDatabase({ kind: "postgres", url });
    await saveMunicipalityComment(db, { municipalityCode: "0101", year: 2023, text: "Findes kun i målet.", updatedAt: "2025-01-01T00:00:00.000Z" });
    await db.close();
    const target: StorageConfig = { kind: "postgres", url };
    const untouched = await dumpEveryTable(target);

    const refused = await runCli(["gendan", backupFile], postgresEnv(url));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^Fejl: PostgreSQL .* er ikke tom: municipality_comment \(1 række\)\. .*--erstat/m);
    expect(await dumpEveryTable(target)).toEqual(untouched);

    const replaced = await runCli(["gendan", "--erstat", backupFile], postgresEnv(url));
    expect(replaced.code, replaced.stderr).toBe(0);
    expect(await dumpEveryTable(target)).toEqual(before);
  });

  describe("a damaged backup file is refused in Danish, and the target is left exactly as it was", () => {
    async function rewrite(name: string, change: (lines: string[]) => string[]): Promise<string> {
      const lines = gunzipSync(await readFile(backupFile)).toString("utf8").split("\n");
      const file = join(dir, name);
      await writeFile(file, gzipSync(change(lines).join("\n")));
      return file;
    }
    async function expectRefusedAndUntouched(file: string, message: RegExp): Promise<void> {
      const target: StorageConfig = { kind: "postgres", url: restoredUrl };
      const result = await runCli(["gendan", "--erstat", file], postgresEnv(restoredUrl));
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).toMatch(/Intet er (ændret|gemt)/);
      expect(await dumpEveryTable(target)).toEqual(before);
    }

    it("names the line that is not valid JSON", async () => {
      const file = await rewrite("linje-17.dkbackup.gz", (lines) => lines.map((l, i) => (i === 16 ? l.slice(0, -3) : l)));
      await expectRefusedAndUntouched(file, /Sikkerhedskopien .*linje-17\.dkbackup\.gz er beskadiget i linje 17: linjen er ikke gyldig JSON/);
    });

    it("names the table whose rows no longer match their checksum", async () => {
      const file = await rewrite("aendret.dkbackup.gz", (lines) => lines.map((l) => l.replace("Herning: \\\"citat\\\"", "Herning: \\\"ændret\\\"")));
      await expectRefusedAndUntouched(file, /Kopien stemmer ikke med kilden i municipality_comment \(kilden 1 række, kontrolsum [0-9a-f]{12}; kopien 1 række/);
    });

    it("notices a file cut short", async () => {
      const whole = await readFile(backupFile);
      const file = join(dir, "afkortet.dkbackup.gz");
      await writeFile(file, whole.subarray(0, Math.floor(whole.length / 2)));
      await expectRefusedAndUntouched(file, /Sikkerhedskopien .*afkortet\.dkbackup\.gz er beskadiget efter linje \d+: den komprimerede fil er ufuldstændig/);
    });

    it("says a file that is no backup at all is not one", async () => {
      const file = join(dir, "ikke-en-kopi.gz");
      await writeFile(file, gzipSync('{"hej":1}\n'));
      await expectRefusedAndUntouched(file, /ikke-en-kopi\.gz er ikke en sikkerhedskopi fra danmarkskort/);
    });
  });
});
