import { loadSubjectAreaLookup } from "../../app/subject-areas/subject-area-table.js";
import { loadDocxTemplateForReport } from "../../app/docx-template/municipality-docx-template.js";
import { loadTreatmentRoute } from "../../app/treatment/treatment-route-for-report.js";
import { chooseRoute } from "../../reports/treatment-route.js";
import type { Command } from "commander";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, extname, join, resolve } from "node:path";
import { indexCellTotals } from "../../domain/cell-totals.js";
import { MUNICIPALITIES, resolveMunicipality, type MunicipalityCode } from "../../domain/municipality.js";
import { OPERATOR } from "../../app/caller.js";
import { loadKnowledgeAgendaSummary } from "../../app/knowledge/knowledge-figures.js";
import { loadActionPlanAgendaSummary } from "../../app/action-plans/action-plan-agenda.js";
import { loadEffectiveLegalRules } from "../../app/treatment/load-treatment.js";
import { loadPlanForAgendaItem } from "../../app/action-plans/attach-action-plan.js";
import { loadFollowUpFigures } from "../../app/action-plans/action-plan-deps.js";
import type { ActionPlanDocument } from "../../reports/action-plan/action-plan-document.js";
import { buildAgendaItemFor, isReportFormat, REPORT_FORMATS, renderAgendaItemFile, type ReportFormat } from "../../reports/agenda-item-files.js";
import { buildReportSvgs } from "../../reports/build-report-svgs.js";
import { convertDocxFilesToPdf, PdfConversionError, PdfConverterMissingError } from "../../reports/convert-docx-to-pdf.js";
import { openSvgRasterizer, svgOnlyImages, ImageRendererMissingError, type SvgRasterizer } from "../../reports/rasterize-svg.js";
import { isReportBody, REPORT_BODIES, type ReportBody } from "../../reports/report-context.js";
import { renderAgendaItemMarkdown } from "../../reports/render-agenda-item-markdown.js";
import { FIGURE_FILE_WORDS_DA, figureIdsOf } from "../../reports/report-document.js";
import { loadMapGeometries, type BoundarySource } from "../../app/boundaries/map-geometries.js";
import type { Database } from "../../storage/database.js";
import { loadFigureCells } from "../../storage/complaint-store.js";
import { loadContextFigures } from "../../storage/context-store.js";
import { indexContextFigures } from "../../domain/context/context-index.js";
import { openDatabase } from "../../storage/open-database.js";
import type { CliContext } from "../cli-context.js";
import type { MapGeometry } from "../../viz/map-geometry.js";
import { UserError } from "../user-error.js";
import type { ComplaintCell } from "../../domain/complaint-cell.js";
import { ACTION_PLAN_WORDS_DA, parseAttachedPlanIds, parseReportChoices, ReportChoiceError, type ParsedReportChoices } from "../../reports/parse-report-choices.js";
import { REPORT_TEMPLATES } from "../../reports/report-choices.js";
import { DocxTemplateError, renderAgendaItemFromTemplate } from "../../reports/render-agenda-item-docx-template.js";
import type { AgendaItemModel } from "../../reports/agenda-item-model.js";
import type { AgendaItemFigures } from "../../reports/agenda-item-figures.js";
import type { ReportImages } from "../../reports/report-images.js";
import { OPTIONAL_SECTION_IDS } from "../../reports/section-registry.js";

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

type RawReportOptions = {
  template?: string;
  sections?: string;
  compare?: string;
  compareYears?: string;
  actionPlan?: string;
  point?: string[];
  route?: string;
  competence?: string;
  economy?: string;
  docxTemplate?: string;
  attachPlan?: string;
  municipality?: string;
  year?: string;
  format?: string;
  out?: string;
  body?: string;
  caseNumber?: string;
  caseworker?: string;
  images?: boolean;
};

/** Checks every option once, with Danish messages (style.md: validate at the door). */
export function parseReportOptions(raw: RawReportOptions): ReportOptions {
  const m = raw.municipality?.trim() ?? "";
  const all = m.toLowerCase() === "all" || m.toLowerCase() === "alle";
  const municipality = all ? undefined : resolveMunicipality(m);
  if (!all && !municipality) throw new UserError(`Ukendt kommune "${m}". Brug en kommunekode som 0657, et kommunenavn som Herning, eller all.`);
  if (!raw.year || !/^\d{4}$/.test(raw.year)) throw new UserError(`--year skal være et dataår med fire cifre, fx 2024, ikke "${raw.year ?? ""}".`);
  const format = raw.format ?? "docx";
  if (!isReportFormat(format)) throw new UserError(`Ukendt format "${format}". Brug --format ${REPORT_FORMATS.join("|")}.`);
  const body = raw.body;
  if (body !== undefined && !isReportBody(body)) throw new UserError(`Ukendt organ "${body}". Brug --body ${REPORT_BODIES.join("|")}.`);
  if (!raw.out?.trim()) throw new UserError("Angiv hvor filen skal gemmes med --out <sti> (en mappe, når --municipality er all).");
  let choices: ParsedReportChoices;
  try {
    choices = parseReportChoices({
      template: raw.template,
      sections: raw.sections,
      compare: raw.compare,
      years: raw.compareYears,
      actionPlan: raw.actionPlan,
      points: raw.point,
      route: raw.route,
      caseworkers: raw.caseworker,
      competence: raw.competence,
      economy: raw.economy,
    });
  } catch (error) {
    if (error instanceof ReportChoiceError) throw new UserError(error.message);
    throw error;
  }
  let attachPlans: number[];
  try {
    attachPlans = parseAttachedPlanIds(raw.attachPlan, "--attach-plan");
  } catch (error) {
    if (error instanceof ReportChoiceError) throw new UserError(error.message);
    throw error;
  }
  // A plan is one municipality's: attaching it to all 98 items would be a mistake, not a batch.
  if (all && attachPlans.length > 0) throw new UserError("--attach-plan kan kun bruges med én kommune, ikke --municipality all.");
  if (raw.docxTemplate && format !== "docx" && format !== "pdf") throw new UserError("--docx-template kan kun bruges med --format docx eller pdf.");
  return {
    choices,
    attachPlans,
    ...(raw.docxTemplate ? { docxTemplate: resolve(raw.docxTemplate) } : {}),
    municipalities: all ? MUNICIPALITIES.map((x) => x.code) : [municipality!.code],
    all,
    year: Number(raw.year),
    format,
    out: resolve(raw.out),
    ...(body !== undefined ? { body } : {}),
    ...(raw.caseNumber ? { caseNumber: raw.caseNumber } : {}),
    images: raw.images !== false,
  };
}

/** Boundaries only when configured or already cached: a report must not wait for a download. */
async function reportGeometry(source: BoundarySource): Promise<MapGeometry | undefined> {
  if (source.kind === "none" || (source.kind === "dawa" && !existsSync(source.cacheFile))) return undefined;
  return (await loadMapGeometries(source)).geographic ?? undefined;
}

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

export type ReportRunEnvironment = {
  readonly sofficePath?: string;
  readonly geometry?: MapGeometry;
  readonly log?: (line: string) => void;
};

/** Builds and writes the files; returns their paths. The command action only opens storage. */
export async function runReport(db: Database, options: ReportOptions, env: ReportRunEnvironment = {}): Promise<string[]> {
  const [{ shown, revised }, context, legalRules] = await Promise.all([loadFigureCells(db), loadContextFigures(db).then(indexContextFigures), loadEffectiveLegalRules(db)]);
  const { cells, provenanceByYear } = shown;
  if (!provenanceByYear.has(options.year)) {
    const years = [...provenanceByYear.keys()].sort((a, b) => a - b);
    throw new UserError(
      `Der er ingen data for ${options.year}. ${years.length ? `Databasen har data for ${years[0]}–${years[years.length - 1]}.` : "Databasen er tom."} Indlæs tallene med danmarkskort import eller prøv danmarkskort demo.`,
    );
  }
  if (!options.all && extname(options.out) && extname(options.out).slice(1).toLowerCase() !== options.format) {
    throw new UserError(`--out ${options.out} passer ikke til --format ${options.format}. Brug filendelsen .${options.format}.`);
  }
  // The operator may read every plan; a draft or a plan for a later map is still refused, in Danish.
  const attachedPlans: ActionPlanDocument[] = [];
  if (options.attachPlans.length > 0) {
    const figures = await loadFollowUpFigures(db);
    const deps = { db, figures: async () => figures, now: () => new Date() };
    for (const id of options.attachPlans) {
      const plan = await loadPlanForAgendaItem(deps, OPERATOR, { municipalityCode: options.municipalities[0]!, id, year: options.year });
      if (plan.kind === "refused") throw new UserError(plan.messageDa);
      attachedPlans.push(plan.document);
    }
  }
  const totals = indexCellTotals(cells.filter((c) => c.year <= options.year));
  const provenance = new Map([...provenanceByYear].filter(([y]) => y <= options.year));
  const revisedFigures = { totals: indexCellTotals(revised.cells.filter((c) => c.year <= options.year)), provenanceByYear: revised.provenanceByYear };
  const needsPng = options.images && (options.format === "docx" || options.format === "pdf");
  let rasterizer: SvgRasterizer | null = null;
  try {
    if (needsPng) rasterizer = await openSvgRasterizer();
  } catch (error) {
    if (error instanceof ImageRendererMissingError) throw new UserError(error.message);
    throw error;
  }
  const template = options.docxTemplate
    ? await readFile(options.docxTemplate).catch(() => {
        throw new UserError(`Skabelonen ${options.docxTemplate} kan ikke læses.`);
      })
    : null;
  const docxOf = async (model: AgendaItemModel, figures: AgendaItemFigures, images: ReportImages): Promise<Buffer> => {
    // --docx-template first, else the municipality's own stored template (issue 16, point 2), else the built-in layout.
    const own = template ?? (await loadDocxTemplateForReport(db, model.municipalityCode));
    if (!own) return renderAgendaItemFile(model, images, "docx");
    try {
      return renderAgendaItemFromTemplate(model, figures, own);
    } catch (error) {
      if (error instanceof DocxTemplateError) throw new UserError(`${options.docxTemplate ?? `Kommunens gemte skabelon (${model.municipality})`}: ${error.message}`);
      throw error;
    }
  };
  const cellsByMunicipality = new Map<MunicipalityCode, ComplaintCell[]>();
  for (const c of cells) {
    if (c.year !== options.year || c.municipalityCode === null) continue;
    const list = cellsByMunicipality.get(c.municipalityCode);
    if (list) list.push(c);
    else cellsByMunicipality.set(c.municipalityCode, [c]);
  }
  const written: string[] = [];
  const pendingPdf = new Map<MunicipalityCode, { docx: string; out: string }>();
  const pdfWork = options.format === "pdf" ? await mkdtemp(join(tmpdir(), "danmarkskort-report-")) : null;
  try {
    const writeOne = async (code: MunicipalityCode): Promise<string> => {
      const { model, figures } = buildAgendaItemFor(totals, provenance, code, options.year, {
        revised: revisedFigures,
        caseNumber: options.caseNumber,
        includeFigures: options.images,
        context,
        legalRules,
        attachedPlans,
        ...options.choices,
        // The route and body from the year's treatment record, where none was given on the command line.
        ...chooseRoute({ route: options.choices.route, body: options.body, competence: options.choices.competence }, await loadTreatmentRoute(db, code, options.year)),
        // Every subject of the year, on the maps and outside them, for the all-cases section.
        yearCells: cellsByMunicipality.get(code) ?? [],
        // The municipality's own subject → area table groups those cases, where it keeps one.
        subjectAreas: await loadSubjectAreaLookup(db, code),
        // The operator may read every bank: exact counts, and only where there are approved entries.
        knowledgeBank: await loadKnowledgeAgendaSummary(db, OPERATOR, code, options.year),
        actionPlans: await loadActionPlanAgendaSummary(db, { totals, revisedTotals: revisedFigures.totals }, code, options.year),
      });
      const svgs = options.images ? buildReportSvgs({ figures, geometry: env.geometry }) : new Map();
      const images = rasterizer ? await rasterizer.rasterize(svgs) : svgOnlyImages(svgs);
      const path = await outputPathFor(options, model.fileBaseName);
      switch (options.format) {
        case "pdf": {
          // All DOCX first, then one LibreOffice run converts the lot.
          const docx = join(pdfWork!, `${model.fileBaseName}.docx`);
          await writeFile(docx, await docxOf(model, figures, images));
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
          await writeAtomically(path, await docxOf(model, figures, images));
          break;
        default:
          await writeAtomically(path, await renderAgendaItemFile(model, images, options.format));
      }
      env.log?.(`${model.municipality}: ${path}`);
      return path;
    };
    written.push(...(await mapInOrder(options.municipalities, BATCH_CONCURRENCY, writeOne)));
    if (pdfWork) {
      try {
        const pending = options.municipalities.map((code) => pendingPdf.get(code)!);
        const pdfs = await convertDocxFilesToPdf(pending.map((p) => p.docx), pdfWork, { command: env.sofficePath });
        for (const [i, pdf] of pdfs.entries()) await writeAtomically(pending[i]!.out, await readFile(pdf));
      } catch (error) {
        if (error instanceof PdfConverterMissingError || error instanceof PdfConversionError) throw new UserError(error.message);
        throw error;
      }
    }
  } finally {
    await rasterizer?.close();
    if (pdfWork) await rm(pdfWork, { recursive: true, force: true });
  }
  return written;
}

export function registerReport(program: Command, cli: CliContext): void {
  program
    .command("report")
    .description("lav dagsordenpunktet om årets danmarkskort for én kommune eller alle 98 (DOCX, PDF, HTML eller Markdown)")
    .requiredOption("--municipality <kode|navn|all>", "kommunekode (0657), kommunenavn (Herning) eller all for alle 98")
    .requiredOption("--year <år>", "dataåret, fx 2024 (kortet offentliggjort i 2025)")
    .option("--format <format>", REPORT_FORMATS.join(" | "), "docx")
    .requiredOption("--out <sti>", "filen, eller mappen når --municipality er all")
    .option("--body <organ>", `${REPORT_BODIES.join(" | ")} (standard: det næste organ i kommunens registrerede behandling, ellers byraad)`)
    .option("--case-number <journalnummer>", "sagens journalnummer, fx 27.69.52-I02-1-25")
    .option("--caseworker <navne>", "sagsbehandlerens navn; flere adskilt af komma (de øvrige bliver »Øvrige sagsbehandlere«)")
    .option("--template <skabelon>", `${REPORT_TEMPLATES.join(" | ")} (standard: orientering)`)
    .option("--sections <afsnit>", `valgfrie afsnit, fx udvikling,alle-sager:bilag,-kommentar; alle; ingen. Afsnit: ${OPTIONAL_SECTION_IDS.join(", ")}`)
    .option("--compare <gruppe>", "sammenligningsgruppe: naboer, region, lignende[:antal] eller kommuner, fx Hillerød,Hørsholm,Furesø,Rudersdal")
    .option("--compare-years <antal>", "antal år i sammenligningen, sidste år er --year (standard 4)")
    .option("--action-plan <stillingtagen>", `handleplanspunktet i indstillingen: ${ACTION_PLAN_WORDS_DA.join(" | ")} (standard auto: efter reglen for året)`)
    .option("--point <tekst>", "et ekstra indstillingspunkt (\"at …\"); kan gentages", (value: string, previous: string[] = []) => [...previous, value])
    .option("--route <forløb>", "sagens forløb, fx \"Socialudvalget 2025-09-30; Handicaprådet 2025-09-25 (høring); Kommunalbestyrelsen 2025-10-28\"; »: beslutning« efter datoen")
    .option("--competence <organ>", "beslutningsskabelonens Kompetence, fx Kommunalbestyrelsen")
    .option("--economy <tekst>", "beslutningsskabelonens Økonomi og finansiering")
    .option("--attach-plan <numre>", "vedlæg kommunens offentliggjorte handleplan som bilag, fx 3; flere adskilt af komma (nummeret står på kommunens side med handleplaner)")
    .option("--docx-template <fil>", "kommunens egen Word-skabelon med pladsholdere (se README); kun docx og pdf")
    .option("--no-images", "uden kort og diagram")
    .action(async (raw: RawReportOptions) => {
      const options = parseReportOptions(raw);
      const db = await openDatabase(cli.config.storage);
      try {
        const started = Date.now();
        const written = await runReport(db, options, {
          sofficePath: cli.config.sofficeCommand,
          geometry: await reportGeometry(cli.config.boundaries),
          log: options.all ? undefined : (line) => process.stdout.write(`${line}\n`),
        });
        if (options.all) process.stdout.write(`${written.length} dagsordenpunkter skrevet i ${options.out} (${((Date.now() - started) / 1000).toFixed(1).replace(".", ",")} s).\n`);
      } finally {
        await db.close();
      }
    });
}
