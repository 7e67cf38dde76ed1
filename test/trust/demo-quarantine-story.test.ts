import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import iconv from "iconv-lite";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { DEMO_NOTICE_DA } from "../../src/domain/complaint-cell.js";
import { published2024Cells, publishedTalportalCsv } from "../rates/published-2024-cells.js";
import { runCli } from "../support/run-cli.js";

/**
 * Issue 9, the story as a new user lives it: `npm start` on a fresh data dir (the demo data loads by itself),
 * stop, import a real 2024 talportal export, start again. Afterwards no page, download, API answer or agenda
 * item carries a demo figure, a demo year or the demo notice, and the default year is 2024, the latest real
 * one. Before the import, with only demo data, every one of them carries the notice.
 * The server runs as the installed command does (bin/danmarkskort.mjs serve), in its own process.
 */
const projectRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const bin = join(projectRoot, "bin", "danmarkskort.mjs");
const HERNING = "0657";

/** Every place a figure reaches a person over HTTP: pages, downloads, API, agenda item. */
const PAGES = ["/", "/kort", "/kort?visning=tabel", "/kort?visning=tragt", "/kort?kort=boernehandicapomraadet", `/kommuner/${HERNING}`, "/kommuner"];
const DOWNLOADS = [
  "/kort/tabel.csv",
  "/kort/kort.svg",
  "/kort/tragt.svg",
  `/kommuner/${HERNING}/tabel.csv?tabel=tal`,
  `/kommuner/${HERNING}/tabel.csv?tabel=naboer`,
  `/kommuner/${HERNING}/tabel.csv?tabel=emner`,
  `/kommuner/${HERNING}/udvikling.svg`,
  `/kommuner/${HERNING}/naboer.svg`,
];
const API = ["/api/v1/maps", "/api/v1/maps/socialomraadet/2024", "/api/v1/maps/voksenhandicapomraadet/2024?area=total", `/api/v1/municipalities/${HERNING}`];
const AGENDA = [`/kommuner/${HERNING}/dagsordenpunkt?aar=2024&format=html`, `/kommuner/${HERNING}/dagsordenpunkt?aar=2024&format=md`];

/** The demo notice in any of its spellings (pages, source lines in capitals, file names). */
const DEMO = /demodata|DEMODATA|Demodata/;

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const port = (probe.address() as { port: number }).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

const running: ChildProcess[] = [];

async function serve(dataDir: string): Promise<{ base: string; stop(): Promise<void>; output(): string }> {
  const port = await freePort();
  const { DATABASE_URL: _a, DANMARKSKORT_DATA_DIR: _b, DANMARKSKORT_DEMO: _c, ...inherited } = process.env;
  const child = spawn(process.execPath, [bin, "serve"], {
    cwd: projectRoot,
    env: { ...inherited, HOST: "127.0.0.1", PORT: String(port), DANMARKSKORT_DATA_DIR: dataDir, DANMARKSKORT_BOUNDARIES: "none" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.push(child);
  let output = "";
  child.stdout!.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
  const exit = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const base = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`serve ended:\n${output}`);
    if (Date.now() - started > 120_000) throw new Error(`no /healthz within 120 s:\n${output}`);
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    base,
    output: () => output,
    async stop() {
      child.kill("SIGTERM");
      expect(await exit).toBe(0);
    },
  };
}

async function get(base: string, path: string): Promise<string> {
  const response = await fetch(base + path);
  expect(response.status, path).toBe(200);
  return response.text();
}

describe("demo start → real import → restart", () => {
  const root = mkdtempSync(join(tmpdir(), "danmarkskort-story-"));
  const dataDir = join(root, "data");
  afterEach(() => {
    for (const child of running.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("with only demo data the notice is everywhere; after a real import no demo figure, year or notice is anywhere", { timeout: 600_000 }, async () => {
    // 1. First start: the empty database gets the demo data, and everything says so.
    const first = await serve(dataDir);
    expect(first.output()).toContain("demodata er indlæst");
    for (const path of [...PAGES, ...DOWNLOADS, ...AGENDA]) expect(await get(first.base, path), path).toMatch(DEMO);
    for (const path of PAGES) expect(await get(first.base, path), path).toContain(DEMO_NOTICE_DA);
    for (const path of API) expect(JSON.parse(await get(first.base, path)).isDemo, path).toBe(true);
    // The demo runs to 2025, so the map opens on 2025.
    expect(await get(first.base, "/")).toContain("Omgørelsesprocent, socialområdet generelt, 2025");
    await first.stop();

    // 2. The real 2024 export, imported while the server is stopped.
    const file = join(root, "talportal-eksport-2024.csv");
    writeFileSync(file, iconv.encode(publishedTalportalCsv(published2024Cells({ publishedNational: true })), "latin1"));
    const imported = await runCli(["import", file, "--extracted", "2025-06-01", "--source", "Ankestyrelsens talportal"], { DANMARKSKORT_DATA_DIR: dataDir, DATABASE_URL: undefined });
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain(`i indlejret database i ${dataDir}`);

    // 3. Restart: real figures only.
    const second = await serve(dataDir);
    expect(second.output()).not.toContain("demodata er indlæst");
    for (const path of [...PAGES, ...DOWNLOADS, ...AGENDA]) {
      const body = await get(second.base, path);
      expect(body, path).not.toMatch(DEMO);
      // No demo year: the demo covers 2016–2025, the real file 2024 alone.
      expect(body, path).not.toMatch(/\b(2016|2017|2018|2019|2020|2021)\b/);
    }
    // The front page is the map of the latest real year, with the national figure in one line.
    const front = await get(second.base, "/");
    expect(front).toContain("Omgørelsesprocent, socialområdet generelt, 2024");
    expect(front).toMatch(/<p class="national-line"><strong>Hele landet:<\/strong> Omgørelsesprocent 44,9 pct\. \(3\.102 omgjort af 6\.905 realitetsbehandlede sager/);
    expect(front).not.toContain('<option value="2025"');
    // The API agrees with the pages.
    for (const path of API) {
      const body = JSON.parse(await get(second.base, path)) as { isDemo: boolean; datasetVersions: { isDemo: boolean; fileName: string }[] };
      expect(body.isDemo, path).toBe(false);
      expect(body.datasetVersions.every((v) => !v.isDemo && v.fileName === "talportal-eksport-2024.csv"), path).toBe(true);
    }
    const maps = JSON.parse(await get(second.base, "/api/v1/maps")) as { maps: { years: number[] }[] };
    expect(maps.maps.map((m) => m.years)).toEqual([[2024], [2024], [2024]]);
    // No year change or pooled rate computed across demo and real years.
    const profile = JSON.parse(await get(second.base, `/api/v1/municipalities/${HERNING}`)) as {
      profile: { maps: { areas: { years: { year: number; change: { kind: string }; pooled: { yearsIncluded: number[] } }[] }[] }[] };
    };
    const years = profile.profile.maps[0]!.areas[0]!.years;
    expect(years.map((y) => y.year)).toEqual([2024]);
    expect(years[0]!.change.kind).toBe("not-comparable");
    expect(years[0]!.pooled.yearsIncluded).toEqual([2024]);
    // A municipality whose real figure differs from the demo's (the demo invents every other municipality).
    const copenhagen = (JSON.parse(await get(second.base, "/api/v1/maps/socialomraadet/2024")) as { municipalities: { municipalityCode: string; decided: number }[] }).municipalities.find(
      (m) => m.municipalityCode === "0101",
    )!;
    const realCopenhagen = published2024Cells({ publishedNational: true })
      .filter((c) => c.municipalityCode === "0101")
      .reduce((sum, c) => sum + c.counts.upheld + c.counts.changed + c.counts.remitted, 0);
    expect(copenhagen.decided).toBe(realCopenhagen);
    // The data page still lists the demo version, as not shown, and carries no demo notice banner.
    const data = await get(second.base, "/data");
    expect(data).toContain("demodata; vises ikke, fordi der er indlæst rigtige tal");
    expect(data).not.toContain(DEMO_NOTICE_DA);
    await second.stop();
  });
});
