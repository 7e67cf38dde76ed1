import { describe, expect, it } from "vitest";
import { searchMunicipalities } from "./search-municipalities.js";

const names = (r: ReturnType<typeof searchMunicipalities>) =>
  r.kind === "found" ? [r.municipality.name] : r.kind === "several" ? r.matches.map((m) => m.name) : r.kind === "none" ? r.suggestions.map((m) => m.name) : [];

describe("searchMunicipalities", () => {
  it("opens a municipality named by its name, an alias or its code", () => {
    expect(searchMunicipalities("Herning")).toMatchObject({ kind: "found", municipality: { code: "0657" } });
    expect(searchMunicipalities("Århus")).toMatchObject({ kind: "found", municipality: { code: "0751" } });
    expect(searchMunicipalities("657")).toMatchObject({ kind: "found", municipality: { code: "0657" } });
  });

  it("finds a municipality from the beginning of its name (issue 9: 'køben')", () => {
    expect(searchMunicipalities("køben")).toMatchObject({ kind: "found", municipality: { code: "0101" } });
    expect(searchMunicipalities("KØBEN")).toMatchObject({ kind: "found", municipality: { code: "0101" } });
    expect(searchMunicipalities("koeben")).toMatchObject({ kind: "found", municipality: { code: "0101" } });
  });

  it("lists every municipality a beginning fits", () => {
    const r = searchMunicipalities("Frederiks");
    expect(r.kind).toBe("several");
    expect(names(r)).toEqual(expect.arrayContaining(["Frederiksberg", "Frederikssund"]));
    expect(names(searchMunicipalities("Ho"))).toEqual(expect.arrayContaining(["Holbæk", "Holstebro", "Horsens"]));
  });

  it("falls back to a part of the name", () => {
    expect(searchMunicipalities("taastrup")).toMatchObject({ kind: "found", municipality: { code: "0169" } });
  });

  it("suggests for a typing error and opens nothing (issue 9: 'Københaven')", () => {
    const r = searchMunicipalities("Københaven");
    expect(r.kind).toBe("none");
    expect(names(r)[0]).toBe("København");
    expect(names(searchMunicipalities("Hernig"))[0]).toBe("Herning");
    expect(names(searchMunicipalities("Atlantis"))).toEqual([]);
  });

  it("an empty search is no search", () => {
    expect(searchMunicipalities("  ").kind).toBe("empty");
  });
});
