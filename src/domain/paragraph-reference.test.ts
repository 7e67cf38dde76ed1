import { describe, expect, it } from "vitest";
import { paragraphOrdinal, paragraphSpans, parseParagraphReferences, spansOverlap, type ParagraphSpan } from "./paragraph-reference.js";

/** § 32 → 3200, § 32 a → 3201: the ordinal encoding documented in paragraph-reference.ts. */
const p = (num: number, letter = ""): ParagraphSpan => ({ from: paragraphOrdinal(num, letter), to: paragraphOrdinal(num, letter) });
const range = (a: number, b: number): ParagraphSpan => ({ from: paragraphOrdinal(a), to: paragraphOrdinal(b) });

/** The spans of a label's own (non-cross-reference) paragraphs. */
function ownSpans(label: string): ParagraphSpan[] {
  return parseParagraphReferences(label)
    .filter((r) => !r.crossReference)
    .flatMap((r) => r.spans);
}

describe("parseParagraphReferences on every subject label quoted in domain.md §3", () => {
  it.each<[string, ParagraphSpan[]]>([
    ["Pasningstilbud, hjemmetræning m.m. §§32, 32a, 36, 39-40 + tilbagebet.", [p(32), p(32, "a"), p(36), range(39, 40)]],
    ["Merudgiftydelse §41 + tilbagebetaling", [p(41)]],
    ["Tabt arbejdsfortjeneste §§ 42,43 + tilbagebetaling", [p(42), p(43)]],
    ["Personlig hjælp og ledsagelse §§44, 45 + tilbagebetaling", [p(44), p(45)]],
    ["Voksne - kontante tilskud § 95", [p(95)]],
    ["Voksne - borgerstyret personlig assistance - § 96", [p(96)]],
    ["Voksne - ledsageordning - § 97", [p(97)]],
    ["Voksne - merudgifter - § 100", [p(100)]],
    // The leading "1.9" is the talportal's numbering of the label, not a paragraph.
    ["1.9 Børn - efterværn - §§ 68 og 76", [p(68), p(76)]],
  ])("%s", (label, spans) => {
    const refs = parseParagraphReferences(label);
    expect(refs).toHaveLength(1);
    expect(refs[0]!.crossReference).toBe(false);
    expect(refs[0]!.law).toBeUndefined();
    expect(refs[0]!.spans).toEqual(spans);
  });
});

describe("parseParagraphReferences on the issue's examples", () => {
  it.each<[string, ParagraphSpan[]]>([
    ["§§32, 32a, 36, 39-40", [p(32), p(32, "a"), p(36), range(39, 40)]],
    ["§§ 42,43", [p(42), p(43)]],
    ["§ 96", [p(96)]],
    ["§§ 68 og 76", [p(68), p(76)]],
    ["§§ 82-85", [range(82, 85)]],
    ["§§ 82–85", [range(82, 85)]],
  ])("%s", (text, spans) => {
    expect(ownSpans(text)).toEqual(spans);
    expect(parseParagraphReferences(text)[0]!.text).toBe(text);
  });

  it("reads '§ 90, jf. servicelovens § 84' as the label's own § 90 plus a cross-reference to SEL § 84", () => {
    const refs = parseParagraphReferences("§ 90, jf. servicelovens § 84");
    expect(refs).toEqual([
      { law: undefined, crossReference: false, spans: [p(90)], text: "§ 90" },
      { law: "SEL", crossReference: true, spans: [p(84)], text: "jf. servicelovens § 84" },
    ]);
  });
});

describe("parseParagraphReferences edge cases", () => {
  it("reads a spaced paragraph letter ('§ 32 a') and does not read 'stk.' as a letter", () => {
    expect(ownSpans("Børn - § 32 a")).toEqual([p(32, "a")]);
    expect(ownSpans("Voksne - § 96 stk. 2")).toEqual([p(96)]);
  });

  it("names the law of a genitive before the §", () => {
    expect(parseParagraphReferences("jf. barnets lovs § 90")[0]).toMatchObject({ law: "BL", crossReference: true });
    expect(parseParagraphReferences("servicelovens § 41")[0]).toMatchObject({ law: "SEL", crossReference: false });
  });

  it("finds nothing in a label without §, and ignores a reversed range", () => {
    expect(parseParagraphReferences("Boligstøtte 1.2 stk. 3")).toEqual([]);
    expect(parseParagraphReferences("")).toEqual([]);
    expect(parseParagraphReferences("§ 40-39")).toEqual([]);
  });
});

describe("spansOverlap and paragraphSpans", () => {
  it("counts § 39 a inside the range 39-40, as the law's numbering does, and § 41 outside it", () => {
    const [r] = paragraphSpans("39-40");
    expect(spansOverlap(r!, p(39, "a"))).toBe(true);
    expect(spansOverlap(r!, p(40))).toBe(true);
    expect(spansOverlap(r!, p(41))).toBe(false);
    expect(spansOverlap(r!, p(38, "z"))).toBe(false);
  });

  it("rejects a malformed rule-table entry loudly rather than matching nothing", () => {
    expect(() => paragraphSpans("32", "tre")).toThrow(/Ugyldig paragrafangivelse i regeltabel: "tre"/);
    expect(() => paragraphSpans("40-39")).toThrow(/Ugyldig/);
  });
});

describe("parseParagraphReferences on hostile labels (issue 19: a 160 KB label took 20 s)", () => {
  it("reads the law before a § after a megabyte of letters, starting the law's name at its word", () => {
    const label = `${"a".repeat(1_000_000)} jf. servicelovens § 84`;
    expect(parseParagraphReferences(label)).toEqual([{ law: "SEL", crossReference: true, spans: [{ from: 8400, to: 8400 }], text: "jf. servicelovens § 84" }]);
    expect(parseParagraphReferences(`${"x".repeat(100)}servicelovens § 84`)[0]!.law).toBe("SEL");
  });

  it("answers a megabyte of § signs, spaces or list items", () => {
    expect(parseParagraphReferences("§".repeat(1_000_000))).toEqual([]);
    expect(parseParagraphReferences(`§${" ".repeat(1_000_000)}`)).toEqual([]);
    expect(parseParagraphReferences(`§ ${"1, ".repeat(300_000)}2`)[0]!.spans).toHaveLength(300_001);
  });
});
