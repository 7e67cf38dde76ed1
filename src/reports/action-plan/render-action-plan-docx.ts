import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type FileChild,
} from "docx";
import { assertNever } from "../../domain/assert-never.js";
import { keepUnitsTogether } from "../keep-units-together.js";
import type { ReportBlock, ReportTable } from "../report-document.js";
import { NO_IMAGES, type ReportImages } from "../report-images.js";
import type { ActionPlanDocument } from "./action-plan-document.js";

/**
 * The action plan as a Word document, with the agenda item's conventions (render-agenda-item-docx.ts): Arial
 * (LibreOffice on a server has the metric-compatible Liberation Sans, so Word and PDF lay out alike), A4 with
 * 2 cm margins, real heading styles and tables with fixed column widths, page numbers in the footer. Its own
 * file so the agenda item's renderer can change without the plan's, and the other way round.
 */
const FONT = "Arial";
const TEXT_WIDTH_TWIPS = 11906 - 2 * 1134;
const TEXT_WIDTH_PX = 643;
const MAX_IMAGE_HEIGHT_PX = 900;
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: "808080" } as const;

function cell(text: string, opts: { width: number; bold?: boolean; header?: boolean; right?: boolean; colSpan?: number; rowSpan?: number }): TableCell {
  return new TableCell({
    children: [
      new Paragraph({
        alignment: opts.right ? AlignmentType.RIGHT : AlignmentType.LEFT,
        spacing: { before: 20, after: 20, line: 240, lineRule: LineRuleType.AUTO },
        children: [new TextRun({ text: keepUnitsTogether(text), bold: opts.bold ?? false, size: opts.header ? 16 : 17 })],
      }),
    ],
    width: { size: opts.width, type: WidthType.DXA },
    columnSpan: opts.colSpan,
    rowSpan: opts.rowSpan,
    verticalAlign: VerticalAlign.BOTTOM,
    shading: opts.header ? { type: ShadingType.CLEAR, color: "auto", fill: "E7ECF3" } : undefined,
    margins: { left: 50, right: 50 },
    borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER },
  });
}

function widthsOf(t: ReportTable): number[] {
  const n = t.flatHeader.length;
  const shares = t.columnShares && t.columnShares.length === n ? t.columnShares : Array.from({ length: n }, () => 1 / n);
  const widths = shares.map((s) => Math.floor(TEXT_WIDTH_TWIPS * s));
  widths[0]! += TEXT_WIDTH_TWIPS - widths.reduce((a, b) => a + b, 0);
  return widths;
}

function table(t: ReportTable): FileChild[] {
  const widths = widthsOf(t);
  const occupied = new Map<number, number>();
  const header = t.header.map((row, rowIndex) => {
    let col = 0;
    const cells = row.map((c) => {
      while ((occupied.get(col) ?? -1) >= rowIndex) col++;
      const span = c.colSpan ?? 1;
      const width = widths.slice(col, col + span).reduce((a, b) => a + b, 0);
      if ((c.rowSpan ?? 1) > 1) for (let k = col; k < col + span; k++) occupied.set(k, rowIndex + (c.rowSpan ?? 1) - 1);
      col += span;
      return cell(c.text, { width, bold: true, header: true, colSpan: c.colSpan, rowSpan: c.rowSpan });
    });
    return new TableRow({ tableHeader: true, cantSplit: true, children: cells });
  });
  const body = t.rows.map((r) => {
    // A row with only its first cell filled is a group heading (the focus area): one cell across the table.
    if (r.emphasis && r.cells.slice(1).every((c) => c === "")) {
      return new TableRow({ cantSplit: true, children: [cell(r.cells[0]!, { width: TEXT_WIDTH_TWIPS, bold: true, colSpan: r.cells.length })] });
    }
    return new TableRow({ cantSplit: true, children: r.cells.map((c, i) => cell(c, { width: widths[i]!, bold: r.emphasis === true && i === 0, right: t.numericColumns.includes(i) })) });
  });
  const out: FileChild[] = [
    new Paragraph({ keepNext: true, spacing: { before: 200, after: 80 }, children: [new TextRun({ text: `${t.label}: ${t.caption}`, bold: true })] }),
    new Table({ rows: [...header, ...body], columnWidths: widths, layout: TableLayoutType.FIXED, width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA } }),
  ];
  out.push(new Paragraph({ spacing: { before: 60, after: 200 }, children: t.note ? [new TextRun({ text: keepUnitsTogether(t.note), italics: true, size: 17 })] : [] }));
  return out;
}

function block(b: ReportBlock, images: ReportImages): FileChild[] {
  switch (b.kind) {
    case "heading":
      return [new Paragraph({ heading: b.level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3, keepNext: true, children: [new TextRun(b.text)] })];
    case "paragraph":
      return [new Paragraph({ keepNext: b.emphasis === "strong", children: [new TextRun({ text: keepUnitsTogether(b.text), bold: b.emphasis === "strong" })] })];
    case "bullets":
      return b.items.map((item, i) => new Paragraph({ bullet: { level: 0 }, spacing: { after: i === b.items.length - 1 ? 160 : 60 }, children: [new TextRun(keepUnitsTogether(item))] }));
    case "recommendation":
      return [new Paragraph({ keepNext: true, children: [new TextRun(b.lead)] }), ...b.items.map((item) => new Paragraph({ indent: { left: 400 }, children: [new TextRun(keepUnitsTogether(item))] }))];
    case "table":
      return table(b);
    case "figure": {
      const image = images.get(b.figureId);
      if (!image?.png) return [new Paragraph({ children: [new TextRun({ text: `${b.label}: ${b.altText}`, italics: true })] })];
      const scale = Math.min(1, TEXT_WIDTH_PX / image.width, MAX_IMAGE_HEIGHT_PX / image.height);
      return [
        new Paragraph({
          keepNext: true,
          alignment: AlignmentType.CENTER,
          spacing: { before: 120, after: 60, line: 240, lineRule: LineRuleType.AUTO },
          children: [
            new ImageRun({
              type: "png",
              data: image.png,
              transformation: { width: Math.round(image.width * scale), height: Math.round(image.height * scale) },
              altText: { name: b.label, title: b.caption, description: b.altText },
            }),
          ],
        }),
        new Paragraph({ spacing: { after: 200 }, children: [new TextRun({ text: keepUnitsTogether(`${b.label}: ${b.caption}`), italics: true, size: 17 })] }),
      ];
    }
    default:
      return assertNever(b);
  }
}

export function buildActionPlanDocx(doc: ActionPlanDocument, images: ReportImages = NO_IMAGES): Document {
  const front: FileChild[] = [new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(doc.title)] })];
  if (doc.demoNotice) {
    front.push(new Paragraph({ spacing: { after: 200 }, children: [new TextRun({ text: `${doc.demoNotice}. Tallene er syntetiske og må ikke bruges som Ankestyrelsens statistik.`, bold: true, color: "C8102E" })] }));
  }
  front.push(new Paragraph({ spacing: { after: 240 }, children: [new TextRun({ text: doc.subtitle, size: 18, color: "454545" })] }));
  const body = doc.sections.flatMap((s) => [new Paragraph({ heading: HeadingLevel.HEADING_2, keepNext: true, children: [new TextRun(s.heading)] }), ...s.blocks.flatMap((b) => block(b, images))]);
  return new Document({
    creator: "danmarkskort",
    title: `${doc.title} – ${doc.municipality}`,
    description: doc.sourceLines.join(" "),
    styles: {
      default: {
        document: { run: { font: FONT, size: 21, language: { value: "da-DK" } }, paragraph: { spacing: { after: 160, line: 276, lineRule: LineRuleType.AUTO } } },
        heading1: { run: { font: FONT, size: 30, bold: true, color: "1F3D7A" }, paragraph: { spacing: { after: 200 } } },
        heading2: { run: { font: FONT, size: 26, bold: true, color: "1F3D7A" }, paragraph: { spacing: { before: 320, after: 120 } } },
        heading3: { run: { font: FONT, size: 22, bold: true, color: "1A1A1A" }, paragraph: { spacing: { before: 200, after: 80 } } },
      },
    },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } } },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ text: `${doc.footer} · Side `, size: 16 }),
                  new TextRun({ children: [PageNumber.CURRENT], size: 16 }),
                  new TextRun({ text: " af ", size: 16 }),
                  new TextRun({ children: [PageNumber.TOTAL_PAGES], size: 16 }),
                ],
              }),
            ],
          }),
        },
        children: [...front, ...body],
      },
    ],
  });
}

export async function renderActionPlanDocx(doc: ActionPlanDocument, images: ReportImages = NO_IMAGES): Promise<Buffer> {
  return Packer.toBuffer(buildActionPlanDocx(doc, images));
}
