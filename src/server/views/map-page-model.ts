import type { PopulationDenominator } from "../../domain/context/population-denominator.js";
import { formatInteger, formatPercent } from "../../domain/format-danish-number.js";
import { AREA_NAMES_DA, MAP_DEFINITIONS, MAP_IDS, type Area } from "../../domain/map-definition.js";
import { missingReasonDa } from "../../domain/missing-reason-da.js";
import { MUNICIPALITIES } from "../../domain/municipality.js";
import { fillPaint } from "../../viz/choropleth-model.js";
import type { TableModel } from "../../viz/figure-table.js";
import { shortValueDa } from "../../viz/figure-text.js";
import type { GeometryKind } from "../../viz/map-geometry.js";
import {
  formatMeasureCountDa,
  formatMeasureValueDa,
  MEASURE_IDS,
  MEASURES,
  measureNameDa,
  measureValue,
  readingOf,
  type MeasureId,
} from "../../viz/map-measure.js";
import { areaParam, mapPageQuery, VIEW_IDS, type ViewId } from "../../viz/page-state.js";
import { renderChoroplethSvg } from "../../viz/render-choropleth-svg.js";
import { revisionNoteDa } from "../../viz/revision-note.js";
import { trustSvg, type TrustedSvg } from "../../viz/trusted-svg.js";
import type { LoadedGeometries } from "../../app/boundaries/map-geometries.js";
import type { SelectOption } from "./form-fields.js";
import { buildDownloads, type Downloads } from "./map-downloads.js";
import { buildFunnelSummaryModel, type FunnelSummaryModel } from "./funnel-summary-model.js";
import {
  buildMapChoroplethModel,
  buildMapTableModel,
  geometryFor,
  profileHref,
  renderMapFunnelSvg,
  type MapSelection,
} from "./map-selection.js";

/** The map page (/ and /kort) with its three views: everything it says, decided here; the view only draws. */
export type MapPageModel = {
  readonly titleDa: string;
  readonly isDemo: boolean;
  readonly body: { readonly kind: "no-data" } | MapFiguresBody;
};

export type MapFiguresBody = {
  readonly kind: "figures";
  readonly selection: {
    readonly fields: readonly SelectionField[];
    /** The view and the highlighted municipality travel with the form, so choosing a year keeps them. */
    readonly hidden: readonly { readonly name: string; readonly value: string }[];
  };
  readonly national:
    { readonly kind: "line"; readonly textDa: string } | { readonly kind: "no-data"; readonly reasonDa: string };
  readonly revisions: RevisionNotes | null;
  readonly tabs: readonly ViewTab[];
  readonly view: MapView;
  /** The reading note on cases per 10.000: what this map and year divide by. */
  readonly perCapitaNoteDa: string;
};

export type SelectionField = {
  readonly id: string;
  readonly name: string;
  readonly labelDa: string;
  readonly options: readonly SelectOption[];
  readonly selected: string;
};

export type RevisionNotes = {
  readonly headingDa: string;
  readonly items: readonly { readonly nameDa: string; readonly noteDa: string }[];
};

export type ViewTab = {
  readonly view: ViewId;
  readonly labelDa: string;
  readonly href: string;
  readonly current: boolean;
};

/** The highlighted municipality, named above the figure with its value and links onward. */
export type SelectedNote = {
  readonly nameDa: string;
  readonly howDa: "sort kant" | "gul baggrund" | "en sort ring";
  /** The value with its number of cases; null when there is nothing to say. */
  readonly valueDa: string | null;
  readonly clearHref: string;
  readonly profileHref: string;
};

export type LegendModel = {
  readonly entries: readonly { readonly fill: string; readonly labelDa: string; readonly count: number }[];
  readonly noteDa: string | null;
};

export type MapView =
  | {
      readonly kind: "kort";
      readonly selectedNote: SelectedNote | null;
      readonly titleDa: string;
      readonly skipLabelDa: string;
      readonly geometryKind: GeometryKind;
      readonly svg: TrustedSvg;
      readonly tableHref: string;
      readonly geometryNoteDa: string;
      readonly legend: LegendModel;
      readonly funnelSummary: FunnelSummaryModel | null;
      /** The names the municipality search offers. */
      readonly searchNamesDa: readonly string[];
      readonly downloads: Downloads;
    }
  | {
      readonly kind: "tabel";
      readonly selectedNote: SelectedNote | null;
      readonly funnelSummary: FunnelSummaryModel | null;
      readonly table: TableModel;
      readonly selectedCode: string | null;
      readonly downloads: Downloads;
    }
  | {
      readonly kind: "tragt";
      readonly selectedNote: SelectedNote | null;
      readonly skipLabelDa: string;
      /**
       * The funnel plot laid out for a wide page and for a phone (issue 9, point 7: scaled down from 720 px its
       * text was about 6 px at 390 px). CSS shows one; the other is display: none, out of the tab order and the
       * accessibility tree. The wide one comes first, so the PNG download draws it.
       */
      readonly wideSvg: TrustedSvg;
      readonly narrowSvg: TrustedSvg;
      readonly tableHref: string;
      readonly funnelSummary: FunnelSummaryModel | null;
      readonly downloads: Downloads;
    };

const VIEW_NAMES_DA: Readonly<Record<ViewId, string>> = { kort: "Kort", tabel: "Tabel", tragt: "Tragtplot" };

/** The phone layout of the funnel plot, in px (see MapView "tragt"). */
const NARROW_FUNNEL_WIDTH = 360;

/** An empty database says so plainly, so nobody reads an empty map as zero. */
export function buildMapPageModel(selection: MapSelection, geometries: LoadedGeometries): MapPageModel {
  if (selection.data.years.length === 0)
    return { titleDa: selection.titleDa, isDemo: selection.data.isDemo, body: { kind: "no-data" } };
  return {
    titleDa: selection.titleDa,
    isDemo: selection.data.isDemo,
    body: {
      kind: "figures",
      selection: buildSelectionForm(selection, geometries),
      national: buildNationalLine(selection),
      revisions: buildRevisionNotes(selection),
      tabs: VIEW_IDS.map((v) => ({
        view: v,
        labelDa: VIEW_NAMES_DA[v],
        href: `/kort?${mapPageQuery({ ...selection.state, view: v })}`,
        current: v === selection.state.view,
      })),
      view: buildMapView(selection, geometries),
      perCapitaNoteDa: perCapitaNoteDa(selection.denominator),
    },
  };
}

function buildSelectionForm(s: MapSelection, geometries: LoadedGeometries): MapFiguresBody["selection"] {
  const { state } = s;
  const years = s.data.years.length > 0 ? s.data.years : [state.year];
  const areas: readonly Area[] = MAP_DEFINITIONS[state.map].areas;
  const geometryOptions: SelectOption[] = [
    ...(geometries.geographic ? [{ value: "geografisk", labelDa: "Geografisk kort" }] : []),
    { value: "felter", labelDa: "Feltkort (lige store felter)" },
  ];
  const fields: SelectionField[] = [
    {
      id: "vaelg-kort",
      name: "kort",
      labelDa: "Kort",
      options: MAP_IDS.map((m) => ({ value: m, labelDa: MAP_DEFINITIONS[m].nameDa })),
      selected: state.map,
    },
    {
      id: "vaelg-aar",
      name: "aar",
      labelDa: "År",
      options: [...years].reverse().map((y) => ({ value: String(y), labelDa: String(y) })),
      selected: String(state.year),
    },
    {
      id: "vaelg-omraade",
      name: "omraade",
      labelDa: "Område",
      options: areas.map((a) => ({ value: areaParam(a), labelDa: a === "total" ? "I alt" : AREA_NAMES_DA[a] })),
      selected: areaParam(state.area),
    },
    {
      id: "vaelg-maal",
      name: "maal",
      labelDa: "Mål",
      options: MEASURE_IDS.map((m) => ({ value: m, labelDa: measureNameDa(m, s.denominator) })),
      selected: state.measure,
    },
    {
      id: "vaelg-geometri",
      name: "geometri",
      labelDa: "Korttype",
      options: geometryOptions,
      // Without boundaries only the tile map exists, whatever the address asked for.
      selected: state.geometry === "felter" || !geometries.geographic ? "felter" : "geografisk",
    },
  ];
  const hidden = [
    { name: "visning", value: state.view },
    ...(state.municipality ? [{ name: "kommune", value: state.municipality }] : []),
  ];
  return { fields, hidden };
}

function buildNationalLine(s: MapSelection): MapFiguresBody["national"] {
  const e = s.figures.national.estimate;
  switch (e.kind) {
    case "estimate": {
      const perCapita =
        MEASURES[s.state.measure].unit === "per-10000" ? measureValue(s.state.measure, e, null, s.denominator) : null;
      const perCapitaText = perCapita
        ? `${formatMeasureValueDa(s.state.measure, perCapita.value, s.denominator)} (${formatMeasureCountDa(s.state.measure, perCapita, s.denominator)}). `
        : "";
      return {
        kind: "line",
        textDa: `${perCapitaText}Omgørelsesprocent ${formatPercent(e.reversalRate)} pct. (${formatInteger(e.reversed)} omgjort af ${formatInteger(e.decided)} realitetsbehandlede sager; ændret/ophævet ${formatPercent(e.changedRate)} pct., hjemvist ${formatPercent(e.remittedRate)} pct.).`,
      };
    }
    case "no-cases":
      return { kind: "line", textDa: "ingen realitetsbehandlede sager." };
    case "no-data":
      return { kind: "no-data", reasonDa: missingReasonDa(e.reason) };
  }
}

/**
 * Where Ankestyrelsen has revised the published map since, the map page says so under the national line,
 * with both figures for each revised row and both dates (issue 9, point 2). The map keeps the published figures.
 */
function buildRevisionNotes(s: MapSelection): RevisionNotes | null {
  const rows = [s.figures.national, ...s.figures.municipalities].filter((row) => row.revision?.kind === "revised");
  if (rows.length === 0) return null;
  const revisedOn = s.data.revisionByYear.get(s.state.year)?.extractedOn ?? null;
  const shownOn = s.data.provenanceByYear.get(s.state.year)?.extractedOn ?? null;
  return {
    headingDa: `Ankestyrelsen har siden revideret tallene for ${s.state.year}`,
    items: rows.map((row) => ({
      nameDa: row.municipalityName,
      noteDa: revisionNoteDa(row.estimate, row.revision, { revisedOn, shownOn }) ?? "",
    })),
  };
}

function buildMapView(s: MapSelection, geometries: LoadedGeometries): MapView {
  const { state } = s;
  const tableHref = `/kort?${mapPageQuery({ ...state, view: "tabel" })}`;
  switch (state.view) {
    case "kort": {
      const geometry = geometryFor(state, geometries);
      const model = buildMapChoroplethModel(s, geometries);
      return {
        kind: "kort",
        selectedNote: buildSelectedNote(s, "sort kant"),
        titleDa: s.titleDa,
        skipLabelDa: "Spring kortets 98 kommuner over: gå til søgning og downloads",
        geometryKind: geometry.kind,
        svg: trustSvg(renderChoroplethSvg(model, { furniture: "map-only" })),
        tableHref,
        geometryNoteDa:
          geometry.kind === "tile"
            ? `Feltkort: hver kommune er et lige stort felt, placeret omtrent som på et almindeligt kort (Bornholm er rykket ind), så små kommuner som Dragør og Vallensbæk er lige så synlige som store.${geometries.geographic ? "" : ` ${geometries.geographicStatusDa}`}`
            : `${geometries.geographicStatusDa} Bornholm er vist i en ramme øverst til højre. Små kommuner er lettere at ramme på feltkortet.`,
        legend: {
          entries: model.legend.map((entry) => ({
            fill: fillPaint(entry.fill).fill,
            labelDa: entry.labelDa,
            count: entry.count,
          })),
          noteDa: model.legendNoteDa,
        },
        funnelSummary: buildFunnelSummaryModel(s.figures.funnelSummary, { withCounts: true }),
        searchNamesDa: MUNICIPALITIES.map((m) => m.name),
        downloads: buildDownloads(s, "map"),
      };
    }
    case "tabel":
      return {
        kind: "tabel",
        selectedNote: buildSelectedNote(s, "gul baggrund"),
        funnelSummary: buildFunnelSummaryModel(s.figures.funnelSummary),
        table: buildMapTableModel(s),
        selectedCode: state.municipality,
        downloads: buildDownloads(s, "table"),
      };
    case "tragt":
      return {
        kind: "tragt",
        // The funnel plot always shows the reversal rate, whatever measure the map shows.
        selectedNote: buildSelectedNote(s, "en sort ring", "omgoerelse"),
        skipLabelDa: "Spring tragtplottets 98 punkter over: gå til downloads",
        wideSvg: trustSvg(renderMapFunnelSvg(s)),
        narrowSvg: trustSvg(renderMapFunnelSvg(s, NARROW_FUNNEL_WIDTH)),
        tableHref,
        funnelSummary: buildFunnelSummaryModel(s.figures.funnelSummary),
        downloads: buildDownloads(s, "funnel"),
      };
  }
}

export function buildSelectedNote(
  s: MapSelection,
  howDa: SelectedNote["howDa"],
  measure: MeasureId = s.state.measure,
): SelectedNote | null {
  const code = s.state.municipality;
  if (!code) return null;
  const row = s.figures.municipalities.find((m) => m.municipalityCode === code);
  const name = row?.municipalityName ?? code;
  const reading = row ? readingOf(measure, row, s.denominator) : null;
  // A rate is never shown without its number of cases.
  const value = reading
    ? `${formatMeasureValueDa(measure, reading.value, s.denominator)} (${formatMeasureCountDa(measure, reading, s.denominator)})`
    : row
      ? shortValueDa(row, measure, s.denominator)
      : "";
  return {
    nameDa: name,
    howDa,
    valueDa: value === "" ? null : value,
    clearHref: `/kort?${mapPageQuery({ ...s.state, municipality: null })}`,
    profileHref: profileHref(code, s.state),
  };
}

/**
 * What "sager pr. 10.000" divides by on this map and year (issue 18, issue 10 item 8): the year's own FOLK1A
 * population on 1 January in the map's age band, or, until that is imported, the rounded 2024 figures.
 */
export function perCapitaNoteDa(d: PopulationDenominator): string {
  const lead =
    "Sager pr. 10.000 viser, hvor mange sager Ankestyrelsen realitetsbehandlede fra kommunen i forhold til dens størrelse. Det siger noget om, hvor meget der klages, ikke om hvor gode afgørelserne er.";
  switch (d.basis.kind) {
    case "imported":
      return `${lead} På dette kort deles med ${d.labelDa} i kommunen den 1. januar i dataåret (Danmarks Statistik, FOLK1A, ${d.basis.period}).`;
    case "rounded":
      return `${lead} Der deles med alle kommunens indbyggere, også på børne- og voksenområdet, fordi årets folketal fra Danmarks Statistik ikke er indlæst: folketallene er afrundede og fra 1. januar ${d.basis.year} (afrundet, ${d.basis.year}).`;
  }
}
