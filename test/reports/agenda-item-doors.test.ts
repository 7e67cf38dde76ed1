import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runReport } from "../../src/app/report/write-agenda-item-files.js";
import { parseReportOptions } from "../../src/cli/commands/report.js";
import { parseConfig } from "../../src/config/parse-config.js";
import { buildApp } from "../../src/server/app.js";
import type { Database } from "../../src/storage/database.js";
import { openReferenceDatabase } from "./support/reference-database.js";

/**
 * The agenda item is made once (src/app/report/make-agenda-item.ts) and both doors call it: the same request
 * through the page's route and through `danmarkskort report` gives the same document, byte for byte. Before,
 * each door had its own copy of the orchestration, with its own policies.
 */
describe("the agenda item through both doors", () => {
  let db: Database;
  let app: FastifyInstance;
  let out: string;
  beforeAll(async () => {
    db = await openReferenceDatabase();
    app = await buildApp({ db, storageDescription: "test", config: parseConfig({ DANMARKSKORT_BOUNDARIES: "none" }) });
    out = await mkdtemp(join(tmpdir(), "danmarkskort-doors-"));
  });
  afterAll(async () => {
    await app.close();
    await db.close();
    await rm(out, { recursive: true, force: true });
  });

  it.each([
    ["html", "organ=udvalg&skabelon=beslutning&journalnummer=27.69.52-I02-1-25", { body: "udvalg", template: "beslutning", caseNumber: "27.69.52-I02-1-25" }],
    ["html", "afsnit=alle&sammenlign=naboer", { sections: "alle", compare: "naboer" }],
  ] as const)("gives the same %s for ?%s as the CLI", async (format, query, cliOptions) => {
    const page = await app.inject({ url: `/kommuner/0657/dagsordenpunkt?aar=2024&format=${format}&${query}` });
    expect(page.statusCode, page.body).toBe(200);
    const path = join(out, `herning-${query.length}.${format}`);
    // The CLI without its boundaries too (none configured, nothing cached): the tile map, as the route draws it.
    await runReport(db, parseReportOptions({ municipality: "0657", year: "2024", format, out: path, ...cliOptions }));
    expect(await readFile(path, "utf8")).toBe(page.body);
  });
});
