import { describe, expect, it } from "vitest";
import { MUNICIPALITIES } from "../../domain/municipality.js";
import { searchMunicipalities } from "../../domain/search-municipalities.js";
import { buildMunicipalityListPageModel } from "./municipality-list-page-model.js";
import { renderMunicipalityListPage } from "./municipality-list-page.js";

function modelFor(search: string) {
  const result = searchMunicipalities(search);
  if (result.kind === "found") throw new Error(`"${search}" fandt én kommune`);
  return buildMunicipalityListPageModel(search, result, MUNICIPALITIES, false);
}

describe("buildMunicipalityListPageModel", () => {
  it("lists all 98 municipalities under the five regions, each in Danish alphabetical order", () => {
    const model = modelFor("");
    expect(model.message).toEqual({ kind: "choose" });
    expect(model.regions.map((r) => r.regionDa)).toEqual([
      "Region Hovedstaden",
      "Region Midtjylland",
      "Region Nordjylland",
      "Region Sjælland",
      "Region Syddanmark",
    ]);
    expect(model.regions.reduce((n, r) => n + r.municipalities.length, 0)).toBe(98);
    // Æ, Ø and Å (and Aa, read as Å) come after Z in Danish.
    const south = model.regions.find((r) => r.regionDa === "Region Syddanmark")!.municipalities.map((m) => m.nameDa);
    expect(south.slice(-3)).toEqual(["Vejle", "Ærø", "Aabenraa"]);
    expect(model.regions[0]!.municipalities[0]).toEqual({ nameDa: "Albertslund", href: "/kommuner/0165" });
  });

  it("says what a search found when it was not one municipality", () => {
    const none = modelFor("xyzq");
    expect(none.message).toMatchObject({ kind: "none", searchDa: "xyzq" });
    const several = modelFor("frederiks");
    expect(several.message.kind).toBe("several");
    expect(several.message.kind === "several" && several.message.matches.length).toBeGreaterThan(1);
  });

  it("shows the search as text, not markup, and joins the matches with 'og'", () => {
    const html = renderMunicipalityListPage(modelFor("<b>Hol"), null);
    expect(html).toContain("Ingen kommune hedder &quot;&lt;b>Hol&quot;.");
    expect(html).not.toContain("<b>Hol");
    const several = renderMunicipalityListPage(modelFor("frederiks"), null);
    expect(several).toMatch(
      /Flere kommuner passer på &quot;frederiks&quot;: <a href="\/kommuner\/\d{4}">[^<]+<\/a>(, <a [^>]+>[^<]+<\/a>)* og <a [^>]+>[^<]+<\/a>\. Vælg en/,
    );
  });
});
