import type { RateEstimate } from "../rate-estimate.js";
import type { PopulationBand } from "./context-figure.js";
import { perTenThousand, type PopulationDenominator } from "./population-denominator.js";

/**
 * Cases per 10.000 as the API sends them (plain JSON): the figure, what it is per (`band`), where the
 * population came from (`basis`: the year's own FOLK1A on 1 January, or the rounded 2024 fallback), and a
 * status for every missing case ("diskretioneret" population, no population, no cases, no complaint data).
 */
export type PerCapitaRecord = {
  readonly status: "value" | "no-cases" | "population-suppressed" | "no-population" | "no-data";
  readonly perTenThousand: number | null;
  readonly decided: number | null;
  readonly population: number | null;
  readonly band: PopulationBand;
  readonly labelDa: string;
  readonly basis: "imported" | "rounded";
  /** "2024K1" (FOLK1A, 1 January of the data year) or "2024 (afrundet)". */
  readonly populationPeriod: string;
  readonly contextVersionId: number | null;
};

export function toPerCapitaRecord(denominator: PopulationDenominator, code: string | null, estimate: RateEstimate): PerCapitaRecord {
  const population = denominator.populationOf(code);
  const base = {
    band: denominator.band,
    labelDa: denominator.labelDa,
    basis: denominator.basis.kind,
    populationPeriod: denominator.basis.kind === "imported" ? denominator.basis.period : `${denominator.basis.year} (afrundet)`,
    contextVersionId: denominator.basis.kind === "imported" ? denominator.basis.provenance.contextVersionId : null,
    population: population.kind === "value" ? population.value : null,
  };
  if (estimate.kind === "no-data") return { ...base, status: "no-data", perTenThousand: null, decided: null };
  const figure = perTenThousand(estimate.decided, population);
  switch (figure.kind) {
    case "value":
      return { ...base, status: estimate.kind === "no-cases" ? "no-cases" : "value", perTenThousand: figure.value, decided: estimate.decided };
    case "suppressed":
      return { ...base, status: "population-suppressed", perTenThousand: null, decided: estimate.decided };
    case "no-data":
      return { ...base, status: "no-population", perTenThousand: null, decided: estimate.decided };
  }
}
