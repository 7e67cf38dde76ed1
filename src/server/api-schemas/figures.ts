import { Type } from "typebox";
import { Closed, Nullable, Ref } from "./schema-kit.js";
import { AREAS, MAP_IDS } from "../../domain/map-definition.js";
import { FUNNEL_VERDICTS } from "../../domain/statistics/funnel-limits.js";
import { NO_DATA_REASON_CODES, NOT_ASSESSED_REASON_CODES } from "../../domain/missing-reason.js";

/**
 * The figures the public API answers with – maps, rows, estimates, funnel, profiles, provenance – as TypeBox
 * schemas: Fastify validates and serialises with them, @fastify/swagger publishes them, api-types.ts derives the
 * TypeScript types from them. Each shared one carries its `$id` (its name in the OpenAPI document).
 */

/** A missing value's reason in Danish, as it has always been sent (domain/missing-reason-da.ts words it). */
export function ReasonDa(description = "Hvorfor tallet mangler, som dansk sætning til visning") {
  return Type.String({ description });
}

/** The same reason as a fixed code beside `reasonDa` (domain/missing-reason.ts), for clients that branch on it. */
export function ReasonCode<C extends string>(codes: readonly C[], description = "Grunden som fast kode (samme grund som reasonDa); en klient vælger efter koden i stedet for at tolke den danske tekst") {
  return Type.Enum(codes, { description });
}

export const FunnelLimits = Closed(
  {
    n: Type.Integer({ minimum: 1 }),
    target: Type.Number({ minimum: 0, maximum: 1 }),
    lower998: Type.Number(),
    lower95: Type.Number(),
    upper95: Type.Number(),
    upper998: Type.Number(),
  },
  {
    description:
      "Tragtgrænser ved n sager omkring landsprocenten target: Spiegelhalters interpolation af de samme eksakte halesandsynligheder, som afgør vurderingen (binomial, eller beta-binomial ved overspredning). En nedre grænse under 0 eller en øvre over 1 betyder, at intet udfald ved n sager kan ligge uden for den",
    $id: "FunnelLimits",
  },
);

export const Rank = Closed(
  {
    position: Type.Integer({ minimum: 1 }),
    of: Type.Integer({ minimum: 1 }),
    tiedWith: Type.Integer({ minimum: 1 }),
    interval95: Nullable(Type.Array(Type.Integer({ minimum: 1 }), { minItems: 2, maxItems: 2 }), {
      description:
        "95 %-interval for placeringen ved simulation fra hver kommunes beta-posterior, Beta(r + 1, n − r + 1), 1.000 træk med fast frø (Goldstein & Spiegelhalter 1996); null hvor det ikke er beregnet (kommuneprofilen)",
    }),
  },
  {
    description:
      "Placering blandt kommunerne med mindst 10 sager; 1 = laveste omgørelsesprocent; ligestillede deler pladsen (1, 2, 2, 4); under 10 sager ingen placering (null)",
    $id: "Rank",
  },
);

export const OutcomeCounts = Closed(
  {
    upheld: Type.Integer({ minimum: 0 }),
    changed: Type.Integer({ minimum: 0 }),
    remitted: Type.Integer({ minimum: 0 }),
    rejected: Type.Integer({ minimum: 0 }),
  },
  { description: "Antal sager pr. afgørelsestype", $id: "OutcomeCounts" },
);

export const RateEstimate = Type.Union(
  [
    Closed({
      kind: Type.Literal("estimate"),
      counts: Ref(OutcomeCounts),
      decided: Type.Integer({ minimum: 0 }),
      reversed: Type.Integer({ minimum: 0 }),
      reversalRate: Type.Number({ minimum: 0, maximum: 1 }),
      changedRate: Type.Number({ minimum: 0, maximum: 1 }),
      remittedRate: Type.Number({ minimum: 0, maximum: 1 }),
      upheldRate: Type.Number({ minimum: 0, maximum: 1 }),
      ci95: Type.Array(Type.Number(), { minItems: 2, maxItems: 2, description: "95 % Wilson-interval for reversalRate" }),
    }),
    Closed({ kind: Type.Literal("no-cases"), counts: Ref(OutcomeCounts), decided: Type.Literal(0), reversed: Type.Literal(0) }),
    Closed({ kind: Type.Literal("no-data"), reasonDa: ReasonDa(), reasonCode: ReasonCode(NO_DATA_REASON_CODES) }),
  ],
  {
    description:
      "En kommunes (eller landets) tal: estimate med andele og interval, no-cases (ingen realitetsbehandlede sager) eller no-data med begrundelse. Andele som brøker 0–1, uafrundede. Omgørelsesprocent = (ændret + hjemvist) / realitetsbehandlede sager (afviste sager indgår ikke).",
    $id: "RateEstimate",
  },
);

export const PublishedNationalCheck = Type.Union(
  [
    Closed({ kind: Type.Literal("not-published") }),
    Closed({ kind: Type.Literal("match"), published: Ref(OutcomeCounts) }),
    Closed({
      kind: Type.Literal("mismatch"),
      published: Ref(OutcomeCounts),
      publishedEstimate: Ref(RateEstimate),
      differences: Type.Array(
        Closed({
          outcome: Type.Enum(["upheld", "changed", "remitted", "rejected"]),
          sumOf98: Type.Integer({ minimum: 0 }),
          published: Type.Integer({ minimum: 0 }),
        }),
      ),
    }),
  ],
  { description: "Summen af de 98 kommuner sammenlignet med Ankestyrelsens egen landsrække", $id: "PublishedNationalCheck" },
);

export const RevisedFigureRecord = Closed(
  {
    kind: Type.Enum(["estimate", "no-cases", "no-data"]),
    datasetVersionId: Type.Integer({ description: "Det nyere udtræks datasætversion" }),
    extractedOn: Nullable(Type.String({ format: "date" }), { description: "Det nyere udtræks dato" }),
    decided: Type.Optional(Type.Integer({ minimum: 0 })),
    upheld: Type.Optional(Type.Integer({ minimum: 0 })),
    changed: Type.Optional(Type.Integer({ minimum: 0 })),
    remitted: Type.Optional(Type.Integer({ minimum: 0 })),
    rejected: Type.Optional(Type.Integer({ minimum: 0 })),
    reversed: Type.Optional(Type.Integer({ minimum: 0 })),
    reversalRate: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
    changedRate: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
    remittedRate: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
    upheldRate: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
    ci95: Type.Optional(Type.Array(Type.Number(), { minItems: 2, maxItems: 2, description: "[nedre, øvre], brøker" })),
    reasonDa: Type.Optional(ReasonDa("Ved no-data: hvorfor der ingen tal er")),
    reasonCode: Type.Optional(ReasonCode(NO_DATA_REASON_CODES, "Ved no-data: samme grund som reasonDa, som fast kode")),
  },
  { description: "Ankestyrelsens senere tal for en række, vist ved siden af de offentliggjorte", $id: "RevisedFigureRecord" },
);

export const FigureRecord = Closed(
  {
    map: Type.Enum(MAP_IDS),
    year: Type.Integer(),
    area: Type.Enum(AREAS),
    municipalityCode: Nullable(Type.String({ pattern: "^\\d{4}$" }), { description: "Kommunekode, fx 0657; null på landsrækken" }),
    municipalityName: Type.String(),
    kind: Type.Enum(["estimate", "no-cases", "no-data"], {
      description: "no-cases: ingen realitetsbehandlede sager (andelene mangler); no-data: ingen data (se reasonDa og reasonCode)",
    }),
    decided: Type.Optional(Type.Integer({ minimum: 0, description: "Realitetsbehandlede sager = upheld + changed + remitted" })),
    upheld: Type.Optional(Type.Integer({ minimum: 0 })),
    changed: Type.Optional(Type.Integer({ minimum: 0 })),
    remitted: Type.Optional(Type.Integer({ minimum: 0 })),
    rejected: Type.Optional(Type.Integer({ minimum: 0, description: "Afviste sager; indgår ikke i decided" })),
    reversed: Type.Optional(Type.Integer({ minimum: 0, description: "Omgjorte sager = changed + remitted" })),
    reversalRate: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
    changedRate: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
    remittedRate: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
    upheldRate: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
    ci95: Type.Optional(Type.Array(Type.Number(), { minItems: 2, maxItems: 2, description: "95 % Wilson-interval for reversalRate" })),
    verdict: Type.Optional(
      Nullable(Type.Enum(FUNNEL_VERDICTS), {
        description:
          "Kun kommunerækker: vurderingen mod landsplan i tragtplottet (eksakt halesandsynlighed, Spiegelhalter 2005; udvidet ved overspredning) med niveauet, der er overskredet: above99.8/below99.8 uden for 99,8 %-grænsen, above95/below95 kun uden for 95 %-grænsen, within inden for, too-few-cases: kan ikke vurderes – for få sager (intet udfald ved dette antal sager kan falde uden for 95 %-grænserne); null uden sager",
      }),
    ),
    funnel: Type.Optional(Nullable(Type.Enum(FUNNEL_VERDICTS), { description: "Kun kommunerækker: samme værdi som verdict (det ældre navn)" })),
    funnelLimits: Type.Optional(
      Nullable(Ref(FunnelLimits), {
        description: "Kun kommunerækker: tragtgrænserne ved kommunens antal sager, de samme som afgør verdict og tegnes i tragtplottet",
      }),
    ),
    rank: Type.Optional(Nullable(Ref(Rank), { description: "Kun kommunerækker" })),
    publishedNational: Type.Optional(Ref(PublishedNationalCheck, { description: "Kun landsrækken" })),
    reasonDa: Type.Optional(ReasonDa("Ved no-data: hvorfor der ingen tal er")),
    reasonCode: Type.Optional(ReasonCode(NO_DATA_REASON_CODES, "Ved no-data: samme grund som reasonDa, som fast kode (fx year-not-loaded, municipality-absent)")),
    revised: Type.Optional(
      Nullable(Ref(RevisedFigureRecord), {
        description:
          "Når tallene er kortet, som det blev offentliggjort, og Ankestyrelsen siden har revideret rækkens tal: de reviderede tal fra det nyere udtræk; ellers null",
      }),
    ),
  },
  {
    description:
      "Tal for én kommune (eller hele landet, municipalityCode null) på ét kort, ét dataår og ét område. Andele som brøker 0–1, uafrundede. Omgørelsesprocent = (ændret + hjemvist) / realitetsbehandlede sager (afviste sager indgår ikke).",
    $id: "FigureRecord",
  },
);

export const FigureRevision = Type.Union(
  [Closed({ kind: Type.Literal("unrevised") }), Closed({ kind: Type.Literal("revised"), estimate: Ref(RateEstimate) })],
  { description: "Om Ankestyrelsen siden har revideret tallet på kortet, som det blev offentliggjort", $id: "FigureRevision" },
);

export const DatasetProvenance = Closed(
  {
    datasetVersionId: Type.Integer(),
    fileName: Type.String(),
    sha256: Type.String({ pattern: "^[0-9a-f]{64}$" }),
    source: Nullable(Type.String()),
    extractedOn: Nullable(Type.String({ format: "date" })),
    importedAt: Type.String({ format: "date-time" }),
    isDemo: Type.Boolean(),
  },
  { $id: "DatasetProvenance" },
);

export const FunnelResult = Type.Union(
  [
    Closed({
      kind: Type.Literal("assessed"),
      verdict: Type.Enum(FUNNEL_VERDICTS),
      limits: Ref(FunnelLimits),
      upperTail: Type.Number({ minimum: 0, maximum: 1, description: "P(R ≥ omgjorte) under nulmodellen (landsplan)" }),
      lowerTail: Type.Number({ minimum: 0, maximum: 1, description: "P(R ≤ omgjorte) under nulmodellen (landsplan)" }),
      chanceOutside: Closed(
        { p95: Type.Number({ minimum: 0, maximum: 1 }), p998: Type.Number({ minimum: 0, maximum: 1 }) },
        { description: "Sandsynligheden for at ligge uden for 95 %- og 99,8 %-grænserne ved tilfældighed alene ved kommunens antal sager" },
      ),
    }),
    Closed({ kind: Type.Literal("not-assessed"), reasonDa: ReasonDa("Hvorfor kommunen ikke er vurderet mod landsplan"), reasonCode: ReasonCode(NOT_ASSESSED_REASON_CODES) }),
  ],
  { $id: "FunnelResult" },
);

export const Overdispersion = Closed(
  {
    phi: Type.Number({
      minimum: 0,
      description: "φ̂ = gennemsnittet af de winsoriserede z-scorer i anden (arcsin-skala, 10 % winsorisering); 1 = kun binomial variation",
    }),
    tau2: Nullable(Type.Number({ minimum: 0 }), { description: "τ̂² (arcsin-skala), når grænserne er udvidet; ellers null" }),
    pValue: Type.Number({ minimum: 0, maximum: 1, description: "P(χ²(I − 1) ≥ I·φ̂)" }),
    adjusted: Type.Boolean({ description: "Sand, når testen er signifikant på 5 %-niveau, og grænserne derfor er udvidet (beta-binomial med variansen τ²)" }),
    method: Type.Enum(["spiegelhalter-2005-arcsine-winsorised-10pct"]),
    units: Type.Integer({ minimum: 0, description: "I: kommuner med mindst én realitetsbehandlet sag" }),
  },
  { description: "Overspredning på kortet, området og året (Spiegelhalter 2005, afsnit 5)", $id: "Overdispersion" },
);

export const FunnelNullModel = Type.Union(
  [
    Closed({ kind: Type.Literal("binomial"), target: Type.Number({ minimum: 0, maximum: 1 }) }),
    Closed({
      kind: Type.Literal("beta-binomial"),
      target: Type.Number({ minimum: 0, maximum: 1 }),
      tau2: Type.Number({ minimum: 0 }),
      rateVariance: Type.Number({ minimum: 0 }),
    }),
  ],
  {
    description: "Hvad 'tilfældighed alene' betyder i tragtplottet: binomial om landsplan, eller beta-binomial med variationen mellem kommunerne",
    $id: "FunnelNullModel",
  },
);

export const ChanceCounts = Closed(
  { p95: Type.Number({ minimum: 0 }), p998: Type.Number({ minimum: 0 }) },
  { description: "Uden for 95 %-grænserne (begge sider, 99,8 % medregnet) og uden for 99,8 %-grænserne", $id: "ChanceCounts" },
);

export const FunnelSummary = Closed(
  {
    overdispersion: Nullable(Ref(Overdispersion)),
    model: Nullable(Ref(FunnelNullModel)),
    verdictCounts: Closed(
      {
        "below99.8": Type.Integer({ minimum: 0 }),
        below95: Type.Integer({ minimum: 0 }),
        within: Type.Integer({ minimum: 0 }),
        above95: Type.Integer({ minimum: 0 }),
        "above99.8": Type.Integer({ minimum: 0 }),
        "too-few-cases": Type.Integer({ minimum: 0 }),
      },
      { description: "Antal kommuner pr. vurdering" },
    ),
    outside: Ref(ChanceCounts),
    expectedOutside: Ref(ChanceCounts, {
      description: "Forventet antal kommuner uden for grænserne ved tilfældighed alene (summen af hver kommunes sandsynlighed ved dens antal sager)",
    }),
    outsideUnadjusted: Nullable(Ref(ChanceCounts), {
      description: "Ved udvidede grænser: antal uden for de uudvidede binomialgrænser, til sammenligning; ellers null",
    }),
  },
  { $id: "FunnelSummary" },
);

export const AreaCoverage = Type.Union(
  [
    Closed({ kind: Type.Literal("not-split") }),
    Closed({ kind: Type.Literal("complete") }),
    Closed({ kind: Type.Literal("incomplete"), decidedWithoutArea: Type.Integer({ minimum: 0 }), reversedWithoutArea: Type.Integer({ minimum: 0 }) }),
  ],
  { description: "Om børne- og voksenområdet tilsammen dækker i alt (sagsemner uden kendt område tæller kun i i alt)", $id: "AreaCoverage" },
);

export const DatasetVersion = Closed(
  {
    year: Type.Integer(),
    datasetVersionId: Type.Integer(),
    fileName: Type.String(),
    sha256: Type.String({ pattern: "^[0-9a-f]{64}$" }),
    source: Nullable(Type.String()),
    extractedOn: Nullable(Type.String({ format: "date" }), { description: "Hvornår tallene blev trukket fra Ankestyrelsen" }),
    importedAt: Type.String({ format: "date-time" }),
    isDemo: Type.Boolean(),
    standing: Type.Enum(["published", "extraction"], {
      description: "published: kortet, som det blev offentliggjort, for året; extraction: det nyeste udtræk (intet offentliggjort kort er markeret)",
    }),
    revision: Nullable(Ref(DatasetProvenance), { description: "Et nyere udtræk end det offentliggjorte kort, når der er et; rækkerne har så revised" }),
  },
  { description: "Det aktive datasæt for ét dataår: hvor tallene kommer fra", $id: "DatasetVersion" },
);

export const MapsIndex = Closed(
  {
    maps: Type.Array(Closed({ map: Type.Enum(MAP_IDS), nameDa: Type.String(), areas: Type.Array(Type.Enum(AREAS)), years: Type.Array(Type.Integer()) })),
    datasetVersions: Type.Array(Ref(DatasetVersion), { description: "Den aktive datasætversion for hvert dataår med data" }),
    isDemo: Type.Boolean(),
  },
  { $id: "MapsIndex" },
);

/** Cases per 10.000 (issue 18): the figure, the population band, and where the population came from. */
const PER_CAPITA_FIELDS = {
  status: Type.Enum(["value", "no-cases", "population-suppressed", "no-population", "no-data"], {
    description: "population-suppressed: Danmarks Statistik har diskretioneret folketallet; no-population: intet folketal; no-data: ingen klagedata",
  }),
  perTenThousand: Nullable(Type.Number(), { description: "Realitetsbehandlede sager pr. 10.000 i aldersbåndet, uafrundet" }),
  decided: Nullable(Type.Integer()),
  population: Nullable(Type.Integer()),
  band: Type.Enum(["total", "0-17", "18-64", "18+"], {
    description: "Børnekort: 0–17 år; voksenhandicapkort: 18–64 år; socialområdet: alle (børneområdet 0–17, voksenområdet 18+)",
  }),
  labelDa: Type.String(),
  basis: Type.Enum(["imported", "rounded"], {
    description: "imported: årets eget folketal 1. januar (FOLK1A, kvartal 1); rounded: de afrundede folketal fra 2024, indtil årets er indlæst",
  }),
  populationPeriod: Type.String({ description: 'Fx 2024K1 eller "2024 (afrundet)"' }),
  contextVersionId: Nullable(Type.Integer()),
};

export const PerCapitaRecord = Closed(PER_CAPITA_FIELDS, { $id: "PerCapitaRecord" });

export const MunicipalityPerCapitaRecord = Closed(
  { municipalityCode: Type.String({ pattern: "^\\d{4}$", description: "Kommunekode, fx 0657" }), ...PER_CAPITA_FIELDS },
  { $id: "MunicipalityPerCapitaRecord" },
);

export const MapFigures = Closed(
  {
    perTenThousand: Closed({ national: Ref(PerCapitaRecord), municipalities: Type.Array(Ref(MunicipalityPerCapitaRecord)) }),
    overdispersion: Nullable(Ref(Overdispersion), {
      description: "Overspredning for kortet, området og året; null uden landsprocent eller med under tre kommuner med sager",
    }),
    funnelSummary: Ref(FunnelSummary),
    map: Type.Enum(MAP_IDS),
    year: Type.Integer(),
    area: Type.Enum(AREAS),
    national: Ref(FigureRecord),
    municipalities: Type.Array(Ref(FigureRecord), { minItems: 98, maxItems: 98, description: "Alle 98 kommuner i kodeorden" }),
    areaCoverage: Ref(AreaCoverage),
    datasetVersions: Type.Array(Ref(DatasetVersion)),
    isDemo: Type.Boolean({ description: "Sand, når tallene er demodata: vis 'Demodata – ikke Ankestyrelsens tal'" }),
  },
  { $id: "MapFigures" },
);

export const ApiError = Closed(
  { error: Type.String({ description: "Fast kode, fx ukendt-kort" }), message: Type.String({ description: "Dansk forklaring" }) },
  { $id: "ApiError" },
);

export const FIGURES_SCHEMAS = {
  FunnelLimits,
  Rank,
  OutcomeCounts,
  RateEstimate,
  PublishedNationalCheck,
  RevisedFigureRecord,
  FigureRecord,
  FigureRevision,
  DatasetProvenance,
  FunnelResult,
  Overdispersion,
  FunnelNullModel,
  ChanceCounts,
  FunnelSummary,
  AreaCoverage,
  DatasetVersion,
  MapsIndex,
  PerCapitaRecord,
  MunicipalityPerCapitaRecord,
  MapFigures,
  ApiError,
} as const;
