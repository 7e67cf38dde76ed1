import iconv from "iconv-lite";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ComplaintCell } from "../../src/domain/complaint-cell.js";
import { describeChanceFlagsDa, describeOverdispersionDa } from "../../src/domain/funnel-summary-text.js";
import { MAP_DEFINITIONS, MAP_IDS } from "../../src/domain/map-definition.js";
import { FUNNEL_VERDICT_NAMES_DA, FUNNEL_VERDICT_SHORT_DA, type FunnelVerdict } from "../../src/domain/statistics/funnel-limits.js";
import { analyseImportFile } from "../../src/importers/analyse-import-file.js";
import { DEFAULT_DEMO_SEED, generateDemoTalportalCsv } from "../../src/importers/demo/generate-demo-talportal-csv.js";
import type { MapFiguresResponse } from "../../src/server/api-types.js";
import { buildApp } from "../../src/server/app.js";
import { createTestDatabase, type TestDatabase } from "../support/test-databases.js";
import { overdispersed2024Cells } from "./overdispersed-2024-cells.js";
import { published2024Cells } from "./published-2024-cells.js";
import { storeCells } from "./stored-datasets.js";

/**
 * Issue 10, item 1: one verdict rule for curve, marker and words. For every municipality of every map and
 * area of the 2024 data (the published figures spread evenly, the seeded demo data set, and a seeded data set
 * with real between-municipality variation), the funnel SVG the server sends is read back: its limit curves
 * (paths marked data-level/data-side), each point's marker shape and place, and the verdict the API gives.
 * Marker, place against the drawn curve at the point's own x, table cell, tooltip and API must all agree.
 */

type Curve = Map<string, number>;

function parseCurves(svg: string): Record<string, Curve> {
  const curves: Record<string, Curve> = {};
  for (const m of svg.matchAll(/<path d="M([^"]+)"[^>]*class="funnel-limit" data-level="([\d.]+)" data-side="(lower|upper)"/g)) {
    const curve: Curve = new Map();
    for (const pair of m[1]!.split("L")) {
      const [x, y] = pair.split(",");
      curve.set(x!, Number(y));
    }
    curves[`${m[3]}${m[2]}`] = curve;
  }
  return curves;
}

type Marker = { code: string; verdict: string; label: string; x: string; y: number; shape: "up-filled" | "up-open" | "down-filled" | "down-open" | "dot" | "ring" };

function parseMarkers(svg: string): Marker[] {
  const out: Marker[] = [];
  for (const m of svg.matchAll(/<a [^>]*data-municipality="(\d{4})" data-verdict="([^"]+)" aria-label="([^"]*)"[^>]*>.*?<\/title>(<(?:path|circle)[^>]*>)/g)) {
    const el = m[4]!;
    const circle = /<circle cx="([^"]+)" cy="([^"]+)"/.exec(el);
    if (circle) {
      out.push({ code: m[1]!, verdict: m[2]!, label: m[3]!, x: circle[1]!, y: Number(circle[2]), shape: el.includes('fill="#ffffff"') ? "ring" : "dot" });
      continue;
    }
    const [tip, base] = [...el.matchAll(/[ML]([\d.-]+),([\d.-]+)/g)].map((p) => ({ x: p[1]!, y: Number(p[2]) }));
    const up = tip!.y < base!.y;
    const filled = !el.includes('fill="#ffffff"');
    out.push({ code: m[1]!, verdict: m[2]!, label: m[3]!, x: tip!.x, y: Math.round((up ? tip!.y + 5.5 : tip!.y - 5.5) * 10) / 10, shape: `${up ? "up" : "down"}-${filled ? "filled" : "open"}` as Marker["shape"] });
  }
  return out;
}

const SHAPE_OF: Readonly<Record<FunnelVerdict, Marker["shape"]>> = {
  "above99.8": "up-filled",
  above95: "up-open",
  within: "dot",
  below95: "down-open",
  "below99.8": "down-filled",
  "too-few-cases": "ring",
};

const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&#39;/g, "'").replace(/&amp;/g, "&");

async function demoCells(): Promise<ComplaintCell[]> {
  const dir = mkdtempSync(join(tmpdir(), "danmarkskort-verdicts-"));
  try {
    const file = join(dir, "demo.csv");
    writeFileSync(file, iconv.encode(generateDemoTalportalCsv({ seed: DEFAULT_DEMO_SEED }), "latin1"));
    return (await analyseImportFile({ path: file })).cells.filter((c) => c.year === 2024);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const DATASETS: readonly [string, () => ComplaintCell[] | Promise<ComplaintCell[]>][] = [
  ["published 2024 figures, spread evenly", () => published2024Cells()],
  ["the seeded demo data set, 2024", demoCells],
  ["2024 with between-municipality variation (seeded)", () => overdispersed2024Cells()],
];

describe.each(DATASETS)("verdict, marker and drawn limits agree: %s", (_label, cells) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  beforeAll(async () => {
    t = await createTestDatabase("pglite");
    await storeCells(t.db, await cells());
    app = await buildApp({ db: t.db, storageDescription: "pglite" });
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  const selections = MAP_IDS.flatMap((map) => MAP_DEFINITIONS[map].areas.map((area) => [map, area] as const));
  it.each(selections)("%s, %s", async (map, area) => {
    const areaParam = { total: "i-alt", children: "boern", adults: "voksne" }[area];
    const api = (await app.inject({ url: `/api/v1/maps/${map}/2024?area=${area}` })).json() as MapFiguresResponse;
    const svg = (await app.inject({ url: `/kort/tragt.svg?kort=${map}&aar=2024&omraade=${areaParam}` })).body;
    const csv = (await app.inject({ url: `/kort/tabel.csv?kort=${map}&aar=2024&omraade=${areaParam}` })).body.split("\r\n");
    const curves = parseCurves(svg);
    expect(Object.keys(curves).sort()).toEqual(["lower95", "lower99.8", "upper95", "upper99.8"]);
    const markers = new Map(parseMarkers(svg).map((m) => [m.code, m]));
    const clip = /<clipPath id="funnel-plot-area"><rect x="[^"]+" y="([^"]+)" width="[^"]+" height="([^"]+)"/.exec(svg)!;
    const plot = { top: Number(clip[1]), bottom: Number(clip[1]) + Number(clip[2]) };
    const verdictColumn = csv[0]!.split(";").indexOf("Sammenlignet med landsplan (tragtplot)");
    let checked = 0;
    for (const record of api.municipalities) {
      const verdict = "verdict" in record ? (record.verdict ?? null) : null;
      const marker = markers.get(record.municipalityCode!);
      if (verdict === null) {
        expect(marker, record.municipalityName).toBeUndefined();
        continue;
      }
      expect(marker, record.municipalityName).toBeDefined();
      const m = marker!;
      const why = `${record.municipalityName}: ${record.kind === "estimate" ? `${record.reversed}/${record.decided}` : ""} ${verdict}`;
      expect(m.verdict, why).toBe(verdict);
      expect(m.shape, why).toBe(SHAPE_OF[verdict]);
      expect(unescape(m.label), why).toContain(`Sammenlignet med landsplan: ${FUNNEL_VERDICT_NAMES_DA[verdict]}.`);
      const row = csv.find((line) => line.split(";")[1] === record.municipalityCode)!.split(";");
      expect(row[verdictColumn], why).toBe(FUNNEL_VERDICT_SHORT_DA[verdict]);
      // The curves at the point's own x (SVG y grows downwards: above a curve is a smaller y).
      const at = (name: string) => {
        const y = curves[name]!.get(m.x);
        expect(y, `${why}: ingen kurvepunkt ved x = ${m.x}`).toBeDefined();
        return y!;
      };
      const [u998, u95, l95, l998] = [at("upper99.8"), at("upper95"), at("lower95"), at("lower99.8")];
      switch (verdict) {
        case "above99.8":
          expect(m.y, why).toBeLessThanOrEqual(u998);
          break;
        case "above95":
          expect(m.y, why).toBeLessThanOrEqual(u95);
          expect(m.y, why).toBeGreaterThanOrEqual(u998);
          break;
        case "within":
          expect(m.y, why).toBeGreaterThanOrEqual(u95);
          expect(m.y, why).toBeLessThanOrEqual(l95);
          break;
        case "below95":
          expect(m.y, why).toBeGreaterThanOrEqual(l95);
          expect(m.y, why).toBeLessThanOrEqual(l998);
          break;
        case "below99.8":
          expect(m.y, why).toBeGreaterThanOrEqual(l998);
          break;
        case "too-few-cases": {
          // Nothing at this n can lie beyond: both 95 % limits lie outside the plotted 0–100 %.
          expect(u95, why).toBeLessThan(plot.top);
          expect(l95, why).toBeGreaterThan(plot.bottom);
          expect("funnelLimits" in record && record.funnelLimits!.upper95 > 1 && record.funnelLimits!.lower95 < 0, why).toBe(true);
          break;
        }
      }
      checked++;
    }
    expect(checked).toBeGreaterThan(80);
    // The funnel page states the chance flags and the over-dispersion in plain Danish, beside the plot.
    const page = unescape((await app.inject({ url: `/kort?kort=${map}&aar=2024&omraade=${areaParam}&visning=tragt` })).body);
    expect(page).toContain(describeChanceFlagsDa(api.funnelSummary)!);
    expect(page).toContain(describeOverdispersionDa(api.funnelSummary)!);
    expect(api.overdispersion).toEqual(api.funnelSummary.overdispersion);
  });
});
