import type { Browser, Page } from "playwright-core";
import type { ReportFigureId } from "./report-document.js";
import type { ReportImage } from "./report-images.js";
import type { ReportSvg } from "./build-report-svgs.js";

/**
 * SVG → PNG with the Chromium already on the machine (Debian's /usr/bin/chromium), because Word needs a
 * bitmap beside or instead of SVG and LibreOffice's SVG import in DOCX is unreliable. One browser serves
 * a whole batch; never downloads a browser.
 */
export class ImageRendererMissingError extends Error {
  constructor(path: string, cause: unknown) {
    super(
      `Billederne kræver Chromium, men det kunne ikke startes fra ${path}. Installér Debian-pakken chromium, sæt DANMARKSKORT_CHROMIUM til stien, ` +
        `eller lav dokumentet uden billeder med --no-images. (${cause instanceof Error ? cause.message.split("\n")[0] : String(cause)})`,
    );
  }
}

export type SvgRasterizer = {
  rasterize(svgs: ReadonlyMap<ReportFigureId, ReportSvg>): Promise<Map<ReportFigureId, ReportImage>>;
  close(): Promise<void>;
};

/** Device pixels per CSS pixel: 2 keeps text sharp when Word scales the image to the text width. */
const SCALE = 2;

export async function openSvgRasterizer(executablePath = "/usr/bin/chromium"): Promise<SvgRasterizer> {
  let browser: Browser;
  try {
    // Loaded on first use: the web server imports this module for the report route, and playwright-core
    // costs ~33 MB of heap that would otherwise lengthen every GC pause on the API's hot path.
    const { chromium } = await import("playwright-core");
    browser = await chromium.launch({
      executablePath,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
  } catch (error) {
    throw new ImageRendererMissingError(executablePath, error);
  }
  const context = await browser.newContext({ deviceScaleFactor: SCALE });
  // One page per concurrent call, reused: a batch may rasterize the next document while Node builds the
  // DOCX of the previous one, and two calls must never share a page.
  const idle: Page[] = [];
  return {
    async rasterize(svgs) {
      const page = idle.pop() ?? (await context.newPage());
      try {
        return await rasterizeOnPage(page, svgs);
      } finally {
        idle.push(page);
      }
    },
    async close() {
      await browser.close();
    },
  };
}

/**
 * All of one document's images on one page, stacked, then one clipped screenshot each: one page load per
 * document instead of one per image, and no element-locator waits.
 */
async function rasterizeOnPage(page: Page, svgs: ReadonlyMap<ReportFigureId, ReportSvg>): Promise<Map<ReportFigureId, ReportImage>> {
  const entries = [...svgs];
  const out = new Map<ReportFigureId, ReportImage>();
  if (entries.length === 0) return out;
  const width = Math.ceil(Math.max(...entries.map(([, s]) => s.width)));
  const tops: number[] = [];
  let height = 0;
  for (const [, s] of entries) {
    tops.push(height);
    height += Math.ceil(s.height);
  }
  await page.setViewportSize({ width, height });
  const body = entries.map(([, s]) => `<div style="height:${Math.ceil(s.height)}px;overflow:hidden">${s.svg}</div>`).join("");
  await page.setContent(`<!doctype html><html><head><style>svg{display:block}</style></head><body style="margin:0;background:#fff">${body}</body></html>`, { waitUntil: "load" });
  for (const [i, [id, s]] of entries.entries()) {
    const png = await page.screenshot({ type: "png", clip: { x: 0, y: tops[i]!, width: Math.ceil(s.width), height: Math.ceil(s.height) } });
    out.set(id, { svg: s.svg, png: new Uint8Array(png), width: s.width, height: s.height });
  }
  return out;
}

/** For HTML and Markdown, where the SVG itself is the image. */
export function svgOnlyImages(svgs: ReadonlyMap<ReportFigureId, ReportSvg>): Map<ReportFigureId, ReportImage> {
  return new Map([...svgs].map(([id, s]) => [id, { svg: s.svg, png: null, width: s.width, height: s.height }]));
}
