import { recipientsForMap, type MapRecipients } from "../../domain/context/map-recipients.js";
import {
  selectPopulationDenominator,
  type PopulationDenominator,
} from "../../domain/context/population-denominator.js";
import { AREA_NAMES_DA, MAP_DEFINITIONS } from "../../domain/map-definition.js";
import { buildMapFigures, type MapFigures } from "../../domain/map-figures.js";
import { buildChoroplethModel, type ChoroplethModel } from "../../viz/choropleth-model.js";
import { buildFigureTableModel, type TableModel } from "../../viz/figure-table.js";
import { buildFunnelPlotModel, renderFunnelPlotSvg } from "../../viz/funnel-plot.js";
import { MEASURES, measureNameDa, measureTitleDa } from "../../viz/map-measure.js";
import { areaParam, type MapPageState } from "../../viz/page-state.js";
import { describeRecipientsDa } from "../../viz/recipients-text.js";
import { renderChoroplethSvg } from "../../viz/render-choropleth-svg.js";
import { buildSourceLineDa } from "../../viz/source-line.js";
import type { LoadedGeometries } from "../../app/boundaries/map-geometries.js";
import type { PageData } from "../routes/page-data.js";

/**
 * One selection on the map page (map, year, area, measure) with its figures, title and source line: what the
 * page and each of its downloads (CSV, XLSX, SVG) are drawn from, so they always show the same numbers.
 */
export type MapSelection = {
  readonly state: MapPageState;
  readonly data: Pick<PageData, "years" | "isDemo" | "provenanceByYear" | "revisionByYear">;
  readonly figures: MapFigures;
  readonly titleDa: string;
  readonly sourceLineDa: string;
  /** Who cases per 10.000 are counted against on this map and year (issue 18): the year's FOLK1A band, or the rounded fallback. */
  readonly denominator: PopulationDenominator;
  /** Recipients beside the rate where a Danmarks Statistik table covers the map; empty lists otherwise. */
  readonly recipients: (code: string | null) => readonly MapRecipients[];
};

/** A municipality's profile on the same map and year. */
export function profileHref(code: string, state: Pick<MapPageState, "map" | "year">): string {
  return `/kommuner/${code}?kort=${state.map}&aar=${state.year}`;
}

/** The figures for a parsed selection; throws RangeError for a year the figures cannot be built for. */
export function buildMapSelection(state: MapPageState, data: PageData): MapSelection {
  const figures = buildMapFigures(
    data.totals,
    { map: state.map, year: state.year, area: state.area },
    { revised: data.revisedTotals, rankIntervals: true },
  );
  const def = MAP_DEFINITIONS[state.map];
  const areaPart = state.area === "total" ? "" : `, ${AREA_NAMES_DA[state.area]}`;
  const denominator = selectPopulationDenominator(data.context, state.map, state.area, state.year);
  const measureTitle =
    MEASURES[state.measure].unit === "pct" ? measureTitleDa(state.measure) : measureNameDa(state.measure, denominator);
  const titleDa = `${measureTitle}, ${def.nameDa.toLowerCase()}${areaPart}, ${state.year}`;
  const sourceLine = buildSourceLineDa(data.provenanceByYear.get(state.year));
  // Cases per 10.000 inhabitants rest on a second source, which every download then names too.
  const sourceLineDa =
    MEASURES[state.measure].unit === "per-10000" ? `${sourceLine} ${denominator.sourceDa}.` : sourceLine;
  const recipientsCache = new Map<string, readonly MapRecipients[]>();
  const recipients = (code: string | null) => {
    const key = code ?? "";
    let found = recipientsCache.get(key);
    if (!found)
      recipientsCache.set(
        key,
        (found = state.area === "total" ? recipientsForMap(data.context, state.map, code, state.year) : []),
      );
    return found;
  };
  return { state, data, figures, titleDa, sourceLineDa, denominator, recipients };
}

/** The geometry the selection is drawn on: the tile map when asked for, or when no boundaries are loaded. */
export function geometryFor(state: MapPageState, geometries: LoadedGeometries) {
  if (state.geometry === "felter" || !geometries.geographic) return geometries.tile;
  return geometries.geographic;
}

/** The start of every download's file name: danmarkskort-<kort>-<år>-<område>. */
export function mapDownloadBaseName(state: MapPageState): string {
  return `danmarkskort-${state.map}-${state.year}-${areaParam(state.area)}`;
}

export function buildMapTableModel(s: MapSelection): TableModel {
  return buildFigureTableModel(s.figures, s.titleDa, s.sourceLineDa, {
    measure: s.state.measure,
    denominator: s.denominator,
    recipients: s.recipients,
  });
}

export function buildMapChoroplethModel(s: MapSelection, geometries: LoadedGeometries): ChoroplethModel {
  return buildChoroplethModel({
    geometry: geometryFor(s.state, geometries),
    figures: s.figures,
    measure: s.state.measure,
    titleDa: s.titleDa,
    sourceLineDa: s.sourceLineDa,
    profileHref: (code) => profileHref(code, s.state),
    selectedCode: s.state.municipality,
    denominator: s.denominator,
    extraDescriptionDa: (code) => {
      const text = describeRecipientsDa(s.recipients(code));
      return text ? ` ${text}` : "";
    },
  });
}

/** The map as a file: legend, title and source line drawn in. */
export function renderMapChoroplethSvg(s: MapSelection, geometries: LoadedGeometries): string {
  return renderChoroplethSvg(buildMapChoroplethModel(s, geometries));
}

export function renderMapFunnelSvg(s: MapSelection, width?: number): string {
  const titleDa = `Tragtplot: omgørelsesprocent og antal sager, ${MAP_DEFINITIONS[s.state.map].nameDa.toLowerCase()}, ${s.state.year}`;
  return renderFunnelPlotSvg(
    buildFunnelPlotModel({
      figures: s.figures,
      titleDa,
      sourceLineDa: s.sourceLineDa,
      profileHref: (code) => profileHref(code, s.state),
      selectedCode: s.state.municipality,
      ...(width ? { width } : {}),
    }),
  );
}
