import type { Command } from "commander";
import { DEMO_NOTICE_DA } from "../../domain/complaint-cell.js";
import { formatInteger } from "../../domain/format-danish-number.js";
import { municipalityName } from "../../domain/municipality.js";
import { decidedOf, type OutcomeCounts } from "../../domain/outcome.js";
import { LAYOUTS } from "../../importers/analyse-import-file.js";
import { diffDatasetVersions } from "../../storage/dataset-diff.js";
import { listDatasetVersionsWithStatus } from "../../storage/dataset-listing.js";
import { pinDatasetVersion, unpinDatasetVersion, unpinYear } from "../../storage/dataset-pins.js";
import { UserError } from "../user-error.js";
import { withDatabase } from "./import.js";

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
export function registerDatasets(program: Command): void {
  const datasets = program
    .command("datasets")
    .description("vis indlæste datasætversioner; underkommandoer: diff, pin, unpin")
    .option("--format <format>", "tekst eller json", "tekst")
    .action(async (options: { format: string }) => {
      const format = parseFormat(options.format);
      await withDatabase(async (db) => {
        const versions = await listDatasetVersionsWithStatus(db);
        if (format === "json") {
          process.stdout.write(JSON.stringify(versions, null, 2) + "\n");
          return;
        }
        if (versions.length === 0) {
          process.stdout.write('Ingen datasæt indlæst endnu. Brug "danmarkskort import <fil>" eller "danmarkskort demo".\n');
          return;
        }
        for (const v of versions) {
          process.stdout.write(
            [
              `Version ${v.datasetVersionId}: ${v.fileName}${v.isDemo ? ` – ${DEMO_NOTICE_DA}` : ""}`,
              `  SHA-256 ${v.sha256}; format: ${layoutNameDa(v.layout)}; ${formatInteger(v.fileRowCount ?? v.rowCount)} datarækker, ${formatInteger(v.rowCount)} årsceller`,
              `  Indlæst ${v.importedAt.slice(0, 16).replace("T", " ")} UTC; udtrukket ${v.extractedOn ?? "ukendt"}; kilde: ${v.source ?? "ikke angivet"}`,
              `  År: ${yearList(v.years)}; aktiv for: ${yearList(v.activeYears)}${v.pinnedYears.length ? `; fastlåst for: ${yearList(v.pinnedYears)}` : ""}` +
                (v.incompleteYears.length ? `; ufuldstændige år: ${yearList(v.incompleteYears)}` : ""),
            ].join("\n") + "\n",
          );
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
      await withDatabase(async (db) => {
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
          process.stdout.write(`  ${c.year}  ${place}  "${c.subject}" (${c.law || "ingen lovgivning"}): ${countsText(c.before)} → ${countsText(c.after)}\n`);
        }
      });
    });

  datasets
    .command("pin")
    .description("lås en version som den aktive for dens år (eller kun --year)")
    .argument("<id>", "versionens id")
    .option("--year <år>", "kun dette år")
    .action(async (id: string, options: { year?: string }) => {
      const versionId = parseId(id, "Versions-id");
      const year = options.year === undefined ? undefined : parseId(options.year, "Året");
      await withDatabase(async (db) => {
        const result = await pinDatasetVersion(db, versionId, year);
        switch (result.kind) {
          case "unknown-version":
            throw new UserError(`Datasætversion ${versionId} findes ikke (se "danmarkskort datasets").`);
          case "year-not-in-version":
            throw new UserError(`Version ${versionId} har ingen tal for ${result.year} (den dækker ${yearList(result.versionYears)}).`);
          case "pinned":
            process.stdout.write(`Version ${versionId} er nu fastlåst som aktiv for ${yearList(result.years)}. Nyere udtræk bliver ikke aktive for disse år, før du bruger "datasets unpin".\n`);
        }
      });
    });

  datasets
    .command("unpin")
    .description("fjern en fastlåsning: et år (fx 2024) eller alle år for en version (et id)")
    .argument("<år-eller-id>", "et dataår (2000–2100) eller et versions-id")
    .action(async (value: string) => {
      const n = parseId(value, "Året eller versions-id'et");
      // Data years and version ids never overlap in practice: ids start at 1 and grow by one per import.
      const isYear = n >= 2000 && n <= 2100;
      await withDatabase(async (db) => {
        const years = isYear ? await unpinYear(db, n) : await unpinDatasetVersion(db, n);
        process.stdout.write(
          years.length === 0
            ? `Der var ingen fastlåsning for ${isYear ? `året ${n}` : `version ${n}`}.\n`
            : `Fastlåsning fjernet for ${yearList(years)}; det nyeste udtræk er igen aktivt.\n`,
        );
      });
    });
}
