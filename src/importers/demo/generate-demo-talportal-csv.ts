import { MUNICIPALITIES } from "../../domain/municipality.js";
import { OUTCOMES, reversedOf, decidedOf, type Outcome, type OutcomeCounts } from "../../domain/outcome.js";
import { formatPercent } from "../../domain/format-danish-number.js";
import { POPULATION_BY_CODE } from "../../domain/registry/population-data.js";
import { DEMO_YEARS, demoNationalTargets, HERNING_2024, HERNING_CODE } from "./demo-national-targets.js";
import { demoSubjects, type DemoCategory } from "./demo-subjects.js";
import { allocateExactly, createSeededRandom, normalDraw } from "./seeded-random.js";

export const DEFAULT_DEMO_SEED = 2024;

const CATEGORIES: readonly DemoCategory[] = ["childDisability", "childOther", "adultDisability", "adultOther"];

export const DEMO_HEADER = [
  "Kommune",
  "Lovgivning",
  "Sagsemne",
  "periode",
  "Realitetsbehandlede sager i alt",
  "Stadfæstede sager",
  "Ændrede/ophævede sager",
  "Hjemviste sager",
  "Afviste sager",
  "Omgørelsesprocent",
] as const;

type Row = { place: string; law: string; subject: string; year: number; counts: OutcomeCounts };

function quote(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

function formatRow(r: Row): string {
  const decided = decidedOf(r.counts);
  const pct = decided === 0 ? "" : formatPercent(reversedOf(r.counts) / decided);
  return [quote(r.place), quote(r.law), quote(r.subject), String(r.year), decided, r.counts.upheld, r.counts.changed, r.counts.remitted, r.counts.rejected, pct].join(";");
}

/**
 * The demo data set (issue 3, point 7): a deterministic, synthetic talportal CSV export (layout a) for
 * data years 2016–2025, the same text for the same seed. Municipal volumes scale with population (with
 * a seeded spread per municipality, year and group, and a seeded reversal propensity per municipality),
 * so small municipalities get small numbers. National 2024 totals equal the published ones on all three
 * maps and both areas, and Herning (0657) 2024 equals its published figures (domain.md §7), so demo
 * pages can be checked by hand. A "Hele landet" row per subject is the exact sum of the 98.
 * Rows with no cases are left out, as the talportal does.
 */
export function generateDemoTalportalCsv(options: { readonly seed: number }): string {
  const random = createSeededRandom(options.seed);
  const codes = MUNICIPALITIES.map((m) => m.code);
  const propensity = new Map(codes.map((c) => [c, Math.exp(0.3 * normalDraw(random))]));
  const rows: Row[] = [];
  for (const year of DEMO_YEARS) {
    const targets = demoNationalTargets(year);
    const byMunicipality = new Map<string, Map<DemoCategory, OutcomeCounts>>(codes.map((c) => [c, new Map()]));
    for (const category of CATEGORIES) {
      const fixed = year === 2024 ? { [HERNING_CODE]: { ...HERNING_2024[category], rejected: -1 } } : {};
      const free = codes.filter((c) => !(c in fixed));
      const volume = free.map((c) => POPULATION_BY_CODE[c]! * Math.exp(0.35 * normalDraw(random)));
      const counts: Record<Outcome, number[]> = { upheld: [], changed: [], remitted: [], rejected: [] };
      for (const outcome of OUTCOMES) {
        const fixedSum = Object.values(fixed).reduce((s, f) => s + (outcome === "rejected" ? 0 : f[outcome]), 0);
        const weights = free.map((c, i) => volume[i]! * (outcome === "changed" || outcome === "remitted" ? propensity.get(c)! : 1));
        counts[outcome] = allocateExactly(targets[category][outcome] - fixedSum, weights, random);
      }
      free.forEach((c, i) => byMunicipality.get(c)!.set(category, { upheld: counts.upheld[i]!, changed: counts.changed[i]!, remitted: counts.remitted[i]!, rejected: counts.rejected[i]! }));
      for (const [code, f] of Object.entries(fixed)) {
        // Rejected cases are not published; Herning gets about one in nine like the rest.
        const rejected = Math.round(0.11 * (f.upheld + f.changed + f.remitted));
        byMunicipality.get(code)!.set(category, { upheld: f.upheld, changed: f.changed, remitted: f.remitted, rejected });
      }
    }
    const national = new Map<string, Row>();
    for (const m of MUNICIPALITIES) {
      for (const category of CATEGORIES) {
        const subjects = demoSubjects(category, year);
        const total = byMunicipality.get(m.code)!.get(category)!;
        const parts = OUTCOMES.map((o) => allocateExactly(total[o], subjects.map((s) => s.weight), random));
        subjects.forEach((s, i) => {
          const counts = { upheld: parts[0]![i]!, changed: parts[1]![i]!, remitted: parts[2]![i]!, rejected: parts[3]![i]! };
          if (OUTCOMES.every((o) => counts[o] === 0)) return;
          rows.push({ place: m.name, law: s.law, subject: s.subject, year, counts });
          const key = `${s.law}\u0000${s.subject}`;
          const n = national.get(key) ?? { place: "Hele landet", law: s.law, subject: s.subject, year, counts: { upheld: 0, changed: 0, remitted: 0, rejected: 0 } };
          national.set(key, { ...n, counts: { upheld: n.counts.upheld + counts.upheld, changed: n.counts.changed + counts.changed, remitted: n.counts.remitted + counts.remitted, rejected: n.counts.rejected + counts.rejected } });
        });
      }
    }
    rows.push(...national.values());
  }
  return [DEMO_HEADER.join(";"), ...rows.map(formatRow)].join("\r\n") + "\r\n";
}
