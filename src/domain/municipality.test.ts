import { describe, expect, it } from "vitest";
import { asMunicipalityCode, findMunicipalityByCode, foldMunicipalityName, MUNICIPALITIES, municipalityName, resolveMunicipality, type MunicipalityCode } from "./municipality.js";

describe("the municipality registry", () => {
  it("holds exactly the 98 municipalities, each with a unique 4-digit code, in the 5 regions", () => {
    expect(MUNICIPALITIES).toHaveLength(98);
    expect(new Set(MUNICIPALITIES.map((m) => m.code)).size).toBe(98);
    for (const m of MUNICIPALITIES) expect(m.code).toMatch(/^\d{4}$/);
    expect(new Set(MUNICIPALITIES.map((m) => m.region))).toEqual(
      new Set(["Region Hovedstaden", "Region Sjælland", "Region Syddanmark", "Region Midtjylland", "Region Nordjylland"]),
    );
  });

  it("leaves out Christiansø (0411), which the state administers and which is no municipality", () => {
    expect(findMunicipalityByCode("0411")).toBeUndefined();
    expect(resolveMunicipality("0411")).toBeUndefined();
    expect(resolveMunicipality("Christiansø")).toBeUndefined();
  });
});

describe("resolveMunicipality", () => {
  it.each([
    ["657", "0657"],
    ["0657", "0657"],
    [" 657 ", "0657"],
    ["101", "0101"],
    ["Herning", "0657"],
    ["Herning Kommune", "0657"],
    ["HERNING", "0657"],
    ["Århus", "0751"],
    ["Aarhus", "0751"],
    ["Aarhus Kommune", "0751"],
    ["Brønderslev-Dronninglund", "0810"],
    ["Brønderslev", "0810"],
    ["Københavns Kommune", "0101"],
    ["København", "0101"],
    ["Høje-Taastrup", "0169"],
    ["Høje Taastrup", "0169"],
    ["Høje-Taastrup Kommune", "0169"],
    ["Frederiksbergs Kommune", "0147"],
  ])("resolves %j to %s", (input, code) => {
    expect(resolveMunicipality(input)?.code).toBe(code);
  });

  it.each(["Foo", "", "Hele landet", "9999", "12345", "Herningg"])("returns undefined for %j instead of guessing", (input) => {
    expect(resolveMunicipality(input)).toBeUndefined();
  });
});

describe("foldMunicipalityName and municipalityName", () => {
  it("spells out the Danish letters and ignores case, dashes and spacing", () => {
    expect(foldMunicipalityName("Høje-Taastrup")).toBe(foldMunicipalityName("høje  taastrup"));
    expect(foldMunicipalityName("Århus")).toBe("aarhus");
    expect(foldMunicipalityName("Ærø")).toBe("aeroe");
  });

  it("labels a code with its name and falls back to the code for an unknown one", () => {
    expect(municipalityName("0657")).toBe("Herning");
    expect(municipalityName("0411")).toBe("0411");
  });
});

describe("asMunicipalityCode", () => {
  it("takes four digits, keeps null as null, and refuses a name, a short or a long code by name", () => {
    expect(asMunicipalityCode("0657")).toBe("0657");
    expect(asMunicipalityCode(null)).toBeNull();
    for (const wrong of ["657", "06570", "Herning", ""]) expect(() => asMunicipalityCode(wrong)).toThrow(`Ikke en kommunekode (fire cifre): ${JSON.stringify(wrong)}`);
  });

  it("is the only way from text to a code, besides the registry", () => {
    // @ts-expect-error a name (or any string) is not a MunicipalityCode
    const name: MunicipalityCode = "Herning";
    expect(findMunicipalityByCode(name)).toBeUndefined();
    expect(findMunicipalityByCode("657")?.code).toBe(asMunicipalityCode("0657"));
  });
});
