import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MUNICIPALITIES } from "../../src/domain/municipality.js";
import type { OutcomeCounts } from "../../src/domain/outcome.js";
import { createSeededRandom } from "../../src/importers/demo/seeded-random.js";

/**
 * Named generators for import fixtures (style.md: no pasted blobs). Each writes one of the layouts the
 * importer reads; the formats come from the talportal's public code (github sorhawell/ast_talportal) as
 * described in domain.md §4. Rows are built from domain values, so a test states what it expects.
 */
export type FixtureRow = {
  readonly place: string;
  readonly law: string;
  readonly subject: string;
  readonly period: string;
  readonly counts: OutcomeCounts;
};

export function row(place: string, period: string, counts: [number, number, number, number], subject = "Merudgiftydelse §41 + tilbagebetaling", law = "Serviceloven"): FixtureRow {
  const [upheld, changed, remitted, rejected] = counts;
  return { place, law, subject, period, counts: { upheld, changed, remitted, rejected } };
}

/** A small, varied set: three municipalities by different name forms, two subjects, the national row. */
export function sampleRows(): FixtureRow[] {
  return [
    row("Herning", "2024", [16, 1, 10, 3], "Merudgiftydelse §41 + tilbagebetaling"),
    row("Herning", "2024", [4, 1, 0, 1], "Voksne - merudgifter - § 100"),
    row("Århus", "2024", [40, 5, 20, 7], "Merudgiftydelse §41 + tilbagebetaling"),
    row("Læsø", "2024", [0, 0, 1, 0], "Voksne - merudgifter - § 100"),
    row("Hele landet", "2024", [56, 6, 30, 10], "Merudgiftydelse §41 + tilbagebetaling"),
    row("Hele landet", "2024", [4, 1, 1, 1], "Voksne - merudgifter - § 100"),
  ];
}

/** Subjects of the general map (Serviceloven), for a whole-country export: children and adults. */
export const GENERAL_MAP_SUBJECTS = [
  "Merudgiftydelse §41 + tilbagebetaling",
  "Tabt arbejdsfortjeneste §§ 42,43 + tilbagebetaling",
  "Voksne - merudgifter - § 100",
  "Voksne - borgerstyret personlig assistance - § 96",
  "Voksne - socialpædagogisk støtte - § 85",
] as const;

/**
 * A whole-country talportal selection for one year: every municipality by its talportal name × each
 * subject, with seeded counts (zeros included), and a "Hele landet" row per subject that is their sum.
 * Returns the rows and what each municipality must sum to over the subjects.
 */
export function wholeCountryRows(options: { readonly year: number; readonly seed: number; readonly subjects?: readonly string[] }): { rows: FixtureRow[]; expected: Map<string, OutcomeCounts> } {
  const random = createSeededRandom(options.seed);
  const rows: FixtureRow[] = [];
  const expected = new Map<string, OutcomeCounts>();
  for (const subject of options.subjects ?? GENERAL_MAP_SUBJECTS) {
    const national: [number, number, number, number] = [0, 0, 0, 0];
    for (const m of MUNICIPALITIES) {
      const c: [number, number, number, number] = [Math.floor(random() * 12), Math.floor(random() * 3), Math.floor(random() * 6), Math.floor(random() * 3)];
      c.forEach((v, i) => (national[i] = national[i]! + v));
      rows.push(row(m.name, String(options.year), c, subject));
      const e = expected.get(m.code) ?? { upheld: 0, changed: 0, remitted: 0, rejected: 0 };
      expected.set(m.code, { upheld: e.upheld + c[0], changed: e.changed + c[1], remitted: e.remitted + c[2], rejected: e.rejected + c[3] });
    }
    rows.push(row("Hele landet", String(options.year), national, subject));
  }
  return { rows, expected };
}

const decided = (c: OutcomeCounts) => c.upheld + c.changed + c.remitted;

function percent(part: number, whole: number): string {
  return whole === 0 ? "" : (Math.round((1000 * part) / whole) / 10).toFixed(1).replace(".", ",");
}

export type CsvOptions = { readonly separator?: ";" | ","; readonly quoteText?: boolean; readonly withPercent?: boolean };

function join1(fields: readonly (string | number)[], sep: string, quoteText: boolean, textCols: readonly number[]): string {
  return fields.map((f, i) => (quoteText && textCols.includes(i) ? `"${String(f).replace(/"/g, '""')}"` : String(f))).join(sep);
}

export const EXPORT_HEADER = ["Kommune", "Lovgivning", "Sagsemne", "periode", "Realitetsbehandlede sager i alt", "Stadfæstede sager", "Ændrede/ophævede sager", "Hjemviste sager", "Afviste sager"];

/** Layout (a): the talportal's CSV export. */
export function talportalExportCsv(rows: readonly FixtureRow[], options: CsvOptions = {}): string {
  const sep = options.separator ?? ";";
  const header = [...EXPORT_HEADER, ...(options.withPercent ? ["Omgørelsesprocent"] : [])];
  const lines = [header.join(sep)];
  for (const r of rows) {
    const c = r.counts;
    const fields: (string | number)[] = [r.place, r.law, r.subject, r.period, decided(c), c.upheld, c.changed, c.remitted, c.rejected];
    if (options.withPercent) fields.push(percent(c.changed + c.remitted, decided(c)));
    lines.push(join1(fields, sep, options.quoteText ?? sep === ",", [0, 1, 2, 9]));
  }
  return lines.join("\r\n") + "\r\n";
}

export const TABLE_HEADER = ["Kommune", "Sagsemne", "Aar", "Kvartal", "periode", "Antal_sager_ialt", "Stadfæstelse", "Ændring.Ophævelse", "Hjemvisning", "Afvisning.Henvisning"];

/** Layout (b): the talportal's data table; `withLaw` adds a Lovgivning column. */
export function talportalTableCsv(rows: readonly FixtureRow[], options: CsvOptions & { readonly withLaw?: boolean } = {}): string {
  const sep = options.separator ?? ";";
  const header = [...TABLE_HEADER, ...(options.withLaw ? ["Lovgivning"] : [])];
  const lines = [header.join(sep)];
  for (const r of rows) {
    const c = r.counts;
    const q = /^([1-4])\. kvartal (\d{4})$/.exec(r.period);
    const fields: (string | number)[] = [r.place, r.subject, q ? q[2]! : r.period.slice(0, 4), q ? q[1]! : "", r.period, decided(c) + c.rejected, c.upheld, c.changed, c.remitted, c.rejected];
    if (options.withLaw) fields.push(r.law);
    lines.push(join1(fields, sep, options.quoteText ?? sep === ",", [0, 1, 10]));
  }
  return lines.join("\n") + "\n";
}

/** The talportal's companion subject lookup for layout (b). */
export function subjectLookupCsv(rows: readonly FixtureRow[]): string {
  const seen = new Map<string, string>();
  for (const r of rows) seen.set(r.subject, r.law);
  return ["Sagsemne;Lovgivning;Sorteringskode", ...[...seen].map(([s, l], i) => `${s};${l};${i + 1}`)].join("\n") + "\n";
}

/** Layout (c): a long statbank table, one row per outcome type. */
export function statbankLongCsv(rows: readonly FixtureRow[], options: CsvOptions & { readonly legalBasisOnly?: boolean } = {}): string {
  const sep = options.separator ?? ";";
  const header = options.legalBasisOnly ? ["Område", "Lovgrundlag", "Afgørelsestype", "Tid", "Antal"] : ["Område", "Lovgrundlag", "Sagsemne", "Afgørelsestype", "Tid", "Antal"];
  const lines = [header.join(sep)];
  const outcomes: [string, keyof OutcomeCounts][] = [["Stadfæstelse", "upheld"], ["Ændring/ophævelse", "changed"], ["Hjemvisning", "remitted"], ["Afvisning/henvisning", "rejected"]];
  for (const r of rows) {
    for (const [label, key] of outcomes) {
      const fields = options.legalBasisOnly ? [r.place, r.subject, label, r.period, r.counts[key]] : [r.place, r.law, r.subject, label, r.period, r.counts[key]];
      lines.push(fields.join(sep));
    }
  }
  return lines.join("\n") + "\n";
}

export type FixtureEncoding = "latin1" | "utf-8" | "utf-8-bom" | "windows-1252";

export function encodeText(text: string, encoding: FixtureEncoding): Buffer {
  switch (encoding) {
    case "latin1":
      return iconv.encode(text, "latin1");
    case "windows-1252":
      return iconv.encode(text, "windows-1252");
    case "utf-8":
      return Buffer.from(text, "utf8");
    case "utf-8-bom":
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]);
  }
}

/** UTF-8 bytes read as latin1 and saved again: what a double conversion in Excel produces. */
export function mojibake(text: string): string {
  return Buffer.from(text, "utf8").toString("latin1");
}

export function fixtureDir(): string {
  return mkdtempSync(join(tmpdir(), "danmarkskort-import-"));
}

export function writeFixture(dir: string, name: string, content: string | Buffer, encoding: FixtureEncoding = "latin1"): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === "string" ? encodeText(content, encoding) : content);
  return path;
}

/** Layout (a) as the talportal's XLSX: a group header row above the column names, then the data. */
export async function talportalExportXlsx(path: string, rows: readonly FixtureRow[], options: { readonly twoHeaderRows?: boolean; readonly sheetName?: string } = {}): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(options.sheetName ?? "Data");
  if (options.twoHeaderRows ?? true) sheet.addRow(["", "", "", "", "Antal sager", "", "", "", ""]);
  sheet.addRow(EXPORT_HEADER);
  for (const r of rows) {
    const c = r.counts;
    sheet.addRow([r.place, r.law, r.subject, /^\d{4}$/.test(r.period) ? Number(r.period) : r.period, decided(c), c.upheld, c.changed, c.remitted, c.rejected]);
  }
  await workbook.xlsx.writeFile(path);
}

/** The issues but the coverage warnings a small fixture always gets (it names 3 of the 98 municipalities). */
export function withoutCoverage<T extends { readonly code: string }>(issues: readonly T[]): T[] {
  return issues.filter((i) => i.code !== "missing-municipalities" && i.code !== "missing-national");
}
