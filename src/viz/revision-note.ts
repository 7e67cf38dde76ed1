import { formatDanishDate } from "../domain/council-treatment.js";
import type { FigureRevision } from "../domain/figure-revision.js";
import { formatInteger, formatPercent } from "../domain/format-danish-number.js";
import type { RateEstimate } from "../domain/rate-estimate.js";

function rateDa(e: RateEstimate): string {
  switch (e.kind) {
    case "estimate":
      return `${formatPercent(e.reversalRate)} pct. (${formatInteger(e.reversed)} af ${formatInteger(e.decided)} realitetsbehandlede sager)`;
    case "no-cases":
      return "ingen realitetsbehandlede sager";
    case "no-data":
      return "ingen tal";
  }
}

const dateDa = (iso: string | null | undefined) => (iso ? formatDanishDate(iso.slice(0, 10)) : null);

/**
 * Where Ankestyrelsen has since revised a figure of the map as published, the page says so beside the figure,
 * in plain Danish with both figures and both dates (issue 9, point 2); null where nothing was revised. The
 * figure shown stays the published one: that is the map the council treats.
 */
export function revisionNoteDa(shown: RateEstimate, revision: FigureRevision | undefined, dates: { readonly revisedOn: string | null; readonly shownOn: string | null }): string | null {
  if (revision?.kind !== "revised") return null;
  const revisedOn = dateDa(dates.revisedOn);
  const shownOn = dateDa(dates.shownOn);
  return (
    `Ankestyrelsen har siden revideret tallet: I ${revisedOn ? `et udtræk af ${revisedOn}` : "et senere udtræk"} er det ${rateDa(revision.estimate)}. ` +
    `Her vises danmarkskortet, som det blev offentliggjort${shownOn ? ` (udtrukket ${shownOn})` : ""}: ${rateDa(shown)}.`
  );
}
