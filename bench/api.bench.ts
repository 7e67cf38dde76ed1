// GET /api/v1/maps/socialomraadet/2024, the map page and a municipality's page under load (issue 4, item 7;
// issue 17 item 0, with p99 < 50 ms for the pages): the real Fastify app with its real data
// path (in-memory PGlite, demo data imported through the importer, the API's own cache) against a minimal
// Node `http` server that returns the same bytes, measured in the same run with the same load.
// Pass: API throughput at saturation ≥ 50 % of the baseline's, and API p99 latency < 20 ms at a fixed rate
// of 50 % of the baseline's throughput.
//
// Why the set-up looks like this (the machine has 2 cores):
// - Each server runs in its own child process, and so does each load generator; only one server is under load
//   at a time. Servers and load generator in one process compete for one event loop and measure each other.
// - Saturation throughput: autocannon (closed loop, 10 connections) in a child process, after a warm-up.
// - Fixed rate: autocannon's `overallRate` is not a fixed rate. Each connection sends its whole per-second
//   quota back to back when its 1 s timer fires, then idles (lib/httpClient.js), so the server sees a burst
//   at full speed once a second, and autocannon then back-fills latencies at a 1 ms "expected interval".
//   That measures the burst queue, not the latency at that load. So the fixed-rate phase uses an open-loop
//   generator in this file (role `open-loop`, like wrk2): request i is due at start + i/rate, it is sent then
//   whatever earlier answers are doing, and its latency is counted from when it was due, not when it was sent
//   (no coordinated omission: a stalled server or generator shows up in the latency).
// - CPU time of each server process per request is read from /proc, because on 2 cores a load generator
//   that tops out first would make the throughput ratio look better than it is.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { connect, type AddressInfo, type Socket } from "node:net";
import { setPriority, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { nearestRankQuantile } from "./quantile.js";

const PATH = "/api/v1/maps/socialomraadet/2024";
const CONNECTIONS = 10;
const WARMUP_SECONDS = 3;
const SECONDS = 10;
const FIXED_RATE_SHARE = 0.5;
/** Fixed-rate rounds, baseline and API taken turn about, so noise from other processes hits both alike. */
const ROUNDS = 4;
const ROUND_WARMUP_SECONDS = 1;
const ROUND_SECONDS = 5;
/** Enough for the rates measured here: at ~2.000/s and ~1–2 ms per answer only a handful are in flight. */
const OPEN_LOOP_CONNECTIONS = 32;

const here = dirname(fileURLToPath(import.meta.url));
const thisFile = fileURLToPath(import.meta.url);
const autocannonBin = join(here, "..", "node_modules", "autocannon", "autocannon.js");
const ROLE_FLAG = "--api-bench-role=";

type Saturation = { rps: number; p50: number; p99: number; failures: number; cpuMsPerRequest: number | null };
/** What the open-loop generator reports for one round. */
type OpenLoopRound = { achievedRps: number; p99: number; failures: number; generatorCpuShare: number; latencies: number[] };
type FixedRate = {
  rate: number;
  achievedRps: number;
  p50: number;
  p99: number;
  max: number;
  failures: number;
  /** p99 of each round, to show how much it moves. */
  roundP99: number[];
  generatorCpuShare: number;
  cpuMsPerRequest: number | null;
  /** Time the server's event-loop thread waited for a CPU, ms per second of measurement (Linux schedstat). */
  runQueueMsPerSecond: number | null;
};

// ─── child roles ──────────────────────────────────────────────────────────────────────────────────────────────

/** The real app: demo data imported through the importer into in-memory PGlite, as `danmarkskort demo` does. */
async function serveApi(): Promise<void> {
  const { loadDemoDataset } = await import("../src/app/import/demo-dataset.js");
  const { buildApp } = await import("../src/server/app.js");
  const { openDatabase } = await import("../src/storage/open-database.js");
  const db = await openDatabase({ kind: "memory" });
  await loadDemoDataset(db);
  const app = await buildApp({ db, storageDescription: "indlejret database i hukommelsen" });
  const url = await app.listen({ port: 0, host: "127.0.0.1" });
  process.once("SIGTERM", () => void app.close().then(() => db.close()).then(() => process.exit(0)));
  process.stdout.write(JSON.stringify({ url }) + "\n");
}

/** The baseline: a minimal `http` server that sends the API's bytes with the API's content type. */
function serveBaseline(bytesFile: string, contentType: string): void {
  const bytes = readFileSync(bytesFile);
  const server = createServer((_req, res) => {
    res.writeHead(200, { "content-type": contentType, "content-length": bytes.length });
    res.end(bytes);
  });
  // Fastify keeps idle connections 72 s; Node's default of 5 s would reset sockets the client is about to reuse.
  server.keepAliveTimeout = 72_000;
  server.listen(0, "127.0.0.1", () => process.stdout.write(JSON.stringify({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }) + "\n"));
  process.once("SIGTERM", () => server.close(() => process.exit(0)));
}

/**
 * Open-loop load at a fixed rate; latency counted from each request's due time (see the file comment).
 * HTTP/1.1 over raw sockets with one fixed request and only the status line and Content-Length read from
 * each answer: Node's http client spent a whole core at ~3.300 answers/s of 59 KiB, so on 2 cores the
 * generator, not the server, set the p99 (the baseline failed too). Both servers send Content-Length.
 */
function openLoop(url: string, rate: number, warmupSeconds: number, seconds: number, expectedBytes: number): void {
  const target = new URL(url);
  const request = Buffer.from(`GET ${target.pathname}${target.search} HTTP/1.1\r\nHost: ${target.host}\r\nConnection: keep-alive\r\n\r\n`, "latin1");
  const warmupCount = Math.round(rate * warmupSeconds);
  const total = warmupCount + Math.round(rate * seconds);
  const latencies = new Float64Array(total - warmupCount);
  let start = 0;
  const dueAt = (i: number) => start + (i * 1000) / rate;
  let sent = 0;
  let finished = 0;
  let failures = 0;
  let measuredEnd = 0;
  let reported = false;

  const done = new Uint8Array(total);
  const finish = (i: number, ok: boolean) => {
    if (done[i]) return;
    done[i] = 1;
    const now = performance.now();
    if (i >= warmupCount) latencies[i - warmupCount] = now - dueAt(i);
    if (!ok) failures++;
    measuredEnd = Math.max(measuredEnd, now);
    if (++finished === total) report();
  };

  // A fixed pool of kept-alive connections, as wrk2 uses, one request at a time on each. A request due
  // while all are busy waits in `waiting`, and that wait counts in its latency (measured from its due time).
  type Connection = { socket: Socket; current: number; head: Buffer | null; bodyLeft: number; bodyBytes: number; status: number };
  const idle: Connection[] = [];
  const waiting: number[] = [];
  let waitingHead = 0;
  const assign = (c: Connection, i: number) => {
    c.current = i;
    c.socket.write(request);
  };
  const release = (c: Connection) => {
    c.current = -1;
    if (waitingHead < waiting.length) assign(c, waiting[waitingHead++]!);
    else idle.push(c);
  };
  const onData = (c: Connection, chunk: Buffer) => {
    let buf = chunk;
    let offset = 0;
    while (offset < buf.length) {
      if (c.head !== null || c.bodyLeft === 0) {
        // Reading a status line and headers, possibly split over chunks.
        const headBuf = c.head ? Buffer.concat([c.head, buf.subarray(offset)]) : buf.subarray(offset);
        const end = headBuf.indexOf("\r\n\r\n");
        if (end < 0) {
          c.head = Buffer.from(headBuf);
          return;
        }
        c.head = null;
        const head = headBuf.toString("latin1", 0, end);
        c.status = Number(head.slice(9, 12));
        c.bodyLeft = Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1] ?? 0);
        c.bodyBytes = c.bodyLeft;
        buf = headBuf;
        offset = end + 4;
        if (c.bodyLeft === 0) {
          const i = c.current;
          release(c);
          finish(i, false);
          continue;
        }
      }
      const take = Math.min(c.bodyLeft, buf.length - offset);
      c.bodyLeft -= take;
      offset += take;
      if (c.bodyLeft === 0) {
        const i = c.current;
        const ok = c.status === 200 && c.bodyBytes === expectedBytes;
        release(c);
        finish(i, ok);
      }
    }
  };
  const open = (): Promise<void> =>
    new Promise((resolve) => {
      const socket = connect({ host: target.hostname, port: Number(target.port) });
      socket.setNoDelay(true);
      const c: Connection = { socket, current: -1, head: null, bodyLeft: 0, bodyBytes: 0, status: 0 };
      socket.once("connect", () => {
        idle.push(c);
        resolve();
      });
      socket.on("data", (chunk: Buffer) => onData(c, chunk));
      const lost = () => {
        // A broken connection fails its request and is replaced, so the pool keeps its size.
        const i = c.current;
        c.current = -1;
        const at = idle.indexOf(c);
        if (at >= 0) idle.splice(at, 1);
        if (i >= 0) finish(i, false);
        if (!reported) void open().then(() => release(idle.pop()!));
      };
      socket.once("error", lost);
      socket.once("close", () => socket.listenerCount("error") > 0 && lost());
    });
  const tick = () => {
    const now = performance.now();
    while (sent < total && dueAt(sent) <= now) {
      const i = sent++;
      const c = idle.pop();
      if (c) assign(c, i);
      else waiting.push(i);
    }
    if (sent < total) setTimeout(tick, Math.max(0, dueAt(sent) - performance.now()));
  };
  const report = () => {
    if (reported) return;
    reported = true;
    const measuredStart = dueAt(warmupCount);
    const cpu = process.cpuUsage();
    const round: OpenLoopRound = {
      achievedRps: latencies.length / ((measuredEnd - measuredStart) / 1000),
      p99: nearestRankQuantile(Float64Array.from(latencies).sort(), 0.99),
      failures,
      generatorCpuShare: (cpu.user + cpu.system) / 1000 / (performance.now() - start),
      latencies: Array.from(latencies, (v) => Math.round(v * 100) / 100),
    };
    process.stdout.write(JSON.stringify(round) + "\n", () => process.exit(0));
  };
  void Promise.all(Array.from({ length: OPEN_LOOP_CONNECTIONS }, open)).then(() => {
    start = performance.now() + 20;
    // A server that stops answering must fail the run, not hang it: 10 s after the last request is due,
    // whatever has not been answered counts as failed.
    setTimeout(() => {
      for (let i = 0; i < total; i++) if (!done[i]) finish(i, false);
    }, dueAt(total) - performance.now() + 10_000).unref();
    tick();
  });
}


// ─── parent: process plumbing ────────────────────────────────────────────────────────────────────────────────

/**
 * Whether the benchmark's processes could be given a higher scheduling priority (nice −10; needs root).
 * The machine is shared with other work; raising servers and load generators alike keeps that work from
 * landing in one server's tail and not the other's. Said in the results either way.
 */
let raisedPriority = true;
function raisePriority(child: ChildProcess): ChildProcess {
  try {
    setPriority(child.pid!, -10);
  } catch {
    raisedPriority = false;
  }
  return child;
}

function spawnRole(role: string, args: string[]): ChildProcess {
  return raisePriority(spawn(process.execPath, ["--import", "tsx", thisFile, ROLE_FLAG + role, ...args], { stdio: ["ignore", "pipe", "inherit"] }));
}

function firstJsonLine<T>(child: ChildProcess): Promise<T> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once("line", (line) => {
      lines.close();
      resolve(JSON.parse(line) as T);
    });
    child.once("exit", (code) => reject(new Error(`benchmark-underproces sluttede med kode ${code} uden svar`)));
  });
}

/** User + system CPU time of a process in ms, from /proc (Linux); null elsewhere. */
function cpuMs(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    // utime and stime are fields 14 and 15 of stat; after "comm) " they are at indices 11 and 12. 100 ticks/s on Linux.
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return null;
  }
}

/** Nanoseconds the process's main thread (the event loop) has waited on a run queue, from /proc (Linux); null elsewhere. */
function runQueueNs(pid: number): number | null {
  try {
    return Number(readFileSync(`/proc/${pid}/schedstat`, "utf8").split(" ")[1]);
  } catch {
    return null;
  }
}

async function runAutocannon(url: string, seconds: number): Promise<{ requests: { average: number; total: number }; latency: { p50: number; p99: number }; non2xx: number; errors: number; timeouts: number }> {
  const child = raisePriority(spawn(process.execPath, [autocannonBin, "-j", "-n", "-c", String(CONNECTIONS), "-d", String(seconds), url], { stdio: ["ignore", "pipe", "ignore"] }));
  let out = "";
  child.stdout!.on("data", (chunk: Buffer) => (out += chunk.toString()));
  await new Promise((resolve) => child.once("exit", resolve));
  return JSON.parse(out);
}

async function saturate(server: ChildProcess, url: string): Promise<Saturation> {
  await runAutocannon(url, WARMUP_SECONDS);
  const cpuBefore = cpuMs(server.pid!);
  const r = await runAutocannon(url, SECONDS);
  const cpuAfter = cpuMs(server.pid!);
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    failures: r.non2xx + r.errors + r.timeouts,
    cpuMsPerRequest: cpuBefore === null || cpuAfter === null ? null : (cpuAfter - cpuBefore) / r.requests.total,
  };
}

async function openLoopRound(server: ChildProcess, url: string, rate: number, expectedBytes: number) {
  const before = { cpu: cpuMs(server.pid!), wait: runQueueNs(server.pid!) };
  const generator = spawnRole("open-loop", [url, String(rate), String(ROUND_WARMUP_SECONDS), String(ROUND_SECONDS), String(expectedBytes)]);
  const round = await firstJsonLine<OpenLoopRound>(generator);
  const after = { cpu: cpuMs(server.pid!), wait: runQueueNs(server.pid!) };
  const cpu = before.cpu === null || after.cpu === null ? null : after.cpu - before.cpu;
  const waitMs = before.wait === null || after.wait === null ? null : (after.wait - before.wait) / 1e6;
  return { round, cpu, waitMs };
}

/** Fixed-rate rounds for both servers, taken turn about; latencies of all rounds pooled per server. */
async function atFixedRate(servers: readonly { child: ChildProcess; url: string }[], rate: number, expectedBytes: number): Promise<FixedRate[]> {
  const runs = servers.map(() => [] as Awaited<ReturnType<typeof openLoopRound>>[]);
  for (let r = 0; r < ROUNDS; r++) {
    for (const [i, server] of servers.entries()) runs[i]!.push(await openLoopRound(server.child, server.url, rate, expectedBytes));
  }
  const roundSeconds = ROUND_WARMUP_SECONDS + ROUND_SECONDS;
  return runs.map((rounds) => {
    const pooled = Float64Array.from(rounds.flatMap((x) => x.round.latencies)).sort();
    const requests = rate * roundSeconds * rounds.length;
    const cpus = rounds.map((x) => x.cpu);
    const waits = rounds.map((x) => x.waitMs);
    return {
      rate,
      achievedRps: rounds.reduce((sum, x) => sum + x.round.achievedRps, 0) / rounds.length,
      p50: nearestRankQuantile(pooled, 0.5),
      p99: nearestRankQuantile(pooled, 0.99),
      max: pooled[pooled.length - 1]!,
      failures: rounds.reduce((sum, x) => sum + x.round.failures, 0),
      roundP99: rounds.map((x) => x.round.p99),
      generatorCpuShare: rounds.reduce((sum, x) => sum + x.round.generatorCpuShare, 0) / rounds.length,
      cpuMsPerRequest: cpus.includes(null) ? null : cpus.reduce((a, b) => a! + b!, 0)! / requests,
      runQueueMsPerSecond: waits.includes(null) ? null : waits.reduce((a, b) => a! + b!, 0)! / (roundSeconds * rounds.length),
    };
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

const ms = (v: number) => v.toFixed(1).replace(".", ",");
const cpu = (v: number | null) => (v === null ? "–" : v.toFixed(2).replace(".", ","));
const fixedRow = (name: string, r: FixedRate) =>
  `| ${name} | ${int(r.achievedRps)} | ${ms(r.p50)} | ${ms(r.p99)} | ${ms(r.max)} | ${r.roundP99.map(ms).join(" · ")} | ${cpu(r.cpuMsPerRequest)} | ${r.runQueueMsPerSecond === null ? "–" : ms(r.runQueueMsPerSecond)} | ${pct(r.generatorCpuShare)} | ${r.failures} |`;
const pct = (v: number) => `${Math.round(v * 100)} %`;
const int = (v: number) => Math.round(v).toLocaleString("da-DK");

/** What is measured: the map API (issue 4) and the two public pages people open most (issue 17 item 0). */
const TARGETS: readonly { readonly path: string; readonly nameDa: string; readonly p99LimitMs: number }[] = [
  { path: PATH, nameDa: "API: GET /api/v1/maps/socialomraadet/2024", p99LimitMs: 20 },
  { path: "/kort?kort=socialomraadet&aar=2024", nameDa: "Kortsiden: GET /kort?kort=socialomraadet&aar=2024", p99LimitMs: 50 },
  { path: "/kommuner/0657?aar=2024", nameDa: "Kommunens side: GET /kommuner/0657?aar=2024", p99LimitMs: 50 },
];

async function measure(api: ChildProcess, apiUrl: string, dir: string, target: (typeof TARGETS)[number]): Promise<{ markdown: string; passed: boolean }> {
  const first = await fetch(apiUrl + target.path);
  if (first.status !== 200) throw new Error(`${target.path} svarede ${first.status}`);
  const bytes = Buffer.from(await first.arrayBuffer());
  const contentType = first.headers.get("content-type") ?? "application/json";
  const bytesFile = join(dir, `response-${TARGETS.indexOf(target)}`);
  writeFileSync(bytesFile, bytes);
  const baseline = spawnRole("baseline-server", [bytesFile, contentType]);
  try {
    const { url: baselineUrl } = await firstJsonLine<{ url: string }>(baseline);
    const baseSat = await saturate(baseline, baselineUrl + target.path);
    const apiSat = await saturate(api, apiUrl + target.path);
    const rate = Math.round(baseSat.rps * FIXED_RATE_SHARE);
    const [baseFixed, apiFixed] = (await atFixedRate([{ child: baseline, url: baselineUrl + target.path }, { child: api, url: apiUrl + target.path }], rate, bytes.length)) as [FixedRate, FixedRate];
    const ratio = apiSat.rps / baseSat.rps;
    // On 2 cores the load generator can top out before either server; CPU time per request then says what the server could do.
    const cpuRatio = baseSat.cpuMsPerRequest && apiSat.cpuMsPerRequest ? baseSat.cpuMsPerRequest / apiSat.cpuMsPerRequest : null;
    const passed = ratio >= 0.5 && (cpuRatio === null || cpuRatio >= 0.5) && apiFixed.p99 < target.p99LimitMs && apiSat.failures + apiFixed.failures === 0 && apiFixed.achievedRps >= rate * 0.95;
    return {
      passed,
      markdown: `### ${target.nameDa}

Svar på ${(bytes.length / 1024).toFixed(1).replace(".", ",")} KiB (${contentType.split(";")[0]}).

**Fuld belastning** (autocannon, ${CONNECTIONS} forbindelser, ${SECONDS} s efter ${WARMUP_SECONDS} s opvarmning):

| server | forespørgsler/s | p50 ms | p99 ms | CPU-ms pr. forespørgsel | fejl |
|---|---|---|---|---|---|
| minimal http (grundlinje) | ${int(baseSat.rps)} | ${baseSat.p50} | ${baseSat.p99} | ${cpu(baseSat.cpuMsPerRequest)} | ${baseSat.failures} |
| danmarkskort | ${int(apiSat.rps)} | ${apiSat.p50} | ${apiSat.p99} | ${cpu(apiSat.cpuMsPerRequest)} | ${apiSat.failures} |

**Fast rate ${int(rate)}/s** (${FIXED_RATE_SHARE * 100} % af grundlinjens gennemløb), ${ROUNDS} runder på ${ROUND_SECONDS} s efter ${ROUND_WARMUP_SECONDS} s opvarmning, grundlinje og danmarkskort på skift:

| server | opnået/s | p50 ms | p99 ms | maks ms | p99 pr. runde, ms | CPU-ms pr. forespørgsel | ventetid på CPU, ms/s | lastgeneratorens CPU-andel | fejl |
|---|---|---|---|---|---|---|---|---|---|
${fixedRow("minimal http (grundlinje)", baseFixed)}
${fixedRow("danmarkskort", apiFixed)}

Gennemløb ved fuld belastning, danmarkskort / grundlinje: **${(ratio * 100).toFixed(0)} %** (krav ≥ 50 %)${cpuRatio === null ? "" : `; ud fra CPU-tid pr. forespørgsel: **${(cpuRatio * 100).toFixed(0)} %**`}.
p99 ved ${FIXED_RATE_SHARE * 100} % af grundlinjens gennemløb: **${ms(apiFixed.p99)} ms** (krav < ${target.p99LimitMs} ms). ${passed ? "Bestået." : "IKKE bestået."}`,
    };
  } finally {
    await stop(baseline);
  }
}

export default async function apiBench() {
  const api = spawnRole("api-server", []);
  const dir = mkdtempSync(join(tmpdir(), "danmarkskort-api-bench-"));
  try {
    const { url: apiUrl } = await firstJsonLine<{ url: string }>(api);
    const parts: { markdown: string; passed: boolean }[] = [];
    for (const target of TARGETS) parts.push(await measure(api, apiUrl, dir, target));
    return {
      title: "API, kortsiden og kommunens side under belastning",
      passed: parts.every((p) => p.passed),
      markdown: `Den rigtige Fastify-app med demodata (alle år) indlæst gennem importøren i PGlite i hukommelsen; API'ets svar kommer fra dets cache pr. datasætversion, siderne fra sidecachen (færdige bytes pr. indhold, for dem, der ikke er logget ind).
Grundlinje: en minimal Node \`http\`-server, der sender de samme bytes med samme indholdstype, målt i samme kørsel.
Hver server kører i sin egen proces, og hver lastgenerator i sin egen; kun én server belastes ad gangen. Åben løkke over ${OPEN_LOOP_CONNECTIONS} faste forbindelser ved fast rate: forespørgsel i sendes til tiden start + i/rate uanset svarene, og ventetiden regnes fra det tidspunkt (som wrk2). ${raisedPriority ? "Alle benchmarkens processer kører med højere prioritet (nice −10)." : "Benchmarkens processer kunne ikke få højere prioritet (kræver root); andet arbejde på maskinen kan ramme målingerne."}
Maskinen har 2 kerner og deles med andre processer; »ventetid på CPU« viser, hvor længe serverens hændelsesløkke ventede på en ledig kerne.

${parts.map((p) => p.markdown).join("\n\n")}`,
    };
  } finally {
    await stop(api);
    rmSync(dir, { recursive: true, force: true });
  }
}

// ─── entry point of the child processes ──────────────────────────────────────────────────────────────────────

const roleArg = process.argv.find((a) => a.startsWith(ROLE_FLAG));
if (roleArg) {
  const role = roleArg.slice(ROLE_FLAG.length);
  const args = process.argv.slice(process.argv.indexOf(roleArg) + 1);
  if (role === "api-server") await serveApi();
  else if (role === "baseline-server") serveBaseline(args[0]!, args[1]!);
  else if (role === "open-loop") openLoop(args[0]!, Number(args[1]), Number(args[2]), Number(args[3]), Number(args[4]));
  else throw new Error(`ukendt rolle ${role}`);
}
