import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAP_DEFINITIONS, MAP_IDS } from "../../src/domain/map-definition.js";
import { buildApp, listRoutes } from "../../src/server/app.js";
import { openApiChecker, type OpenApiChecker } from "../support/openapi-check.js";
import { createTestDatabase, type TestDatabase } from "../support/test-databases.js";
import { HERNING, published2024Cells, SUBJECTS_2024 } from "./published-2024-cells.js";
import { storeCells } from "./stored-datasets.js";

type Schema = Record<string, unknown>;

/**
 * 2024 with Ankestyrelsen's national row one remitted case off (a mismatch) and Copenhagen with only
 * rejected cases on the adult disability map (no-cases); 2023 as a plain copy. So the answers hold every
 * kind the schemas describe: estimate, no-cases, no-data (2016 on the adult map has none: not asked),
 * match/mismatch, assessed/not-assessed, change/not-comparable.
 */
function cells() {
  const y2024 = published2024Cells({ publishedNational: true, nationalOffset: 1 }).map((c) =>
    c.municipalityCode === "0101" && c.subject === SUBJECTS_2024.adultDisability ? { ...c, counts: { upheld: 0, changed: 0, remitted: 0, rejected: 2 } } : c,
  );
  const y2023 = published2024Cells().map((c) => ({ ...c, year: 2023 }));
  return [...y2023, ...y2024];
}

describe("the OpenAPI document describes the answers the API really sends", () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let openApi: OpenApiChecker;

  /** The schema the document gives for `status` of `method` (GET unless said) on `path`. */
  function responseSchema(path: string, status: string, method = "get"): Schema {
    const schema = openApi.schemaOf(path, method, status);
    if (!schema) throw new Error(`${path} dokumenterer ikke ${status} for ${method.toUpperCase()}`);
    return schema;
  }

  beforeAll(async () => {
    t = await createTestDatabase("pglite");
    await storeCells(t.db, cells());
    app = await buildApp({ db: t.db, storageDescription: "pglite" });
    openApi = await openApiChecker(app);
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  async function expectValid(url: string, path: string, status = 200) {
    const response = await app.inject({ method: "GET", url });
    expect(response.statusCode, url).toBe(status);
    const errors = openApi.check(response.json(), responseSchema(path, String(status)));
    expect(errors, url).toEqual([]);
    return response;
  }

  it("is generated from the route schemas, served at /api/v1/openapi.json, with its Danish title, and every $ref in it resolves", async () => {
    const response = await app.inject({ method: "GET", url: "/api/v1/openapi.json" });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("application/json; charset=utf-8");
    const document = openApi.document;
    expect(document.openapi).toBe("3.1.0");
    expect(document.info.title).toBe("Danmarkskort over omgørelsesprocenter – API");
    expect(document.info.description).toMatch(/^Ankestyrelsens omgørelsesprocenter for de 98 kommuner/);
    expect(Object.keys(document.paths).every((path) => path.startsWith("/api/v1/")), "kun /api/v1 er beskrevet").toBe(true);
    const refs = [...response.body.matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(20);
    for (const name of refs) expect(Object.keys(document.components.schemas)).toContain(name);
    for (const name of ["FigureRecord", "MapFigures", "MunicipalityProfileResponse", "DatasetVersion", "ApiError", "ActionPlan", "TreatmentRecord"]) {
      expect(document.components.schemas[name], name).toMatchObject({ type: "object", additionalProperties: false });
    }
  });

  it("has a schema, a summary and documented answers for every /api/v1 route the server has", () => {
    const routes = listRoutes(app).filter((r) => r.url.startsWith("/api/v1/"));
    expect(routes.length).toBeGreaterThan(40);
    const missing: string[] = [];
    for (const route of routes) {
      const path = route.url.replace(/:(\w+)/g, "{$1}");
      const operation = openApi.document.paths[path]?.[route.method.toLowerCase()];
      if (!operation?.summary || !operation.responses["200"] && !operation.responses["201"]) missing.push(`${route.method} ${path}`);
      else for (const status of Object.keys(operation.responses)) if (operation.responses[status]!.description === "Default Response") missing.push(`${route.method} ${path} ${status}`);
    }
    expect(missing).toEqual([]);
  });

  it("GET /api/v1/maps", async () => {
    await expectValid("/api/v1/maps", "/api/v1/maps");
  });

  it("GET /api/v1/maps/{map}/{year} for every map, area and year", async () => {
    for (const map of MAP_IDS) {
      for (const area of MAP_DEFINITIONS[map].areas) {
        for (const year of [2023, 2024]) await expectValid(`/api/v1/maps/${map}/${year}?area=${area}`, "/api/v1/maps/{map}/{year}");
      }
    }
  });

  it("GET /api/v1/municipalities/{code}: Herning, an island without neighbours, a chosen group and a focus year", async () => {
    for (const url of [`/api/v1/municipalities/${HERNING}`, "/api/v1/municipalities/0101", "/api/v1/municipalities/Samsø", `/api/v1/municipalities/${HERNING}?year=2023&compare=0101,0751`]) {
      await expectValid(url, "/api/v1/municipalities/{code}");
    }
  });

  it.each([
    ["/api/v1/maps/kortet/2024", "/api/v1/maps/{map}/{year}", 404],
    ["/api/v1/maps/socialomraadet/tyve", "/api/v1/maps/{map}/{year}", 400],
    ["/api/v1/municipalities/9999", "/api/v1/municipalities/{code}", 404],
  ] as const)("documents the error %s → %i", async (url, path, status) => {
    await expectValid(url, path, status);
  });

  it("answers 304 without a body when the client has the bytes (ETag)", async () => {
    const first = await app.inject({ method: "GET", url: "/api/v1/maps/socialomraadet/2024" });
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await app.inject({ method: "GET", url: "/api/v1/maps/socialomraadet/2024", headers: { "if-none-match": etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe("");
    const other = await app.inject({ method: "GET", url: "/api/v1/maps/socialomraadet/2023", headers: { "if-none-match": etag } });
    expect(other.statusCode).toBe(200);
    expect(other.headers.etag).not.toBe(etag);
  });

  it("catches an answer that drifts from the document (the checker can fail)", async () => {
    const body = (await app.inject({ method: "GET", url: "/api/v1/maps/socialomraadet/2024" })).json() as Record<string, unknown>;
    const schema = responseSchema("/api/v1/maps/{map}/{year}", "200");
    const { isDemo: _dropped, ...withoutDemoFlag } = body;
    expect(openApi.check(withoutDemoFlag, schema)).toContain("$: mangler isDemo");
    expect(openApi.check({ ...body, extra: 1 }, schema)).toContain("$: udokumenteret felt extra");
    const national = { ...(body.national as Record<string, unknown>), reversalRate: "44,9" };
    expect(openApi.check({ ...body, national }, schema).join("\n")).toMatch(/\$\.national\.reversalRate/);
    const municipalities = (body.municipalities as Record<string, unknown>[]).map((row, i) => (i === 0 ? { ...row, revised: { kind: "estimate" } } : row));
    expect(openApi.check({ ...body, municipalities }, schema).join("\n")).toMatch(/\$\.municipalities\.0\.revised/);
  });
});
