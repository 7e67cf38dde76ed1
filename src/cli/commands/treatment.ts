import type { Command } from "commander";
import { readFile, writeFile } from "node:fs/promises";
import { basename } from "node:path";
import { OPERATOR } from "../../app/caller.js";
import { minutesReadDepsFor } from "../../app/minutes/read-minutes.js";
import { confirmMinutesTreatment, readMinutesForTreatment } from "../../app/minutes/treatment-from-minutes.js";
import { loadTreatmentHistory, loadTreatmentRecord, type TreatmentRecordView } from "../../app/treatment/load-treatment.js";
import { setPlanDecision } from "../../app/treatment/plan-decision.js";
import { addMeeting } from "../../app/treatment/save-meeting.js";
import { buildTreatmentHistoryTable, renderTreatmentHistoryCsv, renderTreatmentHistoryXlsx } from "../../app/treatment/treatment-history-table.js";
import type { Refusal } from "../../app/use-case-result.js";
import { formatDanishDate } from "../../domain/council-treatment.js";
import { parseMunicipality, parseYear } from "../../app/params.js";
import type { Municipality } from "../../domain/municipality.js";
import {
  ACTION_PLAN_DECISION_NAMES_DA,
  ACTION_PLAN_DECISIONS,
  MEETING_OUTCOME_NAMES_DA,
  MEETING_OUTCOMES,
  MEETING_ROLE_NAMES_DA,
  MEETING_ROLES,
  MEETING_STATE_NAMES_DA,
  MEETING_STATES,
} from "../../domain/treatment-record.js";
import { fileSystemMessageDa } from "../../importers/file-system-message.js";
import { safeForTerminal } from "../terminal-text.js";
import { UserError } from "../user-error.js";
import { cliAccountDeps } from "./cli-account-deps.js";
import type { CliContext } from "../cli-context.js";

/**
 * `danmarkskort behandling`: the council's treatment record at the command line (issue 13 point 5), for
 * the operator on the server and for scripts — show a year, add a meeting, record the plan decision, take
 * a council's minutes into the record (issue 15), export the history. Every write goes through the same
 * use case as the web and the API (validation, CPR guard, audit trail as "operatør (kommandolinjen)").
 */

/** A Danish word or the code: "beslutning" or "decision". */
function codeOf<T extends string>(value: string, codes: readonly T[], names: Readonly<Record<T, string>>, option: string): T {
  const v = value.trim().toLowerCase();
  const found = codes.find((c) => c === v || names[c] === v || names[c].replace(/ /g, "-") === v);
  if (!found) throw new UserError(`${option} skal være en af ${codes.map((c) => names[c]).join(", ")}, ikke "${value.slice(0, 30)}".`);
  return found;
}

function municipalityOf(value: string): Municipality {
  return parseMunicipality(value, "--municipality");
}

function yearOf(value: string): number {
  return parseYear(value, "--year");
}

function orFail<T extends { kind: string }>(result: T | Refusal): T {
  if (result.kind === "refused") throw new UserError((result as Refusal).messageDa);
  return result as T;
}

export function treatmentTextDa(r: TreatmentRecordView): string {
  const lines = [`${r.municipality.name} Kommune, kortet for ${r.dataYear} (frist ${r.treatment.deadlineDa})`, `  ${r.status.sentenceDa}`];
  if (r.meetings.length === 0) lines.push("  Ingen møder registreret.");
  for (const m of r.meetings) {
    const outcome = m.outcome ? `, ${MEETING_OUTCOME_NAMES_DA[m.outcome]}` : "";
    lines.push(`  ${formatDanishDate(m.date)}: ${m.body.nameDa} – ${MEETING_ROLE_NAMES_DA[m.role]}, ${MEETING_STATE_NAMES_DA[m.state]}${outcome}${m.agendaItemNumber ? `, punkt ${m.agendaItemNumber}` : ""} (id ${m.id})`);
    if (m.decisionText) lines.push(`    "${m.decisionText}"`);
  }
  lines.push(`  Handleplan: ${r.actionPlan.sentenceDa}`);
  if (r.order) lines.push(`  Påbud fra Ankestyrelsen ${formatDanishDate(r.order.orderedOn)}, frist ${formatDanishDate(r.order.deadline)}.`);
  return `${safeForTerminal(lines.join("\n"))}\n`;
}

type Common = { municipality: string; year: string };

export function registerTreatment(program: Command, cli: CliContext): void {
  const treatment = program.command("behandling").description("kommunalbestyrelsens behandling af kortet: vis, registrér møder og handleplansbeslutning, læs referater ind, eksportér");

  treatment
    .command("vis")
    .description("vis behandlingen af et års kort")
    .requiredOption("--municipality <kommune>", "kommunekode eller navn, fx 0657 eller Herning")
    .requiredOption("--year <år>", "dataåret, fx 2024")
    .option("--format <tekst|json>", "tekst eller json", "tekst")
    .action(async (options: Common & { format: string }) => {
      const m = municipalityOf(options.municipality);
      const year = yearOf(options.year);
      if (options.format !== "tekst" && options.format !== "json") throw new UserError(`Ukendt --format "${options.format.slice(0, 20)}" (brug tekst eller json).`);
      const record = await cli.withDatabase(async (db) => orFail(await loadTreatmentRecord(cliAccountDeps(db), OPERATOR, m.code, year)).record);
      if (options.format === "json") process.stdout.write(`${JSON.stringify({ municipalityCode: record.municipality.code, dataYear: record.dataYear, deadline: record.treatment.deadline, status: record.status.sentenceDa, meetings: record.meetings, planDecision: record.planDecision, order: record.order }, null, 2)}\n`);
      else process.stdout.write(treatmentTextDa(record));
    });

  treatment
    .command("møde")
    .description("registrér et møde (udvalg, råd eller kommunalbestyrelse), hvor kortet var på")
    .requiredOption("--municipality <kommune>", "kommunekode eller navn")
    .requiredOption("--year <år>", "dataåret, fx 2024")
    .requiredOption("--organ <organ>", "organet fra kommunens liste, ved id eller navn, fx byraadet eller Byrådet")
    .requiredOption("--dato <dato>", "mødedatoen, fx 2025-09-24")
    .requiredOption("--titel <titel>", "punktets titel")
    .option("--punkt <nummer>", "punktnummer, fx 42")
    .option("--rolle <rolle>", "beslutning, indstilling eller høring", "indstilling")
    .option("--status <status>", "holdt eller planlagt", "holdt")
    .option("--udfald <udfald>", "behandlet, sendt tilbage eller udsat (kun for et holdt møde)")
    .option("--beslutning <tekst>", "beslutningen som i referatet")
    .option("--referat <adresse>", "adressen på det offentliggjorte referat")
    .action(async (options: Common & { organ: string; dato: string; titel: string; punkt?: string; rolle: string; status: string; udfald?: string; beslutning?: string; referat?: string }) => {
      const m = municipalityOf(options.municipality);
      const year = yearOf(options.year);
      const role = codeOf(options.rolle, MEETING_ROLES, MEETING_ROLE_NAMES_DA, "--rolle");
      const state = codeOf(options.status, MEETING_STATES, MEETING_STATE_NAMES_DA, "--status");
      const outcome = options.udfald === undefined ? null : codeOf(options.udfald, MEETING_OUTCOMES, MEETING_OUTCOME_NAMES_DA, "--udfald");
      const saved = await cli.withDatabase(async (db) => {
        const deps = cliAccountDeps(db);
        const record = orFail(await loadTreatmentRecord(deps, OPERATOR, m.code, year)).record;
        const wanted = options.organ.trim().toLowerCase();
        const body = record.bodies.find((b) => b.id === wanted || b.nameDa.toLowerCase() === wanted);
        return orFail(
          await addMeeting(deps, OPERATOR, {
            municipalityCode: m.code,
            dataYear: year,
            bodyId: body?.id ?? options.organ,
            date: options.dato,
            agendaItemNumber: options.punkt ?? "",
            agendaItemTitle: options.titel,
            role,
            state,
            outcome,
            decisionText: options.beslutning ?? "",
            minutesUrl: options.referat ?? "",
          }),
        );
      });
      process.stdout.write(`Mødet i ${saved.meeting.body.nameDa} den ${formatDanishDate(saved.meeting.date)} er registreret for ${m.name} Kommune, kortet for ${year} (id ${saved.meeting.id}).\n`);
    });

  treatment
    .command("handleplan")
    .description("registrér kommunalbestyrelsens beslutning om handleplan (§ 79 b, stk. 2), hvor reglen gælder")
    .requiredOption("--municipality <kommune>", "kommunekode eller navn")
    .requiredOption("--year <år>", "dataåret, fx 2023")
    .requiredOption("--beslutning <ja|nej|ikke relevant>", "beslutningen")
    .option("--underrettet <dato>", "ved nej: datoen, Ankestyrelsen blev underrettet")
    .action(async (options: Common & { beslutning: string; underrettet?: string }) => {
      const m = municipalityOf(options.municipality);
      const year = yearOf(options.year);
      const decision = codeOf(options.beslutning, ACTION_PLAN_DECISIONS, ACTION_PLAN_DECISION_NAMES_DA, "--beslutning");
      await cli.withDatabase(async (db) => orFail(await setPlanDecision(cliAccountDeps(db), OPERATOR, { municipalityCode: m.code, dataYear: year, decision, ankestyrelsenNotifiedOn: options.underrettet ?? null })));
      process.stdout.write(`Beslutningen om handleplan (${ACTION_PLAN_DECISION_NAMES_DA[decision]}) er registreret for ${m.name} Kommune, kortet for ${year}.\n`);
    });

  treatment
    .command("fra-referat")
    .description("læs et referat og vis de møder, det viser; med --bekraeft registreres de foreslåede møder")
    .argument("<fil>", "referatet (tekst, HTML, PDF eller DOCX)")
    .requiredOption("--municipality <kommune>", "kommunekode eller navn")
    .requiredOption("--year <år>", "dataåret, fx 2024")
    .option("--bekraeft", "registrér de foreslåede møder (dem, læseren er sikker på: kendt organ og dato, ikke allerede registreret)")
    .action(async (file: string, options: Common & { bekraeft?: boolean }) => {
      const m = municipalityOf(options.municipality);
      const year = yearOf(options.year);
      let bytes: Buffer;
      try {
        bytes = await readFile(file);
      } catch (error) {
        throw new UserError(fileSystemMessageDa(error, file));
      }
      await cli.withDatabase(async (db) => {
        const deps = cliAccountDeps(db);
        const reading = orFail(await readMinutesForTreatment({ ...deps, ...minutesReadDepsFor(db), download: {} }, OPERATOR, { municipalityCode: m.code, dataYear: year, source: { kind: "upload", fileName: basename(file), bytes } }));
        for (const w of reading.warningsDa) process.stderr.write(`Advarsel: ${w}\n`);
        const proposals = reading.items.flatMap((i) => i.meetings);
        const out: string[] = [];
        for (const p of proposals) {
          const mark = p.selected ? "+" : "-";
          const why = p.alreadyRecorded ? " (allerede registreret)" : p.bodyId === null ? " (organet står ikke på kommunens liste)" : p.date === null ? " (ingen dato)" : "";
          out.push(`${mark} ${p.date ? formatDanishDate(p.date) : "uden dato"}: ${p.documentBodyDa} – ${MEETING_ROLE_NAMES_DA[p.role]}, ${MEETING_OUTCOME_NAMES_DA[p.outcome]} (linje ${p.span.line})${why}`);
        }
        process.stdout.write(`${safeForTerminal(out.join("\n"))}\n`);
        const chosen = proposals.filter((p) => p.selected);
        if (!options.bekraeft) {
          process.stdout.write(`Intet er gemt. ${chosen.length} møde${chosen.length === 1 ? "" : "r"} (+) registreres med --bekraeft; ret de øvrige med "behandling møde" eller på behandlingssiden.\n`);
          return;
        }
        if (chosen.length === 0) throw new UserError("Der er ingen møder, læseren er sikker på; intet er gemt. Registrér dem med \"behandling møde\" eller på behandlingssiden.");
        const saved = orFail(
          await confirmMinutesTreatment(deps, OPERATOR, {
            municipalityCode: m.code,
            dataYear: year,
            sourceDa: basename(file),
            meetings: chosen.map((p, i) => ({ row: i + 1, bodyId: p.bodyId!, date: p.date!, agendaItemNumber: p.agendaItemNumber, agendaItemTitle: p.agendaItemTitle, role: p.role, state: "held", outcome: p.outcome, decisionText: p.decisionText, minutesUrl: p.minutesUrl })),
            planDecision: null,
          }),
        );
        process.stdout.write(`${saved.meetings.length} møde${saved.meetings.length === 1 ? "" : "r"} er registreret for ${m.name} Kommune, kortet for ${year}.\n`);
      });
    });

  treatment
    .command("eksport")
    .description("gem kommunens behandlingshistorik som CSV eller Excel")
    .requiredOption("--municipality <kommune>", "kommunekode eller navn")
    .requiredOption("--out <fil>", "filen, fx behandling-0657.csv")
    .option("--format <csv|xlsx>", "csv eller xlsx (ellers efter filens endelse)")
    .action(async (options: { municipality: string; out: string; format?: string }) => {
      const m = municipalityOf(options.municipality);
      const format = options.format ?? (options.out.toLowerCase().endsWith(".xlsx") ? "xlsx" : "csv");
      if (format !== "csv" && format !== "xlsx") throw new UserError(`Ukendt --format "${format.slice(0, 20)}" (brug csv eller xlsx).`);
      const history = await cli.withDatabase(async (db) => orFail(await loadTreatmentHistory(cliAccountDeps(db), OPERATOR, m.code)));
      const table = buildTreatmentHistoryTable(history.records);
      const bytes = format === "csv" ? renderTreatmentHistoryCsv(table) : await renderTreatmentHistoryXlsx(table, `Politisk behandling af danmarkskortet – ${m.name} Kommune`);
      try {
        await writeFile(options.out, bytes);
      } catch (error) {
        throw new UserError(fileSystemMessageDa(error, options.out));
      }
      process.stdout.write(`${table.rows.length} rækker (${history.records.length} år) er gemt i ${options.out}.\n`);
    });
}
