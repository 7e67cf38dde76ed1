import { COMPLIANCE_STATUS_KEYS, COMPLIANCE_STATUS_NAMES_DA, type ComplianceStatusKey } from "../domain/compliance-follow-up.js";
import type { MunicipalityCode } from "../domain/municipality.js";
import { tileLabelOf } from "./choropleth-model.js";
import { buildTileGeometry, type MapGeometry, type MunicipalityShape } from "./map-geometry.js";
import { escapeXml, SVG_FONT } from "./svg-text.js";
import { trustSvg, type TrustedSvg } from "./trusted-svg.js";

/**
 * The compliance view's tile map (issue 15, item 4): the map's own tile layout (one equal square per
 * municipality, map-geometry.ts), each tile filled by the council's status. Status is not told by colour
 * alone: every tile carries its status's mark, the legend pairs colour and mark, and "ikke registreret"
 * is hatched, so it never reads as a status of its own colour scale. The table on the page is the text
 * alternative.
 */
export type ComplianceTileStyle = { readonly fill: string; readonly ink: string; readonly mark: string };

export const COMPLIANCE_TILE_STYLES: Readonly<Record<ComplianceStatusKey, ComplianceTileStyle>> = {
  treated: { fill: "#1b7837", ink: "#ffffff", mark: "✓" },
  "treated-late": { fill: "#a6dba0", ink: "#1a1a1a", mark: "✓!" },
  "sent-back": { fill: "#f1a340", ink: "#1a1a1a", mark: "↩" },
  pending: { fill: "#d9d9d9", ink: "#1a1a1a", mark: "…" },
  overdue: { fill: "#b2182b", ink: "#ffffff", mark: "!" },
  "not-registered": { fill: "url(#compliance-not-registered)", ink: "#1a1a1a", mark: "?" },
};

export type ComplianceTileInput = { readonly code: MunicipalityCode; readonly nameDa: string; readonly statusKey: ComplianceStatusKey; readonly href: string };

export type ComplianceTileMapModel = {
  readonly geometry: MapGeometry;
  readonly titleDa: string;
  readonly items: readonly { readonly shape: Extract<MunicipalityShape, { kind: "tile" }>; readonly label: string; readonly statusKey: ComplianceStatusKey; readonly descriptionDa: string; readonly href: string }[];
  readonly legend: readonly { readonly statusKey: ComplianceStatusKey; readonly labelDa: string; readonly mark: string; readonly count: number }[];
};

export function buildComplianceTileMapModel(input: { readonly titleDa: string; readonly municipalities: readonly ComplianceTileInput[] }): ComplianceTileMapModel {
  const geometry = buildTileGeometry();
  const byCode = new Map(input.municipalities.map((m) => [m.code, m]));
  const items = geometry.shapes.flatMap((shape) => {
    const m = byCode.get(shape.code);
    if (!m || shape.kind !== "tile") return [];
    return [{ shape, label: tileLabelOf(m.code, m.nameDa), statusKey: m.statusKey, descriptionDa: `${m.nameDa}: ${COMPLIANCE_STATUS_NAMES_DA[m.statusKey]}`, href: m.href }];
  });
  const legend = COMPLIANCE_STATUS_KEYS.map((k) => ({ statusKey: k, labelDa: COMPLIANCE_STATUS_NAMES_DA[k], mark: COMPLIANCE_TILE_STYLES[k].mark, count: items.filter((i) => i.statusKey === k).length }));
  return { geometry, titleDa: input.titleDa, items, legend };
}

const HATCH = `<pattern id="compliance-not-registered" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/><line x1="0" y1="0" x2="0" y2="6" stroke="#8c8c8c" stroke-width="1.5"/></pattern>`;

/** Draws the tiles as links to each municipality's page; the legend is HTML beside it on the page. */
export function renderComplianceTileMapSvg(model: ComplianceTileMapModel): TrustedSvg {
  const { width, height } = model.geometry;
  const tiles = model.items
    .map((i) => {
      const s = i.shape;
      const style = COMPLIANCE_TILE_STYLES[i.statusKey];
      const cx = s.x + s.size / 2;
      return (
        `<a href="${escapeXml(i.href)}" data-municipality="${s.code}" data-status="${i.statusKey}" aria-label="${escapeXml(i.descriptionDa)}"><title>${escapeXml(i.descriptionDa)}</title>` +
        `<rect x="${s.x}" y="${s.y}" width="${s.size}" height="${s.size}" rx="2" fill="${style.fill}" stroke="#6b6b6b" stroke-width="0.5"/></a>` +
        `<text x="${cx}" y="${s.y + 14}" font-size="9" text-anchor="middle" fill="${style.ink}" aria-hidden="true" pointer-events="none">${escapeXml(i.label)}</text>` +
        `<text x="${cx}" y="${s.y + 29}" font-size="12" font-weight="600" text-anchor="middle" fill="${style.ink}" aria-hidden="true" pointer-events="none">${escapeXml(style.mark)}</text>`
      );
    })
    .join("");
  return trustSvg(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="group" aria-label="${escapeXml(model.titleDa)}" font-family="${SVG_FONT}"><defs>${HATCH}</defs>${tiles}</svg>`,
  );
}
