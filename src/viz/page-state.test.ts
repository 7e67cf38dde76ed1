import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAP_DEFINITIONS, MAP_IDS } from "../domain/map-definition.js";
import { MUNICIPALITIES } from "../domain/municipality.js";
import { MEASURE_IDS } from "./map-measure.js";
import { mapPageQuery, parseMapPageState, type MapPageState } from "./page-state.js";

const defaults = { year: 2024 };
const parse = (query: Record<string, string | undefined>) => parseMapPageState(query, defaults);
const fromQueryString = (qs: string) => parse(Object.fromEntries(new URLSearchParams(qs)));

describe("parseMapPageState", () => {
  it("opens the general map, all areas, reversal rate, as a map, for the newest year when nothing is given", () => {
    expect(parse({})).toEqual({
      map: "socialomraadet",
      year: 2024,
      area: "total",
      measure: "omgoerelse",
      view: "kort",
      geometry: null,
      municipality: null,
    } satisfies MapPageState);
  });

  it("reads every parameter in its Danish URL form", () => {
    expect(parse({ kort: "socialomraadet", aar: "2021", omraade: "boern", maal: "hjemvist", visning: "tragt", geometri: "felter", kommune: "0657" })).toEqual({
      map: "socialomraadet",
      year: 2021,
      area: "children",
      measure: "hjemvist",
      view: "tragt",
      geometry: "felter",
      municipality: "0657",
    });
    expect(parse({ omraade: "voksne" }).area).toBe("adults");
    expect(parse({ geometri: "geografisk" }).geometry).toBe("geografisk");
  });

  it("takes a municipality code without its leading zero and gives back the four-digit code", () => {
    expect(parse({ kommune: "657" }).municipality).toBe("0657");
    expect(parse({ kommune: "101" }).municipality).toBe("0101");
    // An empty parameter (a form submitted without a choice) means no municipality.
    expect(parse({ kommune: "" }).municipality).toBeNull();
  });

  it("rejects a wrong value with a Danish message that names the parameter", () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ kort: "sundhed" }, /parameter kort/],
      [{ aar: "24" }, /parameter aar/],
      [{ aar: "2024a" }, /parameter aar/],
      [{ omraade: "born" }, /parameter omraade/],
      [{ maal: "procent" }, /parameter maal/],
      [{ visning: "liste" }, /parameter visning/],
      [{ geometri: "satellit" }, /parameter geometri/],
      [{ kommune: "9999" }, /parameter kommune/],
      [{ kommune: "Herning" }, /parameter kommune/],
    ];
    for (const [query, message] of cases) expect(() => parse(query), JSON.stringify(query)).toThrow(message);
    expect(() => parse({ kort: "sundhed" })).toThrow(/Ukendt kort "sundhed"/);
  });

  it("refuses the children/adults split on the maps that are not divided by area", () => {
    for (const map of MAP_IDS) {
      const divided = MAP_DEFINITIONS[map].areas.includes("children");
      if (divided) expect(parse({ kort: map, omraade: "boern" }).area).toBe("children");
      else expect(() => parse({ kort: map, omraade: "boern" })).toThrow(/ikke opdelt i børne- og voksenområdet/);
      // The whole area is always there.
      expect(parse({ kort: map, omraade: "i-alt" }).area).toBe("total");
    }
  });
});

describe("mapPageQuery", () => {
  it("writes the state as Danish ASCII parameters and leaves out what is not chosen", () => {
    expect(mapPageQuery(parse({}))).toBe("kort=socialomraadet&aar=2024&omraade=i-alt&maal=omgoerelse&visning=kort");
    expect(mapPageQuery(parse({ kort: "voksenhandicapomraadet", aar: "2022", visning: "tabel", kommune: "760", geometri: "felter" }))).toBe(
      "kort=voksenhandicapomraadet&aar=2022&omraade=i-alt&maal=omgoerelse&visning=tabel&geometri=felter&kommune=0760",
    );
  });

  it("gives back the same state when its query is parsed again, for every valid state (property)", () => {
    const state = fc
      .record({
        map: fc.constantFrom(...MAP_IDS),
        year: fc.integer({ min: 1000, max: 9999 }),
        measure: fc.constantFrom(...MEASURE_IDS),
        view: fc.constantFrom("kort" as const, "tabel" as const, "tragt" as const),
        geometry: fc.constantFrom(null, "geografisk" as const, "felter" as const),
        municipality: fc.constantFrom(null, ...MUNICIPALITIES.map((m) => m.code)),
        areaIndex: fc.nat(),
      })
      .map(({ areaIndex, ...rest }): MapPageState => {
        const areas = MAP_DEFINITIONS[rest.map].areas;
        return { ...rest, area: areas[areaIndex % areas.length]! };
      });
    fc.assert(
      fc.property(state, (s) => {
        expect(fromQueryString(mapPageQuery(s))).toEqual(s);
      }),
    );
  });
});
