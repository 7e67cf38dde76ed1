import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runReport } from "../../src/app/report/write-agenda-item-files.js";
import { parseReportOptions } from "../../src/cli/commands/report.js";
import { MUNICIPALITIES } from "../../src/domain/municipality.js";
import { convertDocxFilesToPdf } from "../../src/reports/convert-docx-to-pdf.js";
import type { Database } from "../../src/storage/database.js";
import { openReferenceDatabase } from "./support/reference-database.js";

const run = promisify(execFile);

/**
 * `danmarkskort report --municipality all --year 2024 --format docx --out <dir> --no-images`: the command's
 * own runReport on the reference data. Without images, so the test needs no Chromium and stays quick;
 * bench/report.bench.ts runs the batch with images. One file is opened with LibreOffice and read back.
 */
describe("report --municipality all", () => {
  let db: Database;
  let out: string;
  let written: string[];

  beforeAll(async () => {
    db = await openReferenceDatabase();
    out = await mkdtemp(join(tmpdir(), "danmarkskort-batch-test-"));
    written = await runReport(db, parseReportOptions({ municipality: "all", year: "2024", format: "docx", out, images: false }));
    // 98 documents take about 15 s alone, but several times that while the whole suite shares 2 cores.
  }, 240_000);

  afterAll(async () => {
    await db?.close();
    if (out) await rm(out, { recursive: true, force: true });
  });

  it("writes one DOCX per municipality, 98 in all, named by year, code and ASCII name", async () => {
    const files = (await readdir(out)).sort();
    expect(files).toHaveLength(98);
    expect(written).toHaveLength(98);
    for (const f of files) expect(f).toMatch(/^dagsordenpunkt-danmarkskort-2024-\d{4}-[a-z0-9]+(-[a-z0-9]+)*\.docx$/);
    const codes = files.map((f) => f.slice("dagsordenpunkt-danmarkskort-2024-".length, "dagsordenpunkt-danmarkskort-2024-".length + 4));
    expect(codes).toEqual(MUNICIPALITIES.map((m) => m.code).sort());
    expect(files).toContain("dagsordenpunkt-danmarkskort-2024-0657-herning.docx");
    expect(files).toContain("dagsordenpunkt-danmarkskort-2024-0101-koebenhavn.docx");
    expect(files.some((f) => f.endsWith(".tmp"))).toBe(false);
    // Paths come back in registry order, each a real, non-empty ZIP (DOCX) file.
    expect(written.map((p) => p.slice(out.length + 1))).toEqual(
      MUNICIPALITIES.map((m) => files.find((f) => f.includes(`-2024-${m.code}-`))),
    );
    for (const p of written) {
      expect((await stat(p)).size).toBeGreaterThan(5_000);
      expect((await readFile(p)).subarray(0, 2).toString()).toBe("PK");
    }
  });

  it("opens Herning's file in LibreOffice with its own figures, not another municipality's", async () => {
    const docx = join(out, "dagsordenpunkt-danmarkskort-2024-0657-herning.docx");
    const [pdf] = await convertDocxFilesToPdf([docx], out);
    const text = (await run("pdftotext", ["-layout", "-enc", "UTF-8", pdf!, "-"])).stdout.replace(/[ \t]+/g, " ");
    expect(text).toContain("Danmarkskortet – omgørelsesprocenter i Ankestyrelsen 2024");
    expect(text).toContain("Herning Kommune, i alt 77 44,2 34 5,2 4 39,0 30");
    expect(text).toContain("Landsplan, i alt 6.905 44,9 3.102 7,1 491 37,8 2.611");
    expect(text).not.toContain("Figur 1");
  });
});
