import { fillPaint, type ChoroplethModel } from "./choropleth-model.js";
import { escapeXml, r1, SVG_FONT, wrapText } from "./svg-text.js";

const LEGEND_ROW = 26;
const LEGEND_COLUMNS = 3;
/** Legend and small text sizes in SVG units; the page scales the map up to its column, never below 1:1. */
const LEGEND_TEXT = 13;
const SMALL_TEXT = 12;
const LINE_HEIGHT = 16;
/** Room for three legend columns with their longest labels ("60,0 pct. og derover (12)"). */
const MIN_WIDTH = 560;

/**
 * Hatch patterns for the two kinds of missing value, so neither reads as a low rate and the two are
 * told apart without colour: diagonal lines = ingen sager, crossed lines = ingen data.
 */
const PATTERNS =
  `<pattern id="pattern-no-cases" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/><line x1="0" y1="0" x2="0" y2="6" stroke="#6b6b6b" stroke-width="2"/></pattern>` +
  `<pattern id="pattern-no-data" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="#d9d9d9"/><path d="M0,0L6,6M6,0L0,6" stroke="#4d4d4d" stroke-width="1"/></pattern>`;

/**
 * Draws the choropleth: every municipality is a link (<a>) to its profile with `data-municipality`,
 * an accessible name and a <title>, so the map works by keyboard and without JavaScript. The legend and
 * source line are part of the SVG, so a downloaded file carries them.
 */
export function renderChoroplethSvg(model: ChoroplethModel, options: { readonly idPrefix?: string; readonly furniture?: "full" | "map-only" } = {}): string {
  const { geometry } = model;
  // "map-only": the page shows legend and source beside the map in HTML (larger, next to the map); the
  // downloaded SVG and PNG are always "full", so a file carries its legend and source line.
  const mapOnly = options.furniture === "map-only";
  const width = Math.max(geometry.width, MIN_WIDTH);
  // A narrow tile map is centred; the legend and texts use the full width.
  const offsetX = r1((width - geometry.width) / 2);
  const legendRows = mapOnly ? 0 : Math.ceil(model.legend.length / LEGEND_COLUMNS);
  const titleHeight = 30;
  const legendTop = titleHeight + geometry.height + (mapOnly ? 0 : 10);
  const charsPerLine = Math.floor(width / (SMALL_TEXT * 0.52));
  const noteLines = model.legendNoteDa && !mapOnly ? wrapText(model.legendNoteDa, charsPerLine) : [];
  const sourceLines = model.sourceLineDa && !mapOnly ? wrapText(model.sourceLineDa, charsPerLine) : [];
  const textLines = [...noteLines.map((line) => ({ line, fill: "#1a1a1a" })), ...sourceLines.map((line) => ({ line, fill: "#454545" }))];
  const textTop = legendTop + legendRows * LEGEND_ROW + 6;
  const height = mapOnly ? legendTop + 4 : textTop + textLines.length * LINE_HEIGHT + 6;
  const isTile = geometry.kind === "tile";
  const shapes = model.items.map((item) => {
    const { fill, ink } = fillPaint(item.fill);
    const s = item.shape;
    const selected = item.shape.code === model.selectedCode;
    // The chosen municipality keeps a thick dark outline in the file too (the page's CSS is not in a download).
    const stroke = selected ? `stroke="#000000" stroke-width="2.5"` : `stroke="#ffffff" stroke-width="${isTile ? 0 : 0.5}"`;
    const common = `fill="${fill}" ${stroke} class="municipality-shape"`;
    const outline = s.kind === "path" ? `<path d="${s.d}" ${common}/>` : `<rect x="${s.x}" y="${s.y}" width="${s.size}" height="${s.size}" rx="2" ${common}/>`;
    const tileText =
      s.kind === "tile"
        ? `<text x="${s.centroid[0]}" y="${r1(s.centroid[1] - 5)}" text-anchor="middle" font-size="9" fill="${ink}">${escapeXml(item.tileLabel)}</text>` +
          `<text x="${s.centroid[0]}" y="${r1(s.centroid[1] + 9)}" text-anchor="middle" font-size="11" font-weight="600" fill="${ink}">${escapeXml(item.tileValue)}</text>`
        : "";
    return {
      link: `<a href="${escapeXml(item.href)}" data-municipality="${s.code}" aria-label="${escapeXml(item.descriptionDa)}" class="municipality${selected ? " selected" : ""}"${selected ? ' aria-current="true"' : ""}><title>${escapeXml(item.descriptionDa)}</title>${outline}</a>`,
      tileText,
    };
  });
  // Tile labels sit outside the links: an abbreviation inside would not match the link's accessible name
  // (WCAG 2.5.3), and the same facts are in the name already. They let clicks through to the tile.
  const links = shapes.map((s) => s.link).join("");
  // The chosen municipality's outline is repeated on top, so neighbours drawn later do not cover it; the
  // links keep their order, and with it the keyboard order.
  const chosen = model.items.find((i) => i.shape.code === model.selectedCode)?.shape;
  const chosenOutline = !chosen
    ? ""
    : chosen.kind === "path"
      ? `<path d="${chosen.d}" fill="none" stroke="#000000" stroke-width="2.5" aria-hidden="true" pointer-events="none"/>`
      : `<rect x="${chosen.x}" y="${chosen.y}" width="${chosen.size}" height="${chosen.size}" rx="2" fill="none" stroke="#000000" stroke-width="2.5" aria-hidden="true" pointer-events="none"/>`;
  const tileLabels = shapes.map((s) => s.tileText).join("");
  const decorations = geometry.decorations
    .map((d) => `<path d="${d.d}" fill="none" stroke="#8c8c8c" stroke-width="1" aria-hidden="true"/>`)
    .join("");
  const colWidth = width / LEGEND_COLUMNS;
  const legend = (mapOnly ? [] : model.legend)
    .map((entry, i) => {
      const x = r1((i % LEGEND_COLUMNS) * colWidth + 4);
      const y = legendTop + Math.floor(i / LEGEND_COLUMNS) * LEGEND_ROW;
      const { fill } = fillPaint(entry.fill);
      return `<rect x="${x}" y="${y}" width="18" height="18" fill="${fill}" stroke="#6b6b6b" stroke-width="0.5"/><text x="${r1(x + 24)}" y="${y + 14}" font-size="${LEGEND_TEXT}" fill="#1a1a1a">${escapeXml(entry.labelDa)} (${entry.count})</text>`;
    })
    .join("");
  const texts = textLines
    .map(({ line, fill }, i) => `<text x="4" y="${textTop + (i + 1) * LINE_HEIGHT - 4}" font-size="${SMALL_TEXT}" fill="${fill}">${escapeXml(line)}</text>`)
    .join("");
  const prefix = options.idPrefix ?? "choropleth";
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" class="choropleth" data-geometry="${geometry.kind}" role="group" aria-labelledby="${prefix}-title" font-family="${SVG_FONT}">` +
    `<title id="${prefix}-title">${escapeXml(model.titleDa)}</title><defs>${PATTERNS}</defs>` +
    `<rect width="${width}" height="${height}" fill="#ffffff"/>` +
    `<text x="4" y="20" font-size="16" font-weight="600" fill="#1a1a1a" aria-hidden="true">${escapeXml(model.titleDa)}</text>` +
    `<g transform="translate(${offsetX},${titleHeight})">${decorations}${links}<g aria-hidden="true" pointer-events="none">${tileLabels}</g>${chosenOutline}</g>` +
    `<g aria-hidden="true">${legend}</g><g aria-hidden="true">${texts}</g></svg>`
  );
}

/** The legend as HTML for the page: a list of swatches (drawn with the map's own patterns) and labels. */
export function renderChoroplethLegendHtml(model: ChoroplethModel): string {
  const items = model.legend
    .map((entry) => {
      const { fill } = fillPaint(entry.fill);
      return `<li><svg class="legend-swatch" width="22" height="22" viewBox="0 0 22 22" aria-hidden="true"><rect x="0.5" y="0.5" width="21" height="21" fill="${fill}" stroke="#6b6b6b"/></svg><span>${escapeXml(entry.labelDa)} <span class="legend-count">(${entry.count})</span></span></li>`;
    })
    .join("");
  return `<ul class="map-legend-list nobullet-list">${items}</ul><p class="legend-note">Tallet i parentes er antallet af kommuner.</p>${model.legendNoteDa ? `<p class="legend-note">${escapeXml(model.legendNoteDa)}</p>` : ""}`;
}

export { wrapText };
