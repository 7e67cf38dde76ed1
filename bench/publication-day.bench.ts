// `npm run bench -- publication-day`: issue 17, item 6. Two `danmarkskort serve` processes on one PostgreSQL
// database behind HAProxy with the sample configuration deploy/haproxy.cfg (only its ports changed), a mix of
// what people open on the day the maps are published: map pages, municipality profiles, API answers and
// table downloads.
//
// 1. Capacity: the same closed-loop load (CONNECTIONS connections, each sending its next request when the
//    previous answer has come) through HAProxy with one instance behind it, then with both: the ratio.
// 2. Publication day: an open-loop load (requests are sent on a clock, whether or not earlier ones have been
//    answered; latency counts from when a request was due) at half of the one-instance capacity, and in the
//    middle one instance is killed (SIGKILL, no draining) and started again. The target is no failed request:
//    what was in flight on the killed instance is sent again by HAProxy (retry-on conn-failure empty-response).
//
// The machine has 2 cores: the load client, HAProxy, PostgreSQL and both instances share them, so two instances
// cannot give twice the throughput here; the ratio says what a second instance gives on this machine.
import { spawn } from "node:child_process";
import { Agent, request } from "node:http";
import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import type { BenchResult } from "./run.js";
import { nearestRankQuantile } from "./quantile.js";
import { formatInteger } from "../src/domain/format-danish-number.js";
import { freePort, startHaproxy, startInstance, stopInstance, waitFor200, type Balancer, type ChildHandle } from "../test/support/balanced-cluster.js";
import { createPostgresDatabase, dropPostgresDatabase } from "../test/support/test-databases.js";

/** The mix, in the proportions they are sent: pages and profiles most, then API answers, then downloads. */
const MIX: readonly { readonly kind: "kortside" | "profil" | "api" | "download"; readonly path: string }[] = [
  { kind: "kortside", path: "/kort?aar=2024&geometri=geografisk" },
  { kind: "kortside", path: "/" },
  { kind: "kortside", path: "/kort?aar=2023" },
  { kind: "profil", path: "/kommuner/0657" },
  { kind: "profil", path: "/kommuner/0101" },
  { kind: "profil", path: "/kommuner/0751" },
  { kind: "api", path: "/api/v1/maps/socialomraadet/2024" },
  { kind: "api", path: "/api/v1/municipalities/0461" },
  { kind: "api", path: "/api/v1/maps" },
  { kind: "download", path: "/kort/tabel.csv?aar=2024" },
  { kind: "download", path: "/kort/tabel.xlsx?aar=2024" },
];

const CONNECTIONS = 8;
const WARM_SECONDS = 2;
const CAPACITY_SECONDS = Number(process.env.PUBLICATION_DAY_CAPACITY_SECONDS ?? 10);
const OPEN_LOOP_SECONDS = Number(process.env.PUBLICATION_DAY_SECONDS ?? 30);
/** When the instance is killed and when it is started again, in seconds into the open-loop run. */
const KILL_AT = OPEN_LOOP_SECONDS / 3;
const RESTART_AFTER_SECONDS = 1;

type Sample = { readonly due: number; readonly ms: number; readonly ok: boolean; readonly status: number | "fejl"; readonly kind: string; readonly instance: string | undefined };

const now = () => performance.timeOrigin + performance.now();

type Answer = { ok: boolean; status: number | "fejl"; instance: string | undefined };

function get(port: number, path: string, agent: Agent): Promise<Answer> {
  return new Promise((resolve) => {
    const req = request({ host: "127.0.0.1", port, path, agent, timeout: 30_000 }, (res) => {
      res.on("data", () => undefined);
      res.on("end", () => resolve({ ok: res.statusCode === 200, status: res.statusCode ?? 0, instance: res.headers["x-danmarkskort-instans"] as string | undefined }));
      res.on("error", () => resolve({ ok: false, status: "fejl", instance: undefined }));
    });
    req.on("error", () => resolve({ ok: false, status: "fejl", instance: undefined }));
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.end();
  });
}

/** CONNECTIONS loops, each sending its next request when the previous one is answered, for `seconds`. */
async function closedLoop(port: number, seconds: number): Promise<Sample[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const samples: Sample[] = [];
  const end = now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async (_, c) => {
      for (let i = c; now() < end; i++) {
        const { kind, path } = MIX[i % MIX.length]!;
        const due = now();
        const answer = await get(port, path, agent);
        samples.push({ due, ms: now() - due, kind, ...answer });
      }
    }),
  );
  agent.destroy();
  return samples;
}

/** Requests at `rate` per second on a clock for `seconds`; `during` runs alongside (the kill and restart). */
async function openLoop(port: number, rate: number, seconds: number, during: (start: number) => Promise<void>): Promise<Sample[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const samples: Sample[] = [];
  const pending: Promise<void>[] = [];
  const start = now();
  const total = Math.round(rate * seconds);
  const events = during(start);
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const { kind, path } = MIX[i % MIX.length]!;
    pending.push(get(port, path, agent).then((answer) => void samples.push({ due, ms: now() - due, kind, ...answer })));
  }
  await Promise.all(pending);
  await events;
  agent.destroy();
  return samples;
}

type Summary = { count: number; failures: number; rps: number; p50: number; p99: number; byInstance: Map<string, number>; failedBy: Map<string, number> };
function summarise(samples: readonly Sample[], seconds: number): Summary {
  const sorted = Float64Array.from(samples.map((s) => s.ms)).sort();
  const byInstance = new Map<string, number>();
  const failedBy = new Map<string, number>();
  for (const s of samples) {
    if (s.instance) byInstance.set(s.instance, (byInstance.get(s.instance) ?? 0) + 1);
    if (!s.ok) failedBy.set(String(s.status), (failedBy.get(String(s.status)) ?? 0) + 1);
  }
  return { count: samples.length, failures: samples.filter((s) => !s.ok).length, rps: samples.length / seconds, p50: nearestRankQuantile(sorted, 0.5), p99: nearestRankQuantile(sorted, 0.99), byInstance, failedBy };
}

const ms = (n: number) => new Intl.NumberFormat("da-DK", { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(n);
const ratio = (a: number, b: number) => new Intl.NumberFormat("da-DK", { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(a / b);

function runCli(args: readonly string[], env: NodeJS.ProcessEnv): Promise<{ code: number; out: string }> {
  const child = spawn(process.execPath, [fileURLToPath(new URL("../bin/danmarkskort.mjs", import.meta.url)), ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr.on("data", (d: Buffer) => (out += d.toString()));
  return new Promise((resolve) => child.once("exit", (code) => resolve({ code: code ?? -1, out })));
}

export default async function run(): Promise<BenchResult> {
  const loadBefore = loadavg()[0]!;
  const url = await createPostgresDatabase();
  const instances: ChildHandle[] = [];
  const balancers: Balancer[] = [];
  try {
    const seeded = await runCli(["demo"], { ...process.env, DATABASE_URL: url });
    if (seeded.code !== 0) throw new Error(`demo fejlede (${seeded.code}): ${seeded.out}`);
    const ports = [await freePort(), await freePort()];
    const start = async (i: number) => {
      instances[i] = startInstance(url, ports[i]!);
      await waitFor200(`http://127.0.0.1:${ports[i]}/readyz`, instances[i]!);
      // Each instance builds its pages once before it is measured, as it would have before the day.
      for (const { path } of MIX) await (await fetch(`http://127.0.0.1:${ports[i]}${path}`)).arrayBuffer();
    };
    await Promise.all([start(0), start(1)]);

    const one = await startHaproxy([ports[0]!]);
    balancers.push(one);
    await closedLoop(one.port, WARM_SECONDS);
    const single = summarise(await closedLoop(one.port, CAPACITY_SECONDS), CAPACITY_SECONDS);
    await one.stop();
    process.stdout.write(`  én instans: ${formatInteger(Math.round(single.rps))}/s\n`);

    const both = await startHaproxy(ports);
    balancers.push(both);
    await closedLoop(both.port, WARM_SECONDS);
    const double = summarise(await closedLoop(both.port, CAPACITY_SECONDS), CAPACITY_SECONDS);
    process.stdout.write(`  to instanser: ${formatInteger(Math.round(double.rps))}/s\n`);

    const rate = Math.max(10, Math.round(single.rps / 2));
    let killedAt = NaN;
    let backAt = NaN;
    const day = await openLoop(both.port, rate, OPEN_LOOP_SECONDS, async (t0) => {
      await new Promise((r) => setTimeout(r, t0 + KILL_AT * 1000 - now()));
      killedAt = (now() - t0) / 1000;
      await stopInstance(instances[1]!, "SIGKILL");
      await new Promise((r) => setTimeout(r, RESTART_AFTER_SECONDS * 1000));
      instances[1] = startInstance(url, ports[1]!);
      await waitFor200(`http://127.0.0.1:${ports[1]}/readyz`, instances[1]!);
      backAt = (now() - t0) / 1000;
    });
    const publication = summarise(day, OPEN_LOOP_SECONDS);
    const kinds = MIX.map((m) => m.kind).filter((k, i, all) => all.indexOf(k) === i);
    const byKind = kinds.map((kind) => ({ kind, ...summarise(day.filter((s) => s.kind === kind), OPEN_LOOP_SECONDS) }));
    const passed = publication.failures === 0 && single.failures === 0 && double.failures === 0;
    const loadAfter = loadavg()[0]!;
    const spread = (s: Summary) => [...s.byInstance].sort().map(([name, n]) => `${name} ${formatInteger(n)}`).join(", ");
    const failed = (s: Summary) => (s.failures === 0 ? "0" : `${formatInteger(s.failures)} (${[...s.failedBy].map(([status, n]) => `${status}: ${formatInteger(n)}`).join(", ")})`);
    const row = (label: string, s: Summary) => `| ${label} | ${formatInteger(s.count)} | ${formatInteger(Math.round(s.rps))} | ${ms(s.p50)} | ${ms(s.p99)} | ${failed(s)} |`;
    return {
      title: "Offentliggørelsesdagen: to instanser bag HAProxy, den ene dræbt midt i (issue 17)",
      passed,
      markdown: [
        `To \`danmarkskort serve\`-processer på samme PostgreSQL-database med demodata (\`danmarkskort demo\`), bag HAProxy med \`deploy/haproxy.cfg\` (kun portene skiftet ud). Blandingen går på omgang: ${MIX.map((m) => `\`${m.path}\``).join(", ")} (kortsider, kommuneprofiler, API-svar og tabeller til download).`,
        "",
        `**Kapacitet** (lukket sløjfe: ${CONNECTIONS} forbindelser, hver sender sin næste forespørgsel, når svaret er kommet; ${CAPACITY_SECONDS} s efter ${WARM_SECONDS} s opvarmning):`,
        "",
        "| opsætning | forespørgsler | pr. s | p50 ms | p99 ms | fejl |",
        "|---|---|---|---|---|---|",
        row("én instans bag HAProxy", single),
        row("to instanser bag HAProxy", double),
        "",
        `To instanser / én: **${ratio(double.rps, single.rps)}** gange gennemløbet (fordeling med to: ${spread(double)}). Maskinen har 2 kerner, som lastklienten, HAProxy, PostgreSQL og begge instanser deler, så en anden instans kan ikke give det dobbelte her; på to maskiner er det kernerne, der sætter grænsen.`,
        "",
        `**Offentliggørelsesdagen** (åben sløjfe: ${formatInteger(rate)} forespørgsler pr. s, halvdelen af én instans' kapacitet, i ${OPEN_LOOP_SECONDS} s, sendt efter uret; ventetid regnes fra, da forespørgslen skulle sendes). Instans app2 dræbt med SIGKILL efter ${ms(killedAt)} s, startet igen og klar efter ${ms(backAt)} s:`,
        "",
        "| slags | forespørgsler | pr. s | p50 ms | p99 ms | fejl |",
        "|---|---|---|---|---|---|",
        ...byKind.map((k) => row(k.kind, k)),
        row("alle", publication),
        "",
        `Fordeling: ${spread(publication)}. Mål: ingen fejlede forespørgsler (det, der var i gang på den dræbte instans, sender HAProxy igen til den anden): **${publication.failures} fejl**. ${passed ? "Bestået." : "**Ikke bestået.**"}`,
        `Belastning (1 min) før kørslen ${ms(loadBefore)}, efter ${ms(loadAfter)}${loadBefore > 2 ? "; maskinen var ikke stille, da kørslen begyndte, så tallene er lavere end på en stille maskine" : ""}.`,
      ].join("\n"),
    };
  } finally {
    for (const b of balancers) await b.stop().catch(() => undefined);
    await Promise.all(instances.map((i) => stopInstance(i, "SIGKILL")));
    await dropPostgresDatabase(url).catch(() => undefined);
  }
}
