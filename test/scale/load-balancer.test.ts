import { Agent, request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveDatasetVersion } from "../../src/storage/complaint-store.js";
import { openDatabase } from "../../src/storage/open-database.js";
import { generateComplaintCells } from "../foundation/complaint-cell-generators.js";
import { freePort, startHaproxy, startInstance, stopInstance, waitFor200, type Balancer, type ChildHandle } from "../support/balanced-cluster.js";
import { createPostgresDatabase, dropPostgresDatabase } from "../support/test-databases.js";

/**
 * Issue 17, item 1: two real `danmarkskort serve` processes on one PostgreSQL database behind HAProxy with the
 * sample configuration deploy/haproxy.cfg. The requests are spread over both, and a rolling restart (SIGTERM
 * one, start it again, then the other) under a steady stream of GET requests drops none; nor does a kill.
 */
const PATHS = ["/api/v1/maps", "/", "/healthz", "/api/v1/municipalities/0657"] as const;

type Outcome = { readonly status: number; readonly instance: string | undefined } | { readonly status: "error"; readonly message: string };

/** One GET through the balancer on a kept-alive connection, as a browser sends it. */
function get(port: number, path: string, agent: Agent): Promise<Outcome> {
  return new Promise((resolve) => {
    const req = request({ host: "127.0.0.1", port, path, agent, timeout: 30_000 }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0, instance: res.headers["x-danmarkskort-instans"] as string | undefined }));
      res.on("error", (e) => resolve({ status: "error", message: e.message }));
    });
    req.on("error", (e) => resolve({ status: "error", message: e.message }));
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.end();
  });
}

/** A steady stream of GETs from `clients` loops until stopped; every answer is kept. */
function steadyStream(port: number, clients: number): { stop(): Promise<Outcome[]> } {
  const outcomes: Outcome[] = [];
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  let running = true;
  const loops = Array.from({ length: clients }, async (_, c) => {
    for (let i = c; running; i++) {
      outcomes.push(await get(port, PATHS[i % PATHS.length]!, agent));
      await new Promise((r) => setTimeout(r, 5));
    }
  });
  return {
    async stop() {
      running = false;
      await Promise.all(loops);
      agent.destroy();
      return outcomes;
    },
  };
}

const failures = (outcomes: readonly Outcome[]) => outcomes.filter((o) => o.status !== 200);

describe("two instances behind HAProxy", () => {
  let url: string;
  let ports: number[];
  const instances: ChildHandle[] = [];
  let balancer: Balancer | undefined;

  async function start(i: number): Promise<void> {
    instances[i] = startInstance(url, ports[i]!);
    await waitFor200(`http://127.0.0.1:${ports[i]}/readyz`, instances[i]!);
  }

  /** Until the balancer's health check has taken instance `name` (back) into rotation. */
  async function untilServedBy(name: string): Promise<void> {
    const agent = new Agent({ keepAlive: false });
    const started = Date.now();
    while (Date.now() - started < 20_000) {
      const outcome = await get(balancer!.port, "/healthz", agent);
      if (outcome.status === 200 && outcome.instance === name) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`${name} kom ikke i rotation igen`);
  }

  beforeAll(async () => {
    url = await createPostgresDatabase();
    const db = await openDatabase({ kind: "postgres", url });
    await db.transaction((tx) =>
      saveDatasetVersion(
        tx,
        { fileName: "tal.csv", sha256: "c".repeat(64), layout: "test-generator", source: "test", extractedOn: "2025-03-01", importedAt: "2025-03-02T08:00:00.000Z", isDemo: false },
        generateComplaintCells({ years: [2023, 2024] }),
      ),
    );
    await db.close();
    ports = [await freePort(), await freePort()];
    await Promise.all([start(0), start(1)]);
    balancer = await startHaproxy(ports);
  }, 300_000);

  afterAll(async () => {
    await balancer?.stop();
    await Promise.all(instances.map((i) => stopInstance(i, "SIGKILL")));
    if (url) await dropPostgresDatabase(url);
  });

  it("spreads requests over both instances", async () => {
    const agent = new Agent({ keepAlive: false });
    const outcomes = await Promise.all(Array.from({ length: 20 }, (_, i) => get(balancer!.port, PATHS[i % PATHS.length]!, agent)));
    expect(failures(outcomes)).toEqual([]);
    const served = new Map<string, number>();
    for (const o of outcomes) if (o.status === 200) served.set(o.instance!, (served.get(o.instance!) ?? 0) + 1);
    expect([...served.keys()].sort()).toEqual(["app1", "app2"]);
    // Round robin: neither gets more than three quarters.
    for (const n of served.values()) expect(n).toBeLessThanOrEqual(15);
  });

  it("drops no request in a rolling restart under a steady stream of GET requests", { timeout: 300_000 }, async () => {
    const stream = steadyStream(balancer!.port, 4);
    await new Promise((r) => setTimeout(r, 1_000));
    for (const [i, name] of [[0, "app1"], [1, "app2"]] as const) {
      expect(await stopInstance(instances[i]!)).toEqual({ code: 0, signal: null });
      await new Promise((r) => setTimeout(r, 500));
      await start(i);
      await untilServedBy(name);
      await new Promise((r) => setTimeout(r, 500));
    }
    const outcomes = await stream.stop();
    expect(outcomes.length).toBeGreaterThan(50);
    expect(failures(outcomes)).toEqual([]);
    expect(new Set(outcomes.map((o) => (o.status === 200 ? o.instance : undefined)))).toEqual(new Set(["app1", "app2"]));
  });

  // The short form of `npm run bench -- publication-day`: no draining at all, the requests in flight on the
  // killed instance are sent again by HAProxy to the other one.
  it("drops no GET when an instance is killed (SIGKILL) under the stream and started again", { timeout: 300_000 }, async () => {
    const stream = steadyStream(balancer!.port, 4);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await stopInstance(instances[0]!, "SIGKILL")).toEqual({ code: null, signal: "SIGKILL" });
    await new Promise((r) => setTimeout(r, 1_000));
    await start(0);
    await untilServedBy("app1");
    const outcomes = await stream.stop();
    expect(outcomes.length).toBeGreaterThan(50);
    expect(failures(outcomes)).toEqual([]);
  });
});
