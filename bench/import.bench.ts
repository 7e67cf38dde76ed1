// `npm run bench -- import`: issue 3, point 8. A generated 1.000.000-row talportal data table (layout b,
// latin1, `;`) is imported end to end (parse, validate, classify, store, aggregate) on PostgreSQL and
// compared with PostgreSQL's own COPY of the same file into an unindexed table, measured in the same run.
// Also: the same import on embedded PGlite, and the peak memory of the process during the imports.
import iconv from "iconv-lite";
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import { once } from "node:events";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { BenchResult } from "./run.js";
import { importFileIntoDatabase } from "../src/cli/commands/import.js";
import { MUNICIPALITIES } from "../src/domain/municipality.js";
import { createSeededRandom } from "../src/importers/demo/seeded-random.js";
import { openDatabase } from "../src/storage/open-database.js";
import { createPostgresDatabase, dropPostgresDatabase } from "../test/support/test-databases.js";

const ROWS = 1_000_000;
const SUBJECT_COUNT = 200;

/** 2013 K2 … 2025 K4: the talportal's data start in the 2nd quarter of 2013 (domain.md §4). */
function quarters(): { year: number; quarter: number }[] {
  const out: { year: number; quarter: number }[] = [];
  for (let year = 2013; year <= 2025; year++) for (let quarter = year === 2013 ? 2 : 1; quarter <= 4; quarter++) out.push({ year, quarter });
  return out;
}

function benchSubjects(): { subject: string; law: string }[] {
  return Array.from({ length: SUBJECT_COUNT }, (_, i) =>
    i % 2 === 0
      ? { subject: `Børn - bench-sagsemne ${i} - § ${32 + (i % 40)}`, law: "Serviceloven" }
      : { subject: `Voksne - bench-sagsemne ${i} - § ${83 + (i % 30)}`, law: "Serviceloven" },
  );
}

/**
 * Writes `rows` rows of the talportal's data table as R's write.csv2 would (quoted text, `;`, latin1):
 * quarter × subject × the 98 municipalities and a "Hele landet" row that is their exact sum.
 */
export async function writeTalportalTableFile(path: string, options: { rows: number; seed: number }): Promise<void> {
  const random = createSeededRandom(options.seed);
  const out = createWriteStream(path);
  const subjects = benchSubjects();
  let written = 0;
  let buffer = ["Kommune;Sagsemne;Aar;Kvartal;periode;Antal_sager_ialt;Stadfæstelse;Ændring.Ophævelse;Hjemvisning;Afvisning.Henvisning"];
  const flush = async () => {
    if (!out.write(Buffer.from(buffer.join("\n") + "\n", "latin1"))) await once(out, "drain");
    buffer = [];
  };
  const line = (place: string, subject: string, q: { year: number; quarter: number }, c: number[]) =>
    `"${place}";"${subject}";${q.year};${q.quarter};"${q.quarter}. kvartal ${q.year}";${c[0]! + c[1]! + c[2]! + c[3]!};${c[0]};${c[1]};${c[2]};${c[3]}`;
  outer: for (const q of quarters()) {
    for (const s of subjects) {
      const sum = [0, 0, 0, 0];
      for (const m of MUNICIPALITIES) {
        if (written === options.rows) break outer;
        const c = [Math.floor(random() * 6), Math.floor(random() * 2), Math.floor(random() * 4), Math.floor(random() * 2)];
        c.forEach((v, i) => (sum[i]! += v));
        buffer.push(line(m.name, s.subject, q, c));
        written++;
      }
      if (written === options.rows) break outer;
      buffer.push(line("Hele landet", s.subject, q, sum));
      written++;
      if (buffer.length >= 20_000) await flush();
    }
  }
  await flush();
  out.end();
  await once(out, "finish");
}

/** PostgreSQL's own COPY of the raw file into an unindexed table of text columns: the baseline. */
async function copyBaseline(url: string, path: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      "CREATE TABLE bench_raw (kommune text, sagsemne text, aar text, kvartal text, periode text, antal text, stadf text, aendr text, hjemv text, afv text)",
    );
    const start = performance.now();
    await pipeline(createReadStream(path), client.query(copyFrom("COPY bench_raw FROM STDIN WITH (FORMAT csv, DELIMITER ';', HEADER true, ENCODING 'LATIN1')")));
    const seconds = (performance.now() - start) / 1000;
    const { rows } = await client.query<{ n: string }>("SELECT count(*) AS n FROM bench_raw");
    if (Number(rows[0]!.n) !== ROWS) throw new Error(`COPY loaded ${rows[0]!.n} rows, expected ${ROWS}`);
    return seconds;
  } finally {
    await client.end();
  }
}

/** Samples the process's resident memory while `work` runs. */
async function withPeakMemory<T>(work: () => Promise<T>): Promise<{ result: T; peakRss: number; peakHeap: number }> {
  let peakRss = process.memoryUsage().rss;
  let peakHeap = process.memoryUsage().heapUsed;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 25);
  try {
    const result = await work();
    return { result, peakRss, peakHeap };
  } finally {
    clearInterval(timer);
  }
}

const fmt = (n: number, d = 2) => n.toLocaleString("da-DK", { minimumFractionDigits: d, maximumFractionDigits: d });
const mib = (bytes: number) => `${fmt(bytes / 2 ** 20, 0)} MiB`;

export default async function importBench(): Promise<BenchResult> {
  const dir = mkdtempSync(join(tmpdir(), "danmarkskort-bench-import-"));
  const path = join(dir, "talportal-datatabel.csv");
  const subjectsPath = join(dir, "sagsemner.csv");
  try {
    await writeTalportalTableFile(path, { rows: ROWS, seed: 8 });
    writeFileSync(subjectsPath, iconv.encode(["Sagsemne;Lovgivning;Sorteringskode", ...benchSubjects().map((s, i) => `${s.subject};${s.law};${i}`)].join("\n") + "\n", "latin1"));
    const bytes = statSync(path).size;
    const url = await createPostgresDatabase();
    let copySeconds: number;
    let pgRun: { seconds: number; cells: number; errors: number; peakRss: number; peakHeap: number };
    try {
      copySeconds = await copyBaseline(url, path);
      const db = await openDatabase({ kind: "postgres", url });
      try {
        const start = performance.now();
        const { result, peakRss, peakHeap } = await withPeakMemory(() =>
          importFileIntoDatabase(db, { path, subjectsPath, extractedOn: null, source: "bench", dryRun: false, isDemo: false, importedAt: new Date() }),
        );
        pgRun = { seconds: (performance.now() - start) / 1000, cells: result.analysis.cells.length, errors: result.analysis.errorCount, peakRss, peakHeap };
        if (result.stored?.kind !== "saved") throw new Error(`bench import stored nothing: ${JSON.stringify(result.analysis.issues.slice(0, 3))}`);
      } finally {
        await db.close();
      }
    } finally {
      await dropPostgresDatabase(url);
    }
    const lite = await openDatabase({ kind: "memory" });
    let liteRun: { seconds: number; peakRss: number };
    try {
      const start = performance.now();
      const { peakRss } = await withPeakMemory(() =>
        importFileIntoDatabase(lite, { path, subjectsPath, extractedOn: null, source: "bench", dryRun: false, isDemo: false, importedAt: new Date() }),
      );
      liteRun = { seconds: (performance.now() - start) / 1000, peakRss };
    } finally {
      await lite.close();
    }
    const ratio = pgRun.seconds / copySeconds;
    const limit = 2 ** 30;
    const passed = pgRun.errors === 0 && ratio <= 2 && pgRun.peakRss < limit && liteRun.peakRss < limit;
    const markdown = [
      `Fil: ${fmt(ROWS, 0)} rækker i talportalens datatabel (layout b), latin1, ${mib(bytes)}; kvartaler 2013K2–2025K4 × ${SUBJECT_COUNT} sagsemner × 98 kommuner + landsrække.`,
      `Importen gemmer ${fmt(pgRun.cells, 0)} årsceller (kvartaler lagt sammen til år).`,
      "",
      "| Måling | Tid | Forhold til COPY |",
      "|---|---:|---:|",
      `| PostgreSQL \`COPY\` af den rå fil i en tabel uden indeks (grundlinje) | ${fmt(copySeconds)} s | 1,00 |`,
      `| \`import\` ende til ende på PostgreSQL (læs, valider, klassificer, gem, summer) | ${fmt(pgRun.seconds)} s | **${fmt(ratio)}** (krav ≤ 2,00) |`,
      `| \`import\` ende til ende på PGlite (i hukommelsen) | ${fmt(liteRun.seconds)} s | ${fmt(liteRun.seconds / copySeconds)} |`,
      "",
      `Største hukommelsesforbrug (RSS) under importen: PostgreSQL ${mib(pgRun.peakRss)} (heap ${mib(pgRun.peakHeap)}), PGlite ${mib(liteRun.peakRss)} (PGlite-databasen ligger i samme proces). Krav: under 1 GiB.`,
      "",
      passed ? "Bestået." : "**Ikke bestået.**",
    ].join("\n");
    return { title: "Import af 1.000.000 rækker (issue 3)", markdown, passed };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
