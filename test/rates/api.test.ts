import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runRates, type RatesRow } from "../../src/cli/commands/rates.js";
import type { FigureRecord } from "../../src/domain/figure-record.js";
import { MAP_DEFINITIONS, MAP_IDS } from "../../src/domain/map-definition.js";
import type { MapFiguresResponse, MunicipalityProfileResponse } from "../../src/server/api-types.js";
import { buildApp } from "../../src/server/app.js";
import type { OpenApiDocument } from "../support/openapi-check.js";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "../support/test-databases.js";
import { HERNING, published2024Cells } from "./published-2024-cells.js";
import { storeCells } from "./stored-datasets.js";

/** 2023 as a copy of 2024 with every remitted case upheld instead: a year with data and lower rates. */
function cells2023() {
  return published2024Cells().map((c) => ({ ...c, year: 2023, counts: { ...c.counts, upheld: c.counts.upheld + c.counts.remitted, remitted: 0 } }));
}

describe.each(DATABASE_KINDS)("API /api/v1 on %s", (kind) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let versionId: number;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    versionId = await storeCells(t.db, [...cells2023(), ...published2024Cells({ publishedNational: true })]);
    // Check the active versions on every request, so the invalidation test needs no waiting.
    app = await buildApp({ db: t.db, storageDescription: kind, figuresCache: { revalidateAfterMs: 0 } });
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  async function getJson<T>(url: string): Promise<{ status: number; body: T }> {
    const response = await app.inject({ method: "GET", url });
    expect(response.headers["content-type"]).toMatch(/^application\/json/);
    return { status: response.statusCode, body: response.json() as T };
  }

  it("answers a map and year with the national row and 98 municipalities, dataset version and demo flag", async () => {
    const { status, body } = await getJson<MapFiguresResponse>("/api/v1/maps/socialomraadet/2024");
    expect(status).toBe(200);
    expect(body).toMatchObject({ map: "socialomraadet", year: 2024, area: "total", isDemo: false });
    expect(body.datasetVersions).toEqual([expect.objectContaining({ year: 2024, datasetVersionId: versionId, isDemo: false })]);
    expect(body.national).toMatchObject({ municipalityCode: null, decided: 6905, reversed: 3102, publishedNational: { kind: "match" } });
    expect(body.municipalities).toHaveLength(98);
    expect(body.municipalities.find((m) => m.municipalityCode === HERNING)).toMatchObject({ decided: 77, reversed: 34, changed: 4, remitted: 30, funnel: "within" });
  });

  it("takes ?area= on the general map", async () => {
    const { body } = await getJson<MapFiguresResponse>("/api/v1/maps/socialomraadet/2024?area=children");
    expect(body.municipalities.find((m) => m.municipalityCode === HERNING)).toMatchObject({ decided: 49, reversed: 22 });
  });

  it.each([
    ["/api/v1/maps/kortet/2024", 404, "ukendt-kort", /Ukendt kort "kortet"/],
    ["/api/v1/maps/socialomraadet/2019", 404, "ukendt-aar", /Der er ingen data for 2019\. Dataår med data: 2023, 2024/],
    ["/api/v1/maps/socialomraadet/tyve", 400, "ugyldigt-aar", /fire cifre/],
    ["/api/v1/maps/boernehandicapomraadet/2024?area=children", 400, "ukendt-omraade", /ikke opdelt i børneområdet/],
    ["/api/v1/maps/socialomraadet/2024?area=unge", 400, "ukendt-omraade", /Ukendt område "unge"/],
    ["/api/v1/municipalities/9999", 404, "ukendt-kommune", /Ukendt kommune "9999"/],
    ["/api/v1/municipalities/0657?year=2019", 404, "ukendt-aar", /ingen data for 2019/],
    ["/api/v1/municipalities/0657?compare=0101,Atlantis", 404, "ukendt-kommune", /Atlantis/],
  ])("refuses %s with %i and a Danish message", async (url, status, code, message) => {
    const response = await getJson<{ error: string; message: string }>(url);
    expect(response.status).toBe(status);
    expect(response.body.error).toBe(code);
    expect(response.body.message).toMatch(message);
  });

  it("answers a municipality's profile by code or name, with the versions of its years", async () => {
    const byCode = await getJson<MunicipalityProfileResponse>("/api/v1/municipalities/0657");
    expect(byCode.status).toBe(200);
    expect(byCode.body.profile.municipality.code).toBe(HERNING);
    expect(byCode.body.profile.maps.map((m) => m.map)).toEqual(MAP_IDS);
    expect(byCode.body.profile.maps[0]!.areas[0]!.years.map((y) => y.year)).toEqual([2023, 2024]);
    expect(byCode.body.datasetVersions.map((v) => v.year)).toEqual([2023, 2024]);
    const byName = await getJson<MunicipalityProfileResponse>("/api/v1/municipalities/Herning");
    expect(byName.body).toEqual(byCode.body);
  });

  it("limits the profile to ?year= and adds a chosen group from ?compare=", async () => {
    const { body } = await getJson<MunicipalityProfileResponse>("/api/v1/municipalities/0657?year=2023&compare=0101,0751");
    expect(body.profile.focusYear).toBe(2023);
    expect(body.datasetVersions.map((v) => v.year)).toEqual([2023]);
    expect(body.profile.maps[0]!.chosenGroup!.members.map((m) => m.municipalityCode)).toEqual(["0101", "0751"]);
  });

  it("sends a missing value's reason as the Danish sentence it always sent, with its code beside it (issue 11, item 7)", async () => {
    const { body } = await getJson<MunicipalityProfileResponse>("/api/v1/municipalities/0657");
    const first = body.profile.maps.find((m) => m.map === "socialomraadet")!.areas.find((a) => a.area === "total")!.years[0]!;
    expect(first.year).toBe(2023);
    expect(first.change).toEqual({ kind: "not-comparable", previousYear: 2022, reasonDa: "Der er ingen data for 2022", reasonCode: "year-without-data" });
    expect(JSON.stringify(body)).not.toContain('"reason":');
  });

  it("serves an OpenAPI document whose row schema names every field the API sends", async () => {
    const { status, body } = await getJson<OpenApiDocument>("/api/v1/openapi.json");
    expect(status).toBe(200);
    expect(body.openapi).toBe("3.1.0");
    const documented = Object.keys(body.components.schemas.FigureRecord!.properties as object);
    const figures = await getJson<MapFiguresResponse>("/api/v1/maps/socialomraadet/2024");
    for (const row of [figures.body.national, ...figures.body.municipalities]) {
      for (const field of Object.keys(row)) expect(documented).toContain(field);
    }
    for (const [path, operations] of Object.entries(body.paths)) {
      const get = (operations as Record<string, { responses: Record<string, unknown>; security?: unknown; parameters?: { name: string; in: string; required?: boolean }[] } | undefined>).get;
      if (!get) continue;
      // A required query parameter (the agenda item's year) is given as a person would give it.
      const query = (get.parameters ?? []).filter((p) => p.in === "query" && p.required).map((p) => `${p.name}=${p.name === "year" ? "2024" : ""}`);
      const url = path.replace("{map}", "socialomraadet").replace("{year}", "2024").replace("{code}", HERNING) + (query.length > 0 ? `?${query.join("&")}` : "");
      const status = (await app.inject({ method: "GET", url })).statusCode;
      // Every GET answers with a status its operation documents; the public data paths with 200 (a
      // municipality without a comment gets 404, the audit trail without an API token 401).
      expect(Object.keys(get.responses), url).toContain(String(status));
      // A path naming a stored thing by id (an attachment) has none in this data: its 404 is documented above.
      // Likewise a municipality that has not chosen to publish its knowledge-bank aggregate, or that uses the
      // built-in Word template rather than its own (404, documented).
      const notPublished = path.includes("/comments/") || path.includes("/knowledge/public/") || path.endsWith("/docx-template");
      if (!get.security && !notPublished && !url.includes("{")) expect(status, url).toBe(200);
    }
  });

  it("agrees with `danmarkskort rates --format json` on every figure, for every map and area", async () => {
    for (const map of MAP_IDS) {
      for (const area of MAP_DEFINITIONS[map].areas) {
        const cli = JSON.parse((await runRates(t.db, { map, year: 2024, area, format: "json" })).output) as RatesRow[];
        const { body } = await getJson<MapFiguresResponse>(`/api/v1/maps/${map}/2024?area=${area}`);
        const version = body.datasetVersions.find((v) => v.year === 2024);
        expect(version).toBeDefined();
        expect(cli).toEqual([body.national, ...body.municipalities].map((r) => ({ ...r, datasetVersionId: version?.datasetVersionId, isDemo: body.isDemo, standing: version?.standing })));
      }
    }
  });

  it("gives the same figures in a municipality's profile as `rates --municipality`, for every map, area and year", async () => {
    const { body } = await getJson<MunicipalityProfileResponse>(`/api/v1/municipalities/${HERNING}`);
    let compared = 0;
    for (const mapProfile of body.profile.maps) {
      for (const areaProfile of mapProfile.areas) {
        for (const y of areaProfile.years) {
          const options = { map: mapProfile.map, year: y.year, area: areaProfile.area, municipalityCode: HERNING, format: "json" } as const;
          const [national, herning] = JSON.parse((await runRates(t.db, options)).output) as FigureRecord[];
          for (const [record, estimate] of [
            [national!, y.national.estimate],
            [herning!, y.municipality.estimate],
          ] as const) {
            if (record.kind !== "estimate" || estimate.kind !== "estimate") throw new Error(`forventede estimater for ${mapProfile.map} ${areaProfile.area} ${y.year}`);
            expect([estimate.decided, estimate.counts.upheld, estimate.counts.changed, estimate.counts.remitted, estimate.counts.rejected, estimate.reversed]).toEqual([
              record.decided,
              record.upheld,
              record.changed,
              record.remitted,
              record.rejected,
              record.reversed,
            ]);
            expect([estimate.reversalRate, estimate.changedRate, estimate.remittedRate, estimate.upheldRate, ...estimate.ci95]).toEqual([
              record.reversalRate,
              record.changedRate,
              record.remittedRate,
              record.upheldRate,
              ...record.ci95,
            ]);
          }
          expect(y.municipality.funnel.kind === "assessed" ? y.municipality.funnel.verdict : null).toBe("funnel" in herning! ? herning.funnel : undefined);
          // The profile leaves the rank's simulated interval out (rankIntervals: not computed per profile); the place is the same.
          const cliRank = "rank" in herning! ? herning.rank : undefined;
          expect(y.municipality.rank).toEqual(cliRank ? { ...cliRank, interval95: null } : cliRank);
          compared++;
        }
      }
    }
    // Three maps; the general map in three areas; two years each.
    expect(compared).toBe(5 * 2);
  });

  it("recomputes when the active dataset version of a year changes", async () => {
    const before = await getJson<MapFiguresResponse>("/api/v1/maps/voksenhandicapomraadet/2024");
    const revised = published2024Cells({ publishedNational: true }).map((c) => (c.municipalityCode === HERNING ? { ...c, counts: { ...c.counts, upheld: c.counts.upheld + 5 } } : c));
    const newVersion = await storeCells(t.db, revised, { fileName: "revideret.csv", extractedOn: "2025-09-01" });
    const after = await getJson<MapFiguresResponse>("/api/v1/maps/voksenhandicapomraadet/2024");
    expect(before.body.municipalities.find((m) => m.municipalityCode === HERNING)!).toMatchObject({ decided: 5 });
    expect(after.body.municipalities.find((m) => m.municipalityCode === HERNING)!).toMatchObject({ decided: 10 });
    expect(after.body.datasetVersions[0]!.datasetVersionId).toBe(newVersion);
    // 2023 still comes from the first version.
    const y2023 = await getJson<MapFiguresResponse>("/api/v1/maps/voksenhandicapomraadet/2023");
    expect(y2023.body.datasetVersions[0]!.datasetVersionId).toBe(versionId);
  });
});
