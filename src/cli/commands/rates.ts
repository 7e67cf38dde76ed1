import type { Command } from "commander";
import { csvCell } from "../../domain/csv-cell.js";
import { toFigureRecords, type FigureRecord } from "../../domain/figure-record.js";
import { formatInteger, formatPercent } from "../../domain/format-danish-number.js";
import { AREA_NAMES_DA, MAP_DEFINITIONS, MAP_IDS, type Area, type MapId } from "../../domain/map-definition.js";
import { buildMapFigures, noDataReason, type MapFigures } from "../../domain/map-figures.js";
import { parseArea, parseFormat, parseMap, parseMunicipality, parseYear } from "../../app/params.js";
import { indexCellTotals } from "../../domain/cell-totals.js";
import { FUNNEL_VERDICT_SHORT_DA } from "../../domain/statistics/funnel-limits.js";
import { DEMO_NOTICE_DA, type DatasetProvenance, type DatasetStanding, type YearProvenance } from "../../domain/complaint-cell.js";
import type { Queryable } from "../../storage/database.js";
import { loadFigureCells } from "../../storage/complaint-store.js";
import { openDatabase } from "../../storage/open-database.js";
import type { CliContext } from "../cli-context.js";
import { UserError } from "../user-error.js";

const RATES_FORMATS = ["table", "json", "csv"] as const;
export type RatesFormat = (typeof RATES_FORMATS)[number];
export type RatesOptions = {
  readonly map: MapId;
  readonly year: number;
  readonly area: Area;
  /** Municipality code, resolved from a code or a name at the door. */
  readonly municipalityCode?: string;
  readonly format: RatesFormat;
};

/** The raw option strings, checked once by the parsers every door shares (src/app/params.ts). */
export function parseRatesOptions(raw: { map?: string; year?: string; area?: string; municipality?: string; format?: string }): RatesOptions {
  const map = parseMap(raw.map ?? "", "--map");
  const year = parseYear(raw.year ?? "", "--year");
  const area = parseArea(map, raw.area, "--area");
  const format = parseFormat(raw.format, RATES_FORMATS, "--format");
  const municipalityCode = raw.municipality === undefined ? undefined : parseMunicipality(raw.municipality, "--municipality").code;
  return { map, year, area, format, ...(municipalityCode ? { municipalityCode } : {}) };
}

/** CSV columns: the json contract's scalar fields, in this order; ci95 as two columns. Comma-separated, dot decimals (machine format). */
const CSV_COLUMNS = ["map", "year", "area", "municipalityCode", "municipalityName", "kind", "decided", "upheld", "changed", "remitted", "rejected", "reversed", "reversalRate", "changedRate", "remittedRate", "upheldRate", "ci95Low", "ci95High", "funnel", "datasetVersionId", "isDemo"] as const;

/**
 * A json/csv row: the figure plus where it came from, so a file passed on from here still says which
 * dataset version it is and whether it is demo data ("Demodata – ikke Ankestyrelsens tal").
 */
export type RatesRow = FigureRecord & { readonly datasetVersionId: number; readonly isDemo: boolean; readonly standing: DatasetStanding };

function csvValue(value: unknown): string {
  if (value === undefined || value === null) return "";
  return csvCell(String(value), ",");
}

export function renderCsv(records: readonly RatesRow[]): string {
  const lines = records.map((r) => {
    const flat: Record<string, unknown> = { ...r, ci95Low: "ci95" in r ? r.ci95[0] : undefined, ci95High: "ci95" in r ? r.ci95[1] : undefined };
    return CSV_COLUMNS.map((c) => csvValue(flat[c])).join(",");
  });
  return [CSV_COLUMNS.join(","), ...lines].join("\n") + "\n";
}

const pct = (n: number, rate: number) => `${formatInteger(n)} (${formatPercent(rate)})`;

/** The published look: Danish numbers, one decimal, decimal comma, thousands dot; counts beside every rate. */
/** Which version the figures are, in words: the published map, or an extraction of a date (issue 9). */
function standingLineDa(p: YearProvenance): string | null {
  if (p.isDemo) return null;
  const extracted = p.extractedOn ? `udtrukket ${p.extractedOn}` : "udtræksdato ukendt";
  return p.standing === "published"
    ? `Tallene er kortet, som det blev offentliggjort (datasætversion ${p.datasetVersionId}, ${p.fileName}, ${extracted}).`
    : `Tallene er ${p.extractedOn ? `et udtræk af ${p.extractedOn}` : "et udtræk uden kendt dato"} (datasætversion ${p.datasetVersionId}, ${p.fileName}), ikke det offentliggjorte kort.`;
}

/** One line per row that Ankestyrelsen has revised since the map was published: both figures, both dates. */
function revisionLinesDa(records: readonly FigureRecord[], shown: YearProvenance, revision: DatasetProvenance | undefined): string[] {
  if (!revision) return [];
  const figure = (r: { kind: string; reversed?: number; decided?: number; reversalRate?: number }) =>
    r.kind === "estimate" ? `${formatInteger(r.reversed!)} af ${formatInteger(r.decided!)} = ${formatPercent(r.reversalRate!)} %` : r.kind === "no-cases" ? "ingen sager" : "ingen data";
  const revised = records.filter((r) => r.revised !== null);
  if (revised.length === 0) return [`Ankestyrelsens nyere udtræk af ${revision.extractedOn ?? "ukendt dato"} (datasætversion ${revision.datasetVersionId}) ændrer ingen af tallene her.`];
  return [
    `Ankestyrelsen har siden revideret tallene (udtræk af ${revision.extractedOn ?? "ukendt dato"}, datasætversion ${revision.datasetVersionId}); tabellen viser det offentliggjorte kort (${shown.extractedOn ? `udtrukket ${shown.extractedOn}` : "udtræksdato ukendt"}):`,
    ...revised.map((r) => `  ${r.municipalityCode === null ? r.municipalityName : `${r.municipalityName} (${r.municipalityCode})`}: offentliggjort ${figure(r)}, revideret ${figure(r.revised!)}`),
  ];
}

export function renderTable(figures: MapFigures, records: readonly FigureRecord[], isDemo: boolean, extraNotes: readonly string[] = []): string {
  const header = ["Kommune", "Realitetsbehandlede sager", "Omgjort, antal (%)", "95 %-interval", "Ændret/ophævet, antal (%)", "Hjemvist, antal (%)", "Tragtplot"];
  const rows = records.map((r) => {
    const name = r.municipalityCode === null ? r.municipalityName : `${r.municipalityName} (${r.municipalityCode})`;
    const funnel = "funnel" in r && r.funnel ? FUNNEL_VERDICT_SHORT_DA[r.funnel] : "";
    switch (r.kind) {
      case "estimate":
        return [name, formatInteger(r.decided), pct(r.reversed, r.reversalRate), `${formatPercent(r.ci95[0])}–${formatPercent(r.ci95[1])}`, pct(r.changed, r.changedRate), pct(r.remitted, r.remittedRate), funnel];
      case "no-cases":
        return [name, "0", "ingen sager", "", "", "", ""];
      case "no-data":
        return [name, "", r.reasonDa, "", "", "", ""];
    }
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ").trimEnd();
  const title = `${MAP_DEFINITIONS[figures.map].nameDa}, ${AREA_NAMES_DA[figures.area]}, dataår ${figures.year}. Omgørelsesprocent = omgjorte / realitetsbehandlede sager.`;
  const legend = "Tragtplot: kommunens procent mod landsprocenten; over/under betyder uden for 95 %- eller 99,8 %-grænsen (Spiegelhalter 2005).";
  const notes = [
    ...(isDemo ? [`${DEMO_NOTICE_DA}.`] : []),
    ...extraNotes,
    ...(figures.areaCoverage.kind === "incomplete" ? [`Bemærk: ${formatInteger(figures.areaCoverage.decidedWithoutArea)} sager har et sagsemne uden kendt børne-/voksenområde; børne- og voksenområdet summer derfor ikke til i alt.`] : []),
    ...(figures.national.publishedNational.kind === "mismatch" ? ["Bemærk: summen af de 98 kommuner afviger fra Ankestyrelsens egen landsrække."] : []),
  ];
  return [title, ...notes, "", line(header), ...rows.map(line), "", legend].join("\n") + "\n";
}

/** Computes and formats the figures; the command action only opens storage and prints. Returns the text to print and whether it is demo data. */
export async function runRates(db: Queryable, options: RatesOptions): Promise<{ readonly output: string; readonly isDemo: boolean }> {
  const { shown, revised } = await loadFigureCells(db, { years: [options.year] });
  const provenance = shown.provenanceByYear.get(options.year);
  if (!provenance) throw new UserError(`Der er ingen data for ${options.year}. Indlæs Ankestyrelsens tal for året med "npm run -s cli -- import <fil>".`);
  const totals = indexCellTotals(shown.cells);
  const reason = noDataReason(totals, options.map, options.year);
  if (reason !== null) throw new UserError(`${reason}.`);
  const revision = revised.provenanceByYear.get(options.year);
  const figures = buildMapFigures(totals, options, { revised: indexCellTotals(revised.cells), rankIntervals: true });
  const records = toFigureRecords(figures, revision ? { datasetVersionId: revision.datasetVersionId, extractedOn: revision.extractedOn } : null).filter(
    (r) => !options.municipalityCode || r.municipalityCode === null || r.municipalityCode === options.municipalityCode,
  );
  const rows: RatesRow[] = records.map((r) => ({ ...r, datasetVersionId: provenance.datasetVersionId, isDemo: provenance.isDemo, standing: provenance.standing }));
  const output = ((): string => {
    switch (options.format) {
      case "json":
        return JSON.stringify(rows, null, 2) + "\n";
      case "csv":
        return renderCsv(rows);
      case "table": {
        const standing = standingLineDa(provenance);
        return renderTable(figures, records, provenance.isDemo, [...(standing ? [standing] : []), ...revisionLinesDa(records, provenance, revision)]);
      }
    }
  })();
  return { output, isDemo: provenance.isDemo };
}

export function registerRates(program: Command, cli: CliContext): void {
  program
    .command("rates")
    .description("vis omgørelsesprocenter for ét kort og ét dataår (hele landet og kommunerne)")
    .requiredOption("--map <kort>", `kortet: ${MAP_IDS.join(" | ")}`)
    .requiredOption("--year <år>", "dataåret, fx 2024")
    .option("--municipality <kode|navn>", "kun denne kommune (og landsrækken)")
    .option("--area <område>", "total | children | adults (children/adults kun på socialomraadet)", "total")
    .option("--format <format>", "table | json | csv", "table")
    .action(async (raw: { map?: string; year?: string; area?: string; municipality?: string; format?: string }) => {
      const options = parseRatesOptions(raw);
      const db = await openDatabase(cli.config.storage);
      try {
        const { output, isDemo } = await runRates(db, options);
        process.stdout.write(output);
        // The table says it itself; json and csv go to programs, so the person running them hears it here.
        if (isDemo && options.format !== "table") process.stderr.write(`${DEMO_NOTICE_DA}.\n`);
      } finally {
        await db.close();
      }
    });
}
