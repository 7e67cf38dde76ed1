import { Type } from "typebox";
import { AREAS, MAP_IDS } from "../../domain/map-definition.js";
import {
  DatasetVersion,
  FigureRevision,
  FunnelResult,
  FunnelSummary,
  OutcomeCounts,
  PerCapitaRecord,
  PublishedNationalCheck,
  Rank,
  RateEstimate,
} from "./figures.js";
import { Closed, Nullable, Ref } from "./schema-kit.js";
import { ReasonCode, ReasonDa } from "./figures.js";
import { NOT_COMPARABLE_REASON_CODES } from "../../domain/missing-reason.js";

/**
 * A municipality's profile under /api/v1/municipalities/{code}: the three maps over the years with change,
 * pooled rate, comparison groups and subjects, as TypeBox schemas (shared, each with its `$id`).
 */
export const MunicipalityFigureRow = Closed(
  {
    municipalityCode: Type.String({ pattern: "^\\d{4}$", description: "Kommunekode, fx 0657" }),
    municipalityName: Type.String(),
    region: Type.String(),
    estimate: Ref(RateEstimate),
    funnel: Ref(FunnelResult),
    rank: Nullable(Ref(Rank)),
    revision: Type.Optional(Ref(FigureRevision)),
  },
  { $id: "MunicipalityFigureRow" },
);

export const NationalFigureRow = Closed(
  {
    municipalityCode: Type.Null(),
    municipalityName: Type.String(),
    estimate: Ref(RateEstimate),
    publishedNational: Ref(PublishedNationalCheck),
    revision: Type.Optional(Ref(FigureRevision)),
  },
  { $id: "NationalFigureRow" },
);

export const YearChange = Type.Union(
  [
    Closed({
      kind: Type.Literal("change"),
      previousYear: Type.Integer(),
      difference: Type.Number({ minimum: -1, maximum: 1 }),
      ci95: Type.Array(Type.Number(), { minItems: 2, maxItems: 2, description: "[nedre, øvre], brøker" }),
      verdict: Type.Enum(["increase", "decrease", "no-clear-change"]),
    }),
    Closed({
      kind: Type.Literal("not-comparable"),
      previousYear: Type.Integer(),
      reasonDa: ReasonDa("Hvorfor de to år ikke kan sammenlignes"),
      reasonCode: ReasonCode(NOT_COMPARABLE_REASON_CODES),
    }),
  ],
  {
    description:
      "Ændringen fra året før med 95 %-interval for forskellen (Newcombe 1998, metode 10); increase/decrease kun når hele intervallet ligger på én side af 0",
    $id: "YearChange",
  },
);

export const PooledEstimate = Closed(
  {
    fromYear: Type.Integer(),
    toYear: Type.Integer(),
    yearsIncluded: Type.Array(Type.Integer()),
    yearsMissing: Type.Array(Type.Integer()),
    estimate: Ref(RateEstimate),
  },
  { description: "Tre dataår lagt sammen (summen af sagerne), for små kommuner", $id: "PooledEstimate" },
);

export const ProfileYear = Closed(
  {
    year: Type.Integer(),
    funnelSummary: Ref(FunnelSummary),
    municipality: Ref(MunicipalityFigureRow),
    national: Ref(NationalFigureRow),
    change: Ref(YearChange),
    pooled: Ref(PooledEstimate),
  },
  { $id: "ProfileYear" },
);

export const YearEstimate = Closed({ year: Type.Integer(), estimate: Ref(RateEstimate) }, { $id: "YearEstimate" });

export const ComparisonGroup = Closed(
  {
    kind: Type.Enum(["neighbours", "region", "chosen"]),
    labelDa: Type.String(),
    map: Type.Enum(MAP_IDS),
    area: Type.Enum(AREAS),
    years: Type.Array(Type.Integer()),
    members: Type.Array(
      Closed({
        municipalityCode: Type.String({ pattern: "^\\d{4}$", description: "Kommunekode, fx 0657" }),
        municipalityName: Type.String(),
        years: Type.Array(Ref(YearEstimate)),
      }),
    ),
    combined: Type.Array(Ref(YearEstimate), { description: "Gruppen samlet: summen af sagerne, ikke et gennemsnit af procenter" }),
  },
  { $id: "ComparisonGroup" },
);

export const SubjectsOfYear = Closed(
  {
    year: Type.Integer(),
    subjects: Type.Array(
      Closed({
        subject: Type.String(),
        law: Type.String(),
        counts: Ref(OutcomeCounts),
        decided: Type.Integer({ minimum: 0 }),
        reversed: Type.Integer({ minimum: 0 }),
      }),
    ),
  },
  { $id: "SubjectsOfYear" },
);

export const MapProfile = Closed(
  {
    map: Type.Enum(MAP_IDS),
    areas: Type.Array(Closed({ area: Type.Enum(AREAS), years: Type.Array(Ref(ProfileYear)) })),
    neighbours: Ref(ComparisonGroup),
    region: Ref(ComparisonGroup),
    chosenGroup: Nullable(Ref(ComparisonGroup)),
    subjects: Type.Array(Ref(SubjectsOfYear)),
  },
  { $id: "MapProfile" },
);

export const MunicipalityProfile = Closed(
  {
    municipality: Closed({ code: Type.String({ pattern: "^\\d{4}$", description: "Kommunekode, fx 0657" }), name: Type.String(), region: Type.String() }),
    focusYear: Nullable(Type.Integer()),
    maps: Type.Array(Ref(MapProfile)),
  },
  { $id: "MunicipalityProfile" },
);

export const RecipientRecord = Closed(
  {
    table: Type.String(),
    period: Type.String(),
    labelDa: Type.String(),
    unit: Type.Enum(["recipients", "per-1000"], {
      description: "recipients: antal modtagere (HAND07, HANDBU01); per-1000: modtagere pr. 1.000 indbyggere (HAND06)",
    }),
    status: Type.Enum(["value", "suppressed", "no-data"], { description: "suppressed: diskretioneret af Danmarks Statistik (ikke 0)" }),
    count: Nullable(Type.Number(), { description: "Antal modtagere, eller modtagere pr. 1.000 indbyggere (unit)" }),
    contextVersionId: Nullable(Type.Integer()),
  },
  { $id: "RecipientRecord" },
);

export const MunicipalityProfileResponse = Closed(
  {
    profile: Ref(MunicipalityProfile),
    perTenThousand: Type.Array(
      Closed({ map: Type.Enum(MAP_IDS), area: Type.Enum(AREAS), year: Type.Integer(), municipality: Ref(PerCapitaRecord), national: Ref(PerCapitaRecord) }),
    ),
    recipients: Type.Array(Closed({ map: Type.Enum(MAP_IDS), year: Type.Integer(), lines: Type.Array(Ref(RecipientRecord)) })),
    datasetVersions: Type.Array(Ref(DatasetVersion)),
    isDemo: Type.Boolean(),
  },
  { $id: "MunicipalityProfileResponse" },
);

export const PROFILE_SCHEMAS = {
  MunicipalityFigureRow,
  NationalFigureRow,
  YearChange,
  PooledEstimate,
  ProfileYear,
  YearEstimate,
  ComparisonGroup,
  SubjectsOfYear,
  MapProfile,
  MunicipalityProfile,
  RecipientRecord,
  MunicipalityProfileResponse,
} as const;
