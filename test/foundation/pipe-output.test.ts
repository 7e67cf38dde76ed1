import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../support/run-cli.js";
import { row, talportalExportCsv, writeFixture } from "../import/import-fixtures.js";

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const bin = join(projectRoot, "bin", "danmarkskort.mjs");

/** A pipe buffer on Linux: a process that exits before the reader has taken more than this loses the rest. */
const PIPE_BUFFER = 65_536;

type PipedRun = { readonly exitCode: number; readonly text: string };

/**
 * Runs the installed command with its stdout piped into a reader that waits two seconds before it reads
 * anything (`| (sleep 2; cat)`), so the pipe is full long before the command is done writing. The shell's
 * `PIPESTATUS` gives the command's own exit code.
 */
function throughSlowReader(dataDir: string, args: readonly string[], via: "bin" | "npm run cli" = "bin"): Promise<PipedRun> {
  const quoted = args.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(" ");
  const command = via === "bin" ? `"${process.execPath}" "${bin}"` : "npm run -s cli --";
  const script = `${command} ${quoted} 2>/dev/null | (sleep 2; cat); exit "\${PIPESTATUS[0]}"`;
  const { DATABASE_URL: _ignored, ...env } = process.env;
  return new Promise((resolve, reject) => {
    execFile("bash", ["-c", script], { cwd: projectRoot, env: { ...env, DANMARKSKORT_DATA_DIR: dataDir }, maxBuffer: 256 * 1024 * 1024 }, (error, stdout) => {
      const exitCode = error ? (typeof error.code === "number" ? error.code : -1) : 0;
      if (error && exitCode === -1) reject(error);
      else resolve({ exitCode, text: stdout });
    });
  });
}

/** Minimal RFC 4180 check: every line has as many fields as the header (quoted fields may hold commas). */
function csvFieldCounts(text: string): number[] {
  return text
    .trimEnd()
    .split("\n")
    .map((line) => line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.filter((f) => f !== "").length);
}

describe("machine-readable output reaches a slow reader whole", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "danmarkskort-pipe-"));
  const fixtures = mkdtempSync(join(tmpdir(), "danmarkskort-pipe-files-"));

  beforeAll(async () => {
    // Two demo versions: every cell differs between them, so their diff is megabytes of JSON.
    for (const seed of ["2024", "7"]) expect((await runCli(["demo", "--seed", seed], { DANMARKSKORT_DATA_DIR: dataDir, DATABASE_URL: undefined })).code).toBe(0);
  }, 120_000);
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(fixtures, { recursive: true, force: true });
  });

  it.each(["bin", "npm run cli"] as const)("rates --format json (%s): more than one pipe buffer, parsed whole (it was cut at 65.536 bytes)", async (via) => {
    const run = await throughSlowReader(dataDir, ["rates", "--map", "socialomraadet", "--year", "2021", "--area", "children", "--format", "json"], via);
    expect(run.exitCode).toBe(0);
    expect(Buffer.byteLength(run.text)).toBeGreaterThan(PIPE_BUFFER);
    expect(JSON.parse(run.text)).toHaveLength(99);
  }, 60_000);

  it("rates --format csv: a header and 99 rows, each as wide as the header", async () => {
    const run = await throughSlowReader(dataDir, ["rates", "--map", "socialomraadet", "--year", "2021", "--format", "csv"]);
    expect(run.exitCode).toBe(0);
    const widths = csvFieldCounts(run.text);
    expect(widths).toHaveLength(100);
    expect(new Set(widths).size).toBe(1);
  }, 60_000);

  it("datasets --format json and datasets diff --format json (megabytes) parse whole", async () => {
    const listing = await throughSlowReader(dataDir, ["datasets", "--format", "json"]);
    expect(listing.exitCode).toBe(0);
    expect(JSON.parse(listing.text)).toHaveLength(2);
    const diff = await throughSlowReader(dataDir, ["datasets", "diff", "1", "2", "--format", "json"]);
    expect(diff.exitCode).toBe(0);
    expect(Buffer.byteLength(diff.text)).toBeGreaterThan(10 * PIPE_BUFFER);
    const parsed = JSON.parse(diff.text) as { changes: unknown[] };
    expect(parsed.changes.length).toBeGreaterThan(1000);
  }, 60_000);

  it("import --format json of a refused file (exit code 1) still arrives whole, with every reported problem", async () => {
    // 600 rows naming no municipality: 200 are reported with file, line and column, the rest counted.
    const path = writeFixture(fixtures, "mange-fejl.csv", talportalExportCsv(Array.from({ length: 600 }, (_, i) => row(`Atlantis ${i}`, "2024", [1, 0, 0, 0]))));
    const run = await throughSlowReader(dataDir, ["import", path, "--dry-run", "--format", "json"]);
    expect(run.exitCode).toBe(1);
    expect(Buffer.byteLength(run.text)).toBeGreaterThan(PIPE_BUFFER);
    const parsed = JSON.parse(run.text) as { errorCount: number; issues: unknown[] };
    expect(parsed.errorCount).toBeGreaterThan(0);
    expect(parsed.issues.length).toBeGreaterThanOrEqual(200);
  }, 60_000);
});
