import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OPERATOR } from "../../src/app/caller.js";
import { memorySecurityLog } from "../../src/app/security-log.js";
import { saveSubjectAreaTable } from "../../src/app/subject-areas/subject-area-table.js";
import { buildApp } from "../../src/server/app.js";
import type { Database } from "../../src/storage/database.js";
import { openReferenceDatabase } from "./support/reference-database.js";

/**
 * Issue 16, point 4: the agenda item's section on all complaint cases groups by the subject → area table
 * the municipality keeps in the database, and by map where it keeps none; the API serves the table.
 */
describe("the stored subject → area table in the agenda item", () => {
  let db: Database;
  let app: FastifyInstance;
  const item = async () => {
    const res = await app.inject({ url: "/api/v1/municipalities/0657/agenda-item?year=2024&format=md&sections=alle-sager" });
    expect(res.statusCode).toBe(200);
    return res.body;
  };

  beforeAll(async () => {
    process.env.DANMARKSKORT_BOUNDARIES = "none";
    db = await openReferenceDatabase();
    app = await buildApp({ db, storageDescription: "test" });
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it("groups by map while Herning keeps no table", async () => {
    const table = (await app.inject({ url: "/api/v1/municipalities/0657/subject-areas" })).json();
    expect(table).toMatchObject({ municipalityCode: "0657", rows: [], departments: [] });
    expect(table.subjects.length).toBeGreaterThan(1);
    const md = await item();
    expect(md).toContain("På danmarkskortene");
    expect(md).not.toContain("kommunens egne områder");
  });

  it("groups by Herning's own areas once the table is stored, and lists every unplaced subject under its own heading", async () => {
    const { subjects } = (await app.inject({ url: "/api/v1/municipalities/0657/subject-areas" })).json() as { subjects: { subject: string; years: number[] }[] };
    const of2024 = subjects.filter((s) => s.years.includes(2024));
    expect(of2024.length).toBeGreaterThan(1);
    const [placed, ...unplaced] = of2024;
    const saved = await saveSubjectAreaTable({ db, now: () => new Date("2025-08-01T10:00:00Z"), securityLog: memorySecurityLog() }, OPERATOR, "0657", [{ subject: placed!.subject, area: "Børne- og familieområdet" }]);
    expect(saved.kind).toBe("saved");
    const api = (await app.inject({ url: "/api/v1/municipalities/0657/subject-areas" })).json() as { rows: unknown[]; subjects: { subject: string; area: string | null }[] };
    expect(api.rows).toEqual([{ subject: placed!.subject, area: "Børne- og familieområdet" }]);
    expect(api.subjects.find((s) => s.subject === placed!.subject)?.area).toBe("Børne- og familieområdet");

    const md = await item();
    expect(md).toContain("fordelt på sagsemner og kommunens egne områder");
    expect(md).toContain("Børne- og familieområdet");
    expect(md).toContain("Ikke placeret i kommunens områdetabel");
    expect(md).not.toContain("På danmarkskortene");
    // The placed subject's row comes after its area's row and before the unplaced group.
    const at = (text: string) => md.indexOf(text);
    expect(at("Børne- og familieområdet")).toBeLessThan(at(placed!.subject));
    expect(at(placed!.subject)).toBeLessThan(at("Ikke placeret i kommunens områdetabel"));
    for (const s of unplaced) expect(at(s.subject), s.subject).toBeGreaterThan(at("Ikke placeret i kommunens områdetabel"));
  });
});
