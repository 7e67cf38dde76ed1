import type { ComplaintCell } from "../../src/domain/complaint-cell.js";
import { MUNICIPALITIES } from "../../src/domain/municipality.js";
import { POPULATION_BY_CODE } from "../../src/domain/registry/population-data.js";
import { allocateExactly, createSeededRandom, normalDraw } from "../../src/importers/demo/seeded-random.js";
import { NATIONAL_2024, SUBJECTS_2024 } from "./published-2024-cells.js";

/**
 * A named generator for 2024-like cells with real between-municipality variation: the published 2024
 * decided totals per map part (domain.md §7), shared out by population, and each municipality's reversal
 * rate drawn around the published national rate with a seeded spread on the logit scale (σ = 0,25, the same
 * propensity on every map), then a binomial draw of the reversed cases. The national decided totals equal
 * the published ones; the reversed totals land near, not on, them. The evenly spread published cells
 * (published-2024-cells.ts) show no variation at all; these are for the over-dispersion tests.
 */
export function overdispersed2024Cells(options: { readonly seed?: number; readonly spread?: number } = {}): ComplaintCell[] {
  const random = createSeededRandom(options.seed ?? 2024);
  const spread = options.spread ?? 0.25;
  const propensity = MUNICIPALITIES.map(() => spread * normalDraw(random));
  const cells: ComplaintCell[] = [];
  for (const part of Object.keys(SUBJECTS_2024) as (keyof typeof SUBJECTS_2024)[]) {
    const [decided, changed, remitted] = NATIONAL_2024[part];
    const p0 = (changed + remitted) / decided;
    const changedShare = changed / (changed + remitted);
    const volumes = allocateExactly(decided, MUNICIPALITIES.map((m) => POPULATION_BY_CODE[m.code]!), random);
    MUNICIPALITIES.forEach((m, i) => {
      const n = volumes[i]!;
      const logit = Math.log(p0 / (1 - p0)) + propensity[i]!;
      const p = 1 / (1 + Math.exp(-logit));
      let reversed = 0;
      for (let k = 0; k < n; k++) if (random() < p) reversed++;
      const c = Math.round(reversed * changedShare);
      if (n === 0) return;
      cells.push({
        municipalityCode: m.code,
        subject: SUBJECTS_2024[part],
        law: "Serviceloven",
        year: 2024,
        counts: { upheld: n - reversed, changed: c, remitted: reversed - c, rejected: 0 },
      });
    });
  }
  return cells;
}
