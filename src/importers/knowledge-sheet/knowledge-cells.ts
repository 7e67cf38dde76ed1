import type { KnowledgeOutcome, KnowledgeStatus, NewDecisionResult } from "../../domain/knowledge/knowledge-entry.js";
import { isIsoDate } from "../../domain/iso-date.js";
import { foldHeading } from "./knowledge-headings.js";

/**
 * Excel keeps a date as the number of days since 30 December 1899 (the 1900 date system, with Lotus'
 * phantom 29 February 1900 folded into the epoch). Our XLSX reader reads cells without their styles, so a
 * date cell arrives as that number; a cell with a cached Date arrives as ISO text. Serial numbers from
 * 1 January 2000 (36526) to 31 December 2099 (73050) are taken as dates: no day count, year or case number
 * in a date column falls in that range by accident.
 */
export function excelSerialToIsoDate(serial: number): string | undefined {
  if (!Number.isFinite(serial) || serial < 36526 || serial > 73050) return undefined;
  const ms = Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * A date as municipalities write it: ISO (2024-03-14), Danish (14-03-2024, 14.03.2024, 14/3/2024, 14.3.24)
 * or an Excel serial number. Undefined when it is none of them, or no real day.
 */
export function parseSheetDate(text: string): string | undefined {
  const s = text.trim();
  if (/^\d{4}-\d{2}-\d{2}/.test(s)) {
    const iso = s.slice(0, 10);
    return isIsoDate(iso) && (s.length === 10 || /^T[\d:.]+Z?$/.test(s.slice(10))) ? iso : undefined;
  }
  const danish = /^(\d{1,2})[-./](\d{1,2})[-./](\d{2}|\d{4})$/.exec(s);
  if (danish) {
    const year = danish[3]!.length === 2 ? 2000 + Number(danish[3]) : Number(danish[3]);
    const iso = `${year}-${danish[2]!.padStart(2, "0")}-${danish[1]!.padStart(2, "0")}`;
    return isIsoDate(iso) ? iso : undefined;
  }
  if (/^\d+(?:\.\d+)?$/.test(s)) return excelSerialToIsoDate(Number(s));
  return undefined;
}

const OUTCOMES: readonly (readonly [RegExp, KnowledgeOutcome])[] = [
  [/^delvis(t)? (omgjort|omgoerelse|aendret|medhold)/, "partly-reversed"],
  [/^(aendret|aendring|aendret ophaevet|aendring ophaevelse|medhold)$/, "changed"],
  [/^(ophaevet|ophaevelse)$/, "annulled"],
  [/^(hjemvist|hjemvisning|hjemvist til fornyet behandling|hjemvist til ny behandling)$/, "remitted"],
  [/^(stadfaestet|stadfaestelse|afslag stadfaestet)$/, "upheld"],
];

export function parseOutcome(text: string): KnowledgeOutcome | undefined {
  const s = foldHeading(text);
  return OUTCOMES.find(([pattern]) => pattern.test(s))?.[1];
}

const NEW_DECISIONS: readonly (readonly [RegExp, NewDecisionResult])[] = [
  [/^(delvis|delvist|delvis bevilget|delvist bevilget|delvis bevilling)$/, "partly"],
  [/^(bevilget|bevilling|imoedekommet|ja)$/, "granted"],
  [/^(afslag|afslag igen|nyt afslag|fastholdt|afslag fastholdt|nej)$/, "refused-again"],
  [/^(verserer|under behandling|afventer|ikke afgjort)$/, "pending"],
];

export function parseNewDecision(text: string): NewDecisionResult | undefined {
  const s = foldHeading(text);
  return NEW_DECISIONS.find(([pattern]) => pattern.test(s))?.[1];
}

export function parseStatus(text: string): KnowledgeStatus | undefined {
  const s = foldHeading(text);
  if (s === "kladde" || s === "udkast") return "draft";
  if (s === "godkendt" || s === "faerdig" || s === "afsluttet") return "approved";
  return undefined;
}

/** A cell listing several values: separated by comma, semicolon, slash, line break or " og ". */
export function splitList(text: string): string[] {
  return text
    .split(/[,;/\n]| og /)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/** Links in a cell: separated by whitespace, comma or semicolon. */
export function splitLinks(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}
