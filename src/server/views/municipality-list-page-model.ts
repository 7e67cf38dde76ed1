import type { MunicipalitySearch } from "../../domain/search-municipalities.js";

type MunicipalityLink = { readonly nameDa: string; readonly href: string };

/** /kommuner: what a name search found (several, none with suggestions, or no search), then all 98 by region. */
export type MunicipalityListPageModel = {
  readonly isDemo: boolean;
  readonly message:
    | { readonly kind: "several"; readonly searchDa: string; readonly matches: readonly MunicipalityLink[] }
    | { readonly kind: "none"; readonly searchDa: string; readonly suggestions: readonly MunicipalityLink[] }
    | { readonly kind: "choose" };
  readonly regions: readonly { readonly regionDa: string; readonly municipalities: readonly MunicipalityLink[] }[];
};

const linkOf = (m: { readonly code: string; readonly name: string }): MunicipalityLink => ({
  nameDa: m.name,
  href: `/kommuner/${m.code}`,
});

/** `found` is answered with a redirect to the profile before any page is built. */
export function buildMunicipalityListPageModel(
  search: string,
  result: Exclude<MunicipalitySearch, { kind: "found" }>,
  municipalities: readonly { readonly code: string; readonly name: string; readonly region: string }[],
  isDemo: boolean,
): MunicipalityListPageModel {
  const message: MunicipalityListPageModel["message"] =
    result.kind === "several"
      ? { kind: "several", searchDa: search, matches: result.matches.map(linkOf) }
      : result.kind === "none"
        ? { kind: "none", searchDa: search, suggestions: result.suggestions.map(linkOf) }
        : { kind: "choose" };
  // The regions and each region's municipalities in Danish alphabetical order (Æ, Ø, Å last).
  const regions = [...new Set(municipalities.map((m) => m.region))].sort((a, b) => a.localeCompare(b, "da"));
  return {
    isDemo,
    message,
    regions: regions.map((region) => ({
      regionDa: region,
      municipalities: municipalities
        .filter((m) => m.region === region)
        .sort((a, b) => a.name.localeCompare(b.name, "da"))
        .map(linkOf),
    })),
  };
}
