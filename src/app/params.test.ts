import { describe, expect, it } from "vitest";
import { listDa, parseArea, parseFormat, parseMap, parseMunicipality, parseMunicipalityCode, parseOptionalYear, parseYear } from "./params.js";
import { UserFacingError } from "./user-facing-error.js";

/** The error a parser throws, so a test can read its code, status and message. */
function errorOf(parse: () => unknown): UserFacingError {
  try {
    parse();
  } catch (error) {
    if (error instanceof UserFacingError) return error;
    throw error;
  }
  throw new Error("parseren kastede ikke");
}

describe("parseYear", () => {
  it("reads four digits", () => {
    expect(parseYear("2024")).toBe(2024);
    expect(parseYear("0999")).toBe(999);
  });

  it.each(["24", "20245", "tyve", "2024 ", "", "2O24"])("refuses %j with 400 ugyldigt-aar in Danish", (value) => {
    const error = errorOf(() => parseYear(value));
    expect(error).toMatchObject({ code: "ugyldigt-aar", httpStatus: 400, messageDa: `Året skal være fire cifre, fx 2024, ikke "${value}".` });
    expect(error.message).toBe(error.messageDa);
  });

  it("names the parameter and caps a long value", () => {
    const error = errorOf(() => parseYear("x".repeat(500), "aar"));
    expect(error.messageDa).toBe(`Året skal være fire cifre, fx 2024, ikke "${"x".repeat(40)}" (parameter aar).`);
  });

  it("leaves a missing or empty optional year out", () => {
    expect(parseOptionalYear(undefined)).toBeUndefined();
    expect(parseOptionalYear("")).toBeUndefined();
    expect(parseOptionalYear("2023")).toBe(2023);
    expect(errorOf(() => parseOptionalYear("23")).code).toBe("ugyldigt-aar");
  });
});

describe("parseMunicipality and parseMunicipalityCode", () => {
  it("reads a code or a name", () => {
    expect(parseMunicipality("0657").code).toBe("0657");
    expect(parseMunicipality("Herning").code).toBe("0657");
    expect(parseMunicipality("657").code).toBe("0657");
  });

  it("refuses an unknown municipality with 404 ukendt-kommune", () => {
    expect(errorOf(() => parseMunicipality("Atlantis"))).toMatchObject({
      code: "ukendt-kommune",
      httpStatus: 404,
      messageDa: 'Ukendt kommune "Atlantis". Brug en kommunekode som 0657 eller et kommunenavn.',
    });
  });

  it("takes only a code where an address names the code", () => {
    expect(parseMunicipalityCode("0657").name).toBe("Herning");
    for (const value of ["Herning", "9999", "0411", "06570"]) {
      expect(errorOf(() => parseMunicipalityCode(value, "kommune"))).toMatchObject({
        code: "ukendt-kommune",
        httpStatus: 404,
        messageDa: `Ukendt kommunekode "${value}" (parameter kommune). Brug den firecifrede kode, fx 0657 for Herning.`,
      });
    }
  });
});

describe("parseMap and parseArea", () => {
  it("reads the three maps and refuses another with 404 ukendt-kort", () => {
    expect(parseMap("socialomraadet")).toBe("socialomraadet");
    expect(errorOf(() => parseMap("kortet"))).toMatchObject({
      code: "ukendt-kort",
      httpStatus: 404,
      messageDa: 'Ukendt kort "kortet". Brug et af: socialomraadet, boernehandicapomraadet, voksenhandicapomraadet.',
    });
  });

  it("reads total by default and an area the map is split into", () => {
    expect(parseArea("socialomraadet", undefined)).toBe("total");
    expect(parseArea("socialomraadet", "")).toBe("total");
    expect(parseArea("socialomraadet", "children")).toBe("children");
  });

  it("refuses an unknown area, and an area the map is not split into, with 400 ukendt-omraade", () => {
    expect(errorOf(() => parseArea("socialomraadet", "unge"))).toMatchObject({ code: "ukendt-omraade", httpStatus: 400, messageDa: 'Ukendt område "unge". Brug total, children eller adults.' });
    expect(errorOf(() => parseArea("boernehandicapomraadet", "children")).messageDa).toMatch(/ikke opdelt i børneområdet; brug area=total\.$/);
  });
});

describe("parseFormat", () => {
  const formats = ["json", "csv", "xlsx"] as const;

  it("takes the first format by default and any listed one", () => {
    expect(parseFormat(undefined, formats)).toBe("json");
    expect(parseFormat("xlsx", formats)).toBe("xlsx");
  });

  it("refuses another with 400 ukendt-format, listing the choices in Danish", () => {
    expect(errorOf(() => parseFormat("xml", formats))).toMatchObject({ code: "ukendt-format", httpStatus: 400, messageDa: 'Ukendt format "xml"; brug json, csv eller xlsx.' });
  });

  it("joins a list the Danish way", () => {
    expect(listDa([])).toBe("");
    expect(listDa(["a"])).toBe("a");
    expect(listDa(["a", "b"])).toBe("a eller b");
    expect(listDa(["a", "b", "c"])).toBe("a, b eller c");
  });
});
