import { describe, expect, it } from "vitest";
import { MAX_AREA_LENGTH, subjectAreaLookup, validateSubjectAreaRows } from "./subject-area-table.js";

describe("validateSubjectAreaRows", () => {
  it("trims, leaves out rows without an area, and sorts by subject in Danish order", () => {
    const checked = validateSubjectAreaRows([
      { subject: "  Voksne - ledsageordning - § 97 ", area: " Voksenområdet " },
      { subject: "Aktivering", area: "Jobcenter" },
      { subject: "Øvrige", area: "" },
      { subject: "Børn - efterværn - §§ 68 og 76", area: "Børneområdet" },
    ]);
    expect(checked).toEqual({
      ok: true,
      rows: [
        { subject: "Aktivering", area: "Jobcenter" },
        { subject: "Børn - efterværn - §§ 68 og 76", area: "Børneområdet" },
        { subject: "Voksne - ledsageordning - § 97", area: "Voksenområdet" },
      ],
    });
  });

  it("refuses one subject under two areas, naming both", () => {
    const checked = validateSubjectAreaRows([
      { subject: "Merudgiftydelse §41 + tilbagebetaling", area: "Børneområdet" },
      { subject: "Merudgiftydelse §41 + tilbagebetaling ", area: "Handicap" },
    ]);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.problem.messageDa).toBe('Sagsemnet "Merudgiftydelse §41 + tilbagebetaling" står to gange, under "Børneområdet" og "Handicap". Et sagsemne hører til ét område.');
  });

  it("accepts the same row twice", () => {
    expect(validateSubjectAreaRows([{ subject: "A", area: "X" }, { subject: "A", area: "X" }])).toEqual({ ok: true, rows: [{ subject: "A", area: "X" }] });
  });

  it("refuses an area without a subject and an area that is too long", () => {
    const noSubject = validateSubjectAreaRows([{ subject: " ", area: "Jobcenter" }]);
    expect(noSubject).toEqual({ ok: false, problem: { field: "Sagsemne", messageDa: 'Området "Jobcenter" mangler et sagsemne.' } });
    const long = validateSubjectAreaRows([{ subject: "A", area: "x".repeat(MAX_AREA_LENGTH + 1) }]);
    expect(long.ok).toBe(false);
    if (!long.ok) expect(long.problem).toMatchObject({ field: "Område", messageDa: expect.stringContaining(`${MAX_AREA_LENGTH + 1} tegn`) });
  });

  it("requires an area on the municipality's department list when it keeps one", () => {
    const departments = ["Børneområdet", "Voksenområdet"];
    expect(validateSubjectAreaRows([{ subject: "A", area: "Børneområdet" }], departments).ok).toBe(true);
    const checked = validateSubjectAreaRows([{ subject: "A", area: "Børneomraadet" }], departments);
    expect(checked).toEqual({ ok: false, problem: { field: "Område", messageDa: '"Børneomraadet" (for "A") står ikke på kommunens liste over afdelinger. Vælg et af: Børneområdet, Voksenområdet.' } });
  });
});

describe("subjectAreaLookup", () => {
  it("is null for an empty table, so the item groups by map", () => {
    expect(subjectAreaLookup([])).toBeNull();
    expect(subjectAreaLookup([{ subject: "A", area: "X" }])?.get("A")).toBe("X");
  });
});
