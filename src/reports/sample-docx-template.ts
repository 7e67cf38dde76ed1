import { AlignmentType, Document, Footer, Header, HeadingLevel, Packer, PageNumber, Paragraph, TextRun } from "docx";

/**
 * The sample template that ships with the product (templates/dagsordenpunkt-skabelon.docx, made by
 * `npx tsx scripts/make-sample-docx-template.ts`): an agenda system's page with its own header, footer and
 * fonts, and the placeholders of render-agenda-item-docx-template.ts. A municipality copies it into its own
 * Word template, or types the same placeholders into the template it has.
 */
export async function buildSampleDocxTemplate(): Promise<Buffer> {
  const doc = new Document({
    creator: "danmarkskort",
    title: "Skabelon til dagsordenpunktet om danmarkskortet",
    styles: {
      default: { document: { run: { font: "Georgia", size: 22 }, paragraph: { spacing: { after: 120, line: 264 } } } },
      paragraphStyles: [
        { id: "Heading2", name: "heading 2", basedOn: "Normal", next: "Normal", quickFormat: true, run: { font: "Georgia", size: 28, bold: true, color: "1F3864" }, paragraph: { spacing: { before: 240, after: 120 } } },
        { id: "Heading3", name: "heading 3", basedOn: "Normal", next: "Normal", quickFormat: true, run: { font: "Georgia", size: 24, bold: true, color: "1F3864" }, paragraph: { spacing: { before: 200, after: 80 } } },
        { id: "KommunensSagshoved", name: "Kommunens sagshoved", basedOn: "Normal", run: { font: "Georgia", size: 20, color: "404040" } },
      ],
    },
    sections: [
      {
        headers: {
          default: new Header({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: "{kommune} · Dagsorden", font: "Georgia", size: 18, color: "1F3864" })] })] }),
        },
        footers: {
          default: new Footer({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ["Side ", PageNumber.CURRENT, " af ", PageNumber.TOTAL_PAGES], size: 16 })] })],
          }),
        },
        children: [
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun("{titel}")] }),
          new Paragraph({ style: "KommunensSagshoved", children: [new TextRun("{organ}")] }),
          new Paragraph({ style: "KommunensSagshoved", children: [new TextRun("Journalnummer: {journalnummer}")] }),
          new Paragraph({ style: "KommunensSagshoved", children: [new TextRun("Sagsbehandler: {sagsbehandler}")] }),
          new Paragraph({ style: "KommunensSagshoved", children: [new TextRun("Øvrige sagsbehandlere: {oevrige_sagsbehandlere}")] }),
          new Paragraph({ children: [new TextRun("{@indhold}")] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
