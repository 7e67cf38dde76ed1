import { chromium, type Browser } from "playwright-core";
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
        `eller lav dokumentet uden billeder med --uden-billeder. (${cause instanceof Error ? cause.message.split("\n")[0] : String(cause)})`,
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
    browser = await chromium.launch({
      executablePath,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
  } catch (error) {
    throw new ImageRendererMissingError(executablePath, error);
  }
  const context = await browser.newContext({ deviceScaleFactor: SCALE });
  const page = await context.newPage();
  return {
    async rasterize(svgs) {
      const out = new Map<ReportFigureId, ReportImage>();
      for (const [id, s] of svgs) {
        await page.setViewportSize({ width: Math.ceil(s.width), height: Math.ceil(s.height) });
        await page.setContent(`<!doctype html><html><body style="margin:0;background:#fff">${s.svg}</body></html>`);
        const png = await page.locator("svg").first().screenshot({ type: "png" });
        out.set(id, { svg: s.svg, png: new Uint8Array(png), width: s.width, height: s.height });
      }
      return out;
    },
    async close() {
      await browser.close();
    },
  };
}

/** For HTML and Markdown, where the SVG itself is the image. */
export function svgOnlyImages(svgs: ReadonlyMap<ReportFigureId, ReportSvg>): Map<ReportFigureId, ReportImage> {
  return new Map([...svgs].map(([id, s]) => [id, { svg: s.svg, png: null, width: s.width, height: s.height }]));
}
