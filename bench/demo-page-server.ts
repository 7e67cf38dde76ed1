import { execFileSync } from "node:child_process";
import { createServer, type RequestListener, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser } from "playwright-core";
import { loadDemoDataset } from "../src/app/import/demo-dataset.js";
import { buildApp } from "../src/server/app.js";
import { openDatabase } from "../src/storage/open-database.js";
import { launchChromium } from "../test/support/chromium.js";

/**
 * What the page benchmarks (map-page, page-load) start with: the browser code built, the real app with the
 * demo data in an in-memory database listening on a free port, Chromium, and room for the bare baseline
 * server each of them serves the same bytes from.
 */
export type DemoPageBench = {
  readonly appUrl: string;
  readonly browser: Browser;
  /** A minimal Node `http` server with the given handler, on a free port: the benchmark's baseline. */
  baseline(handler: RequestListener): Promise<string>;
  close(): Promise<void>;
};

export async function startDemoPageBench(): Promise<DemoPageBench> {
  process.env.DANMARKSKORT_BOUNDARIES ??= "../shared/geo/kommuner.topojson";
  execFileSync(process.execPath, ["scripts/build-client.mjs"], { stdio: "inherit" });
  const db = await openDatabase({ kind: "memory" });
  await loadDemoDataset(db);
  const app = await buildApp({ db, storageDescription: "indlejret database i hukommelsen" });
  const appUrl = await app.listen({ port: 0, host: "127.0.0.1" });
  const browser = await launchChromium();
  const servers: Server[] = [];
  return {
    appUrl,
    browser,
    baseline(handler) {
      const server = createServer(handler);
      servers.push(server);
      return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
    },
    async close() {
      await browser.close();
      await app.close();
      for (const s of servers) await new Promise((resolve) => s.close(resolve));
      await db.close();
    },
  };
}

/** The median of a few timings (the mean of the middle two for an even count). */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}
