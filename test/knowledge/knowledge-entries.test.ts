import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "../support/test-databases.js";
import { memorySecurityLog } from "../../src/app/security-log.js";
import { OPERATOR } from "../../src/app/caller.js";
import { deleteKnowledgeEntriesAudited, listKnowledgeEntriesFor, saveKnowledgeEntry, type KnowledgeDeps } from "../../src/app/knowledge/save-knowledge-entry.js";
import { saveDepartmentList, saveKnowledgeSettings, saveReason } from "../../src/app/knowledge/knowledge-lists.js";
import { deleteEntriesPastRetention, exportForDataProtectionOfficer, listEntriesForDeletion, retentionCutoff } from "../../src/app/knowledge/knowledge-retention.js";
import { listAuditEvents } from "../../src/storage/audit-trail.js";
import { loadReasonTaxonomy } from "../../src/storage/knowledge-entries.js";
import { DEFAULT_REASONS } from "../../src/domain/knowledge/reason-taxonomy.js";
import { ADMIN, HERNING_EDITOR, HERNING_READER, KOEBENHAVN_EDITOR, KOEBENHAVN_READER, remittedEntry, TILSYN } from "./knowledge-callers.js";

describe.each(DATABASE_KINDS)("knowledge bank entries on %s", (kind) => {
  let t: TestDatabase;
  let deps: KnowledgeDeps;
  let log: ReturnType<typeof memorySecurityLog>;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
  });
  afterAll(() => t?.drop());
  beforeEach(async () => {
    await t.db.query("DELETE FROM knowledge_entry");
    await t.db.query("DELETE FROM knowledge_department");
    log = memorySecurityLog();
    deps = { db: t.db, now: () => new Date("2025-06-20T08:00:00.000Z"), securityLog: log };
  });

  it("starts with the reason taxonomy of the domain, each with its definition and source", async () => {
    const reasons = await loadReasonTaxonomy(t.db);
    expect(reasons).toEqual(DEFAULT_REASONS);
    expect(reasons.map((r) => r.labelDa)).toEqual(expect.arrayContaining(["Utilstrækkelig sagsoplysning", "Begrundelse", "Hjemmelsmangel", "Vurdering", "Partshøring", "Helhedsvurdering", "Klagevejledning", "Sagsbehandlingsfrist"]));
  });

  it("lets Herning's editor write, Herning's users and tilsyn read, and nobody else see Herning's entries", async () => {
    const saved = await saveKnowledgeEntry(deps, HERNING_EDITOR, { municipalityCode: "0657", entry: remittedEntry({ newDecision: { result: "granted", date: "2024-05-01" } }) });
    expect(saved).toMatchObject({ kind: "saved", entry: { municipalityCode: "0657", decisionDate: "2024-03-14", newDecision: { result: "granted", date: "2024-05-01" } } });
    for (const reader of [HERNING_READER, HERNING_EDITOR, TILSYN]) {
      const listed = await listKnowledgeEntriesFor(deps, reader, "0657");
      expect(listed).toMatchObject({ kind: "entries", entries: [{ summary: remittedEntry().summary }] });
    }
    expect(await listKnowledgeEntriesFor(deps, HERNING_READER, "0657")).toMatchObject({ mayWrite: false });
    for (const outsider of [KOEBENHAVN_READER, KOEBENHAVN_EDITOR, ADMIN]) {
      expect(await listKnowledgeEntriesFor(deps, outsider, "0657")).toMatchObject({ kind: "refused", status: 403 });
    }
    expect(await listKnowledgeEntriesFor(deps, { actor: { kind: "public" }, channel: "web" }, "0657")).toMatchObject({ kind: "refused", status: 401 });
    // København's own bank is empty: no query of theirs reaches Herning's rows.
    expect(await listKnowledgeEntriesFor(deps, KOEBENHAVN_READER, "0101")).toMatchObject({ kind: "entries", entries: [] });
    expect(await saveKnowledgeEntry(deps, HERNING_READER, { municipalityCode: "0657", entry: remittedEntry() })).toMatchObject({ status: 403 });
    expect(await saveKnowledgeEntry(deps, TILSYN, { municipalityCode: "0657", entry: remittedEntry() })).toMatchObject({ status: 403 });
    // An editor of København cannot change Herning's entry by its id.
    const id = saved.kind === "saved" ? saved.entry.id : -1;
    expect(await saveKnowledgeEntry(deps, KOEBENHAVN_EDITOR, { municipalityCode: "0101", id, entry: remittedEntry({ summary: "Overskrevet" }) })).toMatchObject({ status: 404 });
    expect(log.events.filter((e) => e.event === "access-denied").length).toBeGreaterThanOrEqual(5);
  });

  it("refuses a CPR number in any free-text field, stores nothing, and logs where without the number", async () => {
    const before = await listAuditEvents(t.db, {});
    for (const entry of [
      remittedEntry({ summary: "Borgeren (010190-1234) fik afslag." }),
      remittedEntry({ caseReference: "0101901234" }),
      remittedEntry({ learningPoint: "Husk at skrive\nCPR 311290 1234 i notatet", department: "" }),
      remittedEntry({ links: ["https://ast.dk/?cpr=0101901234"] }),
    ]) {
      const refused = await saveKnowledgeEntry(deps, HERNING_EDITOR, { municipalityCode: "0657", entry });
      expect(refused).toMatchObject({ kind: "refused", status: 400 });
      expect(refused.kind === "refused" ? refused.messageDa : "").toMatch(/ligner et CPR-nummer/);
      expect(JSON.stringify(refused)).not.toMatch(/0101901234|010190-1234/);
    }
    const { rows } = await t.db.query("SELECT count(*)::int AS n FROM knowledge_entry");
    expect(rows[0]!.n).toBe(0);
    expect((await listAuditEvents(t.db, {})).length).toBe(before.length);
    expect(log.events.filter((e) => e.event === "cpr-refused").map((e) => e.field)).toEqual(["Resumé af årsagen", "Intern sagsreference", "Læring", "Links"]);
    expect(JSON.stringify(log.events)).not.toMatch(/0101901234/);
  });

  it("names every problem of a bad entry by its field, in Danish", async () => {
    const refused = await saveKnowledgeEntry(deps, HERNING_EDITOR, {
      municipalityCode: "0657",
      entry: remittedEntry({ decisionDate: "2024-02-30", reasonCodes: ["ukendt"], outcome: "upheld", newDecision: { result: "granted", date: null }, links: ["ast.dk"] }),
    });
    expect(refused).toMatchObject({ kind: "refused", status: 400, field: "decisionDate" });
    const messages = refused.kind === "refused" && "problems" in refused ? refused.problems!.map((p) => p.messageDa) : [];
    expect(messages).toEqual([
      'Afgørelsesdato skal være en dato (ÅÅÅÅ-MM-DD eller DD-MM-ÅÅÅÅ), ikke "2024-02-30".',
      expect.stringMatching(/^Ukendt årsag "ukendt"\. Årsagerne er: Utilstrækkelig sagsoplysning, Begrundelse/),
      '"ast.dk" er ikke en webadresse (den skal begynde med https://).',
      'Ny afgørelse kan kun registreres for en hjemvist sag, ikke for udfaldet "Stadfæstet".',
      'Dato for ny afgørelse mangler for resultatet "Bevilget".',
    ]);
  });

  it("audits create, update and delete in the write's transaction, without the entry's text", async () => {
    const saved = await saveKnowledgeEntry(deps, HERNING_EDITOR, { municipalityCode: "0657", entry: remittedEntry({ status: "draft" }) });
    if (saved.kind !== "saved") throw new Error(saved.messageDa);
    const updated = await saveKnowledgeEntry(deps, HERNING_EDITOR, { municipalityCode: "0657", id: saved.entry.id, entry: remittedEntry({ status: "approved", reasonCodes: ["sagsoplysning", "begrundelse"] }) });
    expect(updated).toMatchObject({ kind: "saved", entry: { id: saved.entry.id, status: "approved", reasonCodes: ["sagsoplysning", "begrundelse"] } });
    expect(await deleteKnowledgeEntriesAudited(deps, HERNING_EDITOR, "0657", [saved.entry.id, 999_999])).toEqual({ kind: "deleted", ids: [saved.entry.id] });
    const trail = (await listAuditEvents(t.db, {})).filter((e) => e.subject === `vidensbank 0657/${saved.entry.id}`);
    expect(trail.map((e) => e.action).sort()).toEqual(["knowledge.create", "knowledge.delete", "knowledge.update"]);
    expect(trail.find((e) => e.action === "knowledge.update")).toMatchObject({ channel: "web", actorRole: "redaktoer", before: { status: "draft" }, after: { status: "approved" } });
    const stored = JSON.stringify(trail);
    expect(stored).not.toContain("lægelige oplysninger");
    expect(stored).not.toContain("27.12.04-G01-123-24");
  });

  it("keeps the municipality's department list, refuses a department not on it, and lets the operator edit the taxonomy", async () => {
    expect(await saveDepartmentList(deps, HERNING_EDITOR, "0657", ["Børneområdet", " Ældre- og Sundhed ", "Børneområdet", ""])).toEqual({ kind: "saved", departments: ["Børneområdet", "Ældre- og Sundhed"] });
    expect(await saveDepartmentList(deps, HERNING_READER, "0657", ["X"])).toMatchObject({ status: 403 });
    expect(await saveKnowledgeEntry(deps, HERNING_EDITOR, { municipalityCode: "0657", entry: remittedEntry({ department: "Jobcenter" }) })).toMatchObject({ status: 400, field: "department", messageDa: 'Afdelingen "Jobcenter" er ikke på kommunens liste over afdelinger (Børneområdet, Ældre- og Sundhed).' });
    expect(await saveKnowledgeEntry(deps, HERNING_EDITOR, { municipalityCode: "0657", entry: remittedEntry({ department: "Børneområdet" }) })).toMatchObject({ kind: "saved" });

    expect(await saveReason(deps, HERNING_EDITOR, { ...DEFAULT_REASONS[0]!, validTo: 2030 })).toMatchObject({ status: 403 });
    const retired = { ...DEFAULT_REASONS.find((r) => r.code === "aendret-praksis")!, validTo: 2023 };
    expect(await saveReason(deps, OPERATOR, retired)).toEqual({ kind: "saved" });
    expect(await saveKnowledgeEntry(deps, HERNING_EDITOR, { municipalityCode: "0657", entry: remittedEntry({ reasonCodes: ["aendret-praksis"] }) })).toMatchObject({ status: 400, messageDa: 'Årsagen "Ændret praksis" gælder ikke for dataåret 2024.' });
    expect(await saveKnowledgeEntry(deps, HERNING_EDITOR, { municipalityCode: "0657", entry: remittedEntry({ dataYear: 2023, decisionDate: "2023-11-02", reasonCodes: ["aendret-praksis"] }) })).toMatchObject({ kind: "saved" });
    await saveReason(deps, OPERATOR, { ...retired, validTo: null });
  });
  it("lists entries past the retention period (5 years unless chosen), deletes them audited, and exports everything for the DPO", async () => {
    expect(retentionCutoff("2025-06-20", 5)).toBe("2020-06-20");
    expect(retentionCutoff("2024-02-29", 5)).toBe("2019-02-28");
    const old = await saveKnowledgeEntry(deps, HERNING_EDITOR, { municipalityCode: "0657", entry: remittedEntry({ decisionDate: "2019-05-01", dataYear: 2019, caseReference: "gammel" }) });
    const recent = await saveKnowledgeEntry(deps, HERNING_EDITOR, { municipalityCode: "0657", entry: remittedEntry() });
    if (old.kind !== "saved" || recent.kind !== "saved") throw new Error("not saved");
    expect(await listEntriesForDeletion(deps, HERNING_READER, "0657")).toMatchObject({ kind: "retention", cutoff: "2020-06-20", setting: { retentionYears: 5 }, entries: [{ id: old.entry.id }] });
    expect(await saveKnowledgeSettings(deps, HERNING_EDITOR, "0657", { publishAggregate: false, retentionYears: 10 })).toMatchObject({ kind: "saved" });
    expect(await listEntriesForDeletion(deps, HERNING_READER, "0657")).toMatchObject({ cutoff: "2015-06-20", entries: [] });
    await saveKnowledgeSettings(deps, HERNING_EDITOR, "0657", { publishAggregate: false, retentionYears: 5 });
    expect(await deleteEntriesPastRetention(deps, HERNING_READER, "0657")).toMatchObject({ kind: "refused", status: 403 });
    expect(await deleteEntriesPastRetention(deps, HERNING_EDITOR, "0657")).toEqual({ kind: "deleted", ids: [old.entry.id], cutoff: "2020-06-20" });
    const trail = await listAuditEvents(t.db, { municipalityCode: "0657" });
    expect(trail.find((e) => e.action === "knowledge.retention-delete" && e.subject === `vidensbank 0657/${old.entry.id}`)).toMatchObject({ before: { decisionDate: "2019-05-01" }, after: null });
    expect(JSON.stringify(trail)).not.toContain("gammel");

    expect(await exportForDataProtectionOfficer(deps, ADMIN, "0657")).toMatchObject({ kind: "refused", status: 403 });
    const dpo = await exportForDataProtectionOfficer(deps, HERNING_READER, "0657");
    if (dpo.kind !== "export") throw new Error(dpo.messageDa);
    expect(dpo.document).toMatchObject({ retention: { years: 5 }, entries: [{ id: recent.entry.id, summary: remittedEntry().summary }] });
    expect((dpo.document.auditTrail as { action: string }[]).some((e) => e.action === "knowledge.retention-delete")).toBe(true);
    expect((await listAuditEvents(t.db, { municipalityCode: "0657" })).some((e) => e.action === "knowledge.dpo-export")).toBe(true);
  });
});
