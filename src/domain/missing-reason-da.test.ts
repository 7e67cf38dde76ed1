import { describe, expect, it } from "vitest";
import { MISSING_REASON_CODES, NO_DATA_REASON_CODES, NOT_ASSESSED_REASON_CODES, NOT_COMPARABLE_REASON_CODES, type MissingReason, type MissingReasonCode } from "./missing-reason.js";
import { missingReasonClauseDa, missingReasonDa } from "./missing-reason-da.js";

/**
 * One example per code with the exact sentence the domain wrote before the codes (issue 11, item 7). The
 * Record's key type makes the table exhaustive at compile time: a new code without an example here does not
 * typecheck, and missingReasonDa's `switch` ends in assertNever, so it cannot forget one either.
 */
const EXAMPLES: { readonly [C in MissingReasonCode]: readonly [Extract<MissingReason, { code: C }>, string] } = {
  "map-not-yet-published": [{ code: "map-not-yet-published", map: "voksenhandicapomraadet", firstYear: 2017 }, "Voksenhandicapområdet blev først offentliggjort for dataåret 2017"],
  "year-not-loaded": [{ code: "year-not-loaded", year: 2023 }, "Der er ikke indlæst data for 2023"],
  "municipality-absent": [{ code: "municipality-absent", year: 2024 }, "Kommunen er ikke med i de indlæste tal for 2024"],
  "municipality-absent-in-revision": [{ code: "municipality-absent-in-revision", year: 2021 }, "Kommunen er ikke med i det nyere udtræk for 2021"],
  "year-without-data": [{ code: "year-without-data", year: 2022 }, "Der er ingen data for 2022"],
  "years-without-data": [{ code: "years-without-data", fromYear: 2020, toYear: 2022 }, "Der er ingen data for 2020–2022"],
  "no-years": [{ code: "no-years" }, "Ingen år at lægge sammen"],
  "no-decided-cases": [{ code: "no-decided-cases" }, "Ingen realitetsbehandlede sager"],
  "no-national-rate": [{ code: "no-national-rate" }, "Ingen landsprocent at sammenligne med"],
  "no-decided-cases-in-year": [{ code: "no-decided-cases-in-year", year: 2023 }, "Ingen realitetsbehandlede sager i 2023"],
  "no-decided-cases-this-year": [{ code: "no-decided-cases-this-year" }, "Ingen realitetsbehandlede sager i året"],
};

describe("missingReasonDa: the phrasebook of missing values", () => {
  it.each(Object.values(EXAMPLES))("words %o as its sentence", (reason, sentence) => {
    expect(missingReasonDa(reason)).toBe(sentence);
  });

  it("names each map by its registry name", () => {
    expect(missingReasonDa({ code: "map-not-yet-published", map: "boernehandicapomraadet", firstYear: 2019 })).toBe("Børnehandicapområdet blev først offentliggjort for dataåret 2019");
  });

  it("has a sentence for every code the API lists, and the API lists every code", () => {
    expect([...MISSING_REASON_CODES].sort()).toEqual(Object.keys(EXAMPLES).sort());
    expect(new Set([...NO_DATA_REASON_CODES, ...NOT_ASSESSED_REASON_CODES, ...NOT_COMPARABLE_REASON_CODES])).toEqual(new Set(MISSING_REASON_CODES));
    expect(NOT_ASSESSED_REASON_CODES).toEqual(expect.arrayContaining([...NO_DATA_REASON_CODES, "no-decided-cases", "no-national-rate"]));
  });

  it("ends no sentence with a full stop: the caller puts it in its own sentence", () => {
    for (const [reason] of Object.values(EXAMPLES)) expect(missingReasonDa(reason)).not.toMatch(/[.:;]$/);
  });

  it("gives the clause form with a lower-case first letter, the same as the whole sentence in lower case (what the action plans wrote)", () => {
    expect(missingReasonClauseDa({ code: "year-without-data", year: 2024 })).toBe("der er ingen data for 2024");
    for (const [reason, sentence] of Object.values(EXAMPLES)) expect(missingReasonClauseDa(reason)).toBe(sentence.toLowerCase());
  });
});
