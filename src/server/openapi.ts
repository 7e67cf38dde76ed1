import { AREAS, MAP_IDS } from "../domain/map-definition.js";
import { FUNNEL_VERDICTS } from "../domain/statistics/funnel-limits.js";

/**
 * The OpenAPI 3.1 description of /api/v1, served at /api/v1/openapi.json. Written by hand next to
 * api-types.ts (the TypeScript contract). test/rates/openapi.test.ts validates real answers of every
 * documented path against these schemas (types, required fields, no undocumented fields), so the
 * document cannot drift from what the API sends.
 */
const ratesNote = "Andele som brøker 0–1, uafrundede. Omgørelsesprocent = (ændret + hjemvist) / realitetsbehandlede sager (afviste sager indgår ikke).";

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` }) as const;
const nullable = (name: string) => ({ anyOf: [ref(name), { type: "null" }] }) as const;
const fraction = { type: "number", minimum: 0, maximum: 1 } as const;
const count = { type: "integer", minimum: 0 } as const;
const interval = { type: "array", items: { type: "number" }, minItems: 2, maxItems: 2, description: "[nedre, øvre], brøker" } as const;
const mapId = { type: "string", enum: MAP_IDS } as const;
const area = { type: "string", enum: AREAS } as const;
const code = { type: "string", pattern: "^\\d{4}$", description: "Kommunekode, fx 0657" } as const;

/** An object whose every property is listed: a field the API adds must be documented first. */
function closed(required: readonly string[], properties: Record<string, unknown>, description?: string) {
  return { type: "object", required, properties, additionalProperties: false, ...(description ? { description } : {}) } as const;
}

const schemas = {
  FigureRecord: closed(
    ["map", "year", "area", "municipalityCode", "municipalityName", "kind"],
    {
      map: mapId,
      year: { type: "integer" },
      area,
      municipalityCode: { type: ["string", "null"], pattern: "^\\d{4}$", description: "Kommunekode, fx 0657; null på landsrækken" },
      municipalityName: { type: "string" },
      kind: { type: "string", enum: ["estimate", "no-cases", "no-data"], description: "no-cases: ingen realitetsbehandlede sager (andelene mangler); no-data: ingen data (se reasonDa)" },
      decided: { ...count, description: "Realitetsbehandlede sager = upheld + changed + remitted" },
      upheld: count,
      changed: count,
      remitted: count,
      rejected: { ...count, description: "Afviste sager; indgår ikke i decided" },
      reversed: { ...count, description: "Omgjorte sager = changed + remitted" },
      reversalRate: fraction,
      changedRate: fraction,
      remittedRate: fraction,
      upheldRate: fraction,
      ci95: { ...interval, description: "95 % Wilson-interval for reversalRate" },
      funnel: {
        type: ["string", "null"],
        enum: [...FUNNEL_VERDICTS, null],
        description: "Kun kommunerækker: placering i tragtplottet mod landsprocenten (eksakte binomialgrænser, Spiegelhalter 2005); null uden sager",
      },
      funnelLimits: { ...nullable("FunnelLimits"), description: "Kun kommunerækker: tragtgrænserne ved kommunens antal sager" },
      rank: { ...nullable("Rank"), description: "Kun kommunerækker" },
      publishedNational: { ...ref("PublishedNationalCheck"), description: "Kun landsrækken" },
      reasonDa: { type: "string", description: "Ved no-data: hvorfor der ingen tal er" },
    },
    `Tal for én kommune (eller hele landet, municipalityCode null) på ét kort, ét dataår og ét område. ${ratesNote}`,
  ),
  OutcomeCounts: closed(["upheld", "changed", "remitted", "rejected"], { upheld: count, changed: count, remitted: count, rejected: count }, "Antal sager pr. afgørelsestype"),
  RateEstimate: {
    description: `En kommunes (eller landets) tal: estimate med andele og interval, no-cases (ingen realitetsbehandlede sager) eller no-data med begrundelse. ${ratesNote}`,
    oneOf: [
      closed(["kind", "counts", "decided", "reversed", "reversalRate", "changedRate", "remittedRate", "upheldRate", "ci95"], {
        kind: { const: "estimate" },
        counts: ref("OutcomeCounts"),
        decided: count,
        reversed: count,
        reversalRate: fraction,
        changedRate: fraction,
        remittedRate: fraction,
        upheldRate: fraction,
        ci95: { ...interval, description: "95 % Wilson-interval for reversalRate" },
      }),
      closed(["kind", "counts", "decided", "reversed"], { kind: { const: "no-cases" }, counts: ref("OutcomeCounts"), decided: { const: 0 }, reversed: { const: 0 } }),
      closed(["kind", "reasonDa"], { kind: { const: "no-data" }, reasonDa: { type: "string" } }),
    ],
  },
  FunnelLimits: closed(
    ["n", "target", "lower998", "lower95", "upper95", "upper998"],
    { n: { type: "integer", minimum: 1 }, target: fraction, lower998: fraction, lower95: fraction, upper95: fraction, upper998: fraction },
    "Tragtgrænser ved n sager omkring landsprocenten target (eksakte binomialgrænser med Spiegelhalters interpolation)",
  ),
  FunnelResult: {
    oneOf: [
      closed(["kind", "verdict", "limits", "upperTail", "lowerTail"], {
        kind: { const: "assessed" },
        verdict: { type: "string", enum: FUNNEL_VERDICTS },
        limits: ref("FunnelLimits"),
        upperTail: { ...fraction, description: "P(R ≥ omgjorte) ved landsprocenten" },
        lowerTail: { ...fraction, description: "P(R ≤ omgjorte) ved landsprocenten" },
      }),
      closed(["kind", "reasonDa"], { kind: { const: "not-assessed" }, reasonDa: { type: "string" } }),
    ],
  },
  Rank: closed(
    ["position", "of", "tiedWith"],
    { position: { type: "integer", minimum: 1 }, of: { type: "integer", minimum: 1 }, tiedWith: { type: "integer", minimum: 1 } },
    "Placering blandt kommunerne med sager; 1 = laveste omgørelsesprocent; ligestillede deler pladsen (1, 2, 2, 4)",
  ),
  PublishedNationalCheck: {
    description: "Summen af de 98 kommuner sammenlignet med Ankestyrelsens egen landsrække",
    oneOf: [
      closed(["kind"], { kind: { const: "not-published" } }),
      closed(["kind", "published"], { kind: { const: "match" }, published: ref("OutcomeCounts") }),
      closed(["kind", "published", "publishedEstimate", "differences"], {
        kind: { const: "mismatch" },
        published: ref("OutcomeCounts"),
        publishedEstimate: ref("RateEstimate"),
        differences: {
          type: "array",
          items: closed(["outcome", "sumOf98", "published"], { outcome: { type: "string", enum: ["upheld", "changed", "remitted", "rejected"] }, sumOf98: count, published: count }),
        },
      }),
    ],
  },
  AreaCoverage: {
    description: "Om børne- og voksenområdet tilsammen dækker i alt (sagsemner uden kendt område tæller kun i i alt)",
    oneOf: [
      closed(["kind"], { kind: { const: "not-split" } }),
      closed(["kind"], { kind: { const: "complete" } }),
      closed(["kind", "decidedWithoutArea", "reversedWithoutArea"], { kind: { const: "incomplete" }, decidedWithoutArea: count, reversedWithoutArea: count }),
    ],
  },
  DatasetVersion: closed(
    ["year", "datasetVersionId", "fileName", "sha256", "source", "extractedOn", "importedAt", "isDemo"],
    {
      year: { type: "integer" },
      datasetVersionId: { type: "integer" },
      fileName: { type: "string" },
      sha256: { type: "string", pattern: "^[0-9a-f]{64}$" },
      source: { type: ["string", "null"] },
      extractedOn: { type: ["string", "null"], format: "date", description: "Hvornår tallene blev trukket fra Ankestyrelsen" },
      importedAt: { type: "string", format: "date-time" },
      isDemo: { type: "boolean" },
    },
    "Det aktive datasæt for ét dataår: hvor tallene kommer fra",
  ),
  MapsIndex: closed(["maps", "datasetVersions", "isDemo"], {
    maps: {
      type: "array",
      items: closed(["map", "nameDa", "areas", "years"], { map: mapId, nameDa: { type: "string" }, areas: { type: "array", items: area }, years: { type: "array", items: { type: "integer" } } }),
    },
    datasetVersions: { type: "array", items: ref("DatasetVersion"), description: "Den aktive datasætversion for hvert dataår med data" },
    isDemo: { type: "boolean" },
  }),
  MapFigures: closed(["map", "year", "area", "national", "municipalities", "areaCoverage", "datasetVersions", "isDemo"], {
    map: mapId,
    year: { type: "integer" },
    area,
    national: ref("FigureRecord"),
    municipalities: { type: "array", minItems: 98, maxItems: 98, items: ref("FigureRecord"), description: "Alle 98 kommuner i kodeorden" },
    areaCoverage: ref("AreaCoverage"),
    datasetVersions: { type: "array", items: ref("DatasetVersion") },
    isDemo: { type: "boolean", description: "Sand, når tallene er demodata: vis 'Demodata – ikke Ankestyrelsens tal'" },
  }),
  MunicipalityFigureRow: closed(["municipalityCode", "municipalityName", "region", "estimate", "funnel", "rank"], {
    municipalityCode: code,
    municipalityName: { type: "string" },
    region: { type: "string" },
    estimate: ref("RateEstimate"),
    funnel: ref("FunnelResult"),
    rank: nullable("Rank"),
  }),
  NationalFigureRow: closed(["municipalityCode", "municipalityName", "estimate", "publishedNational"], {
    municipalityCode: { type: "null" },
    municipalityName: { type: "string" },
    estimate: ref("RateEstimate"),
    publishedNational: ref("PublishedNationalCheck"),
  }),
  YearChange: {
    description: "Ændringen fra året før med 95 %-interval for forskellen (Newcombe 1998, metode 10); increase/decrease kun når hele intervallet ligger på én side af 0",
    oneOf: [
      closed(["kind", "previousYear", "difference", "ci95", "verdict"], {
        kind: { const: "change" },
        previousYear: { type: "integer" },
        difference: { type: "number", minimum: -1, maximum: 1 },
        ci95: interval,
        verdict: { type: "string", enum: ["increase", "decrease", "no-clear-change"] },
      }),
      closed(["kind", "previousYear", "reasonDa"], { kind: { const: "not-comparable" }, previousYear: { type: "integer" }, reasonDa: { type: "string" } }),
    ],
  },
  PooledEstimate: closed(
    ["fromYear", "toYear", "yearsIncluded", "yearsMissing", "estimate"],
    {
      fromYear: { type: "integer" },
      toYear: { type: "integer" },
      yearsIncluded: { type: "array", items: { type: "integer" } },
      yearsMissing: { type: "array", items: { type: "integer" } },
      estimate: ref("RateEstimate"),
    },
    "Tre dataår lagt sammen (summen af sagerne), for små kommuner",
  ),
  ProfileYear: closed(["year", "municipality", "national", "change", "pooled"], {
    year: { type: "integer" },
    municipality: ref("MunicipalityFigureRow"),
    national: ref("NationalFigureRow"),
    change: ref("YearChange"),
    pooled: ref("PooledEstimate"),
  }),
  YearEstimate: closed(["year", "estimate"], { year: { type: "integer" }, estimate: ref("RateEstimate") }),
  ComparisonGroup: closed(["kind", "labelDa", "map", "area", "years", "members", "combined"], {
    kind: { type: "string", enum: ["neighbours", "region", "chosen"] },
    labelDa: { type: "string" },
    map: mapId,
    area,
    years: { type: "array", items: { type: "integer" } },
    members: {
      type: "array",
      items: closed(["municipalityCode", "municipalityName", "years"], { municipalityCode: code, municipalityName: { type: "string" }, years: { type: "array", items: ref("YearEstimate") } }),
    },
    combined: { type: "array", items: ref("YearEstimate"), description: "Gruppen samlet: summen af sagerne, ikke et gennemsnit af procenter" },
  }),
  SubjectsOfYear: closed(["year", "subjects"], {
    year: { type: "integer" },
    subjects: {
      type: "array",
      items: closed(["subject", "law", "counts", "decided", "reversed"], { subject: { type: "string" }, law: { type: "string" }, counts: ref("OutcomeCounts"), decided: count, reversed: count }),
    },
  }),
  MapProfile: closed(["map", "areas", "neighbours", "region", "chosenGroup", "subjects"], {
    map: mapId,
    areas: { type: "array", items: closed(["area", "years"], { area, years: { type: "array", items: ref("ProfileYear") } }) },
    neighbours: ref("ComparisonGroup"),
    region: ref("ComparisonGroup"),
    chosenGroup: nullable("ComparisonGroup"),
    subjects: { type: "array", items: ref("SubjectsOfYear") },
  }),
  MunicipalityProfile: closed(["municipality", "focusYear", "maps"], {
    municipality: closed(["code", "name", "region"], { code, name: { type: "string" }, region: { type: "string" } }),
    focusYear: { type: ["integer", "null"] },
    maps: { type: "array", items: ref("MapProfile") },
  }),
  MunicipalityProfileResponse: closed(["profile", "datasetVersions", "isDemo"], {
    profile: ref("MunicipalityProfile"),
    datasetVersions: { type: "array", items: ref("DatasetVersion") },
    isDemo: { type: "boolean" },
  }),
  ApiError: closed(["error", "message"], { error: { type: "string", description: "Fast kode, fx ukendt-kort" }, message: { type: "string", description: "Dansk forklaring" } }),
} as const;

const json = (schema: unknown, description: string) => ({ description, content: { "application/json": { schema } } }) as const;
const error = json(ref("ApiError"), "Fejl med en fast kode og en dansk forklaring");
const etagHeader = { ETag: { description: "Svarets ETag; send den i If-None-Match for at få 304 uden indhold", schema: { type: "string" } } } as const;
const notModified = { description: "Uændret siden den ETag, klienten sendte i If-None-Match" } as const;

export const OPENAPI_DOCUMENT = {
  openapi: "3.1.0",
  info: {
    title: "Danmarkskort over omgørelsesprocenter – API",
    version: "1",
    description:
      "Ankestyrelsens omgørelsesprocenter for de 98 kommuner på de tre danmarkskort, med antal sager, 95 %-interval (Wilson), " +
      "tragtplot mod landsprocenten (Spiegelhalter 2005), placering og sammenligninger. Omgørelsesprocenten siger kun noget om " +
      "de påklagede og realitetsbehandlede sager, ikke om de sager, der ikke blev påklaget.",
  },
  paths: {
    "/api/v1/maps": {
      get: {
        summary: "De tre kort og deres dataår med data",
        responses: { "200": { ...json(ref("MapsIndex"), "Kortene"), headers: etagHeader }, "304": notModified },
      },
    },
    "/api/v1/maps/{map}/{year}": {
      get: {
        summary: "Tallene for ét kort og ét dataår: hele landet og alle 98 kommuner",
        parameters: [
          { name: "map", in: "path", required: true, schema: mapId },
          { name: "year", in: "path", required: true, schema: { type: "integer" }, description: "Dataåret (det år Ankestyrelsen afgjorde sagerne)" },
          { name: "area", in: "query", required: false, schema: { ...area, default: "total" }, description: "children/adults kun på socialomraadet" },
        ],
        responses: { "200": { ...json(ref("MapFigures"), "Tallene"), headers: etagHeader }, "304": notModified, "400": error, "404": error },
      },
    },
    "/api/v1/municipalities/{code}": {
      get: {
        summary: "Kommuneprofil: de tre kort, områder, alle år, udvikling, puljet 3-års-procent, nabokommuner, region og sagsemner",
        parameters: [
          { name: "code", in: "path", required: true, schema: { type: "string" }, description: "Kommunekode (0657) eller kommunenavn" },
          { name: "year", in: "query", required: false, schema: { type: "integer" }, description: "Fokusår; senere år udelades" },
          { name: "compare", in: "query", required: false, schema: { type: "string" }, description: "Egen sammenligningsgruppe: kommunekoder adskilt af komma" },
        ],
        responses: { "200": { ...json(ref("MunicipalityProfileResponse"), "Profilen"), headers: etagHeader }, "304": notModified, "400": error, "404": error },
      },
    },
    "/api/v1/openapi.json": { get: { summary: "Dette dokument", responses: { "200": json({ type: "object" }, "OpenAPI 3.1") } } },
  },
  components: { schemas },
} as const;
