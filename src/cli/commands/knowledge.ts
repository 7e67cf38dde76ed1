import type { Command } from "commander";
import { readFile, stat, writeFile } from "node:fs/promises";
import { basename } from "node:path";
import { OPERATOR } from "../../app/caller.js";
import { exportKnowledgeBank } from "../../app/knowledge/export-knowledge-bank.js";
import { importKnowledgeSheet, type KnowledgeImportResult } from "../../app/knowledge/import-knowledge-sheet.js";
import { saveKnowledgeSettings } from "../../app/knowledge/knowledge-lists.js";
import { deleteEntriesPastRetention, exportForDataProtectionOfficer, listEntriesForDeletion } from "../../app/knowledge/knowledge-retention.js";
import { loadKnowledgeSetting } from "../../storage/knowledge-entries.js";
import { formatInteger } from "../../domain/format-danish-number.js";
import { KNOWLEDGE_OUTCOME_NAMES_DA, type KnowledgeOutcome } from "../../domain/knowledge/knowledge-entry.js";
import { parseMunicipality, parseOptionalYear } from "../../app/params.js";
import type { Municipality } from "../../domain/municipality.js";
import { formatKnowledgeIssue } from "../../importers/knowledge-sheet/analyse-knowledge-sheet.js";
import { parseHeadingMapping, SHEET_FIELD_NAMES_DA } from "../../importers/knowledge-sheet/knowledge-headings.js";
import { safeForTerminal } from "../terminal-text.js";
import { UserError } from "../user-error.js";
import { cliAccountDeps } from "./cli-account-deps.js";
import type { CliContext } from "../cli-context.js";

export function municipalityOption(value: string): Municipality {
  return parseMunicipality(value, "--kommune");
}

function formatOption(value: string | undefined): "tekst" | "json" {
  if (value === undefined || value === "tekst" || value === "text") return "tekst";
  if (value === "json") return "json";
  throw new UserError(`Ukendt --format "${value.slice(0, 20)}" (brug tekst eller json).`);
}

async function readMappingFile(path: string): Promise<ReturnType<typeof parseHeadingMapping>["mappings"]> {
  let text: string;
  try {
    text = new TextDecoder("utf-8").decode(await readFile(path)).replace(/^\ufeff/, "");
  } catch {
    throw new UserError(`Kan ikke læse kortlægningsfilen ${path}.`);
  }
  const parsed = parseHeadingMapping(text);
  if (parsed.problemsDa.length > 0) throw new UserError(`Kortlægningsfilen ${path}:\n  ${parsed.problemsDa.join("\n  ")}`);
  return parsed.mappings;
}

function outcomeSummaryDa(result: KnowledgeImportResult): string {
  const counts = new Map<KnowledgeOutcome, number>();
  for (const r of result.analysis.rows) counts.set(r.entry.outcome, (counts.get(r.entry.outcome) ?? 0) + 1);
  return [...counts].map(([o, n]) => `${formatInteger(n)} ${KNOWLEDGE_OUTCOME_NAMES_DA[o].toLowerCase()}`).join(", ");
}

/** The import's answer as a person reads it: where the heading was, what each column became, what was stored. */
export function importReportTextDa(m: Municipality, result: KnowledgeImportResult, where: string): string {
  const a = result.analysis;
  const lines = [`Vidensbank for ${m.name} Kommune: ${a.fileName} (${a.format === "xlsx" ? `XLSX${a.sheet ? `, arket "${a.sheet}"` : ""}` : "CSV"}${a.headerLine !== null ? `, overskrift i ${a.format === "xlsx" ? "række" : "linje"} ${a.headerLine}` : ""})`];
  if (a.columns.length > 0) lines.push(`Kolonner: ${a.columns.map((c) => `"${c.heading}" → ${SHEET_FIELD_NAMES_DA[c.field]}${c.how === "mapped" ? " (kortlagt)" : ""}`).join("; ")}`);
  const years = [...new Set(a.rows.map((r) => r.entry.dataYear))].sort();
  lines.push(`${formatInteger(a.rows.length)} afgørelser${years.length > 0 ? ` (dataår ${years.join(", ")}): ${outcomeSummaryDa(result)}` : ""}`);
  if (a.newDepartments.length > 0) lines.push(`Afdelinger (kommunens liste oprettes af filen): ${a.newDepartments.join(", ")}`);
  if (result.issues.length > 0) {
    lines.push(`Problemer: ${formatInteger(result.errors)} fejl, ${formatInteger(a.warnings)} advarsler`);
    for (const issue of result.issues) lines.push(`  ${formatKnowledgeIssue(issue, a.format)}`);
  }
  switch (result.kind) {
    case "rejected":
      lines.push("", "Intet er gemt: ret fejlene og indlæs filen igen.");
      break;
    case "checked":
      lines.push("", "Kontrolleret (--dry-run): intet er gemt.");
      break;
    case "imported":
      lines.push("", `Gemt i ${where}: ${formatInteger(result.createdIds.length)} afgørelser i vidensbanken for ${m.name} Kommune.`);
      break;
  }
  return `${lines.map(safeForTerminal).join("\n")}\n`;
}

type ImportOptions = { kommune: string; dryRun?: boolean; format?: string; kortlaegning?: string; ark?: string };

/**
 * `danmarkskort vidensbank`: a municipality's knowledge bank at the command line (issue 14). The commands
 * run as the operator, through the same use cases as the web (CPR guard, validation, audit trail).
 */
export function registerKnowledge(program: Command, cli: CliContext): void {
  const bank = program.command("vidensbank").description("kommunens vidensbank: Ankestyrelsens omgjorte og hjemviste afgørelser, årsager og læring");
  bank
    .command("import <fil>")
    .description("indlæs kommunens eget regneark (XLSX eller CSV) med afgørelser; alt eller intet")
    .requiredOption("--kommune <kommune>", "kommunekode eller navn, fx 0657 eller Herning")
    .option("--dry-run", "kontrollér filen, men gem intet")
    .option("--kortlaegning <fil>", 'fil med linjer "Overskrift = felt" for overskrifter, der ikke genkendes (huskes for kommunen)')
    .option("--ark <ark>", "XLSX: arket, der skal læses (standard: det første)")
    .option("--format <format>", "tekst eller json", "tekst")
    .action(async (file: string, options: ImportOptions) => {
      const m = municipalityOption(options.kommune);
      const format = formatOption(options.format);
      const info = await stat(file).catch(() => null);
      if (!info) throw new UserError(`Filen ${file} findes ikke.`);
      if (!info.isFile()) throw new UserError(`${file} er ikke en fil.`);
      const mappings = options.kortlaegning ? await readMappingFile(options.kortlaegning) : undefined;
      const { result, where } = await cli.withDatabase(async (db, where) => {
        const r = await importKnowledgeSheet(cliAccountDeps(db), OPERATOR, { municipalityCode: m.code, path: file, fileName: basename(file), ...(options.ark ? { sheet: options.ark } : {}), ...(mappings ? { mappings } : {}), dryRun: options.dryRun === true });
        if (r.kind === "refused") throw new UserError(r.messageDa);
        return { result: r, where };
      });
      if (format === "json") {
        const a = result.analysis;
        const out = {
          status: result.kind,
          municipalityCode: m.code,
          file: a.fileName,
          format: a.format,
          sha256: a.sha256,
          sheet: a.sheet,
          headerLine: a.headerLine,
          columns: a.columns,
          unknownHeadings: a.unknownHeadings,
          newDepartments: a.newDepartments,
          entries: a.rows.length,
          createdIds: result.createdIds,
          errors: result.errors,
          issues: result.issues.map((i) => ({ ...i, text: formatKnowledgeIssue(i, a.format) })),
        };
        process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
      } else process.stdout.write(importReportTextDa(m, result, where));
      if (result.kind === "rejected") throw new UserError(`${result.analysis.fileName} blev ikke indlæst: ${formatInteger(result.errors)} fejl. Intet er gemt.`);
    });

  bank
    .command("eksport")
    .description("gem kommunens vidensbank som regneark (XLSX eller CSV, efter filnavnet)")
    .requiredOption("--kommune <kommune>", "kommunekode eller navn")
    .requiredOption("--ud <fil>", "filen, der skrives: .xlsx eller .csv")
    .option("--aar <år>", "kun ét dataår")
    .action(async (options: { kommune: string; ud: string; aar?: string }) => {
      const m = municipalityOption(options.kommune);
      const format = options.ud.toLowerCase().endsWith(".csv") ? "csv" : options.ud.toLowerCase().endsWith(".xlsx") ? "xlsx" : null;
      if (!format) throw new UserError("--ud skal ende på .xlsx eller .csv.");
      const dataYear = parseOptionalYear(options.aar, "--aar");
      const exported = await cli.withDatabase((db) => exportKnowledgeBank(cliAccountDeps(db), OPERATOR, { municipalityCode: m.code, format, ...(dataYear !== undefined ? { dataYear } : {}) }));
      if ("kind" in exported) throw new UserError(exported.messageDa);
      await writeFile(options.ud, exported.body);
      process.stdout.write(`Vidensbanken for ${m.name} Kommune er gemt i ${options.ud} (${formatInteger(exported.body.length)} byte).\n`);
    });

  bank
    .command("opbevaring")
    .description("vis de afgørelser, der er ældre end opbevaringstiden (standard 5 år); --slet --yes sletter dem")
    .requiredOption("--kommune <kommune>", "kommunekode eller navn")
    .option("--slet", "slet afgørelserne (kræver --yes)")
    .option("--yes", "bekræft sletningen")
    .action(async (options: { kommune: string; slet?: boolean; yes?: boolean }) => {
      const m = municipalityOption(options.kommune);
      const text = await cli.withDatabase(async (db, where) => {
        const deps = cliAccountDeps(db);
        const listing = await listEntriesForDeletion(deps, OPERATOR, m.code);
        if (listing.kind === "refused") throw new UserError(listing.messageDa);
        const head = `${m.name} Kommune opbevarer afgørelser i ${listing.setting.retentionYears} år: ${formatInteger(listing.entries.length)} afgørelser er truffet før ${listing.cutoff}.`;
        if (!options.slet) return `${head}\n${listing.entries.map((e) => `  nr. ${e.id}: ${e.decisionDate} ${e.subject}`).join("\n")}${listing.entries.length > 0 ? "\nSlet dem med --slet --yes." : ""}\n`;
        if (!options.yes) throw new UserError(`${head} Tilføj --yes for at slette dem.`);
        const deleted = await deleteEntriesPastRetention(deps, OPERATOR, m.code);
        if (deleted.kind === "refused") throw new UserError(deleted.messageDa);
        return `${head}\nSlettet fra ${where}: ${formatInteger(deleted.ids.length)} afgørelser; hver sletning står i revisionssporet.\n`;
      });
      process.stdout.write(safeForTerminal(text));
    });

  bank
    .command("indstillinger")
    .description("vis eller ændr kommunens valg: offentliggør den anonymiserede optælling, opbevaringstid i år")
    .requiredOption("--kommune <kommune>", "kommunekode eller navn")
    .option("--offentliggoer <ja|nej>", "offentliggør optællingen (årsager og sagsemner, ingen tekst, felter under 3 som <3)")
    .option("--opbevaring <år>", "opbevaringstid i hele år (1–50)")
    .action(async (options: { kommune: string; offentliggoer?: string; opbevaring?: string }) => {
      const m = municipalityOption(options.kommune);
      if (options.offentliggoer !== undefined && !["ja", "nej"].includes(options.offentliggoer)) throw new UserError("--offentliggoer skal være ja eller nej.");
      if (options.opbevaring !== undefined && !/^\d{1,2}$/.test(options.opbevaring)) throw new UserError("--opbevaring skal være et helt antal år, fx 5.");
      const setting = await cli.withDatabase(async (db) => {
        const current = await loadKnowledgeSetting(db, m.code);
        if (options.offentliggoer === undefined && options.opbevaring === undefined) return current;
        const saved = await saveKnowledgeSettings(cliAccountDeps(db), OPERATOR, m.code, {
          publishAggregate: options.offentliggoer === undefined ? current.publishAggregate : options.offentliggoer === "ja",
          retentionYears: options.opbevaring === undefined ? current.retentionYears : Number(options.opbevaring),
        });
        if (saved.kind === "refused") throw new UserError(saved.messageDa);
        return saved.setting;
      });
      process.stdout.write(`${m.name} Kommunes vidensbank: optællingen ${setting.publishAggregate ? "offentliggøres" : "offentliggøres ikke"}; afgørelser opbevares i ${setting.retentionYears} år.\n`);
    });

  bank
    .command("dpo-udtraek")
    .description("alt, hvad vidensbanken holder for kommunen, som JSON til databeskyttelsesrådgiveren")
    .requiredOption("--kommune <kommune>", "kommunekode eller navn")
    .requiredOption("--ud <fil>", "JSON-filen, der skrives")
    .action(async (options: { kommune: string; ud: string }) => {
      const m = municipalityOption(options.kommune);
      const result = await cli.withDatabase((db) => exportForDataProtectionOfficer(cliAccountDeps(db), OPERATOR, m.code));
      if (result.kind === "refused") throw new UserError(result.messageDa);
      await writeFile(options.ud, `${JSON.stringify(result.document, null, 2)}\n`);
      process.stdout.write(`Alt i vidensbanken for ${m.name} Kommune er skrevet til ${options.ud}; udtrækket står i revisionssporet.\n`);
    });
}
