import { describe, expect, it } from "vitest";
import { indexCellTotals } from "../../src/domain/cell-totals.js";
import { buildAgendaItemFor } from "../../src/reports/agenda-item-files.js";
import type { ReportTable } from "../../src/reports/report-document.js";
import { renderAgendaItemDocx } from "../../src/reports/render-agenda-item-docx.js";
import { renderAgendaItemHtml } from "../../src/reports/render-agenda-item-html.js";
import { generateReferenceCells, generateReferenceProvenance, HERNING } from "./support/reference-cells.js";
import { listZipEntries, readZipEntry } from "./support/read-zip-entry.js";

const { model } = buildAgendaItemFor(indexCellTotals(generateReferenceCells()), generateReferenceProvenance(true), HERNING, 2024, {});
const tables = model.sections.flatMap((s) => s.blocks).filter((b): b is ReportTable => b.kind === "table");

/** Issue 6, item 3: "DOCX with real tables and heading styles, page numbers"; HTML clean enough to paste. */
describe("agenda item as DOCX", async () => {
  const docx = await renderAgendaItemDocx(model);
  const document = readZipEntry(docx, "word/document.xml").toString("utf8");

  it("uses Word's heading styles for title, main sections and subsections", () => {
    expect(document.match(/<w:pStyle w:val="Heading1"\/>/g)).toHaveLength(1);
    expect(document.match(/<w:pStyle w:val="Heading2"\/>/g)).toHaveLength(model.sections.length);
    const subheadings = model.sections.flatMap((s) => s.blocks).filter((b) => b.kind === "heading" && b.level === 3).length;
    expect(document.match(/<w:pStyle w:val="Heading3"\/>/g)).toHaveLength(subheadings);
    expect(readZipEntry(docx, "word/styles.xml").toString("utf8")).toContain('w:styleId="Heading2"');
  });

  it("has one real table per model table, with header rows that repeat on a new page", () => {
    expect(document.match(/<w:tbl>/g)).toHaveLength(tables.length);
    expect((document.match(/<w:tblHeader\/>/g) ?? []).length).toBe(tables.reduce((n, t) => n + t.header.length, 0));
    // Tabel 1's two-row header: three column spans of 2 and two cells spanning both rows.
    expect(document).toContain('<w:gridSpan w:val="2"/>');
    expect(document).toContain('<w:vMerge w:val="restart"/>');
  });

  it("numbers the pages in the footer with PAGE and NUMPAGES fields, and carries the demo notice there", () => {
    const footerName = listZipEntries(docx).find((n) => /^word\/footer\d*\.xml$/.test(n));
    expect(footerName).toBeDefined();
    const footer = readZipEntry(docx, footerName!).toString("utf8");
    expect(footer).toMatch(/PAGE/);
    expect(footer).toMatch(/NUMPAGES/);
    expect(footer).toContain("Demodata – ikke Ankestyrelsens tal");
  });

  it("is marked as Danish text", () => {
    expect(readZipEntry(docx, "word/styles.xml").toString("utf8")).toContain('w:val="da-DK"');
  });
});

describe("agenda item as HTML", () => {
  const html = renderAgendaItemHtml(model);

  it("is plain markup to paste: no scripts, no event handlers, no external resources", () => {
    expect(html).not.toMatch(/<script|\son\w+=|<link|<iframe|src="http/i);
    expect(html).toContain('<html lang="da">');
  });

  it("gives every table a caption, a header and row headers", () => {
    expect(html.match(/<table[ >]/g)).toHaveLength(tables.length);
    expect(html.match(/<caption>/g)).toHaveLength(tables.length);
    expect(html.match(/<thead>/g)).toHaveLength(tables.length);
    expect(html).toContain('<th scope="row" class="own">Herning Kommune, i alt</th>');
  });
});
