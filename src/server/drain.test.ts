import type { FastifyInstance } from "fastify";
import { Agent, request as httpRequest } from "node:http";
import { connect } from "node:net";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/support/test-databases.js";
import { buildApp } from "./app.js";
import { createDrain, type Drain } from "./drain.js";

/** A GET over a real socket, on `agent` (kept alive) when given; resolves with status, headers and body. */
function get(port: number, path: string, agent?: Agent): Promise<{ status: number; connection: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port, path, ...(agent ? { agent } : {}) }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, body }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

/** Resolves with the error code of a new TCP connection to `port`, or "connected". */
function tryConnect(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve("connected");
    });
    socket.once("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? "error"));
  });
}

async function until(condition: () => boolean, limitMs = 5_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > limitMs) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe("a draining stop on a real server (port 0)", () => {
  let t: TestDatabase | undefined;
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    await app?.close();
    await t?.drop();
    app = t = undefined;
  });

  /** A server with a route that answers only when the test says so. */
  async function start(): Promise<{ port: number; drain: Drain; release: () => void; arrived: () => number }> {
    t = await createTestDatabase("pglite");
    const drain = createDrain();
    app = await buildApp({ db: t.db, storageDescription: "test", isDraining: drain.isDraining });
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    let arrived = 0;
    app.get("/test-only/langsom", async () => {
      arrived += 1;
      await released;
      return { svar: "færdig" };
    });
    await app.listen({ port: 0, host: "127.0.0.1" });
    return { port: (app.server.address() as AddressInfo).port, drain, release, arrived: () => arrived };
  }

  it("refuses new connections, finishes the request in flight with 200, and is done soon after it", async () => {
    const server = await start();
    // Kept alive, as a load balancer's connections are: the stop must not wait for Node's keep-alive timeout.
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    expect((await get(server.port, "/healthz", agent)).status).toBe(200);

    const inFlight = get(server.port, "/test-only/langsom", agent);
    await until(() => server.arrived() === 1);
    const stopped = server.drain.drain(app!, 5_000);
    expect(server.drain.isDraining()).toBe(true);
    await until(() => !app!.server.listening);
    expect(await tryConnect(server.port)).toBe("ECONNREFUSED");

    server.release();
    const releasedAt = Date.now();
    expect(await inFlight).toMatchObject({ status: 200, body: JSON.stringify({ svar: "færdig" }) });
    await stopped;
    expect(Date.now() - releasedAt).toBeLessThan(2_000);
    agent.destroy();
  });

  it("ends a request that outlives the limit, so a stop cannot hang", async () => {
    const server = await start();
    const hung = get(server.port, "/test-only/langsom").then(
      () => "answered",
      (error: NodeJS.ErrnoException) => error.code ?? "error",
    );
    await until(() => server.arrived() === 1);
    const started = Date.now();
    await server.drain.drain(app!, 300);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(await hung).toBe("ECONNRESET");
    server.release();
  });

  it("answers a request sent on a busy connection during the drain, with Connection: close; /readyz says 503 in Danish", async () => {
    const server = await start();
    const socket = connect({ host: "127.0.0.1", port: server.port });
    await new Promise((r) => socket.once("connect", r));
    let received = "";
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => (received += chunk));
    const ended = new Promise((r) => socket.once("end", r));
    socket.write("GET /test-only/langsom HTTP/1.1\r\nHost: localhost\r\n\r\n");
    await until(() => server.arrived() === 1);
    const stopped = server.drain.drain(app!, 5_000);
    await until(() => !app!.server.listening);
    // The connection is busy, so the drain leaves it open; a load balancer's next request on it gets an answer.
    socket.write("GET /readyz HTTP/1.1\r\nHost: localhost\r\n\r\n");
    await new Promise((r) => setTimeout(r, 50));
    server.release();
    await ended;
    await stopped;
    const [first, second] = received.split(/(?=HTTP\/1\.1 )/);
    expect(first).toMatch(/^HTTP\/1\.1 200 /);
    expect(second).toMatch(/^HTTP\/1\.1 503 /);
    expect(second).toMatch(/\r\nconnection: close\r\n/i);
    expect(second).toContain('"reason":"lukker-ned"');
  });
});
