import { mapPageQuery } from "../../viz/page-state.js";
import { mapDownloadBaseName, type MapSelection } from "./map-selection.js";

/** The downloads beside a map page view: the table always, the figure of the view, its source line and permalink. */
export type DownloadItem =
  | { readonly kind: "link"; readonly href: string; readonly labelDa: string }
  /** A PNG drawn in the browser from an SVG: fetched from an address (src) or taken from the page (from). */
  | {
      readonly kind: "png";
      readonly source: "src" | "from";
      readonly selector: string;
      readonly fileName: string;
      readonly labelDa: string;
    };

export type Downloads = {
  readonly items: readonly DownloadItem[];
  readonly sourceLineDa: string;
  readonly permalinkHref: string;
  readonly permalinkTextDa: string;
};

export function buildDownloads(s: MapSelection, kind: "map" | "table" | "funnel"): Downloads {
  const q = mapPageQuery(s.state);
  const base = mapDownloadBaseName(s.state);
  const items: DownloadItem[] = [
    { kind: "link", href: `/kort/tabel.csv?${q}`, labelDa: "Tabel som CSV" },
    { kind: "link", href: `/kort/tabel.xlsx?${q}`, labelDa: "Tabel som XLSX (Excel)" },
  ];
  // The map's PNG is drawn from the downloadable SVG (with legend and source line), not the page's map-only SVG.
  if (kind === "map") {
    items.push(
      { kind: "link", href: `/kort/kort.svg?${q}`, labelDa: "Kort som SVG" },
      {
        kind: "png",
        source: "src",
        selector: `/kort/kort.svg?${q}`,
        fileName: `${base}-${s.state.measure}.png`,
        labelDa: "Kort som PNG",
      },
    );
  }
  if (kind === "funnel") {
    items.push(
      { kind: "link", href: `/kort/tragt.svg?${q}`, labelDa: "Tragtplot som SVG" },
      {
        kind: "png",
        source: "from",
        selector: "svg.funnel-plot",
        fileName: `${base}-tragtplot.png`,
        labelDa: "Tragtplot som PNG",
      },
    );
  }
  return { items, sourceLineDa: s.sourceLineDa, permalinkHref: `/kort?${q}`, permalinkTextDa: `/kort?${q}` };
}
