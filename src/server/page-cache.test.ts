import { brotliDecompressSync, gunzipSync } from "node:zlib";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACCOUNTS, createAccounts, PASSWORD, testAccountDeps } from "../../test/signin/sign-in-fixtures.js";
import { published2024Cells } from "../../test/rates/published-2024-cells.js";
import { storeCells } from "../../test/rates/stored-datasets.js";
import { InjectBrowser } from "../../test/support/inject-browser.js";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "../../test/support/test-databases.js";
import { OPERATOR } from "../app/caller.js";
import { saveComment } from "../app/comments/save-comment.js";
import { buildApp } from "./app.js";

process.env.DANMARKSKORT_BOUNDARIES ??= "none";

/** Issue 17 item 0: public pages built once per content, with ETag, 304 and compression. */
describe.each(DATABASE_KINDS)("the page cache on %s", (kind) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let clock = new Date("2025-11-20T10:00:00Z");
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    await createAccounts(testAccountDeps(t.db));
    await storeCells(t.db, published2024Cells());
    app = await buildApp({ db: t.db, storageDescription: kind, now: () => clock });
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: "GET", url, headers });

  it("answers the second anonymous request for a profile with the same bytes, its ETag, and 304 on If-None-Match", async () => {
    const first = await get("/kommuner/0657?aar=2024");
    expect(first.statusCode).toBe(200);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]{27}"$/);
    expect(first.headers["cache-control"]).toBe("no-cache");
    const second = await get("/kommuner/0657?aar=2024");
    expect(second.body).toBe(first.body);
    expect(second.headers.etag).toBe(etag);
    const notModified = await get("/kommuner/0657?aar=2024", { "if-none-match": etag });
    expect(notModified.statusCode).toBe(304);
    expect(notModified.body).toBe("");
    // Another address is another page.
    expect((await get("/kommuner/0101?aar=2024")).headers.etag).not.toBe(etag);
  });

  it("sends brotli or gzip to a client that takes it, the same page once decompressed", async () => {
    const plain = await get("/kommuner/0657?aar=2024");
    const br = await get("/kommuner/0657?aar=2024", { "accept-encoding": "gzip, deflate, br" });
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.headers.vary).toMatch(/cookie, accept-encoding/);
    expect(brotliDecompressSync(br.rawPayload).toString("utf8")).toBe(plain.body);
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
    const gz = await get("/kommuner/0657?aar=2024", { "accept-encoding": "gzip" });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gz.rawPayload).toString("utf8")).toBe(plain.body);
    expect((await get("/kommuner/0657?aar=2024", { "accept-encoding": "br;q=0, identity" })).headers["content-encoding"]).toBeUndefined();
  });

  it("builds the page again after a write (the audit trail moves) and on a new day (deadlines are counted in days)", async () => {
    const before = await get("/kommuner/0657?aar=2024");
    const saved = await saveComment(testAccountDeps(t.db), OPERATOR, { municipalityCode: "0657", year: 2024, text: "Kommunens kommentar til kortet.", status: "published" });
    expect(saved.kind).toBe("saved");
    const after = await get("/kommuner/0657?aar=2024");
    expect(after.body).toContain("Kommunens kommentar til kortet.");
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect(after.body).toContain("om 41 dage");
    clock = new Date("2025-11-21T10:00:00Z");
    expect((await get("/kommuner/0657?aar=2024")).body).toContain("om 40 dage");
  });

  it("never answers a signed-in user from the cache, nor gives the public a signed-in page", async () => {
    await get("/kommuner/0657?aar=2024");
    const editor = new InjectBrowser(app);
    await editor.signIn(ACCOUNTS.herningEditor.email, PASSWORD);
    const own = await editor.get("/kommuner/0657?aar=2024");
    expect(own.body).toContain("Log ud");
    expect(own.headers.etag).toBeUndefined();
    const anonymous = await get("/kommuner/0657?aar=2024");
    expect(anonymous.body).not.toContain("Log ud");
    expect(anonymous.body).not.toContain(ACCOUNTS.herningEditor.email);
  });

  it("leaves out errors, the API and assets", async () => {
    expect((await get("/kommuner/9999")).headers.etag).toBeUndefined();
    expect((await get("/healthz")).headers.vary ?? "").not.toContain("accept-encoding");
    // The API keeps and compresses its own answers (figures-cache.ts): compressed once, not again by this cache.
    const api = await get("/api/v1/maps/socialomraadet/2024", { "accept-encoding": "br" });
    expect(api.headers["content-encoding"]).toBe("br");
    expect(api.headers.vary).not.toMatch(/cookie/);
    expect(brotliDecompressSync(api.rawPayload).equals((await get("/api/v1/maps/socialomraadet/2024")).rawPayload)).toBe(true);
  });
});
