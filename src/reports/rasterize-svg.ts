import { shippedFontFiles } from "../viz/shipped-font.js";
import type { ReportSvg } from "./build-report-svgs.js";
import type { ReportFigureId } from "./report-document.js";
import type { ReportImage } from "./report-images.js";

/**
 * SVG → PNG, because Word needs a bitmap beside or instead of SVG and LibreOffice's SVG import in DOCX is
 * unreliable. Drawn by resvg (@resvg/resvg-js, whose native binary comes inside its npm package), with
 * the shipped IBM Plex Sans files and no system fonts, so a PNG is the same on every machine and no
 * browser is started: an agenda item with figures needs no Chromium.
 */
export class ImageRendererMissingError extends Error {
  constructor(cause: unknown) {
    super(
      `Billederne kunne ikke tegnes: SVG-tegneren (@resvg/resvg-js) kunne ikke indlæses på denne maskine. Kør npm ci igen, ` +
        `eller lav dokumentet uden billeder med --no-images. (${cause instanceof Error ? cause.message.split("\n")[0] : String(cause)})`,
    );
  }
}

/**
 * The image renderer an agenda item is drawn with; a small interface so the caller can hand in another
 * (or share one across a batch).
 */
export type SvgRasterizer = {
  rasterize(svgs: ReadonlyMap<ReportFigureId, ReportSvg>): Promise<Map<ReportFigureId, ReportImage>>;
  close(): Promise<void>;
};

/** Device pixels per CSS pixel: 2 keeps text sharp when Word scales the image to the text width. */
const SCALE = 2;

export async function openSvgRasterizer(): Promise<SvgRasterizer> {
  let resvg: typeof import("@resvg/resvg-js");
  try {
    // Loaded on first use, so a server that never makes a DOCX never loads the native module.
    resvg = await import("@resvg/resvg-js");
  } catch (error) {
    throw new ImageRendererMissingError(error);
  }
  const fontFiles = [...shippedFontFiles()];
  return {
    async rasterize(svgs) {
      const out = new Map<ReportFigureId, ReportImage>();
      for (const [id, s] of svgs) {
        // renderAsync draws on libuv's thread pool, so a batch keeps writing DOCX files meanwhile.
        const image = await resvg.renderAsync(s.svg, {
          fitTo: { mode: "width", value: Math.round(s.width * SCALE) },
          background: "#ffffff",
          font: { fontFiles, loadSystemFonts: false, defaultFontFamily: "IBM Plex Sans", sansSerifFamily: "IBM Plex Sans" },
        });
        out.set(id, { svg: s.svg, png: new Uint8Array(image.asPng()), width: s.width, height: s.height });
      }
      return out;
    },
    async close() {},
  };
}

/** For HTML and Markdown, where the SVG itself is the image. */
export function svgOnlyImages(svgs: ReadonlyMap<ReportFigureId, ReportSvg>): Map<ReportFigureId, ReportImage> {
  return new Map([...svgs].map(([id, s]) => [id, { svg: s.svg, png: null, width: s.width, height: s.height }]));
}
