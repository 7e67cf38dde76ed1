import { describe, expect, it } from "vitest";
import type { ComplaintCell } from "../../src/domain/complaint-cell.js";
import { buildMapFigures } from "../../src/domain/map-figures.js";
import { MAP_DEFINITIONS, MAP_IDS } from "../../src/domain/map-definition.js";
import { areaOf, areaProfilesOf, buildMunicipalityProfile, mapProfilesOf } from "../../src/domain/municipality-profile.js";
import { NEIGHBOURS } from "../../src/domain/registry/neighbours-data.js";
import { HERNING, published2024Cells, SUBJECTS_2024 } from "./published-2024-cells.js";
import { asMunicipalityCode } from "../../src/domain/municipality.js";

/** 2021–2024: the published 2024 cells, and earlier years with the same labels and fewer reversals. */
function cellsFor2021To2024(): ComplaintCell[] {
  const base = published2024Cells();
  const earlier = [2021, 2022, 2023].flatMap((year) =>
    base.map((c) => ({ ...c, year, counts: { ...c.counts, upheld: c.counts.upheld + (2024 - year) * c.counts.remitted, remitted: c.counts.remitted } })),
  );
  return [...earlier, ...base];
}

describe("buildMunicipalityProfile", () => {
  const cells = cellsFor2021To2024();
  const profile = buildMunicipalityProfile(cells, HERNING);

  it("names the municipality by code and region, focusing on the newest year", () => {
    expect(profile.municipality).toEqual({ code: HERNING, name: "Herning", region: "Region Midtjylland" });
    expect(profile.focusYear).toBe(2024);
  });

  it("covers the three maps, their areas and every year with data", () => {
    expect(Object.keys(profile.maps)).toEqual(MAP_IDS);
    expect(mapProfilesOf(profile).map((m) => [m.map, areaProfilesOf(m).map((a) => a.area)])).toEqual([
      ["socialomraadet", ["total", "children", "adults"]],
      ["boernehandicapomraadet", ["total"]],
      ["voksenhandicapomraadet", ["total"]],
    ]);
    for (const m of mapProfilesOf(profile)) {
      expect(profile.maps[m.map]).toBe(m);
      // Keyed exactly by the areas the map's definition has, each under its own name.
      expect(Object.keys(m.areas)).toEqual(MAP_DEFINITIONS[m.map].areas);
      for (const [key, a] of Object.entries(m.areas)) expect(a.area).toBe(key);
      for (const a of areaProfilesOf(m)) expect(a.years.map((y) => y.year)).toEqual([2021, 2022, 2023, 2024]);
    }
  });

  it("finds an area by name only where the map is split into it", () => {
    const social = profile.maps.socialomraadet;
    expect(areaOf(social, "children")).toBe(social.areas.children);
    expect(areaOf(social, "adults")).toBe(social.areas.adults);
    expect(areaOf(profile.maps.boernehandicapomraadet, "total")).toBe(profile.maps.boernehandicapomraadet.areas.total);
    expect(areaOf(profile.maps.boernehandicapomraadet, "children")).toBeUndefined();
    expect(areaOf(profile.maps.voksenhandicapomraadet, "adults")).toBeUndefined();
    // @ts-expect-error the child disability map is not split, so its profile has no children area to read
    expect(profile.maps.boernehandicapomraadet.areas.children).toBeUndefined();
  });

  it("gives the same row as the map for the year, with the national row beside it", () => {
    const year = profile.maps.socialomraadet.areas.total.years.at(-1)!;
    const map = buildMapFigures(cells, { map: "socialomraadet", year: 2024, area: "total" });
    expect(year.municipality).toEqual(map.municipalities.find((m) => m.municipalityCode === HERNING));
    expect(year.national).toEqual(map.national);
  });

  it("compares each year with the one before and pools three years", () => {
    const years = profile.maps.socialomraadet.areas.total.years;
    expect(years[0]!.change).toMatchObject({ kind: "not-comparable", previousYear: 2020 });
    expect(years[3]!.change).toMatchObject({ kind: "change", previousYear: 2023 });
    expect(years[3]!.pooled).toMatchObject({ fromYear: 2022, toYear: 2024, yearsIncluded: [2022, 2023, 2024] });
    const decided = [1, 2, 3].map((i) => (years[i]!.municipality.estimate.kind === "estimate" ? years[i]!.municipality.estimate.decided : NaN));
    expect(years[3]!.pooled.estimate).toMatchObject({ decided: decided.reduce((a, b) => a + b) });
  });

  it("compares with the neighbours and the region over the last four years", () => {
    const social = profile.maps.socialomraadet;
    expect(social.neighbours.members.map((m) => m.municipalityCode)).toEqual(NEIGHBOURS[HERNING]);
    expect(social.neighbours.years).toEqual([2021, 2022, 2023, 2024]);
    expect(social.neighbours.members[0]!.years).toHaveLength(4);
    expect(social.region.labelDa).toBe("Region Midtjylland");
    expect(social.chosenGroup).toBeNull();
  });

  it("lists the subjects behind the reversals, most reversals first", () => {
    const child = profile.maps.boernehandicapomraadet.subjects.at(-1)!;
    expect(child.year).toBe(2024);
    expect(child.subjects).toEqual([expect.objectContaining({ subject: SUBJECTS_2024.childDisability, decided: 27, reversed: 11 })]);
    const social = profile.maps.socialomraadet.subjects.at(-1)!.subjects;
    expect(social.map((s) => s.reversed)).toEqual([...social.map((s) => s.reversed)].sort((a, b) => b - a));
    expect(social.reduce((sum, s) => sum + s.reversed, 0)).toBe(34);
  });

  it("leaves out years after the chosen year and honours a chosen group", () => {
    const p = buildMunicipalityProfile(cells, HERNING, { year: 2023, chosenGroup: { labelDa: "Sammenlignelige kommuner", codes: [asMunicipalityCode("0101"), asMunicipalityCode("0751")] } });
    expect(p.focusYear).toBe(2023);
    expect(p.maps.socialomraadet.areas.total.years.at(-1)!.year).toBe(2023);
    expect(p.maps.socialomraadet.chosenGroup).toMatchObject({ kind: "chosen", labelDa: "Sammenlignelige kommuner", years: [2020, 2021, 2022, 2023] });
    expect(p.maps.socialomraadet.chosenGroup!.combined[0]!.estimate.kind).toBe("no-data");
  });

  it("refuses an unknown municipality code", () => {
    expect(() => buildMunicipalityProfile(cells, asMunicipalityCode("9999"))).toThrow(/Ukendt kommunekode/);
  });

  it("has no years and no focus year without data", () => {
    const empty = buildMunicipalityProfile([], HERNING);
    expect(empty.focusYear).toBeNull();
    expect(mapProfilesOf(empty).flatMap(areaProfilesOf)).toHaveLength(5);
    expect(mapProfilesOf(empty).every((m) => areaProfilesOf(m).every((a) => a.years.length === 0))).toBe(true);
  });

  it("is plain JSON (the API sends it, with maps and areas as arrays)", () => {
    expect(JSON.parse(JSON.stringify(profile))).toEqual(profile);
  });
});
