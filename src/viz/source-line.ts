import type { DatasetProvenance, YearProvenance } from "../domain/complaint-cell.js";
import { DEMO_NOTICE_DA } from "../domain/complaint-cell.js";

type Provenance = DatasetProvenance & { readonly standing?: YearProvenance["standing"] };

/**
 * What a version is, for the source line: the map as published, an extraction of a date (labelled as
 * such, not as the published map: issue 9), or demo data with no extraction at all.
 */
function versionPartDa(p: Provenance): string {
  const version = `datasætversion ${p.datasetVersionId} (${p.fileName})`;
  if (p.isDemo) return `${version}, udtræksdato ukendt`;
  if (p.standing === "published") return `${version}, kortet som offentliggjort, udtrukket ${p.extractedOn ?? "(dato ukendt)"}`;
  return `${version}, ${p.extractedOn ? `udtræk af ${p.extractedOn}` : "udtræk uden kendt dato"}, ikke det offentliggjorte kort`;
}

/**
 * The source line every download and chart of one data year carries (style.md habit 5): Ankestyrelsen's
 * statistics, the dataset version and file, whether it is the published map or an extraction of a date,
 * and the demo flag.
 */
export function buildSourceLineDa(provenance: Provenance | undefined): string {
  if (!provenance) return "Kilde: ingen data indlæst for det valgte år.";
  const demo = provenance.isDemo ? ` ${DEMO_NOTICE_DA.toUpperCase()}.` : "";
  return `Kilde: Ankestyrelsens ankestatistik, ${versionPartDa(provenance)}.${demo}`;
}

/** "2016–2019, 2021": consecutive years as spans. */
function spansDa(years: readonly number[]): string {
  const spans: string[] = [];
  for (const y of years) {
    const last = spans.at(-1);
    const m = last ? /^(\d{4})(?:–(\d{4}))?$/.exec(last) : null;
    const end = m ? Number(m[2] ?? m[1]) : NaN;
    if (m && y === end + 1) spans[spans.length - 1] = `${m[1]}–${y}`;
    else spans.push(String(y));
  }
  return spans.join(", ");
}

/**
 * The source line of a series across years (trend chart, neighbour table, the profile's downloads): it
 * names the version behind each year, so a chart whose years come from different extractions says so.
 * With one version for all years it reads as the one-year line, followed by the years.
 */
export function buildSeriesSourceLineDa(provenanceByYear: ReadonlyMap<number, Provenance>, years: readonly number[]): string {
  const sorted = [...new Set(years)].filter((y) => provenanceByYear.has(y)).sort((a, b) => a - b);
  if (sorted.length === 0) return "Kilde: ingen data indlæst for de valgte år.";
  const groups = new Map<string, { p: Provenance; years: number[] }>();
  for (const y of sorted) {
    const p = provenanceByYear.get(y)!;
    const key = `${p.datasetVersionId}|${p.standing ?? ""}`;
    const g = groups.get(key) ?? { p, years: [] };
    g.years.push(y);
    groups.set(key, g);
  }
  const demo = [...groups.values()].some((g) => g.p.isDemo) ? ` ${DEMO_NOTICE_DA.toUpperCase()}.` : "";
  if (groups.size === 1) {
    const only = [...groups.values()][0]!;
    return `${buildSourceLineDa(only.p)} Dataår ${spansDa(only.years)}.`;
  }
  const parts = [...groups.values()].map(({ p, years: ys }) => `${spansDa(ys)}: ${versionPartDa(p)}`);
  return `Kilde: Ankestyrelsens ankestatistik; ${parts.join("; ")}.${demo}`;
}
