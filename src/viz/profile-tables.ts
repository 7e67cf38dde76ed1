import { AREA_NAMES_DA, MAP_DEFINITIONS } from "../domain/map-definition.js";
import { areaProfilesOf, type MapProfile } from "../domain/municipality-profile.js";
import type { RateEstimate } from "../domain/rate-estimate.js";
import { integerCell as int, missingCell as none, percentCell as pct, rateFigureCells, type TableCell, type TableModel } from "./figure-table.js";

/**
 * The table municipalities put in their agenda items (seeds: Herning 2025, Tabel 1–3): the country and
 * the municipality, in total and for children and adults where the map is split; decisions, reversed,
 * changed and remitted as pct. and number. We add the 95 % interval of the reversal rate.
 */
export function buildProfileTableModel(mapProfile: MapProfile, year: number, municipalityNameDa: string, tableNumber: number, sourceLineDa: string | null = null): TableModel {
  const mapName = MAP_DEFINITIONS[mapProfile.map].nameDa;
  const rows = areaProfilesOf(mapProfile).flatMap((areaProfile) => {
    const y = areaProfile.years.find((p) => p.year === year);
    const areaName = AREA_NAMES_DA[areaProfile.area];
    const national: RateEstimate = y?.national.estimate ?? { kind: "no-data", reason: { code: "year-without-data", year } };
    const own: RateEstimate = y?.municipality.estimate ?? { kind: "no-data", reason: { code: "year-without-data", year } };
    return [
      { code: null, cells: [{ text: `Landsplan, ${areaName}`, value: `Landsplan, ${areaName}` }, ...rateFigureCells(national)] },
      { code: "municipality", cells: [{ text: `${municipalityNameDa} Kommune, ${areaName}`, value: `${municipalityNameDa} Kommune, ${areaName}` }, ...rateFigureCells(own)] },
    ];
  });
  return {
    captionDa: `Tabel ${tableNumber}: Omgørelsesprocenter, ${mapName.toLowerCase()}, på landsplan og i ${municipalityNameDa} Kommune, ${year}`,
    columns: [
      { key: "raekke", labelDa: "", numeric: false },
      { key: "afgoerelser", labelDa: "Antal afgørelser i alt", numeric: true },
      { key: "omgjort-pct", labelDa: "Omgjorte i alt, procent", numeric: true },
      { key: "omgjort-antal", labelDa: "Omgjorte i alt, antal", numeric: true },
      { key: "interval", labelDa: "95 %-interval, procent", numeric: false },
      { key: "aendret-pct", labelDa: "Ændret/ophævet, procent", numeric: true },
      { key: "aendret-antal", labelDa: "Ændret/ophævet, antal", numeric: true },
      { key: "hjemvist-pct", labelDa: "Genbehandling i kommunen, procent", numeric: true },
      { key: "hjemvist-antal", labelDa: "Genbehandling i kommunen, antal", numeric: true },
    ],
    rows,
    sourceLineDa,
  };
}

/**
 * Neighbours (or another comparison group) over the window: rate and number of cases per year, in two
 * columns per year so a spreadsheet gets both as numbers (a rate is never shown without its cases).
 */
export function buildComparisonTableModel(mapProfile: MapProfile, municipalityNameDa: string, sourceLineDa: string | null = null, loadedYears: readonly number[] | null = null): TableModel {
  const group = mapProfile.neighbours;
  // Years the database holds no figures for at all are left out: a column of "ingen data" says nothing (issue 9, point 4).
  const years = loadedYears ? group.years.filter((y) => loadedYears.includes(y)) : group.years;
  const noData = (year: number): RateEstimate => ({ kind: "no-data", reason: { code: "year-without-data", year } });
  const yearCells = (e: RateEstimate): TableCell[] => {
    switch (e.kind) {
      case "estimate":
        return [pct(e.reversalRate), int(e.decided)];
      case "no-cases":
        return [none("ingen sager"), int(0)];
      case "no-data":
        return [none("ingen data"), none("–")];
    }
  };
  const own = mapProfile.areas.total;
  const ownRow = {
    code: "municipality",
    cells: [{ text: municipalityNameDa, value: municipalityNameDa }, ...years.flatMap((year) => yearCells(own.years.find((y) => y.year === year)?.municipality.estimate ?? noData(year)))],
  };
  const span = years.length <= 1 ? String(years[0] ?? "") : `${years[0]}–${years.at(-1)}`;
  return {
    captionDa: `Omgørelsesprocent og antal realitetsbehandlede sager i ${municipalityNameDa} og nabokommunerne, ${MAP_DEFINITIONS[mapProfile.map].nameDa.toLowerCase()}, ${span}`,
    columns: [
      { key: "kommune", labelDa: "Kommune", numeric: false },
      ...years.flatMap((y) => [
        { key: `${y}-pct`, labelDa: `${y}, omgjort pct.`, numeric: true },
        { key: `${y}-sager`, labelDa: `${y}, sager`, numeric: true },
      ]),
    ],
    rows: [
      ownRow,
      ...group.members.map((m) => ({
        code: m.municipalityCode,
        cells: [{ text: m.municipalityName, value: m.municipalityName }, ...years.flatMap((year) => yearCells(m.years.find((y) => y.year === year)?.estimate ?? noData(year)))],
      })),
      {
        code: null,
        cells: [{ text: "Nabokommunerne samlet", value: "Nabokommunerne samlet" }, ...years.flatMap((year) => yearCells(group.combined.find((y) => y.year === year)?.estimate ?? noData(year)))],
      },
    ],
    sourceLineDa,
  };
}

/**
 * The subjects (sagsemner) behind the municipality's figures on a map in one year, most reversals first:
 * decided, reversed with pct., changed and remitted. Subjects without a decided case are left out.
 */
export function buildSubjectTableModel(mapProfile: MapProfile, year: number, municipalityNameDa: string, sourceLineDa: string | null = null): TableModel {
  const subjects = (mapProfile.subjects.find((s) => s.year === year)?.subjects ?? []).filter((s) => s.decided > 0);
  return {
    captionDa: `Sagsemner bag tallene i ${municipalityNameDa} Kommune, ${MAP_DEFINITIONS[mapProfile.map].nameDa.toLowerCase()}, ${year} (flest omgjorte først)`,
    columns: [
      { key: "sagsemne", labelDa: "Sagsemne", numeric: false },
      { key: "lov", labelDa: "Lov", numeric: false },
      { key: "afgoerelser", labelDa: "Realitetsbehandlede", numeric: true },
      { key: "omgjort-antal", labelDa: "Omgjort, antal", numeric: true },
      { key: "omgjort-pct", labelDa: "Omgjort, pct.", numeric: true },
      { key: "aendret-antal", labelDa: "Ændret/ophævet, antal", numeric: true },
      { key: "hjemvist-antal", labelDa: "Hjemvist, antal", numeric: true },
    ],
    rows: subjects.map((s) => ({
      code: null,
      cells: [{ text: s.subject, value: s.subject }, { text: s.law, value: s.law }, int(s.decided), int(s.reversed), pct(s.reversed / s.decided), int(s.counts.changed), int(s.counts.remitted)],
    })),
    sourceLineDa,
  };
}
