import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveDatasetVersion } from "../../src/storage/complaint-store.js";
import { openDatabase } from "../../src/storage/open-database.js";
import { createPostgresDatabase, dropPostgresDatabase } from "../support/test-databases.js";
import { pngSize, readZipEntries } from "../support/zip-entries.js";
import { generateReferenceCells } from "./support/reference-cells.js";

const run = promisify(execFile);
const projectRoot = join(import.meta.dirname, "..", "..");

/**
 * An agenda item with its figures is made on a machine without Chromium: `danmarkskort report` runs as
 * its own process with a PATH that holds only node, and DANMARKSKORT_CHROMIUM (the variable that used to
 * choose the browser) pointing at nothing. The DOCX must still carry both figures as PNG, drawn by resvg.
 */
describe("agenda item with figures, Chromium unavailable", () => {
  let url: string;
  let dir: string;

  beforeAll(async () => {
    url = await createPostgresDatabase();
    const db = await openDatabase({ kind: "postgres", url });
    try {
      await db.transaction((tx) =>
        saveDatasetVersion(
          tx,
          { fileName: "ankestatistik-2021-2024.csv", sha256: "b".repeat(64), layout: "talportal-export", source: "Ankestyrelsens talportal", extractedOn: "2025-06-02", importedAt: "2025-06-03T08:15:00.000Z", isDemo: false },
          generateReferenceCells(),
        ),
      );
    } finally {
      await db.close();
    }
    dir = await mkdtemp(join(tmpdir(), "danmarkskort-no-chromium-"));
    await symlink(process.execPath, join(dir, "node"));
  }, 120_000);

  afterAll(async () => {
    if (url) await dropPostgresDatabase(url);
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("writes the DOCX with the neighbour map and the trend chart as PNG", async () => {
    const out = join(dir, "herning.docx");
    const env = { PATH: dir, HOME: dir, DATABASE_URL: url, DANMARKSKORT_CHROMIUM: join(dir, "ingen-chromium"), DANMARKSKORT_BOUNDARIES: "none" };
    // The only program on that PATH is node.
    expect(await readdir(dir)).toEqual(["node"]);
    const result = await run(join(dir, "node"), [join(projectRoot, "bin", "danmarkskort.mjs"), "report", "--municipality", "0657", "--year", "2024", "--format", "docx", "--out", out, "--sections", "figurer"], { env, cwd: projectRoot });
    expect(result.stderr).toBe("");
    const media = [...readZipEntries(await readFile(out))].filter(([name]) => name.startsWith("word/media/"));
    expect(media).toHaveLength(2);
    for (const [, png] of media) {
      const { width, height } = pngSize(png);
      expect(width).toBeGreaterThan(600);
      expect(height).toBeGreaterThan(300);
    }
  });
});
