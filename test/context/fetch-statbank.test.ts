import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../support/run-cli.js";
import { createPostgresDatabase, dropPostgresDatabase } from "../support/test-databases.js";
import { dir, folk1aLines, hand07Lines } from "./statbank-files.js";

/**
 * `hent-dst` runs its real HTTP client against a local server that answers like api.statbank.dk (the API
 * cannot be reached from the test machines): `GET /v1/data/<TABEL>/CSV?…` gives the table as `;`-separated
 * UTF-8 text; an unknown table gives 400 with a short JSON error, as the API does.
 */
describe("danmarkskort hent-dst against a local server in the API's format", () => {
  let server: Server;
  let base: string;
  const requests: URL[] = [];
  let url: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      const u = new URL(req.url ?? "/", "http://localhost");
      requests.push(u);
      if (u.pathname === "/v1/data/FOLK1A/CSV") {
        res.writeHead(200, { "content-type": "text/csv; charset=utf-8" });
        res.end(folk1aLines((u.searchParams.get("Tid") ?? "").split(","), u.searchParams.get("valuePresentation") === "Value" ? "Value" : "Code").join("\r\n") + "\r\n");
      } else if (u.pathname === "/v1/data/HAND07/CSV") {
        res.writeHead(200, { "content-type": "text/csv; charset=utf-8" });
        res.end(hand07Lines(u.searchParams.get("Tid") ?? "").join("\r\n") + "\r\n");
      } else if (u.pathname === "/langsom/v1/data/FOLK1A/CSV") {
        setTimeout(() => res.end("OMRÅDE;KØN;ALDER;TID;INDHOLD\r\n"), 3000);
      } else {
        res.writeHead(400, { "content-type": "application/json" });
        res.end(JSON.stringify({ errorTypeCode: "TABLE-NOTFOUND", message: "Tabellen blev ikke fundet" }));
      }
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    url = await createPostgresDatabase();
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await dropPostgresDatabase(url);
  });

  it("fetches FOLK1A for 2023K1 and 2024K1 with the API's query, keeps the file as sent and imports it", async () => {
    const out = join(dir(), "folk1a.csv");
    const result = await runCli(["hent-dst", "--tabel", "FOLK1A", "--periode", "2023K1,2024K1", "--ud", out], { DATABASE_URL: url, DANMARKSKORT_STATBANK_URL: base });
    expect(result.stderr).toContain(`Hentet ${base}/v1/data/FOLK1A/CSV?`);
    expect(result.code).toBe(0);
    const q = requests.at(-1)!;
    expect(Object.fromEntries(q.searchParams)).toEqual({ lang: "da", valuePresentation: "Code", delimiter: "Semicolon", OMRÅDE: "*", KØN: "TOT", ALDER: "*", Tid: "2023K1,2024K1" });
    expect(readFileSync(out, "utf-8").split("\r\n")[0]).toBe("OMRÅDE;KØN;ALDER;TID;INDHOLD");
    expect(result.stdout).toContain("format: Danmarks Statistik, FOLK1A");
    expect(result.stdout).toContain("perioder: 2023K1–2024K1");
    expect(result.stdout).toMatch(/Gemt som kontekstversion \d+/);
    const listed = await runCli(["kontekst"], { DATABASE_URL: url });
    expect(listed.stdout).toMatch(/FOLK1A\s+2023K1–2024K1\s+792 tal\s+folk1a\.csv/);
  });

  it("fetches a recipients table with --api-url and reports its suppressed cells", async () => {
    const out = join(dir(), "hand07.csv");
    const result = await runCli(["hent-dst", "--tabel", "HAND07", "--periode", "2023K4", "--ud", out, "--api-url", base], { DATABASE_URL: url });
    expect(result.code).toBe(0);
    expect(requests.at(-1)!.searchParams.get("valuePresentation")).toBe("Value");
    expect(result.stdout).toContain("diskretionerede celler: 6");
  });

  it("says in Danish when the API cannot be reached, does not answer in time, or refuses the request", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const deadPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const offline = await runCli(["hent-dst", "--tabel", "FOLK1A", "--periode", "2024K1", "--ud", join(dir(), "x.csv"), "--api-url", `http://127.0.0.1:${deadPort}`], { DATABASE_URL: url });
    expect(offline.code).toBe(1);
    expect(offline.stderr).toContain("Fejl: Kan ikke nå Danmarks Statistiks API (127.0.0.1:");
    expect(offline.stderr).toContain("ingen forbindelse (ECONNREFUSED). Er maskinen offline? Hent i stedet filen i en browser");
    expect(offline.stderr).toContain('og indlæs den med "danmarkskort import <fil>".');
    const slow = await runCli(["hent-dst", "--tabel", "FOLK1A", "--periode", "2024K1", "--ud", join(dir(), "y.csv"), "--api-url", `${base}/langsom`, "--timeout", "0.5"], { DATABASE_URL: url });
    expect(slow.code).toBe(1);
    expect(slow.stderr).toContain("Fejl: Danmarks Statistiks API svarede ikke inden for 0,5 sekunder.");
    const refused = await runCli(["hent-dst", "--tabel", "HANDBU01", "--periode", "2023", "--ud", join(dir(), "z.csv"), "--api-url", base], { DATABASE_URL: url });
    expect(refused.stderr).toContain('Fejl: Danmarks Statistiks API svarede 400 for HANDBU01 (2023): "{"errorTypeCode":"TABLE-NOTFOUND"');
    const badPeriod = await runCli(["hent-dst", "--tabel", "FOLK1A", "--periode", "2024"], { DATABASE_URL: url });
    expect(badPeriod.stderr).toContain('Fejl: --periode "2024" passer ikke til FOLK1A (kvartaler som 2024K1');
  });
});
