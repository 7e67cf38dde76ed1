import { formatInteger, formatOneDecimal } from "../domain/format-danish-number.js";
import type { ContextValue } from "../domain/context/context-figure.js";
import type { MapRecipients, RecipientUnit } from "../domain/context/map-recipients.js";

/** "135" (or "1,4" per 1.000), "diskretioneret" (Danmarks Statistik withholds the cell; never 0) or "ingen data". */
export function contextValueDa(v: ContextValue, unit: RecipientUnit = "recipients"): string {
  switch (v.kind) {
    case "value":
      return unit === "per-1000" ? formatOneDecimal(v.value) : formatInteger(v.value);
    case "suppressed":
      return "diskretioneret";
    case "no-data":
      return "ingen data";
  }
}

/** "Modtagere" or "Modtagere pr. 1.000 indbyggere". */
export function recipientsHeadingDa(unit: RecipientUnit): string {
  return unit === "per-1000" ? "Modtagere pr. 1.000 indbyggere" : "Modtagere";
}

/**
 * The recipients beside a rate, one sentence per table: "Modtagere i 2023K4 (Danmarks Statistik, HAND07):
 * § 95: 36, § 96: diskretioneret, § 97: 135 (hver ydelse for sig; en borger kan modtage flere). § 100 …"
 */
export function describeRecipientsDa(recipients: readonly MapRecipients[]): string {
  return recipients
    .map((r) => `${recipientsHeadingDa(r.unit)} i ${r.period} (Danmarks Statistik, ${r.table}): ${r.lines.map((l) => `${l.labelDa}: ${contextValueDa(l.value, r.unit)}`).join(", ")}${r.lines.length > 1 ? " (hver ydelse for sig; en borger kan modtage flere)" : ""}; ${r.notCoveredDa}.`)
    .join(" ");
}
