import { municipalityName, type MunicipalityCode } from "../domain/municipality.js";

/**
 * The name a municipality calls itself in its own papers: "Herning Kommune", "Københavns Kommune",
 * "Bornholms Regionskommune". The registry holds the short statistical name ("København").
 */
const OWN_NAMES: Readonly<Record<string, string>> = {
  "0101": "Københavns Kommune",
  "0400": "Bornholms Regionskommune",
};

export function municipalityDisplayName(code: MunicipalityCode): string {
  return OWN_NAMES[code] ?? `${municipalityName(code)} Kommune`;
}
