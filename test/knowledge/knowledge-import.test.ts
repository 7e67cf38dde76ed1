import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "../support/test-databases.js";
import { memorySecurityLog } from "../../src/app/security-log.js";
import { importKnowledgeSheet } from "../../src/app/knowledge/import-knowledge-sheet.js";
import { exportKnowledgeBank } from "../../src/app/knowledge/export-knowledge-bank.js";
import { listKnowledgeEntriesFor, type KnowledgeDeps } from "../../src/app/knowledge/save-knowledge-entry.js";
import { formatKnowledgeIssue } from "../../src/importers/knowledge-sheet/analyse-knowledge-sheet.js";
import { parseHeadingMapping } from "../../src/importers/knowledge-sheet/knowledge-headings.js";
import { listAuditEvents } from "../../src/storage/audit-trail.js";
import { loadDepartments } from "../../src/storage/knowledge-entries.js";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { HERNING_EDITOR, HERNING_READER, KOEBENHAVN_READER } from "./knowledge-callers.js";
import { herningRegisterRows, writeRegisterCsv, writeRegisterXlsx } from "./municipal-register.js";

const MAPPING = parseHeadingMapping("# Herning's own column\nDrøftet i ledergruppen = ignorer\n").mappings;

describe.each(DATABASE_KINDS)("knowledge bank import on %s", (kind) => {
  let t: TestDatabase;
  let deps: KnowledgeDeps;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
  });
  afterAll(() => t?.drop());
  beforeEach(async () => {
    for (const table of ["knowledge_entry", "knowledge_department", "knowledge_heading_mapping"]) await t.db.query(`DELETE FROM ${table}`);
    deps = { db: t.db, now: () => new Date("2025-06-20T08:00:00.000Z"), securityLog: memorySecurityLog() };
  });
  const count = async () => Number((await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM knowledge_entry")).rows[0]!.n);

  it("imports a municipality's own XLSX layout (merged title row, Danish headings, Excel dates) and remembers its mapping", async () => {
    const path = await writeRegisterXlsx(herningRegisterRows());
    // First without a mapping: the municipality's own column is named, with its row and column, and nothing is stored.
    const unmapped = await importKnowledgeSheet(deps, HERNING_EDITOR, { municipalityCode: "0657", path, fileName: "omgjorte-sager-2024.xlsx", dryRun: false });
    if (unmapped.kind === "refused") throw new Error(unmapped.messageDa);
    expect(unmapped.kind).toBe("rejected");
    expect(unmapped.analysis.unknownHeadings).toEqual(["Drøftet i ledergruppen"]);
    expect(formatKnowledgeIssue(unmapped.issues[0]!, "xlsx")).toMatch(/^Fejl: omgjorte-sager-2024\.xlsx, række 3, kolonne L \(Drøftet i ledergruppen\): Overskriften "Drøftet i ledergruppen" genkendes ikke/);
    expect(await count()).toBe(0);

    const imported = await importKnowledgeSheet(deps, HERNING_EDITOR, { municipalityCode: "0657", path, fileName: "omgjorte-sager-2024.xlsx", mappings: MAPPING, dryRun: false });
    if (imported.kind === "refused") throw new Error(imported.messageDa);
    expect(imported.issues.map((i) => formatKnowledgeIssue(i, "xlsx"))).toEqual([]);
    expect(imported).toMatchObject({ kind: "imported", analysis: { headerLine: 3, sheet: "Omgørelser 2024" } });
    expect(imported.createdIds).toHaveLength(4);
    const listed = await listKnowledgeEntriesFor(deps, HERNING_READER, "0657", { dataYear: 2024 });
    if (listed.kind !== "entries") throw new Error(listed.messageDa);
    const byDate = Object.fromEntries(listed.entries.map((e) => [e.decisionDate, e]));
    expect(Object.keys(byDate).sort()).toEqual(["2024-02-08", "2024-03-21", "2024-05-30", "2024-09-12"]);
    expect(byDate["2024-02-08"]).toMatchObject({
      dataYear: 2024,
      outcome: "remitted",
      law: "Serviceloven",
      subject: "Merudgiftydelse §41 + tilbagebetaling",
      department: "Børneområdet",
      reasonCodes: ["sagsoplysning", "begrundelse"],
      caseReference: "27.24.00-G01-11-24",
      newDecision: { result: "granted", date: "2024-04-02" },
      status: "approved",
    });
    expect(byDate["2024-03-21"]).toMatchObject({ outcome: "changed", reasonCodes: ["vurdering"], newDecision: null });
    expect(byDate["2024-09-12"]).toMatchObject({ newDecision: { result: "pending", date: null }, reasonCodes: ["begrundelse"] });
    // The department list starts from the file's departments; the mapping is remembered.
    expect(await loadDepartments(t.db, "0657")).toEqual(["Børneområdet", "Voksenhandicap", "Ældre og Sundhed"]);
    const trail = (await listAuditEvents(t.db, {})).filter((e) => e.action === "knowledge.import");
    expect(trail.at(-1)).toMatchObject({ municipalityCode: "0657", after: { file: "omgjorte-sager-2024.xlsx", entries: imported.createdIds } });
    expect(JSON.stringify(trail)).not.toContain("lægelige");

    // The same file again: every row is a duplicate of a stored entry, and the remembered mapping needs no repeating.
    const again = await importKnowledgeSheet(deps, HERNING_EDITOR, { municipalityCode: "0657", path, fileName: "omgjorte-sager-2024.xlsx", dryRun: true });
    if (again.kind === "refused") throw new Error(again.messageDa);
    expect(again.kind).toBe("rejected");
    expect(again.issues.map((i) => i.code)).toEqual(["duplicate-row", "duplicate-row", "duplicate-row", "duplicate-row"]);
    expect(again.issues[0]!.messageDa).toMatch(/^Afgørelsen findes allerede i vidensbanken \(nr\. \d+: samme dato, sagsemne og sagsreference\)\.$/);
    expect(await count()).toBe(4);
    // København's users see none of it.
    expect(await listKnowledgeEntriesFor(deps, KOEBENHAVN_READER, "0657")).toMatchObject({ kind: "refused", status: 403 });
  });

  it("refuses the same file with one CPR number in a text cell, naming row and column, and stores nothing", async () => {
    const rows = herningRegisterRows();
    rows[2] = { ...rows[2]!, description: "Borgeren, cpr 120378-4411, var ikke partshørt." };
    const path = await writeRegisterXlsx(rows);
    const result = await importKnowledgeSheet(deps, HERNING_EDITOR, { municipalityCode: "0657", path, fileName: "omgjorte-sager-2024.xlsx", mappings: MAPPING, dryRun: false });
    if (result.kind === "refused") throw new Error(result.messageDa);
    expect(result.kind).toBe("rejected");
    expect(result.issues.map((i) => formatKnowledgeIssue(i, "xlsx"))).toEqual([
      "Fejl: omgjorte-sager-2024.xlsx, række 6, kolonne H (Beskrivelse): Cellen indeholder noget, der ligner et CPR-nummer (tegn 15). CPR-numre må ikke indlæses: fjern nummeret fra filen, og prøv igen. Intet er gemt.",
    ]);
    expect(JSON.stringify(result)).not.toContain("120378");
    expect(await count()).toBe(0);
    expect(await loadDepartments(t.db, "0657")).toEqual([]);
    expect((await t.db.query("SELECT * FROM knowledge_heading_mapping")).rows).toEqual([]);
  });

  it("reads the CSV a municipality saves from Excel, and refuses bad cells and duplicates with line and column", async () => {
    const rows = herningRegisterRows();
    const good = await writeRegisterCsv(rows);
    const checked = await importKnowledgeSheet(deps, HERNING_EDITOR, { municipalityCode: "0657", path: good, fileName: "register.csv", mappings: MAPPING, dryRun: true });
    if (checked.kind === "refused") throw new Error(checked.messageDa);
    expect(checked).toMatchObject({ kind: "checked", errors: 0, analysis: { format: "csv", headerLine: 2 } });
    expect(checked.analysis.rows.map((r) => r.entry.decisionDate)).toEqual(["2024-02-08", "2024-03-21", "2024-05-30", "2024-09-12"]);
    expect(await count()).toBe(0);

    // A row repeated, and a row with a date that is no day, an outcome and a reason nobody uses.
    const text = await readFile(good, "utf8");
    const lines = text.trimEnd().split("\r\n");
    const bad = lines[3]!.replace("21-03-2024", "31-02-2024").replace("Ændret", "Afvist").replace("Forkert vurdering", "Vejret");
    const broken = join(await mkdtemp(join(tmpdir(), "vidensbank-")), "register.csv");
    await writeFile(broken, [...lines, lines[2]!, bad].join("\r\n"), "utf8");
    const refused = await importKnowledgeSheet(deps, HERNING_EDITOR, { municipalityCode: "0657", path: broken, fileName: "register.csv", mappings: MAPPING, dryRun: false });
    if (refused.kind === "refused") throw new Error(refused.messageDa);
    expect(refused.issues.map((i) => formatKnowledgeIssue(i, "csv"))).toEqual([
      "Fejl: register.csv, linje 7: Samme afgørelse som linje 3 (samme dato, sagsemne og sagsreference).",
      'Fejl: register.csv, linje 8, kolonne 1 (Dato): "31-02-2024" er ikke en dato. Skriv fx 14-03-2024 eller 2024-03-14, eller brug Excels datoformat.',
      'Fejl: register.csv, linje 8, kolonne 6 (Udfald): Ukendt udfald "Afvist". Brug ændret, ophævet, hjemvist, delvist omgjort, stadfæstet.',
      expect.stringMatching(/^Fejl: register\.csv, linje 8, kolonne 7 \(Årsag\): Ukendt årsag "Vejret"\. Årsagerne er: Utilstrækkelig sagsoplysning, Begrundelse/),
    ]);
    expect(await count()).toBe(0);
  });

  it("exports the bank as XLSX that reads back in as the same entries, only for those who may read it", async () => {
    const path = await writeRegisterXlsx(herningRegisterRows());
    await importKnowledgeSheet(deps, HERNING_EDITOR, { municipalityCode: "0657", path, fileName: "r.xlsx", mappings: MAPPING, dryRun: false });
    const exported = await exportKnowledgeBank(deps, HERNING_READER, { municipalityCode: "0657", format: "xlsx" });
    if ("kind" in exported) throw new Error(exported.messageDa);
    expect(exported.fileName).toBe("vidensbank-0657.xlsx");
    const dir = await mkdtemp(join(tmpdir(), "vidensbank-export-"));
    await writeFile(join(dir, exported.fileName), exported.body);
    await t.db.query("DELETE FROM knowledge_entry");
    const back = await importKnowledgeSheet(deps, HERNING_EDITOR, { municipalityCode: "0657", path: join(dir, exported.fileName), fileName: exported.fileName, dryRun: true });
    if (back.kind === "refused") throw new Error(back.messageDa);
    expect(back.issues.map((i) => formatKnowledgeIssue(i, "xlsx"))).toEqual([]);
    expect(back.analysis.rows.map((r) => [r.entry.decisionDate, r.entry.outcome, r.entry.reasonCodes, r.entry.newDecision])).toEqual([
      ["2024-09-12", "remitted", ["begrundelse"], { result: "pending", date: null }],
      ["2024-05-30", "remitted", ["partshoering"], { result: "refused-again", date: "2024-08-15" }],
      ["2024-03-21", "changed", ["vurdering"], null],
      ["2024-02-08", "remitted", ["sagsoplysning", "begrundelse"], { result: "granted", date: "2024-04-02" }],
    ]);
    const csv = await exportKnowledgeBank(deps, HERNING_READER, { municipalityCode: "0657", format: "csv" });
    expect("body" in csv ? csv.body.toString("utf8").split("\r\n")[0] : "").toBe("\ufeffNr.;Afgørelsesdato;Dataår;Udfald;Lov;Sagsemne;Paragraf;Kort;Afdeling;Årsag;Resumé af årsagen;Læring;Links;Intern sagsreference;Ny afgørelse;Dato for ny afgørelse;Status;Oprettet;Ændret");
    expect(await exportKnowledgeBank(deps, KOEBENHAVN_READER, { municipalityCode: "0657", format: "csv" })).toMatchObject({ kind: "refused", status: 403 });
  });
});
