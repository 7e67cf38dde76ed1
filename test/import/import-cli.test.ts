import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../support/run-cli.js";
import { createPostgresDatabase, dropPostgresDatabase } from "../support/test-databases.js";
import { fixtureDir, row, sampleRows, talportalExportCsv, wholeCountryRows, writeFixture } from "./import-fixtures.js";

/** Runs the CLI in this process against one PostgreSQL test database, capturing what a user would see. */
const cli = (url: string, ...args: string[]) => runCli(args, { DATABASE_URL: url });

describe("danmarkskort import / datasets as a new user runs them", () => {
  const dir = fixtureDir();
  let url: string;
  beforeAll(async () => {
    url = await createPostgresDatabase();
  });
  afterAll(async () => {
    await dropPostgresDatabase(url);
  });

  it("refuses a bad file with exit code 1, lists every problem with line and column, and stores nothing", async () => {
    const bad = writeFixture(dir, "fejl.csv", talportalExportCsv([...sampleRows(), row("Atlantis", "2024", [1, 0, 0, 0]), row("Herning", "2031K9", [1, 0, 0, 0])]));
    const result = await cli(url, "import", bad);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Fejl: fejl.csv, linje 8, kolonne 1 (Kommune): Ukendt kommune "Atlantis". Brug kommunens navn');
    expect(result.stdout).toContain("Fejl: fejl.csv, linje 9, kolonne 4 (periode): Ukendt periode");
    expect(result.stderr).toContain("blev ikke indlæst: 2 fejl. Intet er gemt.");
    expect((await cli(url, "datasets")).stdout).toContain("Ingen datasæt indlæst endnu");
  });

  it("validates only with --dry-run: a good file exits 0, a bad one 1, and neither stores anything", async () => {
    const path = writeFixture(dir, "proeve.csv", talportalExportCsv(sampleRows()));
    const result = await cli(url, "import", path, "--dry-run");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Prøvekørsel (--dry-run): filen er i orden, men intet er gemt.");
    const bad = writeFixture(dir, "proeve-fejl.csv", talportalExportCsv([...sampleRows(), row("Atlantis", "2024", [1, 0, 0, 0])]));
    const refused = await cli(url, "import", bad, "--dry-run", "--format", "json");
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout)).toMatchObject({ dryRun: true, errorCount: 1, stored: null, issues: [{ code: "unknown-municipality", line: 8, column: 1 }] });
    expect((await cli(url, "datasets", "--format", "json")).stdout.trim()).toBe("[]");
  });

  it("imports a whole-country talportal export (latin1, ';', quoted); rates shows every municipality's counts as in the file", async () => {
    const { rows, expected } = wholeCountryRows({ year: 2023, seed: 42 });
    const path = writeFixture(dir, "talportal-hele-landet-2023.csv", talportalExportCsv(rows, { quoteText: true, withPercent: true }), "latin1");
    const imported = await cli(url, "import", path, "--extracted", "2024-03-01");
    expect(imported.code).toBe(0);
    const rates = await cli(url, "rates", "--map", "socialomraadet", "--year", "2023", "--format", "json");
    expect(rates.code).toBe(0);
    type Figure = { municipalityCode: string | null; decided: number; upheld: number; changed: number; remitted: number; rejected: number; reversed: number };
    const figures = JSON.parse(rates.stdout) as Figure[];
    expect(figures).toHaveLength(99);
    for (const [code, c] of expected) {
      const f = figures.find((x) => x.municipalityCode === code);
      expect(f, code).toMatchObject({ ...c, decided: c.upheld + c.changed + c.remitted, reversed: c.changed + c.remitted });
    }
    const sum = [...expected.values()].reduce((s, c) => s + c.upheld + c.changed + c.remitted, 0);
    expect(figures.find((x) => x.municipalityCode === null)).toMatchObject({ decided: sum });
  });

  it("imports a talportal export; the stored counts per municipality equal the file's (checked with rates)", async () => {
    const path = writeFixture(dir, "talportal-2024.csv", talportalExportCsv(sampleRows(), { withPercent: true }));
    const result = await cli(url, "import", path, "--extracted", "2025-03-01", "--source", "Ankestyrelsens talportal");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("format: talportalens CSV-eksport");
    expect(result.stdout).toContain("tegnsæt: latin1 (ISO-8859-1)");
    expect(result.stdout).toMatch(/2024 {2}Socialområdet generelt, i alt +98 realitetsbehandlede/);
    expect(result.stdout).toContain("Gemt som datasætversion");

    const rates = await cli(url, "rates", "--map", "socialomraadet", "--year", "2024", "--format", "json");
    expect(rates.code).toBe(0);
    const figures = JSON.parse(rates.stdout) as { municipalityCode: string | null; upheld: number; changed: number; remitted: number; rejected: number }[];
    const byCode = new Map(figures.map((f) => [f.municipalityCode, f]));
    expect(byCode.get("0657")).toMatchObject({ upheld: 20, changed: 2, remitted: 10, rejected: 4 });
    expect(byCode.get("0751")).toMatchObject({ upheld: 40, changed: 5, remitted: 20, rejected: 7 });
    expect(byCode.get("0825")).toMatchObject({ upheld: 0, changed: 0, remitted: 1, rejected: 0 });

    const again = await cli(url, "import", path);
    expect(again.stdout).toContain("Uændret: filen er allerede indlæst som datasætversion");
  });

  it("lists versions, diffs a revision, pins and unpins", async () => {
    const revised = writeFixture(dir, "talportal-2024-rev.csv", talportalExportCsv(sampleRows().map((r) => (r.place === "Læsø" ? row("Læsø", "2024", [1, 0, 1, 0], r.subject) : r))));
    expect((await cli(url, "import", revised, "--extracted", "2025-05-01")).code).toBe(0);
    const list = JSON.parse((await cli(url, "datasets", "--format", "json")).stdout) as { datasetVersionId: number; fileName: string; activeYears: number[] }[];
    expect(list.filter((v) => v.fileName.startsWith("talportal-2024")).map((v) => [v.fileName, v.activeYears])).toEqual([["talportal-2024-rev.csv", [2024]], ["talportal-2024.csv", []]]);
    expect(list[0]).toMatchObject({
      fileName: "talportal-2024-rev.csv",
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      layout: "talportal-export",
      extractedOn: "2025-05-01",
      importedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      rowCount: 6,
      fileRowCount: 6,
      years: [2024],
      isDemo: false,
      pinnedYears: [],
      incompleteYears: [],
    });
    const idOf = (name: string) => String(list.find((v) => v.fileName === name)!.datasetVersionId);
    const [newer, older] = [idOf("talportal-2024-rev.csv"), idOf("talportal-2024.csv")];
    const diff = await cli(url, "datasets", "diff", older!, newer!);
    expect(diff.stdout).toContain("Ændrede celler fra version");
    expect(diff.stdout).toContain('2024  Læsø (0825)  "Voksne - merudgifter - § 100" (Serviceloven): 1 realitetsbehandlede (0/0/1), 0 afviste → 2 realitetsbehandlede (1/0/1), 0 afviste');
    // A pin is the mark "the map as published" since issue 9; pin/unpin remain as names for publish/unpublish.
    expect((await cli(url, "datasets", "pin", older!)).stdout).toContain("markeret som kortet, som det blev offentliggjort, for 2024");
    expect((await cli(url, "datasets")).stdout).toMatch(/talportal-2024\.csv\n.*\n.*\n .*aktiv for: 2024; offentliggjort kort for: 2024/);
    expect((await cli(url, "datasets", "unpin", "2024")).stdout).toContain("2024 har ikke længere et offentliggjort kort");
    const unknown = await cli(url, "datasets", "pin", "999");
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("Datasætversion 999 findes ikke");
  });

  it("marks a version as published at import and afterwards, removes a version only with --yes, and logs both (issue 9)", async () => {
    const where = `PostgreSQL (${new URL(url).host}${new URL(url).pathname})`;
    const first = writeFixture(dir, "offentliggjort-2024.csv", talportalExportCsv(sampleRows().map((r) => (r.place === "Læsø" ? row("Læsø", "2024", [2, 0, 3, 0], r.subject) : r))));
    const imported = await cli(url, "import", first, "--extracted", "2025-06-01", "--published");
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain(`Gemt som datasætversion`);
    expect(imported.stdout).toContain(` i ${where}.`);
    expect(imported.stdout).toContain("Markeret som kortet, som det blev offentliggjort, for 2024");
    const list = JSON.parse((await cli(url, "datasets", "--format", "json")).stdout) as { datasetVersionId: number; fileName: string; pinnedYears: number[] }[];
    const published = list.find((v) => v.fileName === "offentliggjort-2024.csv")!;
    expect(published.pinnedYears).toEqual([2024]);

    const wrongYear = await cli(url, "import", first, "--published", "2019");
    expect(wrongYear.code).toBe(1);
    expect(wrongYear.stderr).toContain("--published 2019: filen har ingen tal for 2019");

    const other = list.find((v) => v.fileName === "talportal-2024-rev.csv")!;
    const marked = await cli(url, "datasets", "publish", String(other.datasetVersionId), "--year", "2024");
    expect(marked.stdout).toContain(`for 2024 (i ${where})`);
    expect(marked.stdout).toContain(`2024: erstatter version ${published.datasetVersionId} som offentliggjort kort.`);

    const asked = await cli(url, "datasets", "remove", String(other.datasetVersionId));
    expect(asked.code).toBe(1);
    expect(asked.stdout).toContain(`Fjerner datasætversion ${other.datasetVersionId}: talportal-2024-rev.csv; år 2024;`);
    expect(asked.stdout).toMatch(new RegExp(`2024: version \\d+ \\(offentliggjort-2024\\.csv, udtrukket 2025-06-01\\) – et udtræk, ikke det offentliggjorte kort \\(før: version ${other.datasetVersionId} `));
    expect(asked.stderr).toContain(`Intet er fjernet fra ${where}. Gentag kommandoen med --yes`);
    expect((JSON.parse((await cli(url, "datasets", "--format", "json")).stdout) as unknown[]).length).toBe(list.length);

    const removed = await cli(url, "datasets", "remove", String(other.datasetVersionId), "--yes");
    expect(removed.code).toBe(0);
    expect(removed.stdout).toContain(`Fjernet: datasætversion ${other.datasetVersionId}`);
    expect(removed.stdout).toContain(`Fjernet fra ${where}.`);
    const after = JSON.parse((await cli(url, "datasets", "--format", "json")).stdout) as { datasetVersionId: number }[];
    expect(after.some((v) => v.datasetVersionId === other.datasetVersionId)).toBe(false);

    const log = await cli(url, "datasets", "log");
    expect(log.stdout).toMatch(new RegExp(`fjernet: datasætversion ${other.datasetVersionId} – .+ \\(kommandolinjen\\)`));
    expect(log.stdout).toContain(`markeret som offentliggjort kort: offentliggjort kort 2024: datasætversion ${published.datasetVersionId}`);
    const events = JSON.parse((await cli(url, "datasets", "log", "--format", "json")).stdout) as { action: string; channel: string }[];
    // Newest first; the pin and unpin of the test before are on record too.
    expect(events.map((e) => e.action)).toEqual(["dataset.remove", "dataset.publish", "dataset.publish", "dataset.unpublish", "dataset.publish"]);
    expect(events.every((e) => e.channel === "cli")).toBe(true);
    expect((await cli(url, "datasets", "remove", "999", "--yes")).stderr).toContain("Datasætversion 999 findes ikke");
  });

  it("demo remove deletes the demo versions only, says what shows instead, and leaves real figures alone (issue 9)", async () => {
    const loaded = await cli(url, "demo", "--seed", "11");
    expect(loaded.stdout).toContain("Bemærk: databasen har rigtige tal, så demodata vises ikke nogen steder.");
    expect((await cli(url, "datasets")).stdout).toContain("vises ikke, fordi databasen har rigtige tal");
    const before = JSON.parse((await cli(url, "datasets", "--format", "json")).stdout) as { isDemo: boolean }[];
    const removed = await cli(url, "demo", "remove");
    expect(removed.code).toBe(0);
    expect(removed.stdout).toContain("Fjernet: datasætversion");
    expect(removed.stdout).toContain("Ingen år skifter tal");
    expect(removed.stdout).toContain("Demodata er fjernet fra PostgreSQL (");
    const after = JSON.parse((await cli(url, "datasets", "--format", "json")).stdout) as { isDemo: boolean }[];
    expect(after).toEqual(before.filter((v) => !v.isDemo));
    expect((await cli(url, "demo", "remove")).stdout).toContain("Der er ingen demodata i PostgreSQL");
    expect((await cli(url, "datasets", "log")).stdout).toContain("demodata fjernet: datasætversion");
  });

  it("refuses a malformed --extracted date and a missing file in Danish", async () => {
    const path = writeFixture(dir, "ok.csv", talportalExportCsv(sampleRows()));
    const badDate = await cli(url, "import", path, "--extracted", "2025-13-01");
    expect(badDate.code).toBe(1);
    expect(badDate.stderr).toContain("--extracted skal være en dato som ÅÅÅÅ-MM-DD");
    const missing = await cli(url, "import", `${dir}/findes-ikke.csv`);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("findes ikke eller kan ikke læses");
  });
});
