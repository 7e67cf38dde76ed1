import type { ContextTableId } from "../../domain/context/context-figure.js";
import { normalizeHeader } from "../table-record.js";

/**
 * Statistikbanken's CSV as its API writes it (`https://api.statbank.dk/v1/data/<TABEL>/CSV?…`): a header
 * row of the variable ids in upper case (`OMRÅDE;KØN;ALDER;TID;INDHOLD` for FOLK1A,
 * `OMRÅDE;YDELSESTYPE;TID;INDHOLD` for HAND07/HAND06, `KOMMUNEDK;INDSATSER;KØN;TID;INDHOLD` for
 * HANDBU01), then one row per combination, `;`-separated, the value last in `INDHOLD`. What we rely on,
 * from Danmarks Statistik's API guide (dst.dk/da/Statistik/hjaelp-til-statistikbanken/api) and public
 * clients of it (e.g. `…/FOLK1A/CSV?valuePresentation=Code&delimiter=Semicolon&OMR%C3%85DE=101&Tid=*`):
 * - `valuePresentation=Code` writes codes (`657`, `TOT`, `0`, `IALT`, `2024K1`), `=Value` the labels
 *   (`Herning`, `I alt`, `0 år`, `Alder i alt`, `2024K1`), `=CodeAndValue` both (`657 Herning`); municipality
 *   codes are three digits without the leading zero, `000` (or `0` in HANDBU01) is the whole country,
 *   `081`–`085` are the regions, `411` is Christiansø (no municipality).
 * - TID is `2024K1` for quarters (FOLK1A: the population on the first day of the quarter) and `2023` for years.
 * - A suppressed (diskretioneret) cell is `..`; it is kept as such, never read as 0.
 * - UTF-8 (the API) and latin1 (files saved from statistikbanken.dk) both occur; the text reader detects it.
 * Not handled yet: the JSON, JSONSTAT, PX and BULK formats, and other tables than the four named here.
 */
export type StatbankColumns = {
  readonly table: ContextTableId;
  readonly area: number;
  readonly period: number;
  readonly value: number;
  /** FOLK1A. */
  readonly age?: number;
  /** HAND07/HAND06: YDELSESTYPE; HANDBU01: INDSATSER. */
  readonly benefit?: number;
  /** Dimensions summed over when no total row is given (KØN, CIVILSTAND); rows with their total are used. */
  readonly summable: readonly number[];
  readonly names: readonly string[];
};

const AREA = ["område", "omraade", "omrade"];
const KOMMUNEDK = ["kommunedk"];
const PERIOD = ["tid"];
const VALUE = ["indhold"];
const AGE = ["alder"];
const SEX = ["køn", "koen", "kon"];
const CIVIL = ["civilstand"];
const BENEFIT = ["ydelsestype"];
const INDSATS = ["indsatser", "indsats"];

export type StatbankDetection = { readonly kind: "detected"; readonly columns: StatbankColumns } | { readonly kind: "unknown-column"; readonly index: number; readonly name: string; readonly table: ContextTableId };

/**
 * Recognises one of the four tables from the header. `tableHint` (the fetcher's or `--tabel`) or the file
 * name tells HAND06 (per 1.000 inhabitants) from HAND07 (recipients), whose headers are the same. Any
 * column beyond the table's own is refused: an extra dimension would be summed over unseen.
 */
export function detectStatbankTable(header: readonly string[], fileName: string, tableHint?: ContextTableId): StatbankDetection | undefined {
  const normalized = header.map(normalizeHeader);
  const find = (names: readonly string[]) => {
    const i = normalized.findIndex((n) => names.includes(n));
    return i < 0 ? undefined : i;
  };
  const period = find(PERIOD);
  const value = find(VALUE);
  if (period === undefined || value === undefined) return undefined;
  const area = find(AREA);
  const kommunedk = find(KOMMUNEDK);
  const age = find(AGE);
  const benefit = find(BENEFIT);
  const indsats = find(INDSATS);
  const sex = find(SEX);
  const civil = find(CIVIL);
  let columns: StatbankColumns | undefined;
  if (area !== undefined && age !== undefined && benefit === undefined) {
    columns = { table: "FOLK1A", area, period, value, age, summable: [sex, civil].filter((i) => i !== undefined), names: header };
  } else if (area !== undefined && benefit !== undefined) {
    const table = tableHint === "HAND06" || (tableHint === undefined && /hand06/i.test(fileName)) ? "HAND06" : "HAND07";
    columns = { table, area, period, value, benefit, summable: [], names: header };
  } else if (kommunedk !== undefined && indsats !== undefined) {
    columns = { table: "HANDBU01", area: kommunedk, period, value, benefit: indsats, summable: sex !== undefined ? [sex] : [], names: header };
  }
  if (!columns) return undefined;
  const known = new Set([columns.area, columns.period, columns.value, columns.age, columns.benefit, ...columns.summable].filter((i) => i !== undefined));
  const extra = header.findIndex((h, i) => !known.has(i) && h.trim() !== "");
  if (extra >= 0) return { kind: "unknown-column", index: extra, name: header[extra]!, table: columns.table };
  return { kind: "detected", columns };
}
