import type { Command } from "commander";
import { DEMO_NOTICE_DA } from "../../domain/complaint-cell.js";
import { formatInteger } from "../../domain/format-danish-number.js";
import { municipalityName } from "../../domain/municipality.js";
import { decidedOf, type OutcomeCounts } from "../../domain/outcome.js";
import { LAYOUTS } from "../../importers/analyse-import-file.js";
import { diffDatasetVersions } from "../../storage/dataset-diff.js";
import { listDatasetVersionsWithStatus } from "../../storage/dataset-listing.js";
import { listAuditEvents } from "../../storage/audit-trail.js";
import { markPublished, removeDatasetVersions, unmarkPublished, type PublishResult } from "../../storage/dataset-changes.js";
import { cliOperator, renderRemovalPlanDa } from "./dataset-text.js";
import { UserError } from "../user-error.js";
import { safeForTerminal } from "../terminal-text.js";
import type { CliContext } from "../cli-context.js";

function parseId(value: string, what: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n)) throw new UserError(`${what} skal være et helt tal, ikke "${value}".`);
  return n;
}

function parseFormat(format: string): "tekst" | "json" {
  if (format === "json") return "json";
  if (format === "tekst" || format === "text") return "tekst";
  throw new UserError(`Ukendt --format "${format}" (brug tekst eller json).`);
}

function yearList(years: readonly number[]): string {
  return years.length === 0 ? "–" : years.join(", ");
}

/** The layout's Danish name for people; the stored id (e.g. "talportal-export") stays in the JSON. */
function layoutNameDa(id: string): string {
  return LAYOUTS.find((l) => l.id === id)?.nameDa ?? id;
}

function countsText(c: OutcomeCounts | null): string {
  return c === null ? "(findes ikke)" : `${decidedOf(c)} realitetsbehandlede (${c.upheld}/${c.changed}/${c.remitted}), ${c.rejected} afviste`;
}

/** `danmarkskort datasets`: the imported dataset versions, their revisions and pins (issue 3, point 6). */
export function registerDatasets(program: Command, cli: CliContext): void {
  const datasets = program
    .command("datasets")
    .description("vis indlæste datasætversioner; underkommandoer: diff, publish, unpublish, remove, log")
    // "datasets diff 1 2 --format json": the subcommand's own --format, not the listing's (src/cli/main.ts).
    .enablePositionalOptions()
    .option("--format <format>", "tekst eller json", "tekst")
    .action(async (options: { format: string }) => {
      const format = parseFormat(options.format);
      await cli.withDatabase(async (db) => {
        const versions = await listDatasetVersionsWithStatus(db);
        if (format === "json") {
          process.stdout.write(JSON.stringify(versions, null, 2) + "\n");
          return;
        }
        if (versions.length === 0) {
          process.stdout.write('Ingen datasæt indlæst endnu. Brug "danmarkskort import <fil>" eller "danmarkskort demo".\n');
          return;
        }
        const hasReal = versions.some((v) => !v.isDemo);
        for (const v of versions) {
          // Quarantined demo data (issue 9): kept, but shown nowhere while real figures exist.
          const hidden = v.isDemo && hasReal ? '; vises ikke, fordi databasen har rigtige tal (fjern den med "npm run -s cli -- demo remove")' : "";
          process.stdout.write(safeForTerminal(
            [
              `Version ${v.datasetVersionId}: ${v.fileName}${v.isDemo ? ` – ${DEMO_NOTICE_DA}` : ""}`,
              `  SHA-256 ${v.sha256}; format: ${layoutNameDa(v.layout)}; ${formatInteger(v.fileRowCount ?? v.rowCount)} datarækker, ${formatInteger(v.rowCount)} årsceller`,
              `  Indlæst ${v.importedAt.slice(0, 16).replace("T", " ")} UTC; udtrukket ${v.extractedOn ?? "ukendt"}; kilde: ${v.source ?? "ikke angivet"}`,
              `  År: ${yearList(v.years)}; aktiv for: ${yearList(v.activeYears)}${v.pinnedYears.length ? `; offentliggjort kort for: ${yearList(v.pinnedYears)}` : ""}` +
                (v.incompleteYears.length ? `; ufuldstændige år: ${yearList(v.incompleteYears)}` : "") +
                hidden,
            ].join("\n") + "\n",
          ));
        }
      });
    });

  datasets
    .command("diff")
    .description("vis de celler der er ændret fra version a til version b")
    .argument("<a>", "den ældre versions id")
    .argument("<b>", "den nyere versions id")
    .option("--format <format>", "tekst eller json", "tekst")
    .action(async (a: string, b: string, options: { format: string }) => {
      const format = parseFormat(options.format);
      const idA = parseId(a, "Versions-id");
      const idB = parseId(b, "Versions-id");
      await cli.withDatabase(async (db) => {
        const known = await db.query<{ id: number }>("SELECT id FROM dataset_version WHERE id = ANY($1::int[])", [[idA, idB]]);
        for (const id of [idA, idB]) if (!known.rows.some((r) => r.id === id)) throw new UserError(`Datasætversion ${id} findes ikke (se "danmarkskort datasets").`);
        const diff = await diffDatasetVersions(db, idA, idB);
        if (format === "json") {
          process.stdout.write(JSON.stringify({ from: idA, to: idB, ...diff }, null, 2) + "\n");
          return;
        }
        if (diff.years.length === 0) {
          process.stdout.write(`Version ${idA} og ${idB} har ingen år til fælles; intet at sammenligne.\n`);
          return;
        }
        process.stdout.write(`Ændrede celler fra version ${idA} til ${idB} (år ${yearList(diff.years)}): ${formatInteger(diff.changes.length)}\n`);
        for (const c of diff.changes) {
          const place = c.municipalityCode === null ? "Hele landet" : `${municipalityName(c.municipalityCode)} (${c.municipalityCode})`;
          process.stdout.write(safeForTerminal(`  ${c.year}  ${place}  "${c.subject}" (${c.law || "ingen lovgivning"}): ${countsText(c.before)} → ${countsText(c.after)}\n`));
        }
      });
    });

  datasets
    .command("publish")
    .alias("pin")
    .description("markér en version som kortet, som det blev offentliggjort, for dens år (eller kun --year)")
    .argument("<id>", "versionens id")
    .option("--year <år>", "kun dette år")
    .action(async (id: string, options: { year?: string }) => {
      const versionId = parseId(id, "Versions-id");
      const year = options.year === undefined ? undefined : parseId(options.year, "Året");
      await cli.withDatabase(async (db, where) => {
        const result = await markPublished(db, { datasetVersionId: versionId, ...(year === undefined ? {} : { year }), operator: cliOperator(), at: new Date().toISOString() });
        process.stdout.write(publishResultText(result, where));
      });
    });

  datasets
    .command("unpublish")
    .alias("unpin")
    .description("fjern markeringen som offentliggjort kort: for et år (fx 2024) eller alle år for en version (et id)")
    .argument("<år-eller-id>", "et dataår (2000–2100) eller et versions-id")
    .action(async (value: string) => {
      const n = parseId(value, "Året eller versions-id'et");
      // Data years and version ids never overlap in practice: ids start at 1 and grow by one per import.
      const isYear = n >= 2000 && n <= 2100;
      await cli.withDatabase(async (db, where) => {
        const { years } = await unmarkPublished(db, { ...(isYear ? { year: n } : { datasetVersionId: n }), operator: cliOperator(), at: new Date().toISOString() });
        process.stdout.write(
          years.length === 0
            ? `Der var intet offentliggjort kort markeret for ${isYear ? `året ${n}` : `version ${n}`}. Intet er ændret.\n`
            : `${yearList(years)} har ikke længere et offentliggjort kort (i ${where}); det nyeste udtræk vises nu og mærkes som udtræk.\n`,
        );
      });
    });

  datasets
    .command("remove")
    .description("fjern datasætversioner med alle deres tal (siger først, hvad der fjernes, og hvad der vises i stedet)")
    .argument("<id...>", "versionernes id")
    .option("--yes", "fjern dem (uden --yes vises kun, hvad der ville ske)")
    .action(async (ids: string[], options: { yes?: boolean }) => {
      const versionIds = ids.map((id) => parseId(id, "Versions-id"));
      await cli.withDatabase(async (db, where) => {
        const result = await removeDatasetVersions(db, { ids: versionIds, confirm: options.yes === true, operator: cliOperator(), at: new Date().toISOString() });
        switch (result.kind) {
          case "unknown-versions":
            throw new UserError(`Datasætversion ${result.ids.join(", ")} findes ikke (se "danmarkskort datasets"). Intet er fjernet.`);
          case "nothing-to-remove":
            throw new UserError("Angiv mindst ét versions-id.");
          case "planned":
            process.stdout.write(renderRemovalPlanDa(result.plan));
            throw new UserError(`Intet er fjernet fra ${where}. Gentag kommandoen med --yes for at fjerne ${result.plan.removed.length === 1 ? "versionen" : "versionerne"}.`);
          case "removed":
            process.stdout.write(renderRemovalPlanDa(result.plan).replace(/^Fjerner /gm, "Fjernet: "));
            process.stdout.write(`Fjernet fra ${where}. Revisionssporet har linjen (hændelse ${result.auditEventId}); se "danmarkskort datasets log".\n`);
        }
      });
    });

  datasets
    .command("log")
    .description("vis revisionssporets linjer om datasætversioner: fjernelser og markeringer som offentliggjort kort")
    .option("--format <format>", "tekst eller json", "tekst")
    .action(async (options: { format: string }) => {
      const format = parseFormat(options.format);
      await cli.withDatabase(async (db) => {
        const events = (await listAuditEvents(db, { limit: 10_000 })).filter((e) => /^(dataset|demo)\./.test(e.action));
        if (format === "json") {
          process.stdout.write(JSON.stringify(events, null, 2) + "\n");
          return;
        }
        if (events.length === 0) process.stdout.write("Revisionssporet har endnu ingen linjer om datasætversioner.\n");
        for (const e of events) process.stdout.write(safeForTerminal(`${e.at.slice(0, 16).replace("T", " ")} UTC  ${AUDIT_ACTIONS_DA[e.action] ?? e.action}: ${e.subject} – ${e.actorLabel}\n`));
      });
    });
}

const AUDIT_ACTIONS_DA: Readonly<Record<string, string>> = {
  "dataset.remove": "fjernet",
  "demo.remove": "demodata fjernet",
  "dataset.publish": "markeret som offentliggjort kort",
  "dataset.unpublish": "markering som offentliggjort kort fjernet",
};

function publishResultText(result: PublishResult, where: string): string {
  switch (result.kind) {
    case "unknown-version":
      throw new UserError(`Datasætversion ${result.datasetVersionId} findes ikke (se "danmarkskort datasets").`);
    case "year-not-in-version":
      throw new UserError(`Version ${result.datasetVersionId} har ingen tal for ${result.year} (den dækker ${yearList(result.versionYears)}).`);
    case "demo-version":
      throw new UserError(`Version ${result.datasetVersionId} er demodata og kan ikke være et offentliggjort kort.`);
    case "published":
      return (
        `Version ${result.datasetVersionId} er nu markeret som kortet, som det blev offentliggjort, for ${yearList(result.years)} (i ${where}). ` +
        `Dens tal vises for ${result.years.length === 1 ? "året" : "årene"}; et nyere udtræk vises ved siden af som Ankestyrelsens revision.\n` +
        result.replaced.map((r) => `  ${r.year}: erstatter version ${r.datasetVersionId} som offentliggjort kort.\n`).join("")
      );
  }
}
