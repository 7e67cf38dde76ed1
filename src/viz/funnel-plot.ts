import { formatInteger } from "../domain/format-danish-number.js";
import type { MapFigures } from "../domain/map-figures.js";
import { computeFunnelLimits, type FunnelVerdict } from "../domain/statistics/funnel-limits.js";
import { describeFigureRowDa } from "./figure-text.js";
import { escapeXml, r1, SVG_FONT, wrapText } from "./svg-text.js";

export type FunnelPoint = {
  readonly code: string;
  readonly x: number;
  readonly y: number;
  readonly verdict: FunnelVerdict | "not-assessed";
  readonly descriptionDa: string;
  readonly href: string;
};

export type FunnelPlotModel = {
  readonly width: number;
  readonly height: number;
  readonly titleDa: string;
  readonly plot: { readonly left: number; readonly top: number; readonly right: number; readonly bottom: number };
  readonly targetY: number | null;
  /** Limit curves as SVG path data: 95 % and 99,8 %, lower and upper. */
  readonly limitPaths: { readonly p95: readonly string[]; readonly p998: readonly string[] };
  readonly xTicks: readonly { readonly x: number; readonly labelDa: string }[];
  readonly yTicks: readonly { readonly y: number; readonly labelDa: string }[];
  readonly points: readonly FunnelPoint[];
  /** Municipalities without a point (no cases or no data), named so nobody looks for them in vain. */
  readonly notShownDa: string | null;
  readonly sourceLineDa: string | null;
  /** The municipality the reader chose (URL parameter kommune), ringed; null for none. */
  readonly selectedCode: string | null;
};

const MARGIN = { left: 52, right: 16, top: 36, bottom: 74 };

/**
 * Reversal rate against the number of decided cases, with Spiegelhalter's (2005) 95 % and 99,8 % limits
 * around the national rate (computeFunnelLimits, domain). The x axis is a square-root scale: most
 * municipalities have few cases, and a linear axis would crowd them against the left edge.
 */
export function buildFunnelPlotModel(input: {
  readonly figures: Pick<MapFigures, "municipalities" | "national">;
  readonly titleDa: string;
  readonly profileHref: (code: string) => string;
  readonly sourceLineDa?: string | null;
  readonly width?: number;
  readonly height?: number;
  readonly selectedCode?: string | null;
}): FunnelPlotModel {
  const width = input.width ?? 720;
  const height = input.height ?? 440;
  const plot = { left: MARGIN.left, top: MARGIN.top, right: width - MARGIN.right, bottom: height - MARGIN.bottom };
  const national = input.figures.national.estimate;
  const withRate = input.figures.municipalities.filter((r) => r.estimate.kind === "estimate");
  const maxN = Math.max(10, ...withRate.map((r) => (r.estimate.kind === "estimate" ? r.estimate.decided : 0)));
  const xOf = (n: number) => r1(plot.left + (Math.sqrt(n) / Math.sqrt(maxN)) * (plot.right - plot.left));
  const yOf = (v: number) => r1(plot.bottom - v * (plot.bottom - plot.top));
  const limitPaths: { p95: string[]; p998: string[] } = { p95: [], p998: [] };
  if (national.kind === "estimate") {
    const ns = [...new Set(Array.from({ length: 120 }, (_, i) => Math.max(1, Math.round(((i + 1) / 120) ** 2 * maxN))))];
    const limits = ns.map((n) => computeFunnelLimits(national.reversalRate, n));
    const path = (pick: (l: (typeof limits)[number]) => number) => `M${limits.map((l) => `${xOf(l.n)},${yOf(pick(l))}`).join("L")}`;
    limitPaths.p95.push(path((l) => l.lower95), path((l) => l.upper95));
    limitPaths.p998.push(path((l) => l.lower998), path((l) => l.upper998));
  }
  const points = withRate.map((r): FunnelPoint => {
    const e = r.estimate as Extract<typeof r.estimate, { kind: "estimate" }>;
    return {
      code: r.municipalityCode,
      x: xOf(e.decided),
      y: yOf(e.reversalRate),
      verdict: r.funnel.kind === "assessed" ? r.funnel.verdict : "not-assessed",
      descriptionDa: describeFigureRowDa(r, "omgoerelse"),
      href: input.profileHref(r.municipalityCode),
    };
  });
  const tickCandidates = [0, 10, 25, 50, 100, 200, 400, 800, 1600, 3200];
  const xTicks = tickCandidates.filter((n) => n <= maxN).map((n) => ({ x: xOf(n), labelDa: formatInteger(n) }));
  const yTicks = [0, 0.2, 0.4, 0.6, 0.8, 1].map((v) => ({ y: yOf(v), labelDa: `${Math.round(v * 100)} %` }));
  const missing = input.figures.municipalities.filter((r) => r.estimate.kind !== "estimate");
  return {
    width,
    height,
    titleDa: input.titleDa,
    plot,
    targetY: national.kind === "estimate" ? yOf(national.reversalRate) : null,
    limitPaths,
    xTicks,
    yTicks,
    points,
    notShownDa: missing.length === 0 ? null : `Ikke vist (ingen sager eller ingen data): ${missing.map((r) => r.municipalityName).join(", ")}.`,
    sourceLineDa: input.sourceLineDa ?? null,
    selectedCode: input.selectedCode ?? null,
  };
}

/** Shape per verdict so the verdict is not carried by colour alone: ▲ above, ▼ below, ● within. */
function marker(p: FunnelPoint): string {
  const above = p.verdict === "above95" || p.verdict === "above99.8";
  const below = p.verdict === "below95" || p.verdict === "below99.8";
  const colour = above ? "#b30000" : below ? "#005a9c" : "#4d4d4d";
  if (above) return `<path d="M${p.x},${r1(p.y - 5.5)}L${r1(p.x + 5)},${r1(p.y + 3.5)}L${r1(p.x - 5)},${r1(p.y + 3.5)}Z" fill="${colour}" class="funnel-point"/>`;
  if (below) return `<path d="M${p.x},${r1(p.y + 5.5)}L${r1(p.x + 5)},${r1(p.y - 3.5)}L${r1(p.x - 5)},${r1(p.y - 3.5)}Z" fill="${colour}" class="funnel-point"/>`;
  return `<circle cx="${p.x}" cy="${p.y}" r="4" fill="${colour}" fill-opacity="0.75" class="funnel-point"/>`;
}

export function renderFunnelPlotSvg(model: FunnelPlotModel): string {
  const { plot } = model;
  const grid =
    model.yTicks.map((t) => `<line x1="${plot.left}" x2="${plot.right}" y1="${t.y}" y2="${t.y}" stroke="#e5e5e5"/><text x="${plot.left - 6}" y="${t.y}" text-anchor="end" dominant-baseline="middle" font-size="11">${t.labelDa}</text>`).join("") +
    model.xTicks.map((t) => `<line x1="${t.x}" x2="${t.x}" y1="${plot.top}" y2="${plot.bottom}" stroke="#f0f0f0"/><text x="${t.x}" y="${plot.bottom + 16}" text-anchor="middle" font-size="11">${t.labelDa}</text>`).join("");
  const limits =
    model.limitPaths.p95.map((d) => `<path d="${d}" fill="none" stroke="#333333" stroke-width="1.2" stroke-dasharray="5 3"/>`).join("") +
    model.limitPaths.p998.map((d) => `<path d="${d}" fill="none" stroke="#333333" stroke-width="1.2"/>`).join("");
  const target = model.targetY === null ? "" : `<line x1="${plot.left}" x2="${plot.right}" y1="${model.targetY}" y2="${model.targetY}" stroke="#b34700" stroke-width="1.5"/>`;
  const points = model.points
    .map((p) => {
      const selected = p.code === model.selectedCode;
      return `<a href="${escapeXml(p.href)}" data-municipality="${p.code}" aria-label="${escapeXml(p.descriptionDa)}" class="municipality${selected ? " selected" : ""}"${selected ? ' aria-current="true"' : ""}><title>${escapeXml(p.descriptionDa)}</title>${marker(p)}</a>`;
    })
    .join("");
  // The chosen municipality gets a ring on top of the other points, without changing the keyboard order.
  const chosen = model.points.find((p) => p.code === model.selectedCode);
  const ring = chosen ? `<circle cx="${chosen.x}" cy="${chosen.y}" r="9" fill="none" stroke="#000000" stroke-width="2.5" aria-hidden="true" pointer-events="none"/>` : "";
  const ly = plot.bottom + 38;
  const legend =
    `<g font-size="11" aria-hidden="true"><line x1="${plot.left}" x2="${plot.left + 24}" y1="${ly}" y2="${ly}" stroke="#b34700" stroke-width="1.5"/><text x="${plot.left + 30}" y="${ly + 4}">Landsplan</text>` +
    `<line x1="${plot.left + 110}" x2="${plot.left + 134}" y1="${ly}" y2="${ly}" stroke="#333333" stroke-dasharray="5 3"/><text x="${plot.left + 140}" y="${ly + 4}">95 %-grænser</text>` +
    `<line x1="${plot.left + 240}" x2="${plot.left + 264}" y1="${ly}" y2="${ly}" stroke="#333333"/><text x="${plot.left + 270}" y="${ly + 4}">99,8 %-grænser</text>` +
    `<text x="${plot.left + 380}" y="${ly + 4}">▲ over  ▼ under  ● inden for grænserne</text></g>`;
  // The source line wraps at a readable size; the drawing grows by its extra lines.
  const sourceLines = model.sourceLineDa ? wrapText(model.sourceLineDa, Math.floor(model.width / (11 * 0.52))) : [];
  const height = model.height + Math.max(0, sourceLines.length - 1) * 14;
  const source = sourceLines.map((line, i) => `<text x="4" y="${model.height - 8 + i * 14}" font-size="11" fill="#454545">${escapeXml(line)}</text>`).join("");
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${model.width} ${height}" width="${model.width}" height="${height}" class="funnel-plot" role="group" aria-labelledby="funnel-title" font-family="${SVG_FONT}">` +
    `<title id="funnel-title">${escapeXml(model.titleDa)}</title><rect width="${model.width}" height="${height}" fill="#ffffff"/>` +
    `<text x="4" y="18" font-size="15" font-weight="600" aria-hidden="true">${escapeXml(model.titleDa)}</text>${grid}${limits}${target}${points}${ring}` +
    `<text x="${(plot.left + plot.right) / 2}" y="${plot.bottom + 30}" text-anchor="middle" font-size="11" aria-hidden="true">Realitetsbehandlede sager (kvadratrodsskala)</text>` +
    `<text transform="translate(12,${(plot.top + plot.bottom) / 2}) rotate(-90)" text-anchor="middle" font-size="11" aria-hidden="true">Omgørelsesprocent</text>${legend}${source}</svg>`
  );
}
