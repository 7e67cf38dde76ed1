import type { ContextIndex } from "../domain/context/context-index.js";
import { recipientsForMap } from "../domain/context/map-recipients.js";
import { selectPopulationDenominator } from "../domain/context/population-denominator.js";
import { formatInteger } from "../domain/format-danish-number.js";
import type { MapId } from "../domain/map-definition.js";
import { mapProfilesOf, type MunicipalityProfile } from "../domain/municipality-profile.js";
import { describeRecipientsDa } from "../viz/recipients-text.js";

const oneDecimal = new Intl.NumberFormat("da-DK", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/**
 * One paragraph per map with the context Danmarks Statistik gives (issue 18): cases per 10.000 of the map's
 * population band on 1 January of the year, and the recipients beside the rate, with "diskretioneret" and
 * "ingen data" as such. Only when context figures are imported; without them the item says nothing of
 * population, as before, rather than divide by the rounded figures.
 */
export function buildContextNotesDa(index: ContextIndex, profile: MunicipalityProfile, year: number): Partial<Record<MapId, string>> {
  if (index.versions.length === 0) return {};
  const notes: Partial<Record<MapId, string>> = {};
  const code = profile.municipality.code;
  for (const mapProfile of mapProfilesOf(profile)) {
    const y = mapProfile.areas.total.years.find((p) => p.year === year);
    const parts: string[] = [];
    const denominator = selectPopulationDenominator(index, mapProfile.map, "total", year);
    if (y && denominator.basis.kind === "imported" && y.municipality.estimate.kind !== "no-data") {
      const decided = y.municipality.estimate.decided;
      const population = denominator.populationOf(code);
      const source = `Danmarks Statistik, FOLK1A, ${denominator.basis.period}`;
      if (population.kind === "value" && population.value > 0) {
        const national = y.national.estimate.kind === "estimate" ? denominator.populationOf(null) : null;
        const nationalText =
          national?.kind === "value" && y.national.estimate.kind === "estimate" ? ` På landsplan er tallet ${oneDecimal.format((y.national.estimate.decided / national.value) * 10_000)}.` : "";
        parts.push(
          `Kommunen havde ${formatInteger(decided)} realitetsbehandlede sager pr. ${formatInteger(population.value)} ${denominator.labelDa} den 1. januar ${year}, dvs. ${oneDecimal.format((decided / population.value) * 10_000)} sager pr. 10.000 ${denominator.labelDa} (${source}).${nationalText}`,
        );
      } else {
        parts.push(`Sager pr. 10.000 ${denominator.labelDa} kan ikke beregnes: folketallet er ${population.kind === "suppressed" ? "diskretioneret" : "ikke oplyst (ingen data)"} (${source}).`);
      }
    }
    const recipients = describeRecipientsDa(recipientsForMap(index, mapProfile.map, code, year));
    if (recipients) parts.push(recipients);
    if (parts.length > 0) notes[mapProfile.map] = parts.join(" ");
  }
  return notes;
}
