import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  HeadingLevel,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableLayoutType,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type FileChild,
  type ParagraphChild,
} from "docx";
import { assertNever } from "../domain/assert-never.js";
import type { AgendaItemModel } from "./agenda-item-model.js";
import type { ReportBlock, ReportTable } from "./report-document.js";
import { keepUnitsTogether } from "./keep-units-together.js";
import { splitLinks } from "./split-links.js";
import { NO_IMAGES, type ReportImages } from "./report-images.js";

/**
 * Arial, not Calibri: the PDF is made by LibreOffice on a server, where Calibri is rarely installed and
 * its substitute (DejaVu Sans) is much wider, so headers broke mid-word. Arial is on every Windows and
 * Mac, and Debian's LibreOffice has the metric-compatible Liberation Sans: Word and PDF then lay out alike.
 */
const FONT = "Arial";
/** A4 with 2 cm margins: the text width in twentieths of a point and in pixels (96 dpi) for images. */
const TEXT_WIDTH_PX = 643;
const MAX_IMAGE_HEIGHT_PX = 440;
const TEXT_WIDTH_TWIPS = 11906 - 2 * 1134;
const TABLE_BORDER = { style: BorderStyle.SINGLE, size: 4, color: "808080" } as const;

type CellOptions = { bold?: boolean; right?: boolean; header?: boolean; colSpan?: number; rowSpan?: number; width: number; keepNext?: boolean };

/** Tables up to this many rows are kept on one page (keep-with-next on every row but the last). */
const KEEP_TOGETHER_ROWS = 16;

function textCell(text: string, opts: CellOptions): TableCell {
  return new TableCell({
    children: [
      new Paragraph({
        alignment: opts.right ? AlignmentType.RIGHT : AlignmentType.LEFT,
        spacing: { before: 20, after: 20, line: 240, lineRule: LineRuleType.AUTO },
        keepNext: opts.keepNext ?? false,
        children: [new TextRun({ text: keepUnitsTogether(text), bold: opts.bold ?? false, size: opts.header ? 16 : 18 })],
      }),
    ],
    width: { size: opts.width, type: WidthType.DXA },
    columnSpan: opts.colSpan,
    rowSpan: opts.rowSpan,
    verticalAlign: VerticalAlign.BOTTOM,
    shading: opts.header ? { type: ShadingType.CLEAR, color: "auto", fill: "E7ECF3" } : undefined,
    margins: { left: 60, right: 60 },
    borders: { top: TABLE_BORDER, bottom: TABLE_BORDER, left: TABLE_BORDER, right: TABLE_BORDER },
  });
}

/** Fixed column widths: LibreOffice otherwise squeezes the label column to a few letters. */
function columnWidths(t: ReportTable): number[] {
  const n = t.flatHeader.length;
  if (t.columnShares && t.columnShares.length === n) {
    const widths = t.columnShares.map((share) => Math.floor(TEXT_WIDTH_TWIPS * share));
    widths[0]! += TEXT_WIDTH_TWIPS - widths.reduce((a, b) => a + b, 0);
    return widths;
  }
  const first = Math.round(TEXT_WIDTH_TWIPS * (t.firstColumnShare ?? Math.max(0.22, Math.min(0.34, 1.6 / n))));
  const rest = Math.floor((TEXT_WIDTH_TWIPS - first) / (n - 1));
  return [first, ...Array.from({ length: n - 1 }, () => rest)];
}

function renderTable(t: ReportTable): FileChild[] {
  const widths = columnWidths(t);
  // Header cells may span columns, and cells under a row span are absent from later header rows.
  const occupied = new Map<number, number>();
  const header = t.header.map((row, rowIndex) => {
    let col = 0;
    const cells = row.map((c) => {
      while ((occupied.get(col) ?? -1) >= rowIndex) col++;
      const span = c.colSpan ?? 1;
      const width = widths.slice(col, col + span).reduce((a, b) => a + b, 0);
      if ((c.rowSpan ?? 1) > 1) for (let k = col; k < col + span; k++) occupied.set(k, rowIndex + (c.rowSpan ?? 1) - 1);
      col += span;
      return textCell(c.text, { bold: true, header: true, colSpan: c.colSpan, rowSpan: c.rowSpan, width, keepNext: true });
    });
    return new TableRow({ tableHeader: true, cantSplit: true, children: cells });
  });
  // A short table split over two pages leaves a lone row behind (Tabel 1 did); keep it whole instead.
  const keepTogether = t.rows.length <= KEEP_TOGETHER_ROWS;
  const body = t.rows.map(
    (r, rowIndex) =>
      new TableRow({
        cantSplit: true,
        children: r.cells.map((c, i) =>
          textCell(c, {
            bold: r.emphasis === true && i === 0,
            right: t.numericColumns.includes(i),
            width: widths[i]!,
            keepNext: keepTogether && rowIndex < t.rows.length - 1,
          }),
        ),
      }),
  );
  const out: FileChild[] = [
    new Paragraph({ keepNext: true, spacing: { before: 200, after: 80 }, children: [new TextRun({ text: `${t.label}: ${t.caption}`, bold: true })] }),
    new Table({ rows: [...header, ...body], columnWidths: widths, layout: TableLayoutType.FIXED, width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA } }),
  ];
  if (t.note) out.push(new Paragraph({ spacing: { before: 60, after: 200 }, children: [new TextRun({ text: keepUnitsTogether(t.note), italics: true, size: 18 })] }));
  // Without a note the next paragraph would sit on the table's bottom line.
  else out.push(new Paragraph({ spacing: { before: 0, after: 120, line: 120, lineRule: LineRuleType.EXACT }, children: [] }));
  return out;
}

/** Running text as runs, each web address a real hyperlink (blue, underlined, as Word shows its own links). */
function textRuns(text: string, style: { readonly bold?: boolean } = {}): ParagraphChild[] {
  return splitLinks(text).map((seg) =>
    seg.kind === "text"
      ? new TextRun({ text: keepUnitsTogether(seg.text), ...(style.bold ? { bold: true } : {}) })
      : new ExternalHyperlink({ link: seg.url, children: [new TextRun({ text: seg.url, color: "0563C1", underline: {}, ...(style.bold ? { bold: true } : {}) })] }),
  );
}

function renderBlock(b: ReportBlock, images: ReportImages): FileChild[] {
  switch (b.kind) {
    case "heading":
      return [new Paragraph({ heading: b.level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3, keepNext: true, children: [new TextRun(b.text)] })];
    case "paragraph":
      if (b.emphasis === "note") {
        return [
          new Paragraph({
            border: { left: { style: BorderStyle.SINGLE, size: 18, color: "C8102E", space: 8 } },
            indent: { left: 200 },
            children: textRuns(b.text),
          }),
        ];
      }
      return [new Paragraph({ children: textRuns(b.text, { bold: b.emphasis === "strong" }) })];
    case "bullets":
      // The last item keeps the normal paragraph distance to the text after the list.
      return b.items.map(
        (item, i) => new Paragraph({ bullet: { level: 0 }, spacing: { after: i === b.items.length - 1 ? 160 : 60 }, children: textRuns(item) }),
      );
    case "recommendation":
      return [
        new Paragraph({ keepNext: true, children: [new TextRun(b.lead)] }),
        ...b.items.map((item) => new Paragraph({ indent: { left: 400 }, spacing: { after: 120 }, children: [new TextRun(keepUnitsTogether(item))] })),
      ];
    case "table":
      return renderTable(b);
    case "figure": {
      const image = images.get(b.figureId);
      const caption = new Paragraph({ spacing: { after: 200 }, children: [new TextRun({ text: keepUnitsTogether(`${b.label}: ${b.caption}`), italics: true, size: 18 })] });
      if (!image?.png) return [new Paragraph({ children: [new TextRun({ text: `${b.label}: ${b.altText}`, italics: true })] })];
      // Fit the text width, and keep a map from filling a whole page.
      const scale = Math.min(1, TEXT_WIDTH_PX / image.width, MAX_IMAGE_HEIGHT_PX / image.height);
      const width = Math.round(image.width * scale);
      const height = Math.round(image.height * scale);
      return [
        new Paragraph({
          keepNext: true,
          alignment: AlignmentType.CENTER,
          // Single auto spacing: an image in a paragraph with a fixed line height is clipped to one line.
          spacing: { before: 120, after: 60, line: 240, lineRule: LineRuleType.AUTO },
          children: [
            new ImageRun({
              type: "png",
              data: image.png,
              transformation: { width, height },
              altText: { name: b.label, title: b.caption, description: b.altText },
            }),
          ],
        }),
        caption,
      ];
    }
    default:
      return assertNever(b);
  }
}

/**
 * The agenda item as a Word document: real heading styles (Overskrift 1–3 in Danish Word), real tables
 * with repeating header rows, page numbers and the demo notice in the footer. Opens in Word and LibreOffice.
 */
export function buildAgendaItemDocument(model: AgendaItemModel, images: ReportImages = NO_IMAGES): Document {
  const front: FileChild[] = [new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(model.title)] })];
  if (model.demoNotice) {
    front.push(
      new Paragraph({
        border: { top: { style: BorderStyle.SINGLE, size: 12, color: "C8102E", space: 4 }, bottom: { style: BorderStyle.SINGLE, size: 12, color: "C8102E", space: 4 } },
        spacing: { after: 200 },
        children: [new TextRun({ text: `${model.demoNotice}. Tallene er syntetiske og må ikke bruges som Ankestyrelsens statistik.`, bold: true, color: "C8102E" })],
      }),
    );
  }
  front.push(
    new Paragraph({ spacing: { after: 40 }, children: [new TextRun({ text: model.bodyLine, bold: true })] }),
    ...model.headerLines.map((line, i) => new Paragraph({ spacing: { after: i === model.headerLines.length - 1 ? 240 : 40 }, children: [new TextRun(line)] })),
  );
  const body = model.sections.flatMap((s) => [
    new Paragraph({ heading: HeadingLevel.HEADING_2, keepNext: true, children: [new TextRun(s.heading)] }),
    ...s.blocks.flatMap((b) => renderBlock(b, images)),
  ]);
  return new Document({
    creator: "danmarkskort",
    title: `${model.title} – ${model.municipality}`,
    description: model.sourceLines.join(" "),
    styles: {
      default: {
        document: { run: { font: FONT, size: 21, language: { value: "da-DK" } }, paragraph: { spacing: { after: 160, line: 276, lineRule: LineRuleType.AUTO } } },
        heading1: { run: { font: FONT, size: 32, bold: true, color: "1F3D7A" }, paragraph: { spacing: { after: 240 } } },
        heading2: { run: { font: FONT, size: 28, bold: true, color: "1F3D7A" }, paragraph: { spacing: { before: 360, after: 120 } } },
        heading3: { run: { font: FONT, size: 24, bold: true, color: "1A1A1A" }, paragraph: { spacing: { before: 240, after: 80 } } },
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
                  new TextRun({ text: `${model.footer} · Side `, size: 16, bold: model.demoNotice !== null }),
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

export async function renderAgendaItemDocx(model: AgendaItemModel, images: ReportImages = NO_IMAGES): Promise<Buffer> {
  return Packer.toBuffer(buildAgendaItemDocument(model, images));
}
