import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPostgresDatabase, dropPostgresDatabase } from "../support/test-databases.js";
import { buildApp } from "../../src/server/app.js";
import { openDatabase, type StorageConfig } from "../../src/storage/open-database.js";
import { runCli } from "../support/run-cli.js";

// The profile page draws a neighbour map; no boundary download in tests.
process.env.DANMARKSKORT_BOUNDARIES = "none";

type Target = { env: Record<string, string>; config: StorageConfig; where: string };

/** Runs the CLI in this process with only the given storage environment, capturing what a user would see. */
const cli = (target: Target, ...args: string[]) => runCli(args, { DATABASE_URL: undefined, DANMARKSKORT_DATA_DIR: undefined, ...target.env });

/** The profile page as the server renders it from the same database. */
async function profileHtml(target: Target, path: string): Promise<string> {
  const db = await openDatabase(target.config);
  try {
    const app = await buildApp({ db, storageDescription: "test" });
    const response = await app.inject({ method: "GET", url: path });
    await app.close();
    expect(response.statusCode).toBe(200);
    return response.body;
  } finally {
    await db.close();
  }
}

const dir = mkdtempSync(join(tmpdir(), "danmarkskort-kommentar-"));

describe.each(["pglite", "postgres"] as const)("danmarkskort kommentar on %s", (kind) => {
  let target: Target;
  beforeAll(async () => {
    if (kind === "postgres") {
      const url = await createPostgresDatabase();
      target = { env: { DATABASE_URL: url }, config: { kind: "postgres", url }, where: `PostgreSQL (${new URL(url).host}${new URL(url).pathname})` };
    } else {
      const dataDir = mkdtempSync(join(tmpdir(), "danmarkskort-data-"));
      target = { env: { DANMARKSKORT_DATA_DIR: dataDir }, config: { kind: "pglite", dataDir }, where: `indlejret database i ${dataDir}` };
    }
  });
  afterAll(async () => {
    if (kind === "postgres") await dropPostgresDatabase(target.env.DATABASE_URL!);
  });

  it("stores a comment from --text, shows it on the profile for that year only, and lists it", async () => {
    const saved = await cli(target, "kommentar", "--municipality", "Herning", "--year", "2024", "--text", "Stigningen skyldes især sager om merudgifter <§ 41>.");
    expect(saved.stderr).toBe("");
    expect(saved.code).toBe(0);
    expect(saved.stdout).toContain("Kommentaren for Herning Kommune, 2024, er gemt");
    // Every command that writes says where it wrote (issue 9).
    expect(saved.stdout).toContain(`er gemt i ${target.where} (`);
    const page = await profileHtml(target, "/kommuner/0657?aar=2024");
    expect(page).toContain("<h2 id=\"h-kommentar\" class=\"h3\">Kommunens kommentar</h2>");
    // The text is text, not markup: its "<" is escaped (preact leaves a ">" in text as it is, which is safe).
    expect(page).toContain("<blockquote>Stigningen skyldes især sager om merudgifter &lt;§ 41>.</blockquote>");
    expect(page).not.toContain("<§ 41>");
    expect(page).toContain("Kommentar fra Herning Kommune om tallene for 2024");
    const otherYear = await profileHtml(target, "/kommuner/0657?aar=2023");
    expect(otherYear).toContain("Herning Kommune har ikke skrevet en kommentar til tallene for 2023.");
    expect((await cli(target, "kommentar", "--municipality", "0657")).stdout).toMatch(/^Herning Kommune, 2024 \(ændret \d{4}-\d{2}-\d{2}\):\nStigningen/);
  });

  it("reads a UTF-8 file, refuses a latin1 file, and deletes", async () => {
    const utf8 = join(dir, `kommentar-${kind}.txt`);
    writeFileSync(utf8, "Første linje om børneområdet.\nAnden linje.\n");
    expect((await cli(target, "kommentar", "--municipality", "661", "--year", "2024", "--file", utf8)).code).toBe(0);
    expect(await profileHtml(target, "/kommuner/0661?aar=2024")).toContain("<blockquote>Første linje om børneområdet.\nAnden linje.</blockquote>");
    const latin1 = join(dir, `latin1-${kind}.txt`);
    writeFileSync(latin1, iconv.encode("Børn og unge", "latin1"));
    const refused = await cli(target, "kommentar", "--municipality", "661", "--year", "2024", "--file", latin1);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain("er ikke gemt som UTF-8");
    const deleted = await cli(target, "kommentar", "--municipality", "Holstebro", "--year", "2024", "--delete");
    expect(deleted.stdout).toBe(`Kommentaren for Holstebro Kommune, 2024, er slettet fra ${target.where}.\n`);
    expect(await profileHtml(target, "/kommuner/0661?aar=2024")).toContain("Holstebro Kommune har ikke skrevet en kommentar til tallene for 2024.");
    // The deletion is a write like the others: in the audit trail, with the text it removed.
    const trail = JSON.parse((await cli(target, "revisionsspor", "--kommune", "0661", "--format", "json")).stdout) as { action: string; before: unknown; after: unknown }[];
    expect(trail[0]).toMatchObject({ action: "comment.delete", before: { text: "Første linje om børneområdet.\nAnden linje.", status: "published" }, after: null });
    // Nothing left to delete: said so, and no audit line for a write that did not happen.
    expect((await cli(target, "kommentar", "--municipality", "Holstebro", "--year", "2024", "--delete")).stdout).toBe(`Holstebro Kommune har ingen kommentar for 2024 i ${target.where}.\n`);
    expect((JSON.parse((await cli(target, "revisionsspor", "--kommune", "0661", "--format", "json")).stdout) as unknown[]).length).toBe(trail.length);
  });

  it("explains wrong input in Danish and stores nothing", async () => {
    const cases: [string[], string][] = [
      [["--municipality", "Atlantis", "--year", "2024", "--text", "x"], 'Ukendt kommune "Atlantis"'],
      [["--municipality", "0657", "--year", "24", "--text", "x"], 'Fejl: Året skal være fire cifre, fx 2024, ikke "24" (tilvalget --year).'],
      [["--municipality", "0657", "--text", "x"], "Angiv året med --year"],
      [["--municipality", "0657", "--year", "2022", "--text", "   "], "Kommentaren er tom."],
      [["--municipality", "0657", "--year", "2022", "--text", "x", "--delete"], "Brug kun én af --text, --file og --delete."],
    ];
    for (const [args, message] of cases) {
      const result = await cli(target, "kommentar", ...args);
      expect(result.code, args.join(" ")).not.toBe(0);
      expect(result.stderr, args.join(" ")).toContain(message);
    }
    expect((await cli(target, "kommentar", "--municipality", "0657", "--year", "2022")).stdout).toBe("Herning Kommune har ingen kommentar for 2022.\n");
  });
});
