import type { OutcomeCounts } from "../../domain/outcome.js";
import type { DemoCategory } from "./demo-subjects.js";

export const DEMO_YEARS: readonly number[] = [2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025];

type Counts = { upheld: number; changed: number; remitted: number; rejected: number };

/** Published decided/changed/remitted for data year 2024, national (domain.md §7). */
const PUBLISHED_2024: Readonly<Record<DemoCategory, { decided: number; changed: number; remitted: number }>> = {
  // child disability map 1.881/143/776; children on the general map 3.619/341/1.259 (the rest is "other").
  childDisability: { decided: 1881, changed: 143, remitted: 776 },
  childOther: { decided: 3619 - 1881, changed: 341 - 143, remitted: 1259 - 776 },
  // adult disability map 532/24/191; adults on the general map 3.286/150/1.352.
  adultDisability: { decided: 532, changed: 24, remitted: 191 },
  adultOther: { decided: 3286 - 532, changed: 150 - 24, remitted: 1352 - 191 },
};

/** Herning (0657) 2024 as published (domain.md §7): 77/4/30; children 49/3/19; adults 28/1/11; maps 27/1/10 and 5/1/0. */
export const HERNING_CODE = "0657";
export const HERNING_2024: Readonly<Record<DemoCategory, { upheld: number; changed: number; remitted: number }>> = {
  childDisability: { upheld: 27 - 1 - 10, changed: 1, remitted: 10 },
  childOther: { upheld: 49 - 27 - (3 - 1) - (19 - 10), changed: 3 - 1, remitted: 19 - 10 },
  adultDisability: { upheld: 5 - 1 - 0, changed: 1, remitted: 0 },
  adultOther: { upheld: 28 - 5 - (1 - 1) - (11 - 0), changed: 1 - 1, remitted: 11 - 0 },
};

/**
 * Plausible national volumes and rates for the other demo years, loosely after the published national
 * rates in shared/data/published-figures.csv (general map 37 % in 2016 … 37,5 % in 2022; child disability
 * 46–52 %; adult disability 21–46 %). They are demo figures, not Ankestyrelsen's.
 */
const OTHER_YEARS: Readonly<Record<number, { decided: number; rate: number; childDisabilityRate: number; adultDisabilityRate: number }>> = {
  2016: { decided: 8140, rate: 0.37, childDisabilityRate: 0.46, adultDisabilityRate: 0.3 },
  2017: { decided: 8000, rate: 0.38, childDisabilityRate: 0.52, adultDisabilityRate: 0.21 },
  2018: { decided: 8200, rate: 0.37, childDisabilityRate: 0.47, adultDisabilityRate: 0.3 },
  2019: { decided: 8300, rate: 0.41, childDisabilityRate: 0.51, adultDisabilityRate: 0.46 },
  2020: { decided: 7700, rate: 0.362, childDisabilityRate: 0.52, adultDisabilityRate: 0.424 },
  2021: { decided: 7500, rate: 0.318, childDisabilityRate: 0.359, adultDisabilityRate: 0.343 },
  2022: { decided: 8631, rate: 0.375, childDisabilityRate: 0.5, adultDisabilityRate: 0.36 },
  2023: { decided: 7400, rate: 0.4, childDisabilityRate: 0.48, adultDisabilityRate: 0.38 },
  2025: { decided: 7100, rate: 0.43, childDisabilityRate: 0.47, adultDisabilityRate: 0.39 },
};

// Shares seen in 2024: children are 52 % of decided cases, the child disability map 52 % of children,
// the adult disability map 16 % of adults; "changed" is a small part of reversals (7,1 of 44,9 points).
const CHANGED_SHARE: Readonly<Record<DemoCategory, number>> = { childDisability: 0.16, childOther: 0.29, adultDisability: 0.11, adultOther: 0.1 };
// Rejected cases are not published (domain.md §7); about one in nine is a plausible demo figure.
const REJECTED_SHARE = 0.11;

function split(decided: number, reversed: number, category: DemoCategory): Counts {
  const rev = Math.min(decided, Math.max(0, reversed));
  const changed = Math.round(CHANGED_SHARE[category] * rev);
  return { upheld: decided - rev, changed, remitted: rev - changed, rejected: Math.round(REJECTED_SHARE * decided) };
}

/** National totals per demo category for one data year; 2024 equals the published figures exactly. */
export function demoNationalTargets(year: number): Record<DemoCategory, OutcomeCounts> {
  if (year === 2024) {
    const out = {} as Record<DemoCategory, OutcomeCounts>;
    for (const [category, p] of Object.entries(PUBLISHED_2024) as [DemoCategory, (typeof PUBLISHED_2024)[DemoCategory]][]) {
      out[category] = { upheld: p.decided - p.changed - p.remitted, changed: p.changed, remitted: p.remitted, rejected: Math.round(REJECTED_SHARE * p.decided) };
    }
    return out;
  }
  const y = OTHER_YEARS[year];
  if (!y) throw new Error(`Demodata findes ikke for ${year}`);
  const children = Math.round(0.52 * y.decided);
  const childDisability = Math.round(0.52 * children);
  const childOther = children - childDisability;
  const adults = y.decided - children;
  const adultDisability = Math.round(0.16 * adults);
  const adultOther = adults - adultDisability;
  const revChildDisability = Math.round(y.childDisabilityRate * childDisability);
  const revAdultDisability = Math.round(y.adultDisabilityRate * adultDisability);
  const rest = Math.round(y.rate * y.decided) - revChildDisability - revAdultDisability;
  const revChildOther = Math.round((rest * childOther) / (childOther + adultOther));
  return {
    childDisability: split(childDisability, revChildDisability, "childDisability"),
    childOther: split(childOther, revChildOther, "childOther"),
    adultDisability: split(adultDisability, revAdultDisability, "adultDisability"),
    adultOther: split(adultOther, rest - revChildOther, "adultOther"),
  };
}
