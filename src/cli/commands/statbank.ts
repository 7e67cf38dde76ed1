import type { Command } from "commander";
import { writeFile } from "node:fs/promises";
import { importStatbankFile, type StatbankImportOutcome, type StatbankImportRequest } from "../../app/context/import-statbank-file.js";
import { CONTEXT_TABLE_IDS, type ContextTableId } from "../../domain/context/context-figure.js";
import { formatInteger } from "../../domain/format-danish-number.js";
import { MAP_DEFINITIONS } from "../../domain/map-definition.js";
import { municipalityName } from "../../domain/municipality.js";
import { formatIssue } from "../../importers/import-issue.js";
import { DEFAULT_FETCH_TIMEOUT_MS, fetchStatbankCsv, StatbankFetchError } from "../../importers/statbank-context/fetch-statbank-csv.js";
import { ENCODING_NAMES_DA } from "../../importers/text/decode-text-stream.js";
import { listContextVersions, removeContextVersion } from "../../storage/context-store.js";
import { UserError } from "../user-error.js";
import type { CliContext } from "../cli-context.js";

const TABLE_NAMES_DA: Readonly<Record<ContextTableId, string>> = {
  FOLK1A: "FOLK1A, folketal den 1. i kvartalet efter område, køn og alder",
  HAND07: "HAND07, modtagere af handicapydelser efter område og ydelsestype",
  HAND06: "HAND06, handicapydelser pr. 1.000 indbyggere efter område og ydelsestype",
  HANDBU01: "HANDBU01, handicapindsatser til børn og unge 0–17 år efter kommune og indsats",
};

const oneDecimal = new Intl.NumberFormat("da-DK", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** The Danish summary after a Statistikbanken file is imported: table, periods, suppressed cells, problems, plausibility. */
export function renderStatbankImport(outcome: StatbankImportOutcome, request: StatbankImportRequest, where: string | null): string {
  const a = outcome.analysis;
  const out: string[] = [];
  out.push(`Fil: ${a.fileName} (SHA-256 ${a.sha256.slice(0, 16)}…)`);
  out.push(`format: Danmarks Statistik, ${a.table ? TABLE_NAMES_DA[a.table] : "ukendt tabel"}${a.encoding ? `; tegnsæt: ${ENCODING_NAMES_DA[a.encoding]}` : ""}`);
  out.push(`Datarækker: ${formatInteger(a.dataRowCount)}; tal: ${formatInteger(a.figures.length)}; perioder: ${a.periodFrom ? (a.periodFrom === a.periodTo ? a.periodFrom : `${a.periodFrom}–${a.periodTo}`) : "–"}; diskretionerede celler: ${formatInteger(a.suppressedCount)}`);
  if (a.issues.length > 0) {
    out.push("", `Problemer: ${formatInteger(a.errorCount)} fejl, ${formatInteger(a.warningCount)} advarsler`);
    for (const issue of a.issues) out.push(`  ${formatIssue(issue)}`);
    const left = a.errorCount + a.warningCount - a.issues.length;
    if (left > 0) out.push(`  … og ${formatInteger(left)} flere af samme slags (ikke vist).`);
  }
  for (const p of outcome.plausibility) {
    const name = MAP_DEFINITIONS[p.map].nameDa;
    const range = `${oneDecimal.format(p.result.low)}–${oneDecimal.format(p.result.high)}`;
    if (p.result.flags.length === 0) {
      out.push(`Kontrol ${p.year}, ${name}: alle kommuners sager pr. 10.000 ${p.denominator.labelDa} ligger i det robuste spænd ${range} (median ${oneDecimal.format(p.result.median)}).`);
      continue;
    }
    for (const f of p.result.flags) {
      out.push(
        `Advarsel: ${p.year}, ${name}: ${municipalityName(f.code)} (${f.code}) har ${oneDecimal.format(f.value)} sager pr. 10.000 ${p.denominator.labelDa}, ${f.direction === "high" ? "over" : "under"} det robuste spænd ${range} (median ± ${oneDecimal.format(p.result.k)} · MAD på logaritmisk skala). Tjek folketallet og sagstallet for kommunen.`,
      );
    }
  }
  out.push("");
  if (a.errorCount > 0) out.push("Intet er gemt.");
  else if (request.dryRun) out.push("Prøvekørsel (--dry-run): intet er gemt.");
  else if (outcome.stored?.kind === "unchanged") out.push(`Uændret: filen er allerede indlæst som kontekstversion ${outcome.stored.contextVersionId}${where ? ` i ${where}` : ""}.`);
  else if (outcome.stored) out.push(`Gemt som kontekstversion ${outcome.stored.contextVersionId}${where ? ` i ${where}` : ""}.`);
  return out.join("\n") + "\n";
}

export async function runStatbankImport(cli: CliContext, request: StatbankImportRequest, json: boolean): Promise<void> {
  const { outcome, where } = request.dryRun
    ? { outcome: await importStatbankFile(null, request), where: null }
    : await cli.withDatabase(async (db, where) => ({ outcome: await importStatbankFile(db, request), where }));
  if (json) {
    const { figures: _figures, ...analysis } = outcome.analysis;
    process.stdout.write(JSON.stringify({ ...analysis, figureCount: outcome.analysis.figures.length, stored: outcome.stored, plausibility: outcome.plausibility.map((p) => ({ map: p.map, year: p.year, band: p.denominator.band, ...p.result })), database: where }, null, 2) + "\n");
  } else process.stdout.write(renderStatbankImport(outcome, request, where));
  if (outcome.analysis.errorCount > 0) throw new UserError(`${request.fileName ?? request.path} blev ikke indlæst: ${outcome.analysis.errorCount} fejl. Intet er gemt.`);
}

function parseTable(value: string): ContextTableId {
  const upper = value.trim().toUpperCase();
  if (!(CONTEXT_TABLE_IDS as readonly string[]).includes(upper)) throw new UserError(`Ukendt --tabel "${value}" (kendte: ${CONTEXT_TABLE_IDS.join(", ")}).`);
  return upper as ContextTableId;
}

function parsePeriods(value: string, table: ContextTableId): string[] {
  const periods = value.split(",").map((p) => p.trim().toUpperCase());
  const quarter = /^\d{4}K[1-4]$/;
  for (const p of periods) {
    const ok = table === "HANDBU01" ? /^\d{4}$/.test(p) : table === "FOLK1A" ? quarter.test(p) : quarter.test(p) || /^\d{4}$/.test(p);
    if (!ok) throw new UserError(`--periode "${p}" passer ikke til ${table} (${table === "HANDBU01" ? "år som 2023" : "kvartaler som 2024K1"}; flere adskilt af komma).`);
  }
  return periods;
}

type FetchOptions = { tabel: string; periode: string; ud?: string; apiUrl?: string; timeout?: string; kunHent?: boolean; dryRun?: boolean; format?: string };

/** `hent-dst`: fetch a table from Statistikbanken's API, keep the file as sent, and import it. */
export function registerFetchStatbank(program: Command, cli: CliContext): void {
  program
    .command("hent-dst")
    .description("hent en tabel fra Danmarks Statistiks API (FOLK1A, HAND07, HAND06, HANDBU01) og indlæs den")
    .requiredOption("--tabel <tabel>", "FOLK1A, HAND07, HAND06 eller HANDBU01")
    .requiredOption("--periode <perioder>", "fx 2024K1 (FOLK1A: 1. januar 2024) eller 2023 (HANDBU01); flere adskilt af komma")
    .option("--ud <fil>", "hvor filen gemmes, som Danmarks Statistik sendte den (standard: <TABEL>-<perioder>.csv)")
    .option("--api-url <url>", "API'ets adresse (standard: DANMARKSKORT_STATBANK_URL eller https://api.statbank.dk)")
    .option("--timeout <sekunder>", "giv op efter så mange sekunder", String(DEFAULT_FETCH_TIMEOUT_MS / 1000))
    .option("--kun-hent", "gem filen uden at indlæse den")
    .option("--dry-run", "kontrollér filen uden at gemme noget i databasen")
    .option("--format <format>", "tekst eller json", "tekst")
    .action(async (options: FetchOptions) => {
      const table = parseTable(options.tabel);
      const periods = parsePeriods(options.periode, table);
      const seconds = Number(options.timeout);
      if (!Number.isFinite(seconds) || seconds <= 0) throw new UserError(`--timeout skal være et positivt antal sekunder, ikke "${options.timeout}".`);
      const baseUrl = options.apiUrl ?? cli.config.statbankUrl;
      let fetched;
      try {
        fetched = await fetchStatbankCsv({ baseUrl, table, periods, timeoutMs: seconds * 1000 });
      } catch (error) {
        if (error instanceof StatbankFetchError) throw new UserError(error.message);
        throw error;
      }
      const path = options.ud ?? `${table}-${periods.join("_")}.csv`;
      await writeFile(path, fetched.bytes);
      process.stderr.write(`Hentet ${fetched.url} (${formatInteger(fetched.bytes.length)} byte) og gemt i ${path}.\n`);
      if (options.kunHent) return;
      const importedAt = new Date();
      await runStatbankImport(
        cli,
        { path, table, source: `Danmarks Statistik, ${fetched.url}`, extractedOn: importedAt.toISOString().slice(0, 10), importedAt, dryRun: options.dryRun === true },
        options.format === "json",
      );
    });
}

/** `kontekst`: the stored Statistikbanken versions; `kontekst fjern <id>` removes one (the pages fall back). */
export function registerContext(program: Command, cli: CliContext): void {
  const command = program.command("kontekst").description("vis indlæste tal fra Danmarks Statistik (folketal, modtagere)");
  command.action(async () => {
    await cli.withDatabase(async (db, where) => {
      const versions = await listContextVersions(db);
      const lines = versions.map((v) => `${String(v.contextVersionId).padStart(4)}  ${v.table.padEnd(8)} ${v.periodFrom === v.periodTo ? v.periodFrom : `${v.periodFrom}–${v.periodTo}`}  ${formatInteger(v.figureCount)} tal  ${v.fileName}  udtræk ${v.extractedOn ?? "ukendt"}, indlæst ${v.importedAt.slice(0, 10)}`);
      process.stdout.write(`${versions.length === 0 ? "Ingen tal fra Danmarks Statistik er indlæst; sager pr. 10.000 bruger de afrundede folketal (afrundet, 2024)." : lines.join("\n")}\n(${where})\n`);
    });
  });
  command
    .command("fjern")
    .description("fjern en indlæst version (sider og rapporter bruger så den forrige eller de afrundede folketal)")
    .argument("<id>", "kontekstversionens nummer (se danmarkskort kontekst)")
    .action(async (id: string) => {
      if (!/^\d+$/.test(id)) throw new UserError(`Kontekstversionen skal være et nummer, ikke "${id}".`);
      await cli.withDatabase(async (db) => {
        if (!(await removeContextVersion(db, Number(id)))) throw new UserError(`Der er ingen kontekstversion ${id}.`);
        process.stdout.write(`Kontekstversion ${id} er fjernet.\n`);
      });
    });
}
