import { layoutChoropleth, CHOROPLETH_TEXT, type ChoroplethLayout } from "./choropleth-layout.js";
import { fillPaint, type ChoroplethModel } from "./choropleth-model.js";
import { escapeXml, r1, SVG_FONT } from "./svg-text.js";
import type { TextLine, TextStyle } from "./text-measure.js";

/**
 * Hatch patterns for the kinds of missing value, so none reads as a low rate and they are told apart
 * without colour: diagonal lines = ingen sager, crossed lines = ingen data, dots = folketal diskretioneret
 * (the last only drawn where a map uses it).
 */
const PATTERNS =
  `<pattern id="pattern-no-cases" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/><line x1="0" y1="0" x2="0" y2="6" stroke="#6b6b6b" stroke-width="2"/></pattern>` +
  `<pattern id="pattern-no-data" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="#d9d9d9"/><path d="M0,0L6,6M6,0L0,6" stroke="#4d4d4d" stroke-width="1"/></pattern>`;
// Dots, not the cross of "ingen data": the complaint figures exist, only the population is withheld.
const SUPPRESSED_PATTERN =
  `<pattern id="pattern-suppressed" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="#ececec"/><circle cx="3" cy="3" r="1.4" fill="#4d4d4d"/></pattern>`;

function text(line: TextLine, style: TextStyle, attrs: string): string {
  const weight = style.weight && style.weight !== 400 ? ` font-weight="${style.weight}"` : "";
  return `<text x="${r1(line.x)}" y="${r1(line.y)}" font-size="${style.size}"${weight}${attrs}>${escapeXml(line.text)}</text>`;
}

/**
 * Draws the choropleth: every municipality is a link (<a>) to its profile with `data-municipality`,
 * an accessible name and a <title>, so the map works by keyboard and without JavaScript. The legend and
 * source line are part of the SVG, so a downloaded file carries them. "map-only": the page shows legend
 * and source beside the map in HTML (larger, next to the map); the downloaded SVG and PNG are always
 * "full", so a file carries its legend and source line.
 */
export function renderChoroplethSvg(model: ChoroplethModel, options: { readonly idPrefix?: string; readonly furniture?: "full" | "map-only" } = {}): string {
  return renderChoroplethLayoutSvg(layoutChoropleth(model, { furniture: options.furniture ?? "full" }), options);
}

/** Draws a ChoroplethLayout; every position and the size come from the layout. */
export function renderChoroplethLayoutSvg(layout: ChoroplethLayout, options: { readonly idPrefix?: string } = {}): string {
  const { model, width, height } = layout;
  const { geometry } = model;
  const isTile = geometry.kind === "tile";
  const links = model.items
    .map((item) => {
      const { fill } = fillPaint(item.fill);
      const s = item.shape;
      const selected = s.code === model.selectedCode;
      // The chosen municipality keeps a thick dark outline in the file too (the page's CSS is not in a download).
      const stroke = selected ? `stroke="#000000" stroke-width="2.5"` : `stroke="#ffffff" stroke-width="${isTile ? 0 : 0.5}"`;
      const common = `fill="${fill}" ${stroke} class="municipality-shape"`;
      const outline = s.kind === "path" ? `<path d="${s.d}" ${common}/>` : `<rect x="${s.x}" y="${s.y}" width="${s.size}" height="${s.size}" rx="2" ${common}/>`;
      return `<a href="${escapeXml(item.href)}" data-municipality="${s.code}" aria-label="${escapeXml(item.descriptionDa)}" class="municipality${selected ? " selected" : ""}"${selected ? ' aria-current="true"' : ""}><title>${escapeXml(item.descriptionDa)}</title>${outline}</a>`;
    })
    .join("");
  // Tile labels sit outside the links: an abbreviation inside would not match the link's accessible name
  // (WCAG 2.5.3), and the same facts are in the name already. They let clicks through to the tile.
  const inkOf = new Map<string, string>(model.items.map((i) => [i.shape.code, fillPaint(i.fill).ink]));
  const tileLabels = layout.tileTexts
    .map((t) => {
      const ink = ` text-anchor="middle" fill="${inkOf.get(t.code)}"`;
      return text(t.name, CHOROPLETH_TEXT.tileName, ink) + text(t.value, CHOROPLETH_TEXT.tileValue, ink);
    })
    .join("");
  // The chosen municipality's outline is repeated on top, so neighbours drawn later do not cover it; the
  // links keep their order, and with it the keyboard order.
  const chosen = model.items.find((i) => i.shape.code === model.selectedCode)?.shape;
  const chosenOutline = !chosen
    ? ""
    : chosen.kind === "path"
      ? `<path d="${chosen.d}" fill="none" stroke="#000000" stroke-width="2.5" aria-hidden="true" pointer-events="none"/>`
      : `<rect x="${chosen.x}" y="${chosen.y}" width="${chosen.size}" height="${chosen.size}" rx="2" fill="none" stroke="#000000" stroke-width="2.5" aria-hidden="true" pointer-events="none"/>`;
  const decorations = geometry.decorations.map((d) => `<path d="${d.d}" fill="none" stroke="#8c8c8c" stroke-width="1" aria-hidden="true"/>`).join("");
  const legend = layout.legend
    .map((e) => `<rect x="${e.x}" y="${e.y}" width="18" height="18" fill="${fillPaint(e.entry.fill).fill}" stroke="#6b6b6b" stroke-width="0.5"/>` + text(e.label, CHOROPLETH_TEXT.legend, ` fill="#1a1a1a"`))
    .join("");
  const texts = [...layout.noteLines.map((l) => text(l, CHOROPLETH_TEXT.small, ` fill="#1a1a1a"`)), ...layout.sourceLines.map((l) => text(l, CHOROPLETH_TEXT.small, ` fill="#454545"`))].join("");
  const title = layout.titleLines.map((l) => text(l, CHOROPLETH_TEXT.title, ` fill="#1a1a1a" aria-hidden="true"`)).join("");
  const prefix = options.idPrefix ?? "choropleth";
  const { x: ox, y: oy } = layout.mapOrigin;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" class="choropleth" data-geometry="${geometry.kind}" role="group" aria-labelledby="${prefix}-title" font-family="${SVG_FONT}">` +
    `<title id="${prefix}-title">${escapeXml(model.titleDa)}</title><defs>${PATTERNS}${model.items.some((i) => i.fill.kind === "suppressed") ? SUPPRESSED_PATTERN : ""}</defs>` +
    `<rect width="${width}" height="${height}" fill="#ffffff"/>${title}` +
    `<g transform="translate(${ox},${oy})">${decorations}${links}<g aria-hidden="true" pointer-events="none">${tileLabels}</g>${chosenOutline}</g>` +
    (layout.furniture === "full" ? `<g aria-hidden="true" class="legend">${legend}</g><g aria-hidden="true">${texts}</g>` : "") +
    `</svg>`
  );
}
