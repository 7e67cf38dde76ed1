// `npm run bench -- import-under-load`: issue 19, Done-when "a 500.000-row import while a load runs leaves
// p99 of the map API under 50 ms". The real server (`bin/danmarkskort.mjs serve`) on a throwaway PostgreSQL
// database with a first talportal-format version imported; a load client in its own process sends
// GET /api/v1/maps/socialomraadet/2024 over kept-alive connections. Baseline: that load with nothing else
// running, measured in the same run. Then the same load while `danmarkskort import` of a 500.000-row file runs
// in another process, until the import has ended and the server answers with the new version.
//
// Each connection sends a request at a fixed pace (every INTERVAL_MS); a request that cannot be sent on time
// because the previous answer is late counts its latency from when it was due, so a stalled server shows up
// in every request it held up, not only in one (no coordinated omission).
//
// Where the stall under import comes from (measured 2026-12-03 on the 2-core machine with the 500.000-row
// version, 125.048 year cells, in one process with an event-loop gap timer and the V8 profiler): the slices
// of indexCellTotalsOffRequestPath keep to some 2 ms, but (1) mapping the whole query result to cells is one
// synchronous step of about 90 ms, (2) the new index's allocations end in a mark-compact GC pause of 65–150 ms,
// and (3) after the swap the first answer for each map and year is built on the request path: some 125 ms of
// CPU, most of it the seeded rank-interval simulation and the funnel's null model, whatever the version's size.
// On 2 cores shared with the import process, PostgreSQL and the load client these stretch to 0,5–1,6 s.
//
// Since then (measured 2026-12-03 20:40–20:48, the machine at a load average of 6–8, so every figure is
// noisy): rows are mapped and indexed in slices of at most 2 ms, each year's version is queried on its own,
// and the warmed map answers are built in a worker thread (map-figures-worker.ts). Paired runs, the commit
// before these changes first or second, same minute: under-import p99 1.346 ms before vs 668 ms after, and
// 2.366 ms before vs 633 ms after (baselines 97/230 ms and 323/49 ms: the baseline itself swung with the
// machine). A CPU profile of the server shows what is left, all after the import process has ended: the
// driver parsing each year's result and the old-generation GC of its row objects (some 200 ms of GC in one
// stretch), then the time-sliced indexing competing for a starved core. Not yet under 50 ms on this machine.
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createWriteStream, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { Agent, request } from "node:http";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import pg from "pg";
import type { BenchResult } from "./run.js";
import { nearestRankQuantile } from "./quantile.js";
import { formatInteger } from "../src/domain/format-danish-number.js";
import { MUNICIPALITIES } from "../src/domain/municipality.js";

const PATH = "/api/v1/maps/socialomraadet/2024";
const CONNECTIONS = 4;
const INTERVAL_MS = 10;
const BASELINE_SECONDS = 10;
const ROWS = 500_000;
const P99_LIMIT_MS = 50;
const HEADER = "Kommune;Lovgivning;Sagsemne;periode;Realitetsbehandlede sager i alt;Stadfæstede sager;Ændrede/ophævede sager;Hjemviste sager;Afviste sager";

const here = dirname(fileURLToPath(import.meta.url));
const thisFile = fileURLToPath(import.meta.url);
const cliBin = join(here, "..", "bin", "danmarkskort.mjs");
const ADMIN_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const LOAD_FLAG = "--import-under-load-client";

// ─── the load client (child process) ─────────────────────────────────────────────────────────────────────────

/** Runs until a line arrives on stdin, then writes every request as [epoch ms when due, latency ms, ok]. */
function loadClient(url: string): void {
  const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const samples: [number, number, number][] = [];
  let stopping = false;
  const epoch = () => performance.timeOrigin + performance.now();
  const one = (): Promise<boolean> =>
    new Promise((resolve) => {
      const req = request(url, { agent }, (res) => {
        res.on("data", () => undefined);
        res.on("end", () => resolve(res.statusCode === 200));
      });
      req.on("error", () => resolve(false));
      req.end();
    });
  const connection = async () => {
    let due = epoch();
    while (!stopping) {
      const ok = await one();
      samples.push([due, epoch() - due, ok ? 1 : 0]);
      due += INTERVAL_MS;
      const wait = due - epoch();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
  };
  const running = Promise.all(Array.from({ length: CONNECTIONS }, connection));
  process.stdout.write("ready\n");
  createInterface({ input: process.stdin }).once("line", () => {
    stopping = true;
    void running.then(() => process.stdout.write(JSON.stringify(samples) + "\n", () => process.exit(0)));
  });
}

if (process.argv.includes(LOAD_FLAG)) loadClient(process.argv[process.argv.indexOf(LOAD_FLAG) + 1]!);

// ─── parent ──────────────────────────────────────────────────────────────────────────────────────────────────

/** Talportal-format rows (latin1, CRLF): every municipality × `subjects` × the quarters of `years`. */
function* talportalRows(count: number, subjects: number, years: readonly number[], quarters: boolean, upheldOffset: number): Generator<string> {
  yield HEADER;
  const periods = years.flatMap((y) => (quarters ? [1, 2, 3, 4].map((q) => `${q}. kvartal ${y}`) : [String(y)]));
  for (let i = 0; i < count; i++) {
    const m = MUNICIPALITIES[i % MUNICIPALITIES.length]!;
    const subject = Math.floor(i / MUNICIPALITIES.length) % subjects;
    const period = periods[Math.floor(i / (MUNICIPALITIES.length * subjects))]!;
    const u = (i % 7) + upheldOffset;
    const c = i % 3;
    const r = i % 5;
    yield `${m.name};Serviceloven;Voksne - sagsemne ${subject} - § ${95 + (subject % 6)};${period};${u + c + r};${u};${c};${r};${i % 2}`;
  }
}

async function writeLines(path: string, lines: Iterable<string>): Promise<void> {
  const out = createWriteStream(path);
  let buffer: string[] = [];
  for (const line of lines) {
    buffer.push(line);
    if (buffer.length >= 10_000) {
      if (!out.write(Buffer.from(buffer.join("\r\n") + "\r\n", "latin1"))) await once(out, "drain");
      buffer = [];
    }
  }
  if (buffer.length > 0) out.write(Buffer.from(buffer.join("\r\n") + "\r\n", "latin1"));
  out.end();
  await once(out, "finish");
}

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function runCli(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; out: string }> {
  const child = spawn(process.execPath, [cliBin, ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr.on("data", (d: Buffer) => (out += d.toString()));
  return new Promise((resolve) => child.once("exit", (code) => resolve({ code: code ?? -1, out })));
}

/** Resolves with the first line matching each pattern in turn; the output is read to its end (a paused pipe would block the child). */
function linesOf(child: ChildProcess): (match: RegExp) => Promise<string> {
  const seen: string[] = [];
  const waiting: { match: RegExp; resolve: (line: string) => void; reject: (e: Error) => void }[] = [];
  createInterface({ input: child.stdout! }).on("line", (line) => {
    const at = waiting.findIndex((w) => w.match.test(line));
    if (at >= 0) waiting.splice(at, 1)[0]!.resolve(line);
    else seen.push(line);
  });
  child.once("exit", (code) => waiting.splice(0).forEach((w) => w.reject(new Error(`underproces sluttede med kode ${code}`))));
  return (match) => {
    const at = seen.findIndex((l) => match.test(l));
    if (at >= 0) return Promise.resolve(seen.splice(at, 1)[0]!);
    return new Promise((resolve, reject) => waiting.push({ match, resolve, reject }));
  };
}

async function body(url: string): Promise<string> {
  const res = await fetch(url);
  return res.text();
}

type Phase = { count: number; failures: number; p50: number; p95: number; p99: number; max: number; rps: number };
function phase(samples: readonly [number, number, number][], from: number, to: number): Phase {
  const inside = samples.filter(([due]) => due >= from && due < to);
  const sorted = Float64Array.from(inside.map(([, ms]) => ms)).sort();
  const q = (p: number) => nearestRankQuantile(sorted, p);
  return { count: inside.length, failures: inside.filter(([, , ok]) => !ok).length, p50: q(0.5), p95: q(0.95), p99: q(0.99), max: sorted[sorted.length - 1] ?? NaN, rps: inside.length / ((to - from) / 1000) };
}

const ms = (n: number) => new Intl.NumberFormat("da-DK", { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(n);
const ratio = (a: number, b: number) => new Intl.NumberFormat("da-DK", { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(a / b);
const epochNow = () => performance.timeOrigin + performance.now();

export default async function run(): Promise<BenchResult> {
  const dir = mkdtempSync(join(tmpdir(), "danmarkskort-import-under-load-"));
  const name = `danmarkskort_bench_${process.pid}_${Date.now()}`;
  await admin(`CREATE DATABASE ${name}`);
  const dbUrl = new URL(ADMIN_URL);
  dbUrl.pathname = `/${name}`;
  // Log level warn: two JSON lines per request (the server's default, info) are not what this measures, and the
  // figures stay comparable with the runs in BENCHMARKS.md made before the server logged.
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", DATABASE_URL: dbUrl.toString(), DANMARKSKORT_DEMO: "0", PORT: "0", HOST: "127.0.0.1", DANMARKSKORT_LOG_LEVEL: "warn" };
  let server: ChildProcess | undefined;
  let client: ChildProcess | undefined;
  try {
    const first = join(dir, "foerste.csv");
    const large = join(dir, "stor.csv");
    await writeLines(first, talportalRows(MUNICIPALITIES.length * 100, 100, [2024], false, 0));
    // 500.000 rows: every municipality × 320 subjects × 16 quarters (2021–2024), cut at ROWS.
    const subjects = Math.ceil(ROWS / (MUNICIPALITIES.length * 16));
    await writeLines(large, talportalRows(ROWS, subjects, [2021, 2022, 2023, 2024], true, 1));
    const largeMb = statSync(large).size / 2 ** 20;
    const initial = await runCli(["import", first, "--extracted", "2025-06-01", "--source", "benchmark: første version"], env);
    if (initial.code !== 0) throw new Error(`første import fejlede (${initial.code}): ${initial.out}`);

    server = spawn(process.execPath, [cliBin, "serve"], { env, stdio: ["ignore", "pipe", "inherit"] });
    const line = await linesOf(server)(/kører på http/);
    const base = /(http:\/\/\S+)/.exec(line)![1]!.replace("localhost", "127.0.0.1");
    const url = base + PATH;
    const before = await body(url);

    client = spawn(process.execPath, ["--import", "tsx", thisFile, LOAD_FLAG, url], { stdio: ["pipe", "pipe", "inherit"] });
    const clientLine = linesOf(client);
    await clientLine(/^ready$/);
    const result = clientLine(/^\[/).then((l) => JSON.parse(l) as [number, number, number][]);

    await new Promise((r) => setTimeout(r, 2000)); // warm-up, not counted
    const baselineStart = epochNow();
    await new Promise((r) => setTimeout(r, BASELINE_SECONDS * 1000));
    const importStart = epochNow();
    const imported = await runCli(["import", large, "--extracted", "2025-09-01", "--source", "benchmark: 500.000 rækker"], env);
    const importEnd = epochNow();
    if (imported.code !== 0) throw new Error(`stor import fejlede (${imported.code}): ${imported.out.slice(0, 2000)}`);
    // Until the server answers with the new version (it is indexed off the request path, then swapped in).
    while ((await body(url)) === before) {
      if (epochNow() - importEnd > 120_000) throw new Error("serveren viste ikke den nye version inden for 120 s");
      await new Promise((r) => setTimeout(r, 50));
    }
    const shownAt = epochNow();
    client.stdin!.write("stop\n");
    const samples = await result;
    // IMPORT_UNDER_LOAD_DUMP=<file> keeps every sample with the phase times, to see when a stall happened.
    if (process.env.IMPORT_UNDER_LOAD_DUMP) writeFileSync(process.env.IMPORT_UNDER_LOAD_DUMP, JSON.stringify({ importStart, importEnd, shownAt, samples }));
    const baseline = phase(samples, baselineStart, importStart);
    const under = phase(samples, importStart, shownAt);
    const passed = under.p99 < P99_LIMIT_MS && under.failures === 0 && baseline.failures === 0;
    process.stdout.write(`  grundlinje p99 ${ms(baseline.p99)} ms; under import p99 ${ms(under.p99)} ms, maks ${ms(under.max)} ms\n`);
    const row = (label: string, p: Phase) => `| ${label} | ${formatInteger(p.count)} | ${formatInteger(Math.round(p.rps))} | ${ms(p.p50)} | ${ms(p.p95)} | ${ms(p.p99)} | ${ms(p.max)} | ${p.failures} |`;
    return {
      title: "Kort-API'et under en import af 500.000 rækker (issue 19)",
      passed,
      markdown: [
        `Den rigtige server (\`bin/danmarkskort.mjs serve\`) på en ny PostgreSQL-database med en første version (${formatInteger(MUNICIPALITIES.length * 100)} rækker i talportalens format) indlæst.`,
        `Last: en klient i sin egen proces sender \`GET ${PATH}\` over ${CONNECTIONS} genbrugte forbindelser, én forespørgsel hver ${INTERVAL_MS} ms pr. forbindelse; en forespørgsel, der ikke kan sendes til tiden, regner ventetiden fra, da den skulle være sendt.`,
        `Grundlinje: ${BASELINE_SECONDS} s af den last alene. Derefter samme last, mens \`danmarkskort import\` af ${formatInteger(ROWS)} rækker (${ms(largeMb)} MB, ${formatInteger(subjects)} sagsemner × 16 kvartaler) kører i en anden proces, indtil importen er slut og serveren svarer med den nye version (import ${ms((importEnd - importStart) / 1000)} s, ny version vist ${ms((shownAt - importEnd) / 1000)} s efter).`,
        "",
        "| fase | forespørgsler | pr. s | p50 ms | p95 ms | p99 ms | maks ms | fejl |",
        "|---|---|---|---|---|---|---|---|",
        row("grundlinje (ingen import)", baseline),
        row("under import og skift", under),
        "",
        `Under import / grundlinje: p50 ${ratio(under.p50, baseline.p50)}, p95 ${ratio(under.p95, baseline.p95)}, p99 ${ratio(under.p99, baseline.p99)}, maks ${ratio(under.max, baseline.max)}.`,
        `Krav: p99 under import < ${P99_LIMIT_MS} ms: **${ms(under.p99)} ms**. ${passed ? "Bestået." : "**Ikke bestået.**"}`,
        "Maskinen har 2 kerner; importprocessen, serveren, PostgreSQL og lastklienten deler dem.",
      ].join("\n"),
    };
  } finally {
    client?.kill("SIGTERM");
    if (server) {
      server.kill("SIGTERM");
      await Promise.race([once(server, "exit"), new Promise((r) => setTimeout(r, 5000))]);
      if (server.exitCode === null) server.kill("SIGKILL");
    }
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}
