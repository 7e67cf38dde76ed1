import type { FastifyReply, FastifyRequest } from "fastify";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import type { Database } from "../storage/database.js";
import type { AnswerCounts } from "./routes/figures-cache.js";

/** The route label of a request no route matched: the raw address would give a crawler unbounded label values. */
export const UNMATCHED_ROUTE = "(ingen rute)";

/** Up to 10 s: an import's upload or a DOCX report can take seconds; a map answer from the cache takes under 5 ms. */
const LATENCY_BUCKETS_S = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export type ServerMetrics = {
  readonly registry: Registry;
  /** Counts a finished request under its route pattern and status class. */
  observe(request: FastifyRequest, reply: FastifyReply): void;
};

/**
 * One registry per server (not prom-client's global one: tests build many servers in one process). Requests
 * are labelled by route pattern (`/kommuner/:code`) and status class (`2xx`), never by the address asked for,
 * so the number of series stays bounded. The figures cache and the database pool are read when scraped.
 */
export function createServerMetrics(db: Database, answerCounts: () => Readonly<AnswerCounts>): ServerMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const labelNames = ["method", "route", "status_class"] as const;
  const requests = new Counter({ name: "danmarkskort_http_requests_total", help: "Besvarede forespørgsler efter rute og statusklasse", labelNames, registers: [registry] });
  const latency = new Histogram({ name: "danmarkskort_http_request_duration_seconds", help: "Svartid i sekunder efter rute og statusklasse", labelNames, buckets: LATENCY_BUCKETS_S, registers: [registry] });
  new Counter({
    name: "danmarkskort_figures_answer_cache_total",
    help: "API-svar fra tal-cachen: hit (sendt som gemt) og miss (bygget først)",
    labelNames: ["result"] as const,
    registers: [registry],
    collect() {
      const counts = answerCounts();
      this.reset();
      this.inc({ result: "hit" }, counts.hits);
      this.inc({ result: "miss" }, counts.misses);
    },
  });
  if (db.poolConnections) {
    const pool = db.poolConnections.bind(db);
    new Gauge({
      name: "danmarkskort_db_pool_connections",
      help: "PostgreSQL-forbindelser i puljen: total (åbne), idle (ledige), waiting (ventende kald)",
      labelNames: ["state"] as const,
      registers: [registry],
      collect() {
        const now = pool();
        this.set({ state: "total" }, now.total);
        this.set({ state: "idle" }, now.idle);
        this.set({ state: "waiting" }, now.waiting);
      },
    });
  }
  return {
    registry,
    observe(request, reply) {
      const labels = { method: request.method, route: request.routeOptions.url ?? UNMATCHED_ROUTE, status_class: `${Math.floor(reply.statusCode / 100)}xx` };
      requests.inc(labels);
      latency.observe(labels, reply.elapsedTime / 1000);
    },
  };
}
