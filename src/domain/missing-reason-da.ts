import { assertNever } from "./assert-never.js";
import { MAP_DEFINITIONS } from "./map-definition.js";
import type { MissingReason } from "./missing-reason.js";

/**
 * The phrasebook of missing values: the one place that words a `MissingReason` in Danish. Views, reports,
 * the API's `reasonDa` and the CLI all say it through here, so one reason reads the same everywhere.
 * A sentence without its full stop; the caller puts it in its own sentence.
 */
export function missingReasonDa(reason: MissingReason): string {
  switch (reason.code) {
    case "map-not-yet-published":
      return `${MAP_DEFINITIONS[reason.map].nameDa} blev først offentliggjort for dataåret ${reason.firstYear}`;
    case "year-not-loaded":
      return `Der er ikke indlæst data for ${reason.year}`;
    case "municipality-absent":
      return `Kommunen er ikke med i de indlæste tal for ${reason.year}`;
    case "municipality-absent-in-revision":
      return `Kommunen er ikke med i det nyere udtræk for ${reason.year}`;
    case "year-without-data":
      return `Der er ingen data for ${reason.year}`;
    case "years-without-data":
      return `Der er ingen data for ${reason.fromYear}–${reason.toYear}`;
    case "no-years":
      return "Ingen år at lægge sammen";
    case "no-decided-cases":
      return "Ingen realitetsbehandlede sager";
    case "no-national-rate":
      return "Ingen landsprocent at sammenligne med";
    case "no-decided-cases-in-year":
      return `Ingen realitetsbehandlede sager i ${reason.year}`;
    case "no-decided-cases-this-year":
      return "Ingen realitetsbehandlede sager i året";
    default:
      return assertNever(reason);
  }
}

/** The same sentence as a clause after a colon or "fordi": its first letter in lower case ("der er ingen data for 2023"). */
export function missingReasonClauseDa(reason: MissingReason): string {
  const sentence = missingReasonDa(reason);
  return sentence.charAt(0).toLowerCase() + sentence.slice(1);
}
