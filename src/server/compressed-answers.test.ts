import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACCOUNTS, createAccounts, PASSWORD, testAccountDeps } from "../../test/signin/sign-in-fixtures.js";
import { published2024Cells } from "../../test/rates/published-2024-cells.js";
import { storeCells } from "../../test/rates/stored-datasets.js";
import { InjectBrowser } from "../../test/support/inject-browser.js";
import { createTestDatabase, type TestDatabase } from "../../test/support/test-databases.js";
import { buildApp } from "./app.js";

process.env.DANMARKSKORT_BOUNDARIES ??= "none";

/** The body as the client reads it once it has undone the Content-Encoding (once: twice would be a defect). */
function decoded(response: LightMyRequestResponse): Buffer {
  switch (response.headers["content-encoding"]) {
    case "br":
      return brotliDecompressSync(response.rawPayload);
    case "gzip":
      return gunzipSync(response.rawPayload);
    case undefined:
      return response.rawPayload;
    default:
      throw new Error(`Uventet Content-Encoding: ${String(response.headers["content-encoding"])}`);
  }
}

/** Issue 17 item 0: text answers compressed, the kept ones once, each encoding with its own ETag. */
describe("compressed answers", () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  beforeAll(async () => {
    t = await createTestDatabase("pglite");
    await createAccounts(testAccountDeps(t.db));
    await storeCells(t.db, published2024Cells({ publishedNational: true }));
    app = await buildApp({ db: t.db, storageDescription: "indlejret database i hukommelsen" });
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  const get = (url: string, headers: Record<string, string> = {}, method: "GET" | "HEAD" = "GET") => app.inject({ method, url, headers });

  /** Identity, br and gzip of one address: the same bytes decoded, three ETags, 304 only for the variant's own tag. */
  async function expectThreeRepresentations(url: string, type: RegExp): Promise<void> {
    const plain = await get(url);
    expect(plain.statusCode).toBe(200);
    expect(plain.headers["content-type"]).toMatch(type);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.headers.vary).toMatch(/accept-encoding/i);
    const br = await get(url, { "accept-encoding": "gzip, deflate, br" });
    const gz = await get(url, { "accept-encoding": "gzip" });
    expect(br.headers["content-encoding"]).toBe("br");
    expect(gz.headers["content-encoding"]).toBe("gzip");
    for (const r of [br, gz]) {
      expect(decoded(r).equals(plain.rawPayload)).toBe(true);
      expect(r.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
      expect(r.headers.vary).toMatch(/accept-encoding/i);
      expect(Number(r.headers["content-length"])).toBe(r.rawPayload.length);
    }
    const tags = [plain.headers.etag, br.headers.etag, gz.headers.etag] as string[];
    for (const tag of tags) expect(tag).toMatch(/^"[\w-]+"$/);
    expect(new Set(tags).size).toBe(3);
    // The variant the request gets decides which tag is current.
    const again = (accept: string | null, tag: string) => get(url, { ...(accept ? { "accept-encoding": accept } : {}), "if-none-match": tag });
    const notModified = await again("br", br.headers.etag as string);
    expect(notModified.statusCode).toBe(304);
    expect(notModified.rawPayload.length).toBe(0);
    expect(notModified.headers.etag).toBe(br.headers.etag);
    expect((await again("gzip", gz.headers.etag as string)).statusCode).toBe(304);
    expect((await again(null, plain.headers.etag as string)).statusCode).toBe(304);
    // Another variant's tag is not this one's: the client gets the bytes it asked for, with their tag.
    const otherTag = await again("br", plain.headers.etag as string);
    expect(otherTag.statusCode).toBe(200);
    expect(otherTag.headers["content-encoding"]).toBe("br");
    expect(otherTag.headers.etag).toBe(br.headers.etag);
    expect((await again(null, br.headers.etag as string)).statusCode).toBe(200);
    expect((await again("gzip", `${br.headers.etag as string}, ${gz.headers.etag as string}`)).statusCode).toBe(304);
  }

  it("sends a cached API answer as identity, br or gzip, each with its own ETag", async () => {
    await expectThreeRepresentations("/api/v1/maps/socialomraadet/2024", /^application\/json/);
    await expectThreeRepresentations("/api/v1/municipalities/0657?year=2024", /^application\/json/);
  });

  it("sends a cached public page as identity, br or gzip, each with its own ETag", async () => {
    await expectThreeRepresentations("/kommuner/0657?aar=2024", /^text\/html/);
    await expectThreeRepresentations("/kommuner/0657/naboer.svg?aar=2024", /^image\/svg\+xml/);
  });

  it("compresses an API answer that is not kept (a chosen comparison group) into the encoding asked for", async () => {
    const url = "/api/v1/municipalities/0657?year=2024&compare=0101,0751";
    const plain = await get(url);
    const br = await get(url, { "accept-encoding": "br" });
    expect(br.headers["content-encoding"]).toBe("br");
    expect(decoded(br).equals(plain.rawPayload)).toBe(true);
    expect(br.headers.etag).not.toBe(plain.headers.etag);
    expect((await get(url, { "accept-encoding": "br", "if-none-match": br.headers.etag as string })).statusCode).toBe(304);
  });

  it("sends no Content-Encoding to a client that takes none", async () => {
    for (const url of ["/api/v1/maps/socialomraadet/2024", "/kommuner/0657?aar=2024", "/api/v1/openapi.json", "/assets/app.css"]) {
      const plain = await get(url);
      for (const accept of ["identity", "br;q=0, gzip;q=0", "deflate", "*;q=0"]) {
        const r = await get(url, { "accept-encoding": accept });
        expect(r.headers["content-encoding"], `${url} ${accept}`).toBeUndefined();
        expect(r.rawPayload.equals(plain.rawPayload), `${url} ${accept}`).toBe(true);
      }
    }
  });

  it("leaves small answers as they are", async () => {
    const health = await get("/healthz", { "accept-encoding": "br" });
    expect(health.rawPayload.length).toBeLessThan(1024);
    expect(health.headers["content-encoding"]).toBeUndefined();
  });

  it("compresses the OpenAPI document; HEAD describes the plain body and compresses nothing", async () => {
    const plain = await get("/api/v1/openapi.json");
    const br = await get("/api/v1/openapi.json", { "accept-encoding": "br" });
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(decoded(br).equals(plain.rawPayload)).toBe(true);
    expect(JSON.parse(decoded(br).toString("utf8"))).toHaveProperty("openapi");
    // Fastify answers HEAD by dropping the body before @fastify/compress sees it: the plain representation's
    // headers, its true length, and no CPU spent on bytes nobody receives.
    const head = await get("/api/v1/openapi.json", { "accept-encoding": "br" }, "HEAD");
    expect(head.statusCode).toBe(200);
    expect(head.headers["content-encoding"]).toBeUndefined();
    expect(Number(head.headers["content-length"])).toBe(plain.rawPayload.length);
    expect(head.rawPayload.length).toBe(0);
    // A kept answer has its variants ready: HEAD names the one GET would send, with its length and tag.
    const keptUrl = "/api/v1/maps/socialomraadet/2024";
    const keptGet = await get(keptUrl, { "accept-encoding": "br" });
    const keptHead = await get(keptUrl, { "accept-encoding": "br" }, "HEAD");
    expect(keptHead.headers["content-encoding"]).toBe("br");
    expect(keptHead.headers.etag).toBe(keptGet.headers.etag);
    expect(Number(keptHead.headers["content-length"])).toBe(keptGet.rawPayload.length);
    expect(keptHead.rawPayload.length).toBe(0);
  });

  it("compresses a signed-in page, which is built for its reader and never cached, keeping its security headers", async () => {
    const editor = new InjectBrowser(app);
    await editor.signIn(ACCOUNTS.herningEditor.email, PASSWORD);
    const cookie = [...editor.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    const plain = await get("/kommuner/0657?aar=2024", { cookie });
    expect(plain.body).toContain("Log ud");
    const br = await get("/kommuner/0657?aar=2024", { cookie, "accept-encoding": "br" });
    expect(br.statusCode).toBe(200);
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    const page = decoded(br).toString("utf8");
    expect(page).toContain("Log ud");
    expect(page).toMatch(/^<!DOCTYPE html>/i);
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
    for (const name of ["content-security-policy", "x-content-type-options", "x-frame-options", "referrer-policy", "cache-control"]) {
      expect(plain.headers[name], name).toBeDefined();
      expect(br.headers[name], name).toBe(plain.headers[name]);
    }
    expect(br.headers["x-request-id"]).toBeDefined();
    // BREACH: a secret repeated in every compressed page could be guessed byte by byte from the answers'
    // lengths. The form's CSRF token is salted anew for each answer, so there is no fixed secret to guess.
    const tokenOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
    const again = decoded(await get("/kommuner/0657?aar=2024", { cookie, "accept-encoding": "br" })).toString("utf8");
    expect(tokenOf(page)).toBeDefined();
    expect(tokenOf(again)).toBeDefined();
    expect(tokenOf(again)).not.toBe(tokenOf(page));
    const gz = await get("/konto", { cookie, "accept-encoding": "gzip" });
    expect(gz.statusCode).toBe(200);
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gz.rawPayload).toString("utf8")).toContain("Log ud");
  });

  it("does not compress downloads that are compressed already (DOCX, XLSX)", async () => {
    const downloads = ["/kommuner/0657/tabel.xlsx?aar=2024", "/api/v1/municipalities/0657/agenda-item?year=2024&format=docx"];
    for (const url of downloads) {
      for (const accept of [undefined, "gzip, deflate, br"]) {
        const r = await get(url, accept ? { "accept-encoding": accept } : {});
        expect(r.statusCode, url).toBe(200);
        expect(r.headers["content-type"], url).toMatch(/^application\/vnd\.openxmlformats-officedocument\./);
        expect(r.headers["content-encoding"], url).toBeUndefined();
        // A zip file: "PK".
        expect(r.rawPayload.subarray(0, 2).toString("latin1"), url).toBe("PK");
      }
    }
  });

  it("compresses a public asset once, as it is sent", async () => {
    const file = readFileSync(join(dirname(fileURLToPath(import.meta.url)), "..", "..", "public", "app.css"));
    expect(file.length).toBeGreaterThan(1024);
    const br = await get("/assets/app.css", { "accept-encoding": "br" });
    expect(br.headers["content-encoding"]).toBe("br");
    expect(decoded(br).equals(file)).toBe(true);
  });
});
