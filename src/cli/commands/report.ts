import type { Command } from "commander";
import { resolve } from "node:path";
import { reportGeometry } from "../../app/report/report-geometry.js";
import { runReport, type ReportOptions } from "../../app/report/write-agenda-item-files.js";
import { parseFormat, parseMunicipality, parseYear } from "../../app/params.js";
import { MUNICIPALITIES } from "../../domain/municipality.js";
import { REPORT_FORMATS } from "../../reports/agenda-item-files.js";
import { PdfConversionError, PdfConverterMissingError } from "../../reports/convert-docx-to-pdf.js";
import { ACTION_PLAN_WORDS_DA, parseAttachedPlanIds, parseReportChoices, ReportChoiceError, type ParsedReportChoices } from "../../reports/parse-report-choices.js";
import { isReportBody, REPORT_BODIES } from "../../reports/report-context.js";
import { REPORT_TEMPLATES } from "../../reports/report-choices.js";
import { OPTIONAL_SECTION_IDS } from "../../reports/section-registry.js";
import type { CliContext } from "../cli-context.js";
import { UserError } from "../user-error.js";

/**
 * `danmarkskort report`: the options checked once, with Danish messages, then the agenda-item use case
 * (src/app/report: runReport writes the files, make-agenda-item.ts builds each item as the server's route does).
 */
export type { ReportOptions } from "../../app/report/write-agenda-item-files.js";

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
  const municipality = all ? undefined : parseMunicipality(m, "--municipality");
  const year = parseYear(raw.year ?? "", "--year");
  const format = parseFormat(raw.format, REPORT_FORMATS, "--format");
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
    year,
    format,
    out: resolve(raw.out),
    ...(body !== undefined ? { body } : {}),
    ...(raw.caseNumber ? { caseNumber: raw.caseNumber } : {}),
    images: raw.images !== false,
  };
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
      const started = Date.now();
      const written = await cli
        .withDatabase(async (db) =>
          runReport(db, options, {
            sofficePath: cli.config.sofficeCommand,
            geometry: await reportGeometry(cli.config.boundaries),
            log: options.all ? undefined : (line) => process.stdout.write(`${line}\n`),
            notice: (line) => process.stderr.write(`Bemærk: ${line}\n`),
          }),
        )
        .catch((error: unknown) => {
          // LibreOffice missing or failing is the operator's to fix (README, "PDF"): its Danish message, no stack trace.
          throw error instanceof PdfConverterMissingError || error instanceof PdfConversionError ? new UserError(error.message) : error;
        });
      if (options.all) process.stdout.write(`${written.length} dagsordenpunkter skrevet i ${options.out} (${((Date.now() - started) / 1000).toFixed(1).replace(".", ",")} s).\n`);
    });
}
