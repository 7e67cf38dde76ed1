import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, createBackupWriter, openBackupReader, type BackupHeader } from "./backup-file.js";
import type { TextRow } from "./table-rows.js";

const header: BackupHeader = {
  format: BACKUP_FORMAT,
  formatVersion: BACKUP_FORMAT_VERSION,
  createdAt: "2025-06-20T08:00:00.000Z",
  engine: "pglite",
  schema: ["001-initial"],
  tables: [
    { name: "parent", columns: ["id", "name"], orderBy: ["id"], rows: 2, checksum: "0".repeat(32) },
    { name: "child", columns: ["parent_id"], orderBy: ["parent_id"], rows: 1, checksum: "1".repeat(32) },
  ],
  sequences: [{ name: "parent_id_seq", lastValue: "2", isCalled: true }],
};
const rows: Record<string, TextRow[]> = { parent: [["1", 'a "b"\nc'], ["2", null]], child: [["1"]] };

async function readAll(path: string): Promise<Record<string, TextRow[]>> {
  const reader = await openBackupReader(path, 1);
  const got: Record<string, TextRow[]> = {};
  for await (const { table, batches } of reader.tables()) {
    got[table.name] = [];
    for await (const batch of batches) got[table.name]!.push(...batch);
  }
  return got;
}

describe("the backup file", () => {
  let dir: string;
  let good: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "backup-file-"));
    good = join(dir, "god.gz");
    const writer = await createBackupWriter(good, header);
    for (const table of header.tables) {
      await writer.writeTableStart(table.name);
      await writer.writeRows(rows[table.name]!);
    }
    await writer.finish();
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("reads back the header and every row exactly, NULL and quotes and line breaks included", async () => {
    expect((await openBackupReader(good)).header).toEqual(header);
    expect(await readAll(good)).toEqual(rows);
  });

  async function damaged(change: (lines: string[]) => string[]): Promise<string> {
    const lines = gunzipSync(await readFile(good)).toString("utf8").split("\n");
    const file = join(dir, `skadet-${Math.random().toString(36).slice(2)}.gz`);
    await writeFile(file, gzipSync(change(lines).join("\n")));
    return file;
  }

  it.each([
    ["a row with a field too many", (l: string[]) => l.map((x, i) => (i === 2 ? '["1","a","x"]' : x)), /beskadiget i linje 3: rækken i tabellen parent har 3 felter, men tabellen har 2 kolonner/],
    ["a number where text belongs", (l: string[]) => l.map((x, i) => (i === 3 ? '["2",2]' : x)), /beskadiget i linje 4: .*hverken er tekst eller tomt/],
    ["a row too many", (l: string[]) => [...l.slice(0, 4), '["3",null]', ...l.slice(4)], /beskadiget i linje 5: tabellen parent har flere rækker, end hovedet siger \(2\)/],
    ["a row too few", (l: string[]) => l.filter((_, i) => i !== 3), /beskadiget i linje 4: tabellen parent har 1 rækker i filen, men hovedet siger 2/],
    ["a table missing", (l: string[]) => l.slice(0, 4).concat(l.slice(6)), /beskadiget i linje 5: her skulle tabellen child begynde/],
    ["no end mark", (l: string[]) => l.slice(0, -2), /beskadiget: filen slutter efter linje 6, før sikkerhedskopien er slut/],
    ["text after the end", (l: string[]) => [...l.slice(0, -1), "mere"], /beskadiget i linje 8: der står mere efter sikkerhedskopiens slutning/],
  ])("names the line of %s", async (_, change, message) => {
    await expect(readAll(await damaged(change))).rejects.toThrow(message);
  });

  it("says which files are not backups, or from a format it does not know", async () => {
    const plain = join(dir, "ikke-gzip.txt");
    await writeFile(plain, "hej\n");
    await expect(openBackupReader(plain)).rejects.toThrow(/ikke-gzip\.txt er ikke en sikkerhedskopi fra danmarkskort/);
    const newer = await damaged((l) => [l[0]!.replace('"formatVersion":1', '"formatVersion":2'), ...l.slice(1)]);
    await expect(openBackupReader(newer)).rejects.toThrow(/formatversion 2, som denne udgave af danmarkskort ikke kan læse/);
    await expect(openBackupReader(join(dir, "findes-ikke.gz"))).rejects.toThrow(/findes-ikke\.gz findes ikke/);
  });

  it("leaves no file behind when a backup is abandoned", async () => {
    const path = join(dir, "opgivet.gz");
    const writer = await createBackupWriter(path, header);
    await writer.abort();
    await expect(readFile(path)).rejects.toThrow();
  });
});
