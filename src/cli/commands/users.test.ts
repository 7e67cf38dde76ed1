import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPostgresDatabase, dropPostgresDatabase } from "../../../test/support/test-databases.js";
import { runCli } from "../../../test/support/run-cli.js";
import { resolveBearerToken } from "../../app/accounts/api-tokens.js";
import { openDatabase, type StorageConfig } from "../../storage/open-database.js";

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const PASSWORD = "første administrators lange kode";

/** The real command in its own process, with the password on standard input as an operator pipes it. */
function runWithStdin(args: readonly string[], stdin: string, env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts", ...args], { cwd: projectRoot, env: { PATH: process.env.PATH ?? "", ...env }, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString("utf8")));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

// A fresh embedded data dir is initialised by the first child process: on a busy machine that takes a minute.
describe.each(["pglite", "postgres"] as const)("danmarkskort bruger and revisionsspor on %s", { timeout: 240_000 }, (kind) => {
  let env: Record<string, string>;
  let config: StorageConfig;
  let pgUrl: string | null = null;
  const cli = (...args: string[]) => runCli(args, { DATABASE_URL: undefined, DANMARKSKORT_DATA_DIR: undefined, ...env });

  beforeAll(async () => {
    if (kind === "postgres") {
      pgUrl = await createPostgresDatabase();
      env = { DATABASE_URL: pgUrl };
      config = { kind: "postgres", url: pgUrl };
    } else {
      const dir = mkdtempSync(join(tmpdir(), "danmarkskort-bruger-"));
      env = { DANMARKSKORT_DATA_DIR: dir };
      config = { kind: "pglite", dataDir: dir };
    }
  });
  afterAll(async () => {
    if (pgUrl) await dropPostgresDatabase(pgUrl);
  });

  it("creates the first administrator with the password from standard input, never from an argument", async () => {
    const created = await runWithStdin(["bruger", "opret", "--email", "Admin@Kommune.test", "--rolle", "admin"], `${PASSWORD}\n`, env);
    expect(created.stderr).toBe("");
    expect(created.code).toBe(0);
    expect(created.stdout).toContain("Brugeren admin@kommune.test er oprettet som Administrator");
    const asArgument = await cli("bruger", "opret", "--email", "b@kommune.test", "--rolle", "admin", "--password", PASSWORD);
    expect(asArgument.code).not.toBe(0);
    expect(asArgument.stderr).toContain("--password");
    const db = await openDatabase(config);
    try {
      const { rows } = await db.query<{ password_hash: string }>("SELECT password_hash FROM app_user WHERE email = 'admin@kommune.test'");
      expect(rows[0]!.password_hash).toMatch(/^\$argon2id\$/);
    } finally {
      await db.close();
    }
  });

  it("creates a Herning editor, refuses a municipal role without its municipality, and lists the users", async () => {
    const editor = await runWithStdin(["bruger", "opret", "--email", "redaktoer@herning.test", "--rolle", "redaktoer", "--kommune", "0657"], `${PASSWORD}\n`, env);
    expect(editor.stdout).toContain("oprettet som Redaktør for Herning");
    const missing = await runWithStdin(["bruger", "opret", "--email", "x@herning.test", "--rolle", "laeser"], `${PASSWORD}\n`, env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("Fejl: Rollen laeser gælder én kommune; angiv kommunekoden (fx 0657).");
    const listed = await cli("bruger", "liste");
    expect(listed.stdout).toContain("redaktoer@herning.test\tRedaktør for Herning\tadgangskode\taktiv");
  });

  it("prints an API token once, which then carries the user's role", async () => {
    const issued = await cli("bruger", "token", "--email", "redaktoer@herning.test", "--navn", "dagsorden", "--dage", "30");
    expect(issued.code).toBe(0);
    const secret = issued.stdout.trim();
    expect(secret).toMatch(/^dkt_[A-Za-z0-9_-]{43}$/);
    expect(issued.stderr).toContain('API-nøgle "dagsorden" til redaktoer@herning.test');
    expect(issued.stderr).not.toContain(secret);
    const db = await openDatabase(config);
    try {
      expect(await resolveBearerToken({ db, now: () => new Date() }, `Bearer ${secret}`)).toMatchObject({ email: "redaktoer@herning.test", role: { kind: "redaktoer", municipalityCode: "0657" } });
      expect(JSON.stringify((await db.query("SELECT * FROM api_token")).rows)).not.toContain(secret);
    } finally {
      await db.close();
    }
    expect((await cli("bruger", "token", "--email", "ingen@herning.test")).stderr).toContain("Der findes ingen bruger med e-mailen ingen@herning.test.");
  });

  it("lists the audit trail, filtered by municipality and user", async () => {
    const all = await cli("revisionsspor");
    expect(all.code).toBe(0);
    expect(all.stdout).toContain("operatør (kommandolinjen) (operator, kommandolinjen)  Bruger oprettet: bruger redaktoer@herning.test (Redaktør for Herning)");
    expect(all.stdout).toContain("API-nøgle lavet");
    const herning = await cli("revisionsspor", "--kommune", "Herning", "--format", "json");
    const events = JSON.parse(herning.stdout) as { municipalityCode: string; action: string }[];
    expect(events.length).toBeGreaterThanOrEqual(2);
    expect(events.every((e) => e.municipalityCode === "0657")).toBe(true);
    expect((await cli("revisionsspor", "--bruger", "ingen@x.test")).stdout).toBe("Ingen ændringer passer til valget.\n");
    expect((await cli("revisionsspor", "--kommune", "Atlantis")).stderr).toContain('Ukendt kommune "Atlantis"');
  });
});
