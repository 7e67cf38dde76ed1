import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkFreeTextForCpr, containsCprNumber, cprRefusalMessageDa, findCprNumbers, isCprDate } from "./cpr-number.js";

const two = (n: number) => String(n).padStart(2, "0");

/** A date of birth a CPR number can carry (1858–2057 is the range the century digit can express). */
const birthDate = fc.date({ min: new Date(Date.UTC(1858, 0, 1)), max: new Date(Date.UTC(2057, 11, 31)), noInvalidDate: true });
const serial = fc.integer({ min: 0, max: 9999 }).map((n) => String(n).padStart(4, "0"));
const separator = fc.constantFrom("", "-", " ", "\u2013", "\u00a0");
/** Text around a number that does not end or start with a digit (a longer digit run is not a CPR number). */
const surrounding = fc.string({ maxLength: 20 }).filter((s) => !/^\d|\d$/.test(s));
const cprNumber = fc.tuple(birthDate, separator, serial).map(([d, sep, s]) => `${two(d.getUTCDate())}${two(d.getUTCMonth() + 1)}${two(d.getUTCFullYear() % 100)}${sep}${s}`);

/** Danish phone numbers: eight digits, written the ways they are written (with and without +45 and spaces). */
const phoneNumber = fc
  .tuple(fc.integer({ min: 20_000_000, max: 99_999_999 }).map(String), fc.constantFrom("plain", "pairs", "quads", "plus45", "plus45-pairs", "0045"))
  .map(([d, style]) => {
    const pairs = d.match(/\d{2}/g)!.join(" ");
    switch (style) {
      case "plain":
        return d;
      case "pairs":
        return pairs;
      case "quads":
        return `${d.slice(0, 4)} ${d.slice(4)}`;
      case "plus45":
        return `+45${d}`;
      case "plus45-pairs":
        return `+45 ${pairs}`;
      default:
        return `0045 ${d}`;
    }
  });

/** KLE journal numbers as agenda items print them, e.g. 27.69.52-I02-1-25 (domain.md §6). */
const kleCaseNumber = fc
  .tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }), fc.constantFrom("A", "G", "I", "K", "P"), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 1, max: 999 }), fc.integer({ min: 0, max: 99 }))
  .map(([a, b, c, letter, d, n, y]) => `${two(a)}.${two(b)}.${two(c)}-${letter}${two(d)}-${n}-${two(y)}`);

describe("CPR detector", () => {
  it("flags the example from the issue in every written form, and says where it starts", () => {
    for (const written of ["010190-1234", "0101901234", "010190 1234"]) {
      expect(findCprNumbers(`Borgeren ${written} klagede.`)).toEqual([{ offset: 9, length: written.length, line: 1, column: 10 }]);
    }
    expect(findCprNumbers("Første linje\nanden: 010190-1234")).toEqual([{ offset: 20, length: 11, line: 2, column: 8 }]);
  });

  it("property: a valid date of birth with any serial, written with or without hyphen or space, is flagged", () => {
    fc.assert(
      fc.property(surrounding, cprNumber, surrounding, (before, cpr, after) => {
        const found = findCprNumbers(before + cpr + after);
        expect(found.some((f) => f.offset === before.length && f.length === cpr.length)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it("property: phone numbers are never flagged, alone or in a sentence", () => {
    fc.assert(
      fc.property(phoneNumber, (phone) => {
        expect(containsCprNumber(phone)).toBe(false);
        expect(containsCprNumber(`Ring på ${phone} eller skriv.`)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it("property: KLE case numbers such as 27.69.52-I02-1-25 are never flagged", () => {
    expect(containsCprNumber("Sagsnr. 27.69.52-I02-1-25")).toBe(false);
    fc.assert(
      fc.property(kleCaseNumber, (caseNumber) => {
        expect(containsCprNumber(`Sagsnr. ${caseNumber}`)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it("property: ten digits whose first six are no date are not flagged", () => {
    const notADate = fc
      .tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }), serial)
      .filter(([d, m, y]) => !isCprDate(d, m, y))
      .map(([d, m, y, s]) => `${two(d)}${two(m)}${two(y)}-${s}`);
    fc.assert(
      fc.property(notADate, (text) => {
        expect(containsCprNumber(text)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it("knows the calendar: 31 April and 30 February are no dates; 29 February only in years divisible by 4", () => {
    expect(containsCprNumber("310490-1234")).toBe(false);
    expect(containsCprNumber("300290-1234")).toBe(false);
    expect(containsCprNumber("290292-1234")).toBe(true);
    expect(containsCprNumber("290200-1234")).toBe(true);
    expect(containsCprNumber("290291-1234")).toBe(false);
    expect(containsCprNumber("000190-1234")).toBe(false);
    expect(containsCprNumber("011390-1234")).toBe(false);
  });

  it("does not flag ten digits inside a longer run, but does flag them next to letters or punctuation", () => {
    expect(containsCprNumber("00101901234")).toBe(false);
    expect(containsCprNumber("01019012345")).toBe(false);
    expect(containsCprNumber("CPR:0101901234.")).toBe(true);
    expect(containsCprNumber("(010190-1234)")).toBe(true);
    // Counts and percentages as the pages print them are not flagged.
    expect(containsCprNumber("6.905 sager, 3.102 omgjort, 44,9 pct.")).toBe(false);
  });

  it("gives a Danish refusal that names the field and position and never repeats the number", () => {
    const refusal = checkFreeTextForCpr("Kommentar", "Se sagen for\nborger 010190-1234, tak.");
    expect(refusal?.messageDa).toBe('Feltet "Kommentar" indeholder noget, der ligner et CPR-nummer (linje 2, tegn 8). CPR-numre må ikke gemmes her. Fjern nummeret, og prøv igen.');
    expect(refusal?.messageDa).not.toMatch(/010190|1234/);
    expect(checkFreeTextForCpr("Navn", "Token 0101901234")?.messageDa).toContain("(tegn 7)");
    expect(checkFreeTextForCpr("Kommentar", "Ingen numre her, kun 27.69.52-I02-1-25.")).toBeNull();
    expect(cprRefusalMessageDa("Sagsemne", { offset: 0, length: 10, line: 1, column: 1 }, false)).toContain('"Sagsemne"');
  });
});
