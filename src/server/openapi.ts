import { MAP_IDS } from "../domain/map-definition.js";
import { FUNNEL_VERDICTS } from "../domain/statistics/funnel-limits.js";

/**
 * The OpenAPI 3.1 description of /api/v1, served at /api/v1/openapi.json. Written by hand next to
 * api-types.ts (the TypeScript contract); test/rates/api.test.ts checks that every documented path
 * answers and that the documented row fields are the ones the API sends.
 */
const ratesNote = "Andele som brøker 0–1, uafrundede. Omgørelsesprocent = (ændret + hjemvist) / realitetsbehandlede sager (afviste sager indgår ikke).";

const figureRecord = {
  type: "object",
  description: `Tal for én kommune (eller hele landet, municipalityCode null) på ét kort, ét dataår og ét område. ${ratesNote}`,
  required: ["map", "year", "area", "municipalityCode", "municipalityName", "kind"],
  properties: {
    map: { type: "string", enum: MAP_IDS },
    year: { type: "integer" },
    area: { type: "string", enum: ["total", "children", "adults"] },
    municipalityCode: { type: ["string", "null"], pattern: "^\\d{4}$", description: "Kommunekode, fx 0657; null på landsrækken" },
    municipalityName: { type: "string" },
    kind: { type: "string", enum: ["estimate", "no-cases", "no-data"], description: "no-cases: ingen realitetsbehandlede sager (andelene mangler); no-data: ingen data (se reasonDa)" },
    decided: { type: "integer", description: "Realitetsbehandlede sager" },
    upheld: { type: "integer" },
    changed: { type: "integer" },
    remitted: { type: "integer" },
    rejected: { type: "integer", description: "Afviste sager; indgår ikke i decided" },
    reversed: { type: "integer", description: "Omgjorte sager = changed + remitted" },
    reversalRate: { type: "number" },
    changedRate: { type: "number" },
    remittedRate: { type: "number" },
    upheldRate: { type: "number" },
    ci95: { type: "array", items: { type: "number" }, minItems: 2, maxItems: 2, description: "95 % Wilson-interval for reversalRate" },
    funnel: {
      type: ["string", "null"],
      enum: [...FUNNEL_VERDICTS, null],
      description: "Kommunerækker: placering i tragtplottet mod landsprocenten (eksakte binomialgrænser, Spiegelhalter 2005)",
    },
    funnelLimits: { type: ["object", "null"], description: "Tragtgrænserne ved kommunens antal sager (n, target, lower998, lower95, upper95, upper998)" },
    rank: {
      type: ["object", "null"],
      description: "Placering blandt kommunerne med sager; 1 = laveste omgørelsesprocent; ligestillede deler pladsen",
      properties: { position: { type: "integer" }, of: { type: "integer" }, tiedWith: { type: "integer" } },
    },
    publishedNational: { type: "object", description: "Landsrækken: sammenligning med Ankestyrelsens egen landsrække (not-published, match, mismatch)" },
    reasonDa: { type: "string" },
  },
} as const;

const provenance = {
  datasetVersions: {
    type: "array",
    description: "Det aktive datasæt for hvert dataår i svaret",
    items: {
      type: "object",
      properties: {
        year: { type: "integer" },
        datasetVersionId: { type: "integer" },
        fileName: { type: "string" },
        sha256: { type: "string" },
        source: { type: ["string", "null"] },
        extractedOn: { type: ["string", "null"], format: "date" },
        importedAt: { type: "string" },
        isDemo: { type: "boolean" },
      },
    },
  },
  isDemo: { type: "boolean", description: "Sand, når tallene er demodata: vis 'Demodata – ikke Ankestyrelsens tal'" },
} as const;

const error = {
  description: "Fejl med en kode og en dansk forklaring",
  content: {
    "application/json": {
      schema: { type: "object", required: ["error", "message"], properties: { error: { type: "string" }, message: { type: "string" } } },
    },
  },
} as const;

export const OPENAPI_DOCUMENT = {
  openapi: "3.1.0",
  info: {
    title: "Danmarkskort over omgørelsesprocenter – API",
    version: "1",
    description:
      "Ankestyrelsens omgørelsesprocenter for de 98 kommuner på de tre danmarkskort, med antal sager, 95 %-interval (Wilson), " +
      "tragtplot mod landsprocenten (Spiegelhalter 2005), placering og sammenligninger. Omgørelsesprocenten er ikke en fejlprocent: " +
      "den siger intet om de sager, der ikke blev påklaget.",
  },
  paths: {
    "/api/v1/maps": {
      get: {
        summary: "De tre kort og deres dataår med data",
        responses: { "200": { description: "Kortene", content: { "application/json": { schema: { type: "object" } } } } },
      },
    },
    "/api/v1/maps/{map}/{year}": {
      get: {
        summary: "Tallene for ét kort og ét dataår: hele landet og alle 98 kommuner",
        parameters: [
          { name: "map", in: "path", required: true, schema: { type: "string", enum: MAP_IDS } },
          { name: "year", in: "path", required: true, schema: { type: "integer" } },
          { name: "area", in: "query", required: false, schema: { type: "string", enum: ["total", "children", "adults"], default: "total" }, description: "children/adults kun på socialomraadet" },
        ],
        responses: {
          "200": {
            description: "Tallene",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  required: ["map", "year", "area", "national", "municipalities", "datasetVersions", "isDemo"],
                  properties: {
                    map: { type: "string" },
                    year: { type: "integer" },
                    area: { type: "string" },
                    national: { $ref: "#/components/schemas/FigureRecord" },
                    municipalities: { type: "array", minItems: 98, maxItems: 98, items: { $ref: "#/components/schemas/FigureRecord" } },
                    areaCoverage: { type: "object", description: "Om børne- og voksenområdet tilsammen dækker i alt (sagsemner uden kendt område)" },
                    ...provenance,
                  },
                },
              },
            },
          },
          "400": error,
          "404": error,
        },
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
        responses: {
          "200": {
            description: "Profilen (typen MunicipalityProfile i src/server/api-types.ts)",
            content: { "application/json": { schema: { type: "object", required: ["profile", "datasetVersions", "isDemo"], properties: { profile: { type: "object" }, ...provenance } } } },
          },
          "400": error,
          "404": error,
        },
      },
    },
    "/api/v1/openapi.json": { get: { summary: "Dette dokument", responses: { "200": { description: "OpenAPI 3.1" } } } },
  },
  components: { schemas: { FigureRecord: figureRecord } },
} as const;
