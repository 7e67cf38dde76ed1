import type { Command } from "commander";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { OPERATOR } from "../../app/caller.js";
import { exportSite } from "../../app/site-export/export-site.js";
import { formatInteger } from "../../domain/format-danish-number.js";
import { mapGeometries } from "../../app/boundaries/map-geometries.js";
import { parseMunicipalityCode, parseYear } from "../../app/params.js";
import { safeForTerminal } from "../terminal-text.js";
import { UserError } from "../user-error.js";
import type { CliContext } from "../cli-context.js";

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

/** "2024" or "2023,2024": the years --aar limits the export to. */
export function parseYearList(value: string): number[] {
  return value.split(",").map((y) => parseYear(y.trim(), "--aar"));
}

/** "0657,0101": the municipalities --kommuner limits the profiles to. */
export function parseCodeList(value: string): string[] {
  return value.split(",").map((c) => parseMunicipalityCode(c.trim(), "--kommuner").code);
}

const progress = (message: string) => void process.stderr.write(`${safeForTerminal(message)}\n`);

/**
 * `danmarkskort eksport-site <mappe>`: the door onto src/app/site-export. The pages come from the real app
 * in this process (buildApp, asked with inject as an anonymous caller): the same bytes the server sends.
 */
export function registerExportSite(program: Command, cli: CliContext): void {
  program
    .command("eksport-site")
    .description("skriv det offentlige site som statiske filer, som enhver webserver eller et CDN kan vise")
    .argument("<mappe>", "en ny eller tom mappe, som eksporten skrives i")
    .option("--aar <år>", "kun disse år, fx 2024 eller 2023,2024 (standard: alle år med tal)")
    .option("--kommuner <koder>", "kun disse kommuners profiler, fx 0657,0101 (standard: alle 98)")
    .action(async (target: string, options: { aar?: string; kommuner?: string }) => {
      const years = options.aar === undefined ? undefined : parseYearList(options.aar);
      const municipalityCodes = options.kommuner === undefined ? undefined : parseCodeList(options.kommuner);
      const publicDir = join(projectRoot, "public");
      if (!existsSync(join(publicDir, "build"))) throw new UserError("Sidernes JavaScript er ikke bygget (public/build mangler). Kør først: npm run -s build:client");
      const result = await cli.withDatabase(async (db, where) => {
        progress(`Eksporterer sitet fra ${where} til ${safeForTerminal(target)} …`);
        const site = await cli.server.openSite(db, where, cli.config);
        try {
          const geometries = await mapGeometries(cli.config.boundaries);
          return await exportSite(OPERATOR, db, {
            target,
            source: site,
            geometries: geometries.geographic ? ["geografisk", "felter"] : ["felter"],
            ...(years ? { years } : {}),
            ...(municipalityCodes ? { municipalityCodes } : {}),
            assetDirs: [
              { urlPrefix: "/assets/", dir: publicDir },
              // The design system's stylesheet, fonts and images; its sources and scripts are not used by the pages.
              { urlPrefix: "/assets/dkfds/", dir: join(projectRoot, "node_modules", "dkfds", "dist"), only: ["css", "fonts", "img"] },
            ],
            renderAboutPage: cli.server.renderExportAboutPage,
            now: new Date(),
            onProgress: progress,
          });
        } finally {
          await site.close();
        }
      });
      if (result.kind === "refused") throw new UserError(result.messageDa);
      if (result.broken.length > 0) {
        const lines = result.broken.slice(0, 20).map((b) => `  ${b.file}: ${b.href} (${b.whyDa})`);
        throw new UserError(`Eksporten i ${safeForTerminal(result.target)} har ${formatInteger(result.broken.length)} døde links:\n${safeForTerminal(lines.join("\n"))}`);
      }
      const versions = result.manifest.datasetVersions.map((v) => `${v.year}: version ${v.datasetVersionId} (${v.standing === "published" ? "offentliggjort" : "udtræk"})`).join(", ");
      process.stdout.write(
        `Sitet er eksporteret til ${safeForTerminal(result.target)}: ${formatInteger(result.pages)} sider og ${formatInteger(result.files)} filer i alt (${formatInteger(Math.ceil(result.bytes / 1024 / 1024))} MiB), alle links kontrolleret.\n` +
          `Datasætversioner: ${versions || "ingen"}. Se om-eksporten.html og manifest.json.\n`,
      );
    });
}
