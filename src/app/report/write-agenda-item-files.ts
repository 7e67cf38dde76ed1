import { mkdir, mkdtemp, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, extname, join } from "node:path";
import { indexCellTotals } from "../../domain/cell-totals.js";
import type { ComplaintCell } from "../../domain/complaint-cell.js";
import { indexContextFigures } from "../../domain/context/context-index.js";
import type { MunicipalityCode } from "../../domain/municipality.js";
import { renderAgendaItemFile, type ReportFormat } from "../../reports/agenda-item-files.js";
import { convertDocxFilesToPdf } from "../../reports/convert-docx-to-pdf.js";
import type { ParsedReportChoices } from "../../reports/parse-report-choices.js";
import type { ReportBody } from "../../reports/report-context.js";
import { renderAgendaItemMarkdown } from "../../reports/render-agenda-item-markdown.js";
import { FIGURE_FILE_WORDS_DA, figureIdsOf } from "../../reports/report-document.js";
import { loadFigureCells } from "../../storage/complaint-store.js";
import { loadContextFigures } from "../../storage/context-store.js";
import type { Database } from "../../storage/database.js";
import type { MapGeometry } from "../../viz/map-geometry.js";
import { loadFollowUpFigures } from "../action-plans/action-plan-deps.js";
import { OPERATOR } from "../caller.js";
import { loadEffectiveLegalRules } from "../treatment/load-treatment.js";
import { UserFacingError } from "../user-facing-error.js";
import { loadAttachedPlans, makeAgendaItem, openAgendaItemRasterizer, type AgendaItemSources } from "./make-agenda-item.js";

/** What `danmarkskort report` asks for, checked at its door (cli/commands/report.ts). */
export type ReportOptions = {
  /** One code, or every municipality. */
  readonly municipalities: readonly MunicipalityCode[];
  readonly all: boolean;
  readonly year: number;
  readonly format: ReportFormat;
  readonly out: string;
  /** Absent: the treatment record's next body, else the Byråd. */
  readonly body?: ReportBody;
  readonly caseNumber?: string;
  readonly images: boolean;
  /** Template, sections, comparison group, recommendation points, route (issue 16). */
  readonly choices: ParsedReportChoices;
  /** The municipality's own Word template (DOCX/PDF only), filled instead of the built-in layout. */
  readonly docxTemplate?: string;
  /** Published action plans attached as bilag, by number; one municipality only (issue 13). */
  readonly attachPlans: readonly number[];
};

export type ReportRunEnvironment = {
  /** LibreOffice's program for PDF (DANMARKSKORT_SOFFICE); found on PATH when absent. */
  readonly sofficePath?: string;
  /** The geographic map where boundaries are loaded; absent: the tile map. */
  readonly geometry?: MapGeometry;
  /** One line per file written. */
  readonly log?: (line: string) => void;
  /** What a person should know about an item (make-agenda-item.ts: figures or a stored template left out). */
  readonly notice?: (lineDa: string) => void;
};

async function outputPathFor(options: ReportOptions, fileBaseName: string): Promise<string> {
  if (options.all) return join(options.out, `${fileBaseName}.${options.format}`);
  const isDir = await stat(options.out).then((s) => s.isDirectory(), () => false);
  return isDir ? join(options.out, `${fileBaseName}.${options.format}`) : options.out;
}

/** Writes via a temporary name, so a failed run never leaves half a file where the user expects one. */
async function writeAtomically(path: string, bytes: Uint8Array | string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(`${path}.tmp`, bytes);
  await rename(`${path}.tmp`, path);
}

/**
 * Documents made at once in a batch. Two, because resvg draws one document's images on libuv's thread
 * pool while Node builds and zips another's DOCX, so a 2-core machine keeps both cores busy
 * (bench/report.bench.ts measures the batch).
 */
const BATCH_CONCURRENCY = 2;

/** Runs `fn` over `items` with at most `concurrency` at a time; results in the order of `items`. */
async function mapInOrder<T, R>(items: readonly T[], concurrency: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      try {
        results[i] = await fn(items[i]!);
      } catch (error) {
        next = items.length; // the other workers stop after their current item
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}

/** The figures of the shown versions up to the item's year, and every municipality's cells of that year, loaded once for the batch. */
async function loadBatchSources(db: Database, year: number): Promise<AgendaItemSources | { readonly kind: "no-data"; readonly years: readonly number[] }> {
  const [{ shown, revised }, context, legalRules] = await Promise.all([loadFigureCells(db), loadContextFigures(db).then(indexContextFigures), loadEffectiveLegalRules(db)]);
  const { cells, provenanceByYear } = shown;
  if (!provenanceByYear.has(year)) return { kind: "no-data", years: [...provenanceByYear.keys()].sort((a, b) => a - b) };
  const cellsByMunicipality = new Map<MunicipalityCode, ComplaintCell[]>();
  for (const c of cells) {
    if (c.year !== year || c.municipalityCode === null) continue;
    const list = cellsByMunicipality.get(c.municipalityCode);
    if (list) list.push(c);
    else cellsByMunicipality.set(c.municipalityCode, [c]);
  }
  return {
    totals: indexCellTotals(cells.filter((c) => c.year <= year)),
    provenanceByYear: new Map([...provenanceByYear].filter(([y]) => y <= year)),
    revised: { totals: indexCellTotals(revised.cells.filter((c) => c.year <= year)), provenanceByYear: revised.provenanceByYear },
    context,
    legalRules,
    yearCells: async (code) => cellsByMunicipality.get(code) ?? [],
  };
}

/**
 * `danmarkskort report`: builds each municipality's item (make-agenda-item.ts) and writes the files; returns their
 * paths. The operator runs it, so every plan and every knowledge bank may be read. For PDF every DOCX is made
 * first and one LibreOffice run converts the lot (its PdfConverterMissingError/PdfConversionError are the door's
 * to word). A refusal is a UserFacingError.
 */
export async function runReport(db: Database, options: ReportOptions, env: ReportRunEnvironment = {}): Promise<string[]> {
  const sources = await loadBatchSources(db, options.year);
  if ("kind" in sources) {
    const { years } = sources;
    throw new UserFacingError(
      "ingen-data",
      `Der er ingen data for ${options.year}. ${years.length ? `Databasen har data for ${years[0]}–${years[years.length - 1]}.` : "Databasen er tom."} Indlæs tallene med danmarkskort import eller prøv danmarkskort demo.`,
      404,
    );
  }
  if (!options.all && extname(options.out) && extname(options.out).slice(1).toLowerCase() !== options.format) {
    throw new UserFacingError("forkert-filendelse", `--out ${options.out} passer ikke til --format ${options.format}. Brug filendelsen .${options.format}.`, 400);
  }
  // The operator may read every plan; a draft or a plan for a later map is still refused, in Danish.
  let attachedPlans: Awaited<ReturnType<typeof loadAttachedPlans>> = [];
  if (options.attachPlans.length > 0) {
    const figures = await loadFollowUpFigures(db);
    attachedPlans = await loadAttachedPlans({ db, figures: async () => figures, now: () => new Date() }, OPERATOR, { municipalityCode: options.municipalities[0]!, year: options.year, ids: options.attachPlans });
    if ("kind" in attachedPlans) throw new UserFacingError("handleplan-afvist", attachedPlans.messageDa, attachedPlans.status);
  }
  const plans = attachedPlans;
  const template = options.docxTemplate
    ? {
        name: options.docxTemplate,
        bytes: await readFile(options.docxTemplate).catch(() => {
          throw new UserFacingError("skabelon-ulaeselig", `Skabelonen ${options.docxTemplate} kan ikke læses.`, 400);
        }),
      }
    : undefined;
  const rasterizer = await openAgendaItemRasterizer(options.format, options.images);
  const written: string[] = [];
  const noticed = new Set<string>();
  const pendingPdf = new Map<MunicipalityCode, { docx: string; out: string }>();
  const pdfWork = options.format === "pdf" ? await mkdtemp(join(tmpdir(), "danmarkskort-report-")) : null;
  try {
    const deps = { db, geometry: env.geometry, rasterizer };
    const writeOne = async (code: MunicipalityCode): Promise<string> => {
      const item = await makeAgendaItem(deps, OPERATOR, sources, {
        municipalityCode: code,
        year: options.year,
        format: options.format,
        ...(options.body !== undefined ? { body: options.body } : {}),
        ...(options.caseNumber !== undefined ? { caseNumber: options.caseNumber } : {}),
        choices: options.choices,
        images: options.images,
        attachedPlans: plans,
        ...(template ? { docxTemplate: template } : {}),
      });
      const { model, images } = item;
      const path = await outputPathFor(options, model.fileBaseName);
      switch (options.format) {
        case "pdf": {
          // All DOCX first, then one LibreOffice run converts the lot.
          const docx = join(pdfWork!, `${model.fileBaseName}.docx`);
          await writeFile(docx, await item.docx());
          pendingPdf.set(code, { docx, out: path });
          break;
        }
        case "md": {
          // Images go beside the Markdown file as SVG, referenced by relative name.
          const sources = new Map<string, string>();
          const used = figureIdsOf(model.sections);
          for (const [id, image] of images) {
            if (!used.has(id)) continue;
            const name = `${model.fileBaseName}-${FIGURE_FILE_WORDS_DA[id]}.svg`;
            await writeAtomically(join(dirname(path), name), image.svg);
            sources.set(id, name);
          }
          await writeAtomically(path, renderAgendaItemMarkdown(model, sources));
          break;
        }
        case "docx":
          await writeAtomically(path, await item.docx());
          break;
        default:
          await writeAtomically(path, await renderAgendaItemFile(model, images, options.format));
      }
      // Said once, not 98 times: the missing image renderer is the same for every item of a batch.
      for (const notice of item.noticesDa) {
        if (noticed.has(notice)) continue;
        noticed.add(notice);
        env.notice?.(notice);
      }
      env.log?.(`${model.municipality}: ${path}`);
      return path;
    };
    written.push(...(await mapInOrder(options.municipalities, BATCH_CONCURRENCY, writeOne)));
    if (pdfWork) {
      const pending = options.municipalities.map((code) => pendingPdf.get(code)!);
      const pdfs = await convertDocxFilesToPdf(pending.map((p) => p.docx), pdfWork, { command: env.sofficePath });
      for (const [i, pdf] of pdfs.entries()) await writeAtomically(pending[i]!.out, await readFile(pdf));
    }
  } finally {
    await rasterizer?.close();
    if (pdfWork) await rm(pdfWork, { recursive: true, force: true });
  }
  return written;
}
