import { asCellTotals } from "../../domain/cell-totals.js";
import type { ComplaintCell } from "../../domain/complaint-cell.js";
import { checkMinutesFigure, type FigureCheck } from "../../domain/minutes/check-minutes-figure.js";
import type { MinutesDocument, MinutesFigure, MinutesItem } from "../../domain/minutes/minutes-item.js";
import { computeRateEstimate } from "../../domain/rate-estimate.js";
import { ZERO_COUNTS } from "../../domain/outcome.js";
import { findNoDataReason } from "../../domain/map-figures.js";
import type { NoDataReason } from "../../domain/missing-reason.js";
import type { MunicipalityCode } from "../../domain/municipality.js";
import { extractMinutes } from "../../importers/minutes/extract-minutes.js";
import { MinutesReadError, readMinutesFile, type MinutesForm } from "../../importers/minutes/read-minutes-file.js";
import type { YearProvenance } from "../../domain/complaint-cell.js";
import { loadFigureCells } from "../../storage/complaint-store.js";
import type { Queryable } from "../../storage/database.js";

/**
 * Reading council minutes (issue 15): each file is read by the reader of its form, its Danmarkskort items
 * extracted, and every figure they quote checked against the dataset version the product shows for that
 * year (the published map where one is marked, else the newest extraction). Nothing is stored: what is found
 * becomes part of a treatment record only when a person confirms it. The dataset's figures are public, so
 * reading needs no permission; confirming (issue 15 item 3) is a write and will.
 */
export type MinutesReadDeps = {
  /** The cells and provenance of the shown dataset versions for these data years. */
  readonly loadShownCells: (years: readonly number[]) => Promise<{ readonly cells: readonly ComplaintCell[]; readonly provenanceByYear: ReadonlyMap<number, YearProvenance> }>;
};

export type CheckedFigure = MinutesFigure & { readonly check: FigureCheck };
export type CheckedItem = Omit<MinutesItem, "figures"> & { readonly figures: readonly CheckedFigure[] };
export type CheckedMinutes = Omit<MinutesDocument, "items"> & {
  readonly items: readonly CheckedItem[];
  /** The dataset version each checked data year was compared with. */
  readonly datasetVersions: ReadonlyMap<number, YearProvenance>;
};

export type MinutesFileResult =
  | { readonly kind: "read"; readonly file: string; readonly form: MinutesForm; readonly minutes: CheckedMinutes }
  | { readonly kind: "unreadable"; readonly file: string; readonly messageDa: string };

export async function checkMinutesAgainstDataset(deps: MinutesReadDeps, minutes: MinutesDocument): Promise<CheckedMinutes> {
  const code = minutes.municipality?.value ?? null;
  const years = [...new Set(minutes.items.flatMap((i) => (i.dataYear && i.figures.length > 0 ? [i.dataYear.value] : [])))];
  const loaded = years.length > 0 && code ? await deps.loadShownCells(years) : { cells: [], provenanceByYear: new Map<number, YearProvenance>() };
  const totals = asCellTotals(loaded.cells);
  const items = minutes.items.map((item): CheckedItem => ({
    ...item,
    figures: item.figures.map((figure): CheckedFigure => ({ ...figure, check: checkOne(figure, item, code, totals) })),
  }));
  return { ...minutes, items, datasetVersions: loaded.provenanceByYear };
}

function checkOne(figure: MinutesFigure, item: MinutesItem, code: MunicipalityCode | null, totals: ReturnType<typeof asCellTotals>): FigureCheck {
  if (!code) return { kind: "not-checked", reasonDa: "kommunen er ikke kendt", textDa: "Tallet er ikke kontrolleret: dokumentets kommune er ikke kendt (brug --kommune)." };
  if (!item.dataYear) return { kind: "not-checked", reasonDa: "dataåret er ikke kendt", textDa: "Tallet er ikke kontrolleret: punktets dataår er ikke fundet." };
  const year = item.dataYear.value;
  const reason: NoDataReason | null = findNoDataReason(totals, figure.map, year) ?? (totals.hasMunicipality(year, code) ? null : { code: "municipality-absent", year });
  const estimate = reason ? ({ kind: "no-data", reason } as const) : computeRateEstimate(totals.counts(year, figure.map, "total", code) ?? ZERO_COUNTS);
  return checkMinutesFigure(figure, estimate, year);
}

/** Reads one file; an unreadable file is a result with a Danish message, so a folder goes on. */
export async function readMinutes(deps: MinutesReadDeps, file: string, options: { readonly municipalityCode?: MunicipalityCode } = {}): Promise<MinutesFileResult> {
  try {
    const { form, text } = await readMinutesFile(file);
    const minutes = extractMinutes(text, options);
    return { kind: "read", file, form, minutes: await checkMinutesAgainstDataset(deps, minutes) };
  } catch (error) {
    if (error instanceof MinutesReadError) return { kind: "unreadable", file, messageDa: error.messageDa };
    throw error;
  }
}

/**
 * The deps on a database: the shown versions, as the map and the profile show them. The cells of a set of
 * years are loaded once per deps, so a folder of 98 minutes about the same year reads the dataset once.
 */
export function minutesReadDepsFor(db: Queryable): MinutesReadDeps {
  const loaded = new Map<string, ReturnType<MinutesReadDeps["loadShownCells"]>>();
  return {
    loadShownCells: (years) => {
      const key = [...years].sort().join(",");
      let cells = loaded.get(key);
      if (!cells) {
        cells = loadFigureCells(db, { years }).then((c) => c.shown);
        loaded.set(key, cells);
      }
      return cells;
    },
  };
}

/**
 * Reads many files (a folder of 98 councils' minutes) two at a time, which is what two cores give when each
 * PDF is a pdftotext process; results come back in the order of `files`. `onProgress` is told after each file.
 */
export async function readManyMinutes(
  deps: MinutesReadDeps,
  files: readonly string[],
  options: { readonly municipalityCode?: MunicipalityCode; readonly concurrency?: number; readonly onProgress?: (done: number, total: number, file: string) => void } = {},
): Promise<MinutesFileResult[]> {
  const results: MinutesFileResult[] = new Array(files.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < files.length) {
      const index = next++;
      results[index] = await readMinutes(deps, files[index]!, options.municipalityCode ? { municipalityCode: options.municipalityCode } : {});
      options.onProgress?.(++done, files.length, files[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency ?? 2, files.length)) }, worker));
  return results;
}
