import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../support/run-cli.js";
import { createPostgresDatabase, DATABASE_KINDS, dropPostgresDatabase } from "../support/test-databases.js";
import { fixtureDir, talportalExportCsv, wholeCountryRows, writeFixture } from "../import/import-fixtures.js";

/**
 * Issue 19, integrity when a version is stored: a cut download never replaces fuller figures, the same
 * figures are never a new version, and new metadata on a re-import is recorded or refused, never dropped.
 * Run through the real CLI against both databases; every refusal leaves the stored versions as they were.
 */
describe.each(DATABASE_KINDS)("storing hostile versions on %s", (kind) => {
  const dir = fixtureDir();
  let env: Record<string, string | undefined>;
  const cli = (...args: string[]) => runCli(args, env);
  const versions = async () => JSON.parse((await cli("datasets", "--format", "json")).stdout) as { datasetVersionId: number; fileName: string; extractedOn: string | null; source: string | null }[];
  let url: string | undefined;
  const whole = wholeCountryRows({ year: 2024, seed: 19 }).rows;
  let wholePath: string;

  beforeAll(async () => {
    if (kind === "postgres") {
      url = await createPostgresDatabase();
      env = { DATABASE_URL: url };
    } else env = { DATABASE_URL: undefined, DANMARKSKORT_DATA_DIR: mkdtempSync(join(tmpdir(), "danmarkskort-hostile-")) };
    wholePath = writeFixture(dir, "hele-landet-2024.csv", talportalExportCsv(whole));
    expect((await cli("import", wholePath)).code).toBe(0);
  }, 120_000);
  afterAll(async () => {
    if (url) await dropPostgresDatabase(url);
  });

  it("refuses a download cut at a line end (header + one row) instead of making it 2024's version", async () => {
    const cut = writeFixture(dir, "afkortet.csv", talportalExportCsv(whole.slice(0, 1)));
    const before = await versions();
    const result = await cli("import", cut);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `Fejl: Filen er ikke gemt: den ville erstatte fyldigere tal. 2024 mangler 97 kommuner: Frederiksberg (0147), Ballerup (0151), Brøndby (0153), Dragør (0155), Gentofte (0157), Gladsaxe (0159), Glostrup (0161), Herlev (0163) og 89 andre, samt landsrækkerne, som version ${before[0]!.datasetVersionId} har.`,
    );
    expect(result.stderr).toContain("indlæs den med --accept-missing");
    expect(await versions()).toEqual(before);
    const rates = JSON.parse((await cli("rates", "--map", "socialomraadet", "--year", "2024", "--format", "json")).stdout) as unknown[];
    expect(rates).toHaveLength(99);
  });

  it("reports a file with the same figures as 'samme tal som version N' and stores nothing", async () => {
    const before = await versions();
    const same = writeFixture(dir, "samme-tal.csv", talportalExportCsv(whole, { quoteText: true }), "utf-8");
    const result = await cli("import", same, "--extracted", "2025-07-01");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Samme tal som version ${before[0]!.datasetVersionId}: filen er en anden, men dens tal er præcis de samme, så intet nyt er gemt`);
    expect(result.stdout).toContain(`Derfor er udtræksdatoen 2025-07-01 heller ikke gemt; version ${before[0]!.datasetVersionId} beholder sine egne oplysninger.`);
    expect(await versions()).toEqual(before);
  });

  it("records --extracted/--source on a re-import where the version had none, and refuses a different one", async () => {
    const id = (await versions())[0]!.datasetVersionId;
    const recorded = await cli("import", wholePath, "--extracted", "2025-06-01", "--source", "Ankestyrelsens talportal");
    expect(recorded.code).toBe(0);
    expect(recorded.stdout).toContain("Versionen havde ingen udtræksdato og ingen kilde; udtræksdatoen 2025-06-01 og kilden \"Ankestyrelsens talportal\" er nu gemt på den.");
    expect((await versions()).find((v) => v.datasetVersionId === id)).toMatchObject({ extractedOn: "2025-06-01", source: "Ankestyrelsens talportal" });
    const refused = await cli("import", wholePath, "--extracted", "2025-08-01");
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(`Fejl: Filen er allerede indlæst som datasætversion ${id}, og oplysningerne passer ikke: --extracted "2025-08-01", men versionen har "2025-06-01". Intet er ændret. Udelad tilvalget, eller indlæs en ny fil for et nyt udtræk.\n`);
    expect((await versions()).find((v) => v.datasetVersionId === id)).toMatchObject({ extractedOn: "2025-06-01" });
  });

  it("strips terminal escape codes from what the CLI lists (a source text can hold them)", async () => {
    const other = writeFixture(dir, "anden-kilde.csv", talportalExportCsv(wholeCountryRows({ year: 2023, seed: 5 }).rows));
    expect((await cli("import", other, "--source", "Talportal \u001b[2J\u001b]0;hacket\u0007udtræk")).code).toBe(0);
    const listing = (await cli("datasets")).stdout;
    expect(listing).toContain("kilde: Talportal udtræk");
    expect(listing).not.toContain("\u001b");
    expect(listing).not.toContain("\u0007");
  });

  it("stores a smaller file with --accept-missing; the absent municipalities then read 'ingen data', never 0", async () => {
    const part = writeFixture(dir, "kun-herning.csv", talportalExportCsv(whole.filter((r) => r.place === "Herning")));
    const result = await cli("import", part, "--accept-missing", "--extracted", "2025-09-01");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Advarsel: kun-herning.csv: Filen har tal for 1 af 98 kommuner for 2024");
    const rates = await cli("rates", "--map", "socialomraadet", "--year", "2024");
    expect(rates.stdout).toMatch(/København \(0101\) +Kommunen er ikke med i de indlæste tal for 2024/);
    expect(rates.stdout).not.toMatch(/København[^\n]*ingen sager/);
  });
});
