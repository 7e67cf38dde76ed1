import { AREAS, MAP_IDS } from "../domain/map-definition.js";
import { ACTION_PLAN_PATHS, ACTION_PLAN_SCHEMAS } from "./routes/api-action-plan-schemas.js";
import { KnowledgeEntryBody } from "./routes/api-knowledge-schemas.js";
import { FUNNEL_VERDICTS } from "../domain/statistics/funnel-limits.js";
import {
  ApiTokenSchema,
  AuditTrailSchema,
  CreateTokenBody,
  CreateUserBody,
  MunicipalityCommentSchema,
  PutCommentBody,
  SetUserDisabledBody,
  UserSchema,
} from "./routes/api-write-schemas.js";
import { TREATMENT_PATHS, TREATMENT_SCHEMAS } from "./routes/api-treatment-schemas.js";
import { SUBJECT_AREA_PATHS, SUBJECT_AREA_SCHEMAS } from "./routes/api-subject-area-schemas.js";
import { DOCX_TEMPLATE_PATHS, DOCX_TEMPLATE_SCHEMAS } from "./routes/api-docx-template.js";

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

const PER_CAPITA_REQUIRED = ["status", "perTenThousand", "decided", "population", "band", "labelDa", "basis", "populationPeriod", "contextVersionId"];
/** Cases per 10.000 (issue 18): figure, population band, and where the population came from. */
const PER_CAPITA_PROPERTIES = {
    status: { type: "string", enum: ["value", "no-cases", "population-suppressed", "no-population", "no-data"], description: "population-suppressed: Danmarks Statistik har diskretioneret folketallet; no-population: intet folketal; no-data: ingen klagedata" },
    perTenThousand: { type: ["number", "null"], description: "Realitetsbehandlede sager pr. 10.000 i aldersbåndet, uafrundet" },
    decided: { type: ["integer", "null"] },
    population: { type: ["integer", "null"] },
    band: { type: "string", enum: ["total", "0-17", "18-64", "18+"], description: "Børnekort: 0–17 år; voksenhandicapkort: 18–64 år; socialområdet: alle (børneområdet 0–17, voksenområdet 18+)" },
    labelDa: { type: "string" },
    basis: { type: "string", enum: ["imported", "rounded"], description: "imported: årets eget folketal 1. januar (FOLK1A, kvartal 1); rounded: de afrundede folketal fra 2024, indtil årets er indlæst" },
    populationPeriod: { type: "string", description: "Fx 2024K1 eller \"2024 (afrundet)\"" },
    contextVersionId: { type: ["integer", "null"] },
  };

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
      verdict: {
        type: ["string", "null"],
        enum: [...FUNNEL_VERDICTS, null],
        description:
          "Kun kommunerækker: vurderingen mod landsplan i tragtplottet (eksakt halesandsynlighed, Spiegelhalter 2005; udvidet ved overspredning) med niveauet, der er overskredet: above99.8/below99.8 uden for 99,8 %-grænsen, above95/below95 kun uden for 95 %-grænsen, within inden for, too-few-cases: kan ikke vurderes – for få sager (intet udfald ved dette antal sager kan falde uden for 95 %-grænserne); null uden sager",
      },
      funnel: {
        type: ["string", "null"],
        enum: [...FUNNEL_VERDICTS, null],
        description: "Kun kommunerækker: samme værdi som verdict (det ældre navn)",
      },
      funnelLimits: { ...nullable("FunnelLimits"), description: "Kun kommunerækker: tragtgrænserne ved kommunens antal sager, de samme som afgør verdict og tegnes i tragtplottet" },
      rank: { ...nullable("Rank"), description: "Kun kommunerækker" },
      publishedNational: { ...ref("PublishedNationalCheck"), description: "Kun landsrækken" },
      reasonDa: { type: "string", description: "Ved no-data: hvorfor der ingen tal er" },
      revised: {
        ...nullable("RevisedFigureRecord"),
        description: "Når tallene er kortet, som det blev offentliggjort, og Ankestyrelsen siden har revideret rækkens tal: de reviderede tal fra det nyere udtræk; ellers null",
      },
    },
    `Tal for én kommune (eller hele landet, municipalityCode null) på ét kort, ét dataår og ét område. ${ratesNote}`,
  ),
  RevisedFigureRecord: closed(
    ["kind", "datasetVersionId", "extractedOn"],
    {
      kind: { type: "string", enum: ["estimate", "no-cases", "no-data"] },
      datasetVersionId: { type: "integer", description: "Det nyere udtræks datasætversion" },
      extractedOn: { type: ["string", "null"], format: "date", description: "Det nyere udtræks dato" },
      decided: count,
      upheld: count,
      changed: count,
      remitted: count,
      rejected: count,
      reversed: count,
      reversalRate: fraction,
      changedRate: fraction,
      remittedRate: fraction,
      upheldRate: fraction,
      ci95: interval,
      reasonDa: { type: "string" },
    },
    "Ankestyrelsens senere tal for en række, vist ved siden af de offentliggjorte",
  ),
  FigureRevision: {
    description: "Om Ankestyrelsen siden har revideret tallet på kortet, som det blev offentliggjort",
    oneOf: [closed(["kind"], { kind: { const: "unrevised" } }), closed(["kind", "estimate"], { kind: { const: "revised" }, estimate: ref("RateEstimate") })],
  },
  DatasetProvenance: closed(["datasetVersionId", "fileName", "sha256", "source", "extractedOn", "importedAt", "isDemo"], {
    datasetVersionId: { type: "integer" },
    fileName: { type: "string" },
    sha256: { type: "string", pattern: "^[0-9a-f]{64}$" },
    source: { type: ["string", "null"] },
    extractedOn: { type: ["string", "null"], format: "date" },
    importedAt: { type: "string", format: "date-time" },
    isDemo: { type: "boolean" },
  }),
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
    { n: { type: "integer", minimum: 1 }, target: fraction, lower998: { type: "number" }, lower95: { type: "number" }, upper95: { type: "number" }, upper998: { type: "number" } },
    "Tragtgrænser ved n sager omkring landsprocenten target: Spiegelhalters interpolation af de samme eksakte halesandsynligheder, som afgør vurderingen (binomial, eller beta-binomial ved overspredning). En nedre grænse under 0 eller en øvre over 1 betyder, at intet udfald ved n sager kan ligge uden for den",
  ),
  FunnelResult: {
    oneOf: [
      closed(["kind", "verdict", "limits", "upperTail", "lowerTail", "chanceOutside"], {
        kind: { const: "assessed" },
        verdict: { type: "string", enum: FUNNEL_VERDICTS },
        limits: ref("FunnelLimits"),
        upperTail: { ...fraction, description: "P(R ≥ omgjorte) under nulmodellen (landsplan)" },
        lowerTail: { ...fraction, description: "P(R ≤ omgjorte) under nulmodellen (landsplan)" },
        chanceOutside: closed(["p95", "p998"], { p95: fraction, p998: fraction }, "Sandsynligheden for at ligge uden for 95 %- og 99,8 %-grænserne ved tilfældighed alene ved kommunens antal sager"),
      }),
      closed(["kind", "reasonDa"], { kind: { const: "not-assessed" }, reasonDa: { type: "string" } }),
    ],
  },
  Overdispersion: closed(
    ["phi", "tau2", "pValue", "adjusted", "method", "units"],
    {
      phi: { type: "number", minimum: 0, description: "φ̂ = gennemsnittet af de winsoriserede z-scorer i anden (arcsin-skala, 10 % winsorisering); 1 = kun binomial variation" },
      tau2: { type: ["number", "null"], minimum: 0, description: "τ̂² (arcsin-skala), når grænserne er udvidet; ellers null" },
      pValue: { ...fraction, description: "P(χ²(I − 1) ≥ I·φ̂)" },
      adjusted: { type: "boolean", description: "Sand, når testen er signifikant på 5 %-niveau, og grænserne derfor er udvidet (beta-binomial med variansen τ²)" },
      method: { type: "string", enum: ["spiegelhalter-2005-arcsine-winsorised-10pct"] },
      units: { type: "integer", minimum: 0, description: "I: kommuner med mindst én realitetsbehandlet sag" },
    },
    "Overspredning på kortet, området og året (Spiegelhalter 2005, afsnit 5)",
  ),
  FunnelNullModel: {
    description: "Hvad 'tilfældighed alene' betyder i tragtplottet: binomial om landsplan, eller beta-binomial med variationen mellem kommunerne",
    oneOf: [
      closed(["kind", "target"], { kind: { const: "binomial" }, target: fraction }),
      closed(["kind", "target", "tau2", "rateVariance"], { kind: { const: "beta-binomial" }, target: fraction, tau2: { type: "number", minimum: 0 }, rateVariance: { type: "number", minimum: 0 } }),
    ],
  },
  FunnelSummary: closed(["overdispersion", "model", "verdictCounts", "outside", "expectedOutside", "outsideUnadjusted"], {
    overdispersion: nullable("Overdispersion"),
    model: nullable("FunnelNullModel"),
    verdictCounts: closed(FUNNEL_VERDICTS, Object.fromEntries(FUNNEL_VERDICTS.map((v) => [v, count])), "Antal kommuner pr. vurdering"),
    outside: ref("ChanceCounts"),
    expectedOutside: { ...ref("ChanceCounts"), description: "Forventet antal kommuner uden for grænserne ved tilfældighed alene (summen af hver kommunes sandsynlighed ved dens antal sager)" },
    outsideUnadjusted: { ...nullable("ChanceCounts"), description: "Ved udvidede grænser: antal uden for de uudvidede binomialgrænser, til sammenligning; ellers null" },
  }),
  ChanceCounts: closed(["p95", "p998"], { p95: { type: "number", minimum: 0 }, p998: { type: "number", minimum: 0 } }, "Uden for 95 %-grænserne (begge sider, 99,8 % medregnet) og uden for 99,8 %-grænserne"),
  Rank: closed(
    ["position", "of", "tiedWith", "interval95"],
    {
      position: { type: "integer", minimum: 1 },
      of: { type: "integer", minimum: 1 },
      tiedWith: { type: "integer", minimum: 1 },
      interval95: {
        anyOf: [{ type: "array", items: { type: "integer", minimum: 1 }, minItems: 2, maxItems: 2 }, { type: "null" }],
        description: "95 %-interval for placeringen ved simulation fra hver kommunes beta-posterior, Beta(r + 1, n − r + 1), 1.000 træk med fast frø (Goldstein & Spiegelhalter 1996); null hvor det ikke er beregnet (kommuneprofilen)",
      },
    },
    "Placering blandt kommunerne med mindst 10 sager; 1 = laveste omgørelsesprocent; ligestillede deler pladsen (1, 2, 2, 4); under 10 sager ingen placering (null)",
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
    ["year", "datasetVersionId", "fileName", "sha256", "source", "extractedOn", "importedAt", "isDemo", "standing", "revision"],
    {
      year: { type: "integer" },
      datasetVersionId: { type: "integer" },
      fileName: { type: "string" },
      sha256: { type: "string", pattern: "^[0-9a-f]{64}$" },
      source: { type: ["string", "null"] },
      extractedOn: { type: ["string", "null"], format: "date", description: "Hvornår tallene blev trukket fra Ankestyrelsen" },
      importedAt: { type: "string", format: "date-time" },
      isDemo: { type: "boolean" },
      standing: {
        type: "string",
        enum: ["published", "extraction"],
        description: "published: kortet, som det blev offentliggjort, for året; extraction: det nyeste udtræk (intet offentliggjort kort er markeret)",
      },
      revision: { ...nullable("DatasetProvenance"), description: "Et nyere udtræk end det offentliggjorte kort, når der er et; rækkerne har så revised" },
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
  MapFigures: closed(["map", "year", "area", "national", "municipalities", "areaCoverage", "perTenThousand", "overdispersion", "funnelSummary", "datasetVersions", "isDemo"], {
    perTenThousand: closed(["national", "municipalities"], {
      national: ref("PerCapitaRecord"),
      municipalities: { type: "array", items: ref("MunicipalityPerCapitaRecord") },
    }),
    overdispersion: { ...nullable("Overdispersion"), description: "Overspredning for kortet, området og året; null uden landsprocent eller med under tre kommuner med sager" },
    funnelSummary: ref("FunnelSummary"),
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
    revision: ref("FigureRevision"),
  }),
  NationalFigureRow: closed(["municipalityCode", "municipalityName", "estimate", "publishedNational"], {
    municipalityCode: { type: "null" },
    municipalityName: { type: "string" },
    estimate: ref("RateEstimate"),
    publishedNational: ref("PublishedNationalCheck"),
    revision: ref("FigureRevision"),
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
  ProfileYear: closed(["year", "municipality", "national", "funnelSummary", "change", "pooled"], {
    year: { type: "integer" },
    funnelSummary: ref("FunnelSummary"),
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
  PerCapitaRecord: closed(PER_CAPITA_REQUIRED, PER_CAPITA_PROPERTIES),
  MunicipalityPerCapitaRecord: closed(["municipalityCode", ...PER_CAPITA_REQUIRED], { municipalityCode: code, ...PER_CAPITA_PROPERTIES }),
  RecipientRecord: closed(["table", "period", "labelDa", "unit", "status", "count", "contextVersionId"], {
    table: { type: "string" },
    period: { type: "string" },
    labelDa: { type: "string" },
    unit: { type: "string", enum: ["recipients", "per-1000"], description: "recipients: antal modtagere (HAND07, HANDBU01); per-1000: modtagere pr. 1.000 indbyggere (HAND06)" },
    status: { type: "string", enum: ["value", "suppressed", "no-data"], description: "suppressed: diskretioneret af Danmarks Statistik (ikke 0)" },
    count: { type: ["number", "null"], description: "Antal modtagere, eller modtagere pr. 1.000 indbyggere (unit)" },
    contextVersionId: { type: ["integer", "null"] },
  }),
  MunicipalityProfileResponse: closed(["profile", "perTenThousand", "recipients", "datasetVersions", "isDemo"], {
    profile: ref("MunicipalityProfile"),
    perTenThousand: {
      type: "array",
      items: closed(["map", "area", "year", "municipality", "national"], { map: mapId, area, year: { type: "integer" }, municipality: ref("PerCapitaRecord"), national: ref("PerCapitaRecord") }),
    },
    recipients: {
      type: "array",
      items: closed(["map", "year", "lines"], { map: mapId, year: { type: "integer" }, lines: { type: "array", items: ref("RecipientRecord") } }),
    },
    datasetVersions: { type: "array", items: ref("DatasetVersion") },
    isDemo: { type: "boolean" },
  }),
  MunicipalityComment: MunicipalityCommentSchema,
  PutCommentBody,
  CreateUserBody,
  SetUserDisabledBody,
  User: UserSchema,
  CreateTokenBody,
  ApiToken: ApiTokenSchema,
  AuditTrail: AuditTrailSchema,
  ...TREATMENT_SCHEMAS,
  ...SUBJECT_AREA_SCHEMAS,
  ...DOCX_TEMPLATE_SCHEMAS,
  ...ACTION_PLAN_SCHEMAS,
  ApiError: closed(["error", "message"], { error: { type: "string", description: "Fast kode, fx ukendt-kort" }, message: { type: "string", description: "Dansk forklaring" } }),
} as const;

const json = (schema: unknown, description: string) => ({ description, content: { "application/json": { schema } } }) as const;
const error = json(ref("ApiError"), "Fejl med en fast kode og en dansk forklaring");
const etagHeader = { ETag: { description: "Svarets ETag; send den i If-None-Match for at få 304 uden indhold", schema: { type: "string" } } } as const;
const notModified = { description: "Uændret siden den ETag, klienten sendte i If-None-Match" } as const;

const codePath = { name: "code", in: "path", required: true, schema: code } as const;
const yearPath = { name: "year", in: "path", required: true, schema: { type: "integer" }, description: "Dataåret kommentaren gælder" } as const;
const bearer = [{ apiToken: [] }] as const;
const body = (name: string) => ({ required: true, content: { "application/json": { schema: ref(name) } } }) as const;

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
    "/api/v1/municipalities/{code}/agenda-item": {
      get: {
        summary: "Dagsordenpunktet om årets danmarkskort som fil (DOCX, PDF, HTML eller Markdown), med de samme valg som kommandolinjen og kommunens side",
        parameters: [
          { name: "code", in: "path", required: true, schema: { type: "string" }, description: "Kommunekode (0657)" },
          { name: "year", in: "query", required: true, schema: { type: "integer" }, description: "Dataåret" },
          { name: "format", in: "query", required: false, schema: { type: "string", enum: ["docx", "pdf", "html", "md"], default: "docx" } },
          { name: "body", in: "query", required: false, schema: { type: "string", enum: ["byraad", "udvalg", "handicapraad"], default: "byraad" } },
          { name: "template", in: "query", required: false, schema: { type: "string", enum: ["orientering", "beslutning"], default: "orientering" } },
          { name: "sections", in: "query", required: false, schema: { type: "string" }, description: "Valgfrie afsnit, fx udvikling,alle-sager:bilag,-kommentar; alle; ingen" },
          { name: "compare", in: "query", required: false, schema: { type: "string" }, description: "naboer, region, lignende[:antal] eller kommuner adskilt af komma" },
          { name: "compareYears", in: "query", required: false, schema: { type: "integer", minimum: 1, maximum: 10 } },
          { name: "actionPlan", in: "query", required: false, schema: { type: "string", enum: ["auto", "tag-stilling", "ingen-handleplan", "handleplan", "udelad"] } },
          { name: "point", in: "query", required: false, schema: { type: "string" }, description: "Ekstra indstillingspunkter, adskilt af semikolon" },
          { name: "route", in: "query", required: false, schema: { type: "string" }, description: "Sagens forløb: »Organ ÅÅÅÅ-MM-DD[ (høring)][: beslutning]« adskilt af semikolon" },
          { name: "caseworkers", in: "query", required: false, schema: { type: "string" }, description: "Sagsbehandlere adskilt af komma" },
          { name: "caseNumber", in: "query", required: false, schema: { type: "string" } },
          { name: "competence", in: "query", required: false, schema: { type: "string" } },
          { name: "economy", in: "query", required: false, schema: { type: "string" } },
          { name: "attachPlan", in: "query", required: false, schema: { type: "string" }, description: "Offentliggjorte handleplaner, der vedlægges som bilag: numre adskilt af komma" },
        ],
        responses: {
          "200": { description: "Filen; Content-Disposition giver et dansk filnavn" },
          "400": error,
          "404": error,
          "503": error,
        },
      },
    },
    "/api/v1/municipalities/{code}/comments/{year}": {
      get: {
        summary: "Kommunens kommentar til tallene for et år: den offentliggjorte, eller med en API-nøgle fra kommunens egne brugere (og tilsyn/administrator) også kladden",
        parameters: [codePath, yearPath],
        responses: { "200": json(ref("MunicipalityComment"), "Kommentaren"), "400": error, "404": error },
      },
      put: {
        summary: "Gem kommunens kommentar som kladde eller offentliggjort (kun kommunens redaktører); et CPR-nummer afvises, og intet gemmes",
        security: bearer,
        parameters: [codePath, yearPath],
        requestBody: body("PutCommentBody"),
        responses: { "200": json(ref("MunicipalityComment"), "Den gemte kommentar"), "400": error, "401": error, "403": error, "404": error },
      },
    },
    "/api/v1/users": {
      post: {
        summary: "Opret en bruger (kun administrator)",
        security: bearer,
        requestBody: body("CreateUserBody"),
        responses: { "201": json(ref("User"), "Den oprettede bruger"), "400": error, "401": error, "403": error, "409": error },
      },
    },
    "/api/v1/users/{email}/disabled": {
      put: {
        summary: "Spær eller genåbn en bruger (kun administrator); spærring logger brugerens sessioner ud",
        security: bearer,
        parameters: [{ name: "email", in: "path", required: true, schema: { type: "string" } }],
        requestBody: body("SetUserDisabledBody"),
        responses: { "200": json(ref("User"), "Brugeren"), "400": error, "401": error, "403": error, "404": error },
      },
    },
    "/api/v1/tokens": {
      post: {
        summary: "Lav en personlig API-nøgle med din egen rolle; nøglen er kun i dette svar",
        security: bearer,
        requestBody: body("CreateTokenBody"),
        responses: { "201": json(ref("ApiToken"), "Nøglen (feltet token vises kun her)"), "400": error, "401": error },
      },
    },
    "/api/v1/tokens/{id}": {
      delete: {
        summary: "Tilbagekald en af dine egne API-nøgler",
        security: bearer,
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
        responses: { "200": json(ref("ApiToken"), "Den tilbagekaldte nøgle"), "401": error, "404": error },
      },
    },
    "/api/v1/audit-trail": {
      get: {
        summary: "Revisionssporet, nyeste først: administrator og tilsyn ser alt, kommunens egne brugere deres egen kommune",
        security: bearer,
        parameters: [
          { name: "municipality", in: "query", required: false, schema: { type: "string" }, description: "Kommunekode, fx 0657" },
          { name: "user", in: "query", required: false, schema: { type: "string" }, description: "Brugerens e-mail" },
        ],
        responses: { "200": json(ref("AuditTrail"), "Ændringerne"), "400": error, "401": error, "403": error },
      },
    },
    ...TREATMENT_PATHS,
    ...SUBJECT_AREA_PATHS,
    ...DOCX_TEMPLATE_PATHS,
    ...ACTION_PLAN_PATHS,
    "/api/v1/municipalities/{code}/knowledge": {
      get: {
        summary: "Kommunens vidensbank: afgørelserne med årsager, læring og kort (kun kommunens egne brugere og tilsyn; ikke administrator)",
        security: bearer,
        parameters: [codePath, { name: "year", in: "query", required: false, schema: { type: "integer" }, description: "Kun ét dataår" }],
        responses: { "200": json({ type: "object", required: ["entries"], properties: { entries: { type: "array", items: { type: "object" } } } }, "Afgørelserne"), "400": error, "401": error, "403": error, "404": error },
      },
      post: {
        summary: "Registrér en afgørelse i vidensbanken (kun kommunens redaktører); et CPR-nummer i et tekstfelt afvises, og intet gemmes",
        security: bearer,
        parameters: [codePath],
        requestBody: { required: true, content: { "application/json": { schema: KnowledgeEntryBody } } },
        responses: { "201": json({ type: "object" }, "Den gemte afgørelse"), "400": error, "401": error, "403": error, "404": error },
      },
    },
    "/api/v1/municipalities/{code}/knowledge/{id}": {
      put: {
        summary: "Ret en afgørelse i vidensbanken (kun kommunens redaktører)",
        security: bearer,
        parameters: [codePath, { name: "id", in: "path", required: true, schema: { type: "integer" } }],
        requestBody: { required: true, content: { "application/json": { schema: KnowledgeEntryBody } } },
        responses: { "200": json({ type: "object" }, "Den rettede afgørelse"), "400": error, "401": error, "403": error, "404": error },
      },
    },
    "/api/v1/municipalities/{code}/knowledge/figures/{year}": {
      get: {
        summary: "Hvad vidensbanken fortæller for et år: fuldstændighed pr. kort mod statistikken, optælling pr. årsag, sagsemne, kort, afdeling og udfald, borgere med flere afgørelser (kun talt) og resultatet efter ny afgørelse",
        security: bearer,
        parameters: [codePath, yearPath],
        responses: { "200": json({ type: "object", required: ["completeness", "byReason", "newDecisions"] }, "Tallene"), "400": error, "401": error, "403": error, "404": error },
      },
    },
    "/api/v1/municipalities/{code}/knowledge/import": {
      put: {
        summary: "Indlæs kommunens eget regneark (XLSX eller CSV som indholdet), alt eller intet; ?dryRun=1 kontrollerer uden at gemme, ?mapping=Overskrift%3Dfelt kortlægger overskrifter",
        security: bearer,
        parameters: [
          codePath,
          { name: "dryRun", in: "query", required: false, schema: { type: "string", enum: ["1", "true"] } },
          { name: "fileName", in: "query", required: false, schema: { type: "string" }, description: "Filens navn i fejlbeskederne" },
          { name: "mapping", in: "query", required: false, schema: { type: "string" }, description: "Linjer 'Overskrift = felt'" },
        ],
        requestBody: { required: true, content: { "text/csv": { schema: { type: "string" } }, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { schema: { type: "string", format: "binary" } } } },
        responses: { "200": json({ type: "object" }, "Kontrolleret"), "201": json({ type: "object" }, "Indlæst"), "422": json({ type: "object" }, "Afvist: fejlene med fil, række og kolonne; intet er gemt"), "400": error, "401": error, "403": error },
      },
    },
    "/api/v1/municipalities/{code}/knowledge/public/{year}": {
      get: {
        summary: "Kommunens anonymiserede optælling (årsager og sagsemner, ingen tekst, felter under 3 vist som <3), når kommunen har valgt at offentliggøre den",
        parameters: [codePath, yearPath],
        responses: { "200": json({ type: "object" }, "Optællingen"), "400": error, "404": error },
      },
    },
    "/api/v1/knowledge/public/{year}": {
      get: {
        summary: "Landsoptælling over de kommuner, der offentliggør deres optælling (felter under 3 vist som <3)",
        parameters: [yearPath],
        responses: { "200": json({ type: "object" }, "Optællingen"), "400": error },
      },
    },
    "/api/v1/openapi.json": { get: { summary: "Dette dokument", responses: { "200": json({ type: "object" }, "OpenAPI 3.1") } } },
  },
  components: {
    schemas,
    securitySchemes: { apiToken: { type: "http", scheme: "bearer", description: "En personlig API-nøgle (dkt_…) fra /konto/api-noegler eller danmarkskort bruger token; den har brugerens rolle" } },
  },
} as const;
