// GET /api/v1/maps/socialomraadet/2024 under load (issue 4, item 7): the Fastify API against a minimal
// Node `http` server that returns the same bytes, measured in the same run with the same load.
// Pass: API throughput at saturation ≥ 50 % of the baseline's, and, at that load (a fixed rate of 50 % of
// the baseline's throughput), API p99 latency < 20 ms. Latency at saturation only measures the queue.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
// autocannon ships no types; the slice used here is typed below.
// @ts-expect-error no declaration file
import autocannon from "autocannon";
import { loadDemoDataset } from "../src/cli/commands/demo.js";
import { buildApp } from "../src/server/app.js";
import { openDatabase } from "../src/storage/open-database.js";

type AutocannonResult = {
  requests: { average: number; total: number };
  latency: { p99: number; p50: number; average: number };
  non2xx: number;
  errors: number;
};
const run = autocannon as (options: Record<string, unknown>) => Promise<AutocannonResult>;

const PATH = "/api/v1/maps/socialomraadet/2024";
const CONNECTIONS = 10;
const SECONDS = 8;

async function load(url: string, overallRate?: number): Promise<AutocannonResult> {
  // The load generator runs in a worker thread, so it does not share the servers' event loop.
  await run({ url, connections: CONNECTIONS, duration: 1, workers: 1 }); // warm-up
  return run({ url, connections: CONNECTIONS, duration: SECONDS, workers: 1, ...(overallRate ? { overallRate } : {}) });
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

export default async function apiBench() {
  const db = await openDatabase({ kind: "memory" });
  await loadDemoDataset(db);
  const app = await buildApp({ db, storageDescription: "indlejret database i hukommelsen" });
  const apiUrl = await app.listen({ port: 0, host: "127.0.0.1" });
  const first = await fetch(apiUrl + PATH);
  const bytes = Buffer.from(await first.arrayBuffer());
  const contentType = first.headers.get("content-type") ?? "application/json";
  if (first.status !== 200) throw new Error(`API svarede ${first.status}`);

  const baseline = createServer((_req, res) => {
    res.writeHead(200, { "content-type": contentType, "content-length": bytes.length });
    res.end(bytes);
  });
  const baselineUrl = await listen(baseline);

  const base = await load(baselineUrl + PATH);
  const api = await load(apiUrl + PATH);
  const targetRate = Math.round(base.requests.average * 0.5);
  const baseAtHalf = await load(baselineUrl + PATH, targetRate);
  const atHalf = await load(apiUrl + PATH, targetRate);
  await app.close();
  await new Promise((resolve) => baseline.close(resolve));
  await db.close();

  const ratio = api.requests.average / base.requests.average;
  const passed = ratio >= 0.5 && atHalf.latency.p99 < 20 && api.non2xx + api.errors + atHalf.non2xx + atHalf.errors === 0;
  const row = (name: string, r: AutocannonResult) =>
    `| ${name} | ${Math.round(r.requests.average)} | ${r.latency.p50} | ${r.latency.p99} | ${r.non2xx + r.errors} |`;
  return {
    title: "API: GET /api/v1/maps/socialomraadet/2024 under belastning",
    passed,
    markdown: `Demodata (alle år), svar på ${(bytes.length / 1024).toFixed(1)} KiB. autocannon, ${CONNECTIONS} forbindelser, ${SECONDS} s efter 1 s opvarmning, lastgenerator i egen tråd.
Grundlinje: en minimal Node \`http\`-server, der sender de samme bytes.

| server | forespørgsler/s | p50 ms | p99 ms | fejl |
|---|---|---|---|---|
${row("minimal http (grundlinje)", base)}
${row("API (Fastify, cache pr. datasætversion)", api)}
${row(`grundlinje ved fast rate ${targetRate}/s`, baseAtHalf)}
${row(`API ved fast rate ${targetRate}/s (50 % af grundlinjen)`, atHalf)}

Gennemløb ved fuld belastning, API / grundlinje: **${(ratio * 100).toFixed(0)} %** (krav ≥ 50 %).
API p99 ved 50 % af grundlinjens gennemløb: **${atHalf.latency.p99} ms** (krav < 20 ms). ${passed ? "Bestået." : "IKKE bestået."}
Ved fuld belastning måler p99 mest køen (også grundlinjens p99 er høj dér).`,
  };
}
