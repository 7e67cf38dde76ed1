import type { ReportFigureId } from "./report-document.js";

/** A drawn figure: the SVG (for HTML) and, where a converter ran, a PNG of it (for DOCX and PDF). */
export type ReportImage = {
  readonly svg: string;
  readonly png: Uint8Array | null;
  /** Pixel size the PNG was drawn at; the DOCX scales it to the text width keeping this ratio. */
  readonly width: number;
  readonly height: number;
};

export type ReportImages = ReadonlyMap<ReportFigureId, ReportImage>;

export const NO_IMAGES: ReportImages = new Map();
