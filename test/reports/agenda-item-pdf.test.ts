import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { indexCellTotals } from "../../src/domain/cell-totals.js";
import { buildAgendaItemFor, renderAgendaItemFile } from "../../src/reports/agenda-item-files.js";
import type { AgendaItemModel } from "../../src/reports/agenda-item-model.js";
import { buildReportSvgs } from "../../src/reports/build-report-svgs.js";
import { convertDocxFilesToPdf } from "../../src/reports/convert-docx-to-pdf.js";
import { openSvgRasterizer } from "../../src/reports/rasterize-svg.js";
import type { ReportTable } from "../../src/reports/report-document.js";
import { generateReferenceCells, generateReferenceProvenance, HERNING } from "./support/reference-cells.js";

const run = promisify(execFile);

/**
 * The DOCX as a council member gets it: the default Herning 2024 item on the reference cells of 2023 and
 * 2024 (the published 2024 figures, domain.md §7), and the same item with every optional section and both images, converted once by headless LibreOffice (Debian
 * libreoffice-writer-nogui) and read back with poppler's pdftotext. Every figure of Tabel 1–3 must be
 * in the PDF's text, in its row's order on one line, so a lost column, a clipped cell or a table
 * LibreOffice cannot lay out fails here. Needs soffice, pdftotext and pdfimages.
 */
describe("agenda item DOCX → PDF with LibreOffice", () => {
  let dir: string;
  let model: AgendaItemModel;
  /** pdftotext -layout: table rows stay on one line. */
  let layoutText: string;
  /** pdftotext without layout: running text in reading order. */
  let plainText: string;
  let imageList: string;
  /** The default (short) item: pdftotext -layout, pages split by form feeds. */
  let shortLayout: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "danmarkskort-pdf-test-"));
    const built = buildAgendaItemFor(indexCellTotals(generateReferenceCells()), generateReferenceProvenance(), HERNING, 2024, {
      caseNumber: "27.69.52-I02-1-25",
      caseworker: "Jane Sønderkov",
      sections: "alle",
    });
    model = built.model;
    const rasterizer = await openSvgRasterizer();
    let images;
    try {
      images = await rasterizer.rasterize(buildReportSvgs({ figures: built.figures }));
    } finally {
      await rasterizer.close();
    }
    const docx = join(dir, `${model.fileBaseName}.docx`);
    await writeFile(docx, await renderAgendaItemFile(model, images, "docx"));
    const short = buildAgendaItemFor(indexCellTotals(generateReferenceCells([2023, 2024])), generateReferenceProvenance(false, [2023, 2024]), HERNING, 2024).model;
    const shortDocx = join(dir, "kort.docx");
    await writeFile(shortDocx, await renderAgendaItemFile(short, new Map(), "docx"));
    const [pdf, shortPdf] = await convertDocxFilesToPdf([docx, shortDocx], dir);
    shortLayout = (await run("pdftotext", ["-layout", "-enc", "UTF-8", shortPdf!, "-"])).stdout;
    expect((await readFile(pdf!)).subarray(0, 5).toString()).toBe("%PDF-");
    layoutText = (await run("pdftotext", ["-layout", "-enc", "UTF-8", pdf!, "-"])).stdout;
    plainText = (await run("pdftotext", ["-enc", "UTF-8", pdf!, "-"])).stdout;
    imageList = (await run("pdfimages", ["-list", pdf!])).stdout;
  });

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  function tables(): ReportTable[] {
    return model.sections.flatMap((s) => s.blocks).filter((b): b is ReportTable => b.kind === "table");
  }

  function escapeRegExp(s: string): string {
    return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }

  it("prints every figure of Tabel 1–3, row by row, in the PDF text", () => {
    const first3 = tables().slice(0, 3);
    expect(first3.map((t) => t.label)).toEqual(["Tabel 1", "Tabel 2", "Tabel 3"]);
    const lines = layoutText.split("\n");
    const missing: string[] = [];
    let figuresChecked = 0;
    for (const t of first3) {
      for (const row of t.rows) {
        const figures = row.cells.filter((_, i) => t.numericColumns.includes(i));
        figuresChecked += figures.length;
        // The figures in order, separated only by blanks; the row label may wrap onto the line above.
        const pattern = new RegExp(`(^|\\s)${figures.map(escapeRegExp).join("\\s+")}(\\s|$)`);
        if (!lines.some((line) => pattern.test(line))) missing.push(`${t.label}, ${row.cells[0]}: ${figures.join(" ")}`);
      }
    }
    expect(missing, `Tal fra tabellerne mangler i PDF'en:\n${missing.join("\n")}`).toEqual([]);
    // 3 + 1 + 1 … rows of 7 figures: 6 rows in Tabel 1, 2 in Tabel 2, 2 in Tabel 3.
    expect(figuresChecked).toBe(70);
  });

  it("shows the published 2024 figures themselves (domain.md §7), not only whatever the model holds", () => {
    const normalised = layoutText.replace(/[ \t]+/g, " ");
    for (const row of [
      "6.905 44,9 3.102 7,1 491 37,8 2.611",
      "77 44,2 34 5,2 4 39,0 30",
      "49 44,9 22 6,1 3 38,8 19",
      "28 42,9 12 3,6 1 39,3 11",
      "1.881 48,9 919 7,6 143 41,3 776",
      "27 40,7 11 3,7 1 37,0 10",
      "532 40,4 215 4,5 24 35,9 191",
      "5 20,0 1 20,0 1 0,0 0",
    ]) {
      expect(normalised).toContain(row);
    }
  });

  it("keeps title, journal number, caseworker, the four main headings and the table captions", () => {
    const text = plainText.replace(/\s+/g, " ");
    expect(text).toContain("Danmarkskortet – omgørelsesprocenter i Ankestyrelsen 2024");
    expect(text).toContain("Journalnummer: 27.69.52-I02-1-25");
    expect(text).toContain("Sagsbehandler: Jane Sønderkov");
    for (const heading of ["Resume", "Sagsfremstilling", "Indstilling", "Bilag"]) expect(plainText).toMatch(new RegExp(`^${heading}$`, "m"));
    // Captions may wrap after a dash; compared without blanks, a wrap cannot hide or fake a difference.
    const squeezed = text.replace(/\s+/g, "");
    for (const t of tables()) expect(squeezed).toContain(`${t.label}: ${t.caption}`.replace(/\s+/g, ""));
    expect(text).toContain("at danmarkskortet over omgørelsesprocenter 2024 tages til efterretning");
  });

  it("numbers the pages 'Side n af N' in the footer of every page", () => {
    const pages = layoutText.split("\f").filter((p) => p.trim() !== "");
    expect(pages.length).toBeGreaterThan(2);
    pages.forEach((page, i) => expect(page).toContain(`Side ${i + 1} af ${pages.length}`));
  });

  it("embeds the neighbour map and the trend chart as images", () => {
    // pdfimages -list: two header lines, then one line per image (an image with transparency adds an smask line).
    const images = imageList
      .split("\n")
      .slice(2)
      .filter((l) => /^\s*\d+\s+\d+\s+image\s/.test(l));
    expect(images).toHaveLength(2);
    const text = plainText.replace(/\s+/g, " ");
    expect(text).toContain("Figur 1: Herning Kommune og nabokommunerne");
    expect(text).toContain("Figur 2:");
  });

  it("fits the default item on at most 4 pages and 1.600 words (issue 16; the seed is about 3 pages)", () => {
    const pages = shortLayout.split("\f").filter((p) => p.trim() !== "");
    expect(pages.length).toBeLessThanOrEqual(4);
    pages.forEach((page, i) => expect(page).toContain(`Side ${i + 1} af ${pages.length}`));
    expect(shortLayout.split(/\s+/).filter((w) => /[\p{L}\d]/u.test(w)).length).toBeLessThanOrEqual(1600);
    expect(shortLayout).toContain("Tabel 3: Omgørelsesprocenter på voksenhandicapområdet");
    expect(shortLayout).not.toMatch(/Tabel 4|Figur 1/);
  });
});
