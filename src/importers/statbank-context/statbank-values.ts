import type { ContextPeriod } from "../../domain/context/context-figure.js";
import { findMunicipalityByCode, foldMunicipalityName, resolveMunicipality, type MunicipalityCode } from "../../domain/municipality.js";

/** An OMRÅDE/KOMMUNEDK cell: a municipality, the whole country, or an area that is no municipality. */
export type StatbankArea =
  | { readonly kind: "municipality"; readonly code: MunicipalityCode }
  | { readonly kind: "national" }
  /** Regions (081–085) and Christiansø (411): in FOLK1A's OMRÅDE=*, but no municipality; skipped. */
  | { readonly kind: "other"; readonly labelDa: string }
  | { readonly kind: "unknown" };

/** Reads `657`, `657 Herning` (CodeAndValue), `Herning`, `000`/`0`/`Hele landet`, `084`/`Region Hovedstaden`. */
export function parseStatbankArea(text: string): StatbankArea {
  const s = text.trim();
  const m = /^(\d{1,4})(?:\s+(.*))?$/.exec(s);
  if (m) {
    const n = Number(m[1]);
    if (n === 0) return { kind: "national" };
    if (n >= 81 && n <= 85) return { kind: "other", labelDa: m[2] ?? `region ${m[1]}` };
    if (n === 411) return { kind: "other", labelDa: m[2] ?? "Christiansø" };
    const found = findMunicipalityByCode(m[1]!);
    return found ? { kind: "municipality", code: found.code } : { kind: "unknown" };
  }
  const folded = foldMunicipalityName(s);
  if (folded === "hele landet" || folded === "i alt" || folded === "danmark") return { kind: "national" };
  if (folded.startsWith("region ") || folded === "christiansoe") return { kind: "other", labelDa: s };
  const found = resolveMunicipality(s);
  return found ? { kind: "municipality", code: found.code } : { kind: "unknown" };
}

/** TID: `2024K1` (a quarter) or `2023` (a year). */
export function parseStatbankPeriod(text: string): ContextPeriod | undefined {
  const s = text.trim().toUpperCase();
  let m = /^(\d{4})K([1-4])$/.exec(s);
  if (m) return { year: Number(m[1]), quarter: Number(m[2]) as 1 | 2 | 3 | 4 };
  m = /^(\d{4})$/.exec(s);
  if (m) return { year: Number(m[1]), quarter: null };
  return undefined;
}

/** ALDER: a single year of age (`0`, `17 år`, `125 år`) or the total (`IALT`, `Alder i alt`, `I alt`). */
export function parseStatbankAge(text: string): number | "total" | undefined {
  const s = text.trim().toLowerCase();
  if (s === "ialt" || s === "i alt" || s === "alder i alt" || s === "tot") return "total";
  const m = /^(\d{1,3})(?:\s*år)?$/.exec(s) ?? /^(\d{1,3})\s+\d{1,3}\s*år$/.exec(s);
  if (m) return Number(m[1]);
  return undefined;
}

/** KØN/CIVILSTAND: is the cell the dimension's total (`TOT`, `I alt`, `Køn i alt`, `0` in HANDBU01)? */
export function isStatbankTotal(text: string): boolean {
  const s = text.trim().toLowerCase();
  return s === "tot" || s === "i alt" || s === "0" || s === "ialt" || /^(køn|civilstand) i alt$/.test(s) || /^tot\s+/.test(s) || /^0\s+i alt$/.test(s);
}

/** YDELSESTYPE/INDSATSER: code and label from `30117`, `Kontant tilskud … (§ 95 …)` or `30117 Kontant tilskud …`. */
export function parseStatbankBenefit(text: string): { readonly code: string; readonly labelDa: string } | undefined {
  const s = text.trim();
  if (s === "") return undefined;
  const m = /^(\d{2,6})(?:\s+(.+))?$/.exec(s);
  if (m) return { code: m[1]!, labelDa: m[2] ?? m[1]! };
  // Value presentation: the label is the key. HANDBU01's totals have fixed labels with known codes.
  if (/^børn og unge der modtager handicapindsatser i alt$/i.test(s)) return { code: "110", labelDa: s };
  if (/^handicapindsatser i alt$/i.test(s)) return { code: "100", labelDa: s };
  return { code: s, labelDa: s };
}

export type StatbankNumber = { readonly kind: "value"; readonly value: number } | { readonly kind: "suppressed" } | { readonly kind: "invalid"; readonly reasonDa: string };

/**
 * INDHOLD: `..` is a suppressed cell (diskretioneret). Counts are whole non-negative numbers; HAND06's
 * rates per 1.000 may have a decimal (point or comma).
 */
export function parseStatbankNumber(text: string, decimals: boolean): StatbankNumber {
  const s = text.trim();
  if (s === "..") return { kind: "suppressed" };
  if (s === "") return { kind: "invalid", reasonDa: "Værdien mangler (tomt felt); Danmarks Statistik skriver \"..\" for en diskretioneret celle" };
  if (/^\d+$/.test(s)) return { kind: "value", value: Number(s) };
  if (decimals && /^\d+[.,]\d+$/.test(s)) return { kind: "value", value: Number(s.replace(",", ".")) };
  if (/^-/.test(s)) return { kind: "invalid", reasonDa: `Værdien er negativ: "${s}"` };
  if (/^\d+[.,]\d+$/.test(s)) return { kind: "invalid", reasonDa: `Værdien er ikke et helt tal: "${s}"` };
  return { kind: "invalid", reasonDa: `Værdien er ikke et tal: "${s}"` };
}
