import iconv from "iconv-lite";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MUNICIPALITIES } from "../../src/domain/municipality.js";
import { POPULATION_BY_CODE } from "../../src/domain/registry/population-data.js";

/**
 * Named generators for Statistikbanken CSV files in the API's format (statbank-header.ts says what we rely
 * on): `;`-separated, a header row of variable ids, one row per combination, `..` for a suppressed cell.
 * The figures are made up but realistic: the shipped rounded 2024 population, split into single years of age
 * (21 % children 0–17, 58 % adults 18–64, 21 % 65–99), scaled per period.
 */
export type Presentation = "Code" | "Value";

export const dir = () => mkdtempSync(join(tmpdir(), "dst-"));

export function writeCsv(folder: string, name: string, lines: readonly string[], encoding: "utf-8" | "latin1" = "utf-8"): string {
  const path = join(folder, name);
  const text = lines.join("\r\n") + "\r\n";
  writeFileSync(path, encoding === "latin1" ? iconv.encode(text, "latin1") : Buffer.from(text, "utf-8"));
  return path;
}

/** Population of one municipality at one age in a period: `scale` per period makes 2023 differ from 2024. */
export function agePopulation(code: string, age: number, scale = 1): number {
  const total = POPULATION_BY_CODE[code]! * scale;
  if (age <= 17) return Math.round((total * 0.21) / 18);
  if (age <= 64) return Math.round((total * 0.58) / 47);
  if (age <= 99) return Math.round((total * 0.21) / 35);
  return 0;
}

export function bandPopulation(code: string, from: number, to: number, scale = 1): number {
  let sum = 0;
  for (let a = from; a <= to; a++) sum += agePopulation(code, a, scale);
  return sum;
}

export const PERIOD_SCALES: Readonly<Record<string, number>> = { "2023K1": 0.99, "2024K1": 1 };

/**
 * FOLK1A as `…/FOLK1A/CSV?valuePresentation=<p>&OMRÅDE=*&KØN=TOT&ALDER=*&Tid=<periods>` answers: the whole
 * country, the five regions, the 98 municipalities and Christiansø, ALDER "IALT" then 0…125.
 */
export function folk1aLines(periods: readonly string[], presentation: Presentation, options: { readonly extra?: readonly string[]; readonly scaleOf?: (code: string) => number } = {}): string[] {
  const lines = ["OMRÅDE;KØN;ALDER;TID;INDHOLD"];
  const sex = presentation === "Code" ? "TOT" : "I alt";
  const ageLabel = (a: number | "IALT") => (a === "IALT" ? (presentation === "Code" ? "IALT" : "Alder i alt") : presentation === "Code" ? String(a) : `${a} år`);
  const ages: (number | "IALT")[] = ["IALT", ...Array.from({ length: 126 }, (_, i) => i)];
  const places: { area: string; code: string | null; values?: (age: number, scale: number) => number }[] = [
    { area: presentation === "Code" ? "000" : "Hele landet", code: null },
    { area: presentation === "Code" ? "084" : "Region Hovedstaden", code: "region" },
    ...MUNICIPALITIES.map((m) => ({ area: presentation === "Code" ? String(Number(m.code)) : m.name, code: m.code })),
    { area: presentation === "Code" ? "411" : "Christiansø", code: "chr" },
  ];
  for (const period of periods) {
    const scale = PERIOD_SCALES[period] ?? 1;
    for (const p of places) {
      const at = (age: number) =>
        p.code === null ? MUNICIPALITIES.reduce((s, m) => s + agePopulation(m.code, age, scale), 0) : p.code === "region" ? 1000 : p.code === "chr" ? (age === 40 ? 90 : 0) : agePopulation(p.code, age, scale * (options.scaleOf?.(p.code) ?? 1));
      for (const a of ages) {
        const value = a === "IALT" ? Array.from({ length: 126 }, (_, i) => at(i)).reduce((x, y) => x + y, 0) : at(a);
        lines.push(`${p.area};${sex};${ageLabel(a)};${period};${value}`);
      }
    }
  }
  return [...lines, ...(options.extra ?? [])];
}

export const HAND07_BENEFITS = [
  { code: "30117", label: "Kontant tilskud efter § 95 til ansættelse af hjælpere (§§ 83, 84) (§ 95 i lov om social service)", share: 0.0004 },
  { code: "30118", label: "Borgerstyret personlig assistance (§ 96 i lov om social service)", share: 0.0002 },
  { code: "30119", label: "Ledsageordning (§ 97 i lov om social service)", share: 0.0015 },
  { code: "30011", label: "Aktivitets- og samværstilbud (§ 104 i lov om social service)", share: 0.004 },
];

/** Small municipalities whose § 95/96 counts Danmarks Statistik suppresses in these files. */
export const SUPPRESSED_IN_HAND07 = ["0825", "0741", "0563"];

/** HAND07 as `…/HAND07/CSV?valuePresentation=Value&OMRÅDE=*&YDELSESTYPE=*&Tid=<period>` answers (no national row). */
export function hand07Lines(period: string, options: { readonly missing?: readonly string[] } = {}): string[] {
  const lines = ["OMRÅDE;YDELSESTYPE;TID;INDHOLD"];
  for (const m of MUNICIPALITIES) {
    if (options.missing?.includes(m.code)) continue;
    for (const b of HAND07_BENEFITS) {
      const suppressed = SUPPRESSED_IN_HAND07.includes(m.code) && (b.code === "30117" || b.code === "30118");
      lines.push(`${m.name};${b.label};${period};${suppressed ? ".." : Math.max(1, Math.round(POPULATION_BY_CODE[m.code]! * b.share))}`);
    }
  }
  return lines;
}

/** HANDBU01 as `…/HANDBU01/CSV?valuePresentation=Code&KOMMUNEDK=*&INDSATSER=100,110&KØN=0&Tid=<year>` answers. */
export function handbu01Lines(year: string): string[] {
  const lines = ["KOMMUNEDK;INDSATSER;KØN;TID;INDHOLD"];
  const codes = ["0", ...MUNICIPALITIES.map((m) => String(Number(m.code)))];
  for (const code of codes) {
    const children = code === "0" ? 30_000 : Math.max(3, Math.round(POPULATION_BY_CODE[code.padStart(4, "0")]! * 0.005));
    lines.push(`${code};110;0;${year};${code === "825" ? ".." : children}`);
    lines.push(`${code};100;0;${year};${code === "825" ? ".." : Math.round(children * 1.4)}`);
  }
  return lines;
}
