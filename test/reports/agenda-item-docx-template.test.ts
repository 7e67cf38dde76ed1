import { AlignmentType, Document, Header, Packer, Paragraph, TextRun } from "docx";
import { describe, expect, it } from "vitest";
import { readFile } from "node:fs/promises";
import mammoth from "mammoth";
import { indexCellTotals } from "../../src/domain/cell-totals.js";
import { buildAgendaItemFor } from "../../src/reports/agenda-item-files.js";
import { DocxTemplateError, renderAgendaItemFromTemplate } from "../../src/reports/render-agenda-item-docx-template.js";
import { readZipEntries } from "../support/zip-entries.js";
import { generateReferenceCells, generateReferenceProvenance, HERNING } from "./support/reference-cells.js";

/**
 * Issue 16, point 2: an item made from the municipality's own Word template keeps the template's header and
 * styles and fills its placeholders. The "user's template" is made here with its own header text, font and a
 * paragraph style of its own, as an agenda system's template has them.
 */
async function userTemplate(): Promise<Buffer> {
  const doc = new Document({
    styles: {
      default: { document: { run: { font: "Verdana", size: 20 } } },
      paragraphStyles: [
        { id: "Overskrift2", name: "heading 2", basedOn: "Normal", run: { font: "Verdana", size: 26, bold: true, color: "7A1F1F" } },
        { id: "EgenBroedtekst", name: "Egen brødtekst", basedOn: "Normal", run: { font: "Verdana", size: 20 } },
      ],
    },
    sections: [
      {
        headers: { default: new Header({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun("Herning Kommune – Byrådets dagsorden (eget sidehoved)")] })] }) },
        children: [
          new Paragraph({ style: "EgenBroedtekst", children: [new TextRun("Sag: {titel}")] }),
          // Word splits typed text over runs; the placeholder must still be found.
          new Paragraph({ style: "EgenBroedtekst", children: [new TextRun("Omgørelsesprocent: {social_"), new TextRun({ text: "kommune_pct} pct. af ", bold: true }), new TextRun("{social_kommune_afgoerelser} afgørelser")] }),
          new Paragraph({ children: [new TextRun("{@indhold}")] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

describe("agenda item from the municipality's own DOCX template", () => {
  const { model, figures } = buildAgendaItemFor(indexCellTotals(generateReferenceCells()), generateReferenceProvenance(), HERNING, 2024, { caseworkers: ["Jane Sønderkov"] });

  it("keeps the template's header and styles and fills its placeholders", async () => {
    const template = await userTemplate();
    const before = readZipEntries(template);
    const out = renderAgendaItemFromTemplate(model, figures, template);
    const after = readZipEntries(out);
    const headerName = [...after.keys()].find((n) => /^word\/header\d*\.xml$/.test(n))!;
    expect(after.get(headerName)!.toString("utf8")).toContain("Herning Kommune – Byrådets dagsorden (eget sidehoved)");
    // The styles part is the template's own, byte for byte.
    expect(after.get("word/styles.xml")!.equals(before.get("word/styles.xml")!)).toBe(true);
    const document = after.get("word/document.xml")!.toString("utf8");
    expect(document).toContain("Sag: Danmarkskortet – omgørelsesprocenter i Ankestyrelsen 2024");
    expect(document).toContain("44,2");
    expect(document).toContain("77");
    expect(document).not.toMatch(/\{[@a-z_]+\}/);
    // The item's headings use the template's own heading style (its "Overskrift2"), the tables are real tables.
    expect(document).toContain('<w:pStyle w:val="Overskrift2"/>');
    expect(document).toContain("Tabel 1: Omgørelsesprocenter på socialområdet på landsplan og i Herning Kommune 2024");
    expect(document.match(/<w:tbl>/g)).toHaveLength(3);
    expect(document).toContain("Herning Kommune, i alt");
    expect(document).toContain('<w:pStyle w:val="EgenBroedtekst"/>');
  });

  it("fills the sample template that ships, keeping its header", async () => {
    const sample = await readFile(new URL("../../templates/dagsordenpunkt-skabelon.docx", import.meta.url));
    const out = readZipEntries(renderAgendaItemFromTemplate(model, figures, sample));
    const header = [...out].find(([n]) => /^word\/header\d*\.xml$/.test(n))![1].toString("utf8");
    expect(header).toContain("Herning Kommune · Dagsorden");
    const document = out.get("word/document.xml")!.toString("utf8");
    expect(document).toContain("Sagsbehandler: Jane Sønderkov");
    expect(document).not.toMatch(/\{[@a-z_]+\}/);
  });

  it("writes text with XML's special characters as text, and the result reads as a Word file", async () => {
    const tricky = buildAgendaItemFor(indexCellTotals(generateReferenceCells()), generateReferenceProvenance(), HERNING, 2024, { caseworkers: ["Jensen & <Co>", "Ø. \"Å\" Ås"] });
    const out = renderAgendaItemFromTemplate(tricky.model, tricky.figures, await userTemplate());
    const { value } = await mammoth.extractRawText({ buffer: out });
    expect(value).toContain("Danmarkskortet – omgørelsesprocenter i Ankestyrelsen 2024");
    expect(value).toContain("Tabel 2: Omgørelsesprocenter på børnehandicapområdet");
    const sample = renderAgendaItemFromTemplate(tricky.model, tricky.figures, await readFile(new URL("../../templates/dagsordenpunkt-skabelon.docx", import.meta.url)));
    expect((await mammoth.extractRawText({ buffer: sample })).value).toContain('Øvrige sagsbehandlere: Ø. "Å" Ås');
    expect((await mammoth.extractRawText({ buffer: sample })).value).toContain("Sagsbehandler: Jensen & <Co>");
  });

  it("refuses a file that is no DOCX, in Danish", () => {
    expect(() => renderAgendaItemFromTemplate(model, figures, Buffer.from("ikke en docx"))).toThrow(DocxTemplateError);
    expect(() => renderAgendaItemFromTemplate(model, figures, Buffer.from("ikke en docx"))).toThrow(/kan ikke læses som en Word-fil/);
  });
});
