import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { detectSeparator, readDelimitedRecords, type SeparatedRecord, type Separator } from "./read-delimited-records.js";

async function* chunksOf(...chunks: string[]): AsyncGenerator<string> {
  for (const c of chunks) yield c;
}

async function readAll(chunks: readonly string[], separator?: Separator): Promise<SeparatedRecord[]> {
  const out: SeparatedRecord[] = [];
  for await (const batch of readDelimitedRecords(chunksOf(...chunks), separator)) out.push(...batch);
  return out;
}

const fieldsOf = (records: readonly SeparatedRecord[]) => records.map((r) => r.fields);

/** RFC 4180 quoting as a spreadsheet writes it: quote a field with a separator, quote or line break. */
function writeCsv(rows: readonly (readonly string[])[], sep: Separator, eol: string): string {
  const field = (t: string) => (t.includes(sep) || t.includes('"') || t.includes("\n") ? `"${t.replace(/"/g, '""')}"` : t);
  return rows.map((r) => r.map(field).join(sep)).join(eol) + eol;
}

describe("detectSeparator", () => {
  it("takes the talportal's semicolon, a tool's comma, and ignores separators inside quotes", () => {
    expect(detectSeparator("Kommune;Lovgivning;Sagsemne;periode")).toBe(";");
    expect(detectSeparator("Kommune,Lovgivning,Sagsemne,periode")).toBe(",");
    expect(detectSeparator('"Kommune, navn";"Lov, paragraf";Sagsemne')).toBe(";");
    // One column and no separator at all: the talportal's.
    expect(detectSeparator("Kommune")).toBe(";");
  });
});

describe("readDelimitedRecords", () => {
  it("reads the talportal export: BOM dropped, CRLF lines, fields in order with their line numbers", async () => {
    const records = await readAll(['\ufeffKommune;Sagsemne;Realitetsbehandlede sager i alt\r\n"Herning";"Voksne - botilbud - § 108";23\r\n"Aabenraa";"Børn";7\r\n']);
    expect(fieldsOf(records)).toEqual([
      ["Kommune", "Sagsemne", "Realitetsbehandlede sager i alt"],
      ["Herning", "Voksne - botilbud - § 108", "23"],
      ["Aabenraa", "Børn", "7"],
    ]);
    expect(records.map((r) => r.line)).toEqual([1, 2, 3]);
    expect(records.every((r) => r.separator === ";" && !r.maybeTruncated && !r.unterminatedQuote)).toBe(true);
  });

  it("reads doubled quotes, separators and line breaks inside quotes, and names the line a record starts on", async () => {
    const records = await readAll(['a;b\n"Sagen ""A"";B";2\n"to\nlinjer";3\nslut;4\n']);
    expect(fieldsOf(records)).toEqual([["a", "b"], ['Sagen "A";B', "2"], ["to\nlinjer", "3"], ["slut", "4"]]);
    expect(records.map((r) => r.line)).toEqual([1, 2, 3, 5]);
  });

  it("gives the same records however the text is cut into chunks, even inside a quote or between CR and LF", async () => {
    const text = 'Kommune;Antal\r\n"Høje-Taastrup";"1;2"\r\n"Linje\r\nbrud";3\r\nRingkøbing-Skjern;4\r\n';
    const whole = fieldsOf(await readAll([text]));
    for (let cut = 1; cut < text.length; cut++) {
      const parts = fieldsOf(await readAll([text.slice(0, cut), text.slice(cut)]));
      expect(parts, `delt ved tegn ${cut}`).toEqual(whole);
    }
  });

  it("marks a last line without a line break as possibly cut off, and an open quote at the end as unterminated", async () => {
    const noNewline = await readAll(["a;b\n1;2\n3;4"]);
    expect(noNewline.at(-1)).toMatchObject({ fields: ["3", "4"], line: 3, lastWithoutNewline: true, maybeTruncated: true, unterminatedQuote: false });
    expect(noNewline[1]).toMatchObject({ maybeTruncated: false });

    const openQuote = await readAll(['a;b\n1;"ikke slut\n']);
    expect(openQuote.at(-1)).toMatchObject({ line: 2, fields: ["1", "ikke slut"], unterminatedQuote: true, maybeTruncated: true });
  });

  it("uses a given separator instead of guessing, and keeps empty fields", async () => {
    expect(fieldsOf(await readAll(["a,b;c\n1,2;3\n"], ";"))).toEqual([["a,b", "c"], ["1,2", "3"]]);
    expect(fieldsOf(await readAll(["a;;c\n;;\n"]))).toEqual([["a", "", "c"], ["", "", ""]]);
  });

  it("yields batches of at most 1.024 records, in file order", async () => {
    const text = "n\n" + Array.from({ length: 2500 }, (_, i) => `${i}\n`).join("");
    const sizes: number[] = [];
    const values: string[] = [];
    for await (const batch of readDelimitedRecords(chunksOf(text))) {
      sizes.push(batch.length);
      values.push(...batch.map((r) => r.fields[0]!));
    }
    expect(Math.max(...sizes)).toBeLessThanOrEqual(1024);
    expect(values).toEqual(["n", ...Array.from({ length: 2500 }, (_, i) => String(i))]);
  });

  it("reads back any table a spreadsheet writes, with either separator and line ending (property)", async () => {
    const text = fc.string({ unit: fc.constantFrom("a", "ø", " ", ";", ",", '"', "\n", "1", "§"), maxLength: 8 });
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 4 }).chain((width) => fc.array(fc.array(text, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 6 })),
        fc.constantFrom<Separator>(";", ","),
        fc.constantFrom("\n", "\r\n"),
        fc.integer({ min: 1, max: 7 }),
        async (rows, sep, eol, chunkSize) => {
          // A record of one empty field is an empty line; the reader keeps it as one empty field too.
          const csv = writeCsv(rows, sep, eol);
          const chunks = Array.from({ length: Math.ceil(csv.length / chunkSize) }, (_, i) => csv.slice(i * chunkSize, (i + 1) * chunkSize));
          expect(fieldsOf(await readAll(chunks, sep))).toEqual(rows);
        },
      ),
    );
  });
});
