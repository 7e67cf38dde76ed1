import { describe, expect, it } from "vitest";
import { bodyIdFromName, defaultBodyList, validateBodyList } from "./council-bodies.js";
import { effectiveLegalRules, validateLegalRuleInput } from "./legal-rule-edits.js";
import { buildCouncilTreatment } from "./council-treatment.js";
import { checkAttachment } from "./treatment-attachment.js";
import { copenhagenDate, daysBetween, validateMeeting, type MeetingInput } from "./treatment-record.js";
import { asMunicipalityCode } from "./municipality.js";
import { parseIsoDate } from "./iso-date.js";

const ok: MeetingInput = { date: "2025-08-28", agendaItemNumber: "42", agendaItemTitle: "Danmarkskortet - omgørelsesprocent i Ankestyrelsen 2024", role: "consultation", state: "held", outcome: null, decisionText: "Orienteringen er taget til efterretning.", minutesUrl: null };

describe("validateMeeting", () => {
  it("accepts the Handicapråd meeting of the Herning seed; a held meeting without an outcome concluded the case", () => {
    const r = validateMeeting(2024, ok, "2025-09-01");
    expect(r).toEqual({ ok: true, meeting: { ...ok, outcome: "concluded" } });
  });
  it("refuses what a person gets wrong, naming the field in Danish", () => {
    const problem = (input: Partial<MeetingInput>, today = "2025-09-01") => {
      const r = validateMeeting(2024, { ...ok, ...input }, today);
      return r.ok ? null : r.problem;
    };
    expect(problem({ date: "2025-02-30" })?.field).toBe("Mødedato");
    expect(problem({ date: "2024-12-01" })?.messageDa).toMatch(/møder om det ligger i 2025/);
    expect(problem({ date: "2025-10-01" })?.messageDa).toMatch(/holdt møde kan ikke ligge efter i dag/);
    expect(problem({ date: "2025-10-01", state: "planned" })).toBeNull();
    expect(problem({ state: "planned", outcome: "concluded" })?.field).toBe("Udfald");
    expect(problem({ role: "beslutning" })?.field).toBe("Rolle");
    expect(problem({ agendaItemTitle: "  " })?.field).toBe("Punktets titel");
    expect(problem({ minutesUrl: "javascript:alert(1)" })?.field).toBe("Link til referat");
    expect(problem({ minutesUrl: "https://www.herning.dk/referat" })).toBeNull();
    expect(problem({ decisionText: "a\u0000b" })?.messageDa).toMatch(/styretegn \(U\+0000\)/);
    expect(problem({ decisionText: "x".repeat(4001) })?.messageDa).toMatch(/højst 4000/);
  });
});

describe("dates", () => {
  it("counts calendar days and reads today's date in Denmark", () => {
    expect(daysBetween("2025-12-02", "2025-12-31")).toBe(29);
    expect(daysBetween("2026-01-03", "2025-12-31")).toBe(-3);
    // 23:30 UTC on 31 December is already 1 January in Copenhagen.
    expect(copenhagenDate(new Date("2025-12-31T23:30:00Z"))).toBe("2026-01-01");
    // Kept per minute: the last millisecond of a Danish day and the first of the next, asked in turn, in
    // winter (UTC+1) and summer (UTC+2).
    for (const [before, after, dayBefore, dayAfter] of [
      ["2025-12-31T22:59:59.999Z", "2025-12-31T23:00:00.000Z", "2025-12-31", "2026-01-01"],
      ["2026-06-30T21:59:59.999Z", "2026-06-30T22:00:00.000Z", "2026-06-30", "2026-07-01"],
    ] as const) {
      expect(copenhagenDate(new Date(before))).toBe(dayBefore);
      expect(copenhagenDate(new Date(before))).toBe(dayBefore);
      expect(copenhagenDate(new Date(after))).toBe(dayAfter);
      expect(copenhagenDate(new Date(before))).toBe(dayBefore);
    }
  });
});

describe("the municipality's bodies", () => {
  it("starts Herning and Ballerup from the seeds' names, others from the generic list", () => {
    expect(defaultBodyList(asMunicipalityCode("0657")).map((b) => b.nameDa)).toContain("Børne- og Familieudvalget");
    expect(defaultBodyList(asMunicipalityCode("0657")).find((b) => b.kind === "council")?.nameDa).toBe("Byrådet");
    expect(defaultBodyList(asMunicipalityCode("0151")).find((b) => b.kind === "council")?.nameDa).toBe("Kommunalbestyrelsen");
    expect(defaultBodyList(asMunicipalityCode("0101")).map((b) => b.kind)).toEqual(["finance-committee", "council", "disability-council", "senior-council", "psychiatry-council"]);
    expect(bodyIdFromName("Børne- og Familieudvalget")).toBe("boerne-og-familieudvalget");
  });
  it("needs exactly one council and unique names", () => {
    expect(validateBodyList([{ nameDa: "Socialudvalget", kind: "committee" }]).ok).toBe(false);
    expect(validateBodyList([{ nameDa: "Byrådet", kind: "council" }, { nameDa: "Byrådet", kind: "council" }]).ok).toBe(false);
    expect(validateBodyList([{ nameDa: "Byrådet", kind: "udvalg" }]).ok).toBe(false);
    expect(validateBodyList([{ nameDa: " Byrådet ", kind: "council" }])).toEqual({ ok: true, bodies: [{ id: "byraadet", nameDa: "Byrådet", kind: "council" }] });
  });
});

describe("legal rule edits", () => {
  it("replaces a default and keeps its origin, and the treatment follows the edit", () => {
    const rules = effectiveLegalRules([{ id: "action-plan-decision", validFrom: parseIsoDate("2022-07-01"), validTo: null, summaryDa: "x", source: "Allerød 2025", editedAt: "2025-11-01T00:00:00.000Z", editedBy: "admin" }]);
    const plan = rules.find((r) => r.id === "action-plan-decision")!;
    expect(plan.origin).toEqual({ kind: "edited", at: "2025-11-01T00:00:00.000Z", by: "admin" });
    expect(rules.find((r) => r.id === "council-treatment")!.origin).toEqual({ kind: "default" });
    expect(buildCouncilTreatment(2024, rules).actionPlanDecisionRequired).toBe(true);
    expect(buildCouncilTreatment(2024, effectiveLegalRules([])).actionPlanDecisionRequired).toBe(false);
  });
  it("refuses an edit without a source or with the period backwards", () => {
    expect(validateLegalRuleInput({ validFrom: "2022-07-01", validTo: null, summaryDa: "x", source: " " })).toMatchObject({ ok: false, problem: { field: "Kilde" } });
    expect(validateLegalRuleInput({ validFrom: "2022-07-01", validTo: "2021-01-01", summaryDa: "x", source: "s" })).toMatchObject({ ok: false, problem: { field: "Gælder til" } });
  });
});

describe("checkAttachment", () => {
  const bytes = (s: string) => new TextEncoder().encode(s);
  it("knows PDF, DOCX and HTML by their bytes, and names the download after the type", () => {
    expect(checkAttachment("referat.pdf", bytes("%PDF-1.7\n..."))).toMatchObject({ ok: true, mediaType: "application/pdf", fileName: "referat.pdf" });
    expect(checkAttachment("C:\\dok\\punkt 42.docx", bytes("PK\u0003\u0004....word/document.xml...."))).toMatchObject({ ok: true, fileName: "punkt 42.docx" });
    expect(checkAttachment("referat", bytes("<!DOCTYPE html><html><body>Beslutning</body></html>"))).toMatchObject({ ok: true, mediaType: "text/html", fileName: "referat.html" });
  });
  it("refuses other files, a spreadsheet in a zip, an empty or too large file", () => {
    expect(checkAttachment("x.exe", bytes("MZ\u0090\u0000"))).toMatchObject({ ok: false });
    expect(checkAttachment("tal.xlsx", bytes("PK\u0003\u0004....xl/workbook.xml"))).toMatchObject({ ok: false, problem: { messageDa: expect.stringMatching(/ikke et Word-dokument/) } });
    expect(checkAttachment("tom.pdf", new Uint8Array())).toMatchObject({ ok: false });
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(bytes("%PDF-"));
    expect(checkAttachment("stor.pdf", big)).toMatchObject({ ok: false, problem: { messageDa: expect.stringMatching(/højst 10 MB/) } });
  });
});
