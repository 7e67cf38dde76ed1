import { describe, expect, it } from "vitest";
import { MUNICIPALITIES } from "../../src/domain/municipality.js";
import { POPULATION_BY_CODE, populationOf } from "../../src/domain/registry/population-data.js";

describe("population per municipality", () => {
  it("has a figure for each of the 98 municipalities and nothing else", () => {
    expect(Object.keys(POPULATION_BY_CODE).sort()).toEqual(MUNICIPALITIES.map((m) => m.code).sort());
  });

  it("adds up to Denmark's population (about 5,96 million on 1 January 2024) and has the known extremes", () => {
    const total = Object.values(POPULATION_BY_CODE).reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(5_900_000);
    expect(total).toBeLessThan(6_000_000);
    expect(populationOf("0101")).toBeGreaterThan(600_000);
    expect(populationOf("0825")).toBeLessThan(2_000); // Læsø, the smallest
    expect(populationOf("0411")).toBeUndefined(); // Christiansø is no municipality
  });
});
