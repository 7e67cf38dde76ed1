import type { FastifyInstance, FastifyReply } from "fastify";
import { findMunicipalityByCode } from "../../domain/municipality.js";
import { buildAgendaItemFor, isReportFormat, REPORT_CONTENT_TYPES, REPORT_FORMATS, renderAgendaItemFile } from "../../reports/agenda-item-files.js";
import { buildReportSvgs } from "../../reports/build-report-svgs.js";
import { convertDocxToPdf, PdfConversionError, PdfConverterMissingError } from "../../reports/convert-docx-to-pdf.js";
import { openSvgRasterizer, svgOnlyImages, type SvgRasterizer } from "../../reports/rasterize-svg.js";
import { isReportBody, REPORT_BODIES } from "../../reports/report-context.js";
import type { ReportImages } from "../../reports/report-images.js";
import type { AppContext } from "../app-context.js";
import { mapGeometries } from "../geo-boundaries.js";
import { escapeHtml, renderPage } from "../html-page.js";
import { loadPageData } from "./page-data.js";

type Query = Record<string, string | undefined>;

class ReportRequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

function fail(reply: FastifyReply, error: ReportRequestError): string {
  reply.code(error.status).type("text/html; charset=utf-8");
  return renderPage({
    title: "Dagsordenpunktet kan ikke laves",
    isDemo: false,
    body: `<h1>Dagsordenpunktet kan ikke laves</h1><p>${escapeHtml(error.message)}</p><p><a href="/">Gå til forsiden</a></p>`,
  });
}

/**
 * GET /kommuner/{code}/dagsordenpunkt?aar=YYYY&format=docx|pdf|html|md[&organ=byraad|udvalg|handicapraad]
 * [&journalnummer=…&sagsbehandler=…]: the profile page's "Lav dagsordenpunkt". Returns the file with a
 * Danish, ASCII-only file name; HTML opens in the browser (to copy into an agenda system), the rest download.
 */
export function registerReportRoute(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Params: { code: string }; Querystring: Query }>("/kommuner/:code/dagsordenpunkt", async (request, reply) => {
    const { code } = request.params;
    const q = request.query;
    const municipality = /^\d{4}$/.test(code) ? findMunicipalityByCode(code) : undefined;
    if (!municipality) return fail(reply, new ReportRequestError(`Ukendt kommunekode "${code}". Brug den firecifrede kode, fx 0657 for Herning.`, 404));
    if (!q.aar || !/^\d{4}$/.test(q.aar)) return fail(reply, new ReportRequestError(`Angiv dataåret med fire cifre, fx aar=2024 (ikke "${q.aar ?? ""}").`, 400));
    const format = q.format ?? "docx";
    if (!isReportFormat(format)) return fail(reply, new ReportRequestError(`Ukendt format "${format}". Brug format=${REPORT_FORMATS.join("|")}.`, 400));
    const body = q.organ ?? "byraad";
    if (!isReportBody(body)) return fail(reply, new ReportRequestError(`Ukendt organ "${body}". Brug organ=${REPORT_BODIES.join("|")}.`, 400));
    const year = Number(q.aar);
    const data = await loadPageData(ctx.db);
    if (!data.provenanceByYear.has(year)) return fail(reply, new ReportRequestError(`Der er ingen data for ${year}, så dagsordenpunktet kan ikke laves.`, 404));

    // PNG images need Chromium; without it the item is still made, without figures, rather than not at all.
    let rasterizer: SvgRasterizer | null = null;
    if (format === "docx" || format === "pdf") rasterizer = await openSvgRasterizer(process.env.DANMARKSKORT_CHROMIUM).catch(() => null);
    const includeFigures = rasterizer !== null || format === "html" || format === "md";
    try {
      const { model, figures } = buildAgendaItemFor(data.totals, data.provenanceByYear, municipality.code, year, {
        body,
        caseNumber: q.journalnummer,
        caseworker: q.sagsbehandler,
        includeFigures,
      });
      let images: ReportImages = new Map();
      if (includeFigures) {
        const geometries = await mapGeometries();
        const svgs = buildReportSvgs({ figures, geometry: geometries.geographic ?? geometries.tile });
        images = rasterizer ? await rasterizer.rasterize(svgs) : svgOnlyImages(svgs);
      }
      let bytes: Buffer;
      if (format === "pdf") {
        try {
          bytes = await convertDocxToPdf(await renderAgendaItemFile(model, images, "docx"), model.fileBaseName, { command: process.env.DANMARKSKORT_SOFFICE });
        } catch (error) {
          if (error instanceof PdfConverterMissingError || error instanceof PdfConversionError) return fail(reply, new ReportRequestError(error.message, 503));
          throw error;
        }
      } else {
        bytes = await renderAgendaItemFile(model, images, format);
      }
      const fileName = `${model.fileBaseName}.${format}`;
      return reply
        .type(REPORT_CONTENT_TYPES[format])
        .header("Content-Disposition", `${format === "html" ? "inline" : "attachment"}; filename="${fileName}"`)
        .send(bytes);
    } finally {
      await rasterizer?.close();
    }
  });
}
