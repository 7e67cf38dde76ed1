import Docxtemplater from "docxtemplater";
import { utf8ToWord } from "docxtemplater/js/doc-utils.js";
import PizZip from "pizzip";
import { assertNever } from "../domain/assert-never.js";
import type { MapId } from "../domain/map-definition.js";
import type { AgendaItemFigures } from "./agenda-item-figures.js";
import type { AgendaItemModel } from "./agenda-item-model.js";
import type { ReportBlock, ReportTable } from "./report-document.js";
import { formatInteger, formatPercent } from "../domain/format-danish-number.js";
import { municipalityTotal, nationalTotal } from "./sections/map-result-text.js";

/**
 * Fills the municipality's own Word template (its agenda system's layout, fonts, header and footer) with
 * the item (issue 16, point 2). The template keeps everything of its own; only the placeholders change:
 *
 * - `{titel}`, `{kommune}`, `{aar}`, `{organ}`, `{journalnummer}`, `{sagsbehandler}`, `{oevrige_sagsbehandlere}`
 * - figures: `{social_kommune_pct}`, `{social_kommune_omgjort}`, `{social_kommune_afgoerelser}`,
 *   `{social_landsplan_pct}`, and the same with `boernehandicap_` and `voksenhandicap_`
 * - whole parts, each alone in its paragraph: `{@indhold}` (every section with its heading), one per section
 *   (`{@resume}`, `{@sagsfremstilling}`, `{@indstilling}`, `{@beslutning}`, `{@bilag}`; for "beslutning"
 *   `{@tema}`, `{@kompetence}`, `{@sagsbeskrivelse}`, `{@administrationens_forslag}`,
 *   `{@oekonomi_og_finansiering}`, `{@dialog_hoering}`), and `{@tabel1}`, `{@tabel2}`, `{@tabel3}`.
 *
 * Parts are written with the template's own paragraph styles for headings and lists, found by their built-in
 * names ("heading 2", "List Bullet"), so a Danish Word template's "Overskrift 2" is used as it is. docxtemplater
 * (MIT) is used because Word splits a typed `{placeholder}` over several runs; it joins them before replacing.
 * Images are not placed in a user's template: the figures are optional sections of the built-in layout.
 * Text inside the parts is escaped by docxtemplater's own `utf8ToWord`, the function its {tag}s go through.
 */
export class DocxTemplateError extends Error {}

const TEXT_FIELDS = ["titel", "kommune", "aar", "organ", "journalnummer", "sagsbehandler", "oevrige_sagsbehandlere"] as const;

const MAP_KEYS: Readonly<Record<MapId, string>> = {
  socialomraadet: "social",
  boernehandicapomraadet: "boernehandicap",
  voksenhandicapomraadet: "voksenhandicap",
};

/** The placeholder names a template may use, for the README and for telling a user about a misspelt one. */
export function templatePlaceholderNames(): string[] {
  const figures = Object.values(MAP_KEYS).flatMap((k) => [`${k}_kommune_pct`, `${k}_kommune_omgjort`, `${k}_kommune_afgoerelser`, `${k}_landsplan_pct`]);
  return [...TEXT_FIELDS, ...figures, "@indhold", ...SECTION_KEYS.map((k) => `@${k}`), "@tabel1", "@tabel2", "@tabel3"];
}

const SECTION_KEYS = [
  "resume",
  "sagsfremstilling",
  "indstilling",
  "beslutning",
  "bilag",
  "tema",
  "kompetence",
  "sagsbeskrivelse",
  "administrationens_forslag",
  "oekonomi_og_finansiering",
  "dialog_hoering",
] as const;

/** "Administrationens forslag" → "administrationens_forslag", "Dialog/høring" → "dialog_hoering". */
function sectionKey(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/æ/g, "ae")
    .replace(/ø/g, "oe")
    .replace(/å/g, "aa")
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_|_$/g, "");
}


/** A4 with 2,5 cm margins, as most agenda templates; a table wider than the template's text area is narrowed by Word. */
const TEXT_WIDTH_TWIPS = 9070;

type Styles = { readonly heading2?: string; readonly heading3?: string; readonly listBullet?: string; readonly caption?: string };

/** The template's style ids for the built-in styles the parts use; absent styles fall back to direct formatting. */
function findStyles(stylesXml: string): Styles {
  const blocks = [...stylesXml.matchAll(/<w:style\b[^>]*w:styleId="([^"]+)"[^>]*>(.*?)<\/w:style>/gs)];
  // The last style of a name wins, as in Word: a template that redefines "heading 2" means its own.
  const idOf = (name: string) => blocks.filter((m) => m[2]!.includes(`<w:name w:val="${name}"/>`)).at(-1)?.[1];
  return { heading2: idOf("heading 2"), heading3: idOf("heading 3"), listBullet: idOf("List Bullet"), caption: idOf("caption") };
}

function run(text: string, props = ""): string {
  return `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ""}<w:t xml:space="preserve">${utf8ToWord(text)}</w:t></w:r>`;
}

function paragraph(text: string, opts: { style?: string; bold?: boolean; italic?: boolean; indent?: number; keepNext?: boolean } = {}): string {
  const pPr = [opts.style ? `<w:pStyle w:val="${opts.style}"/>` : "", opts.keepNext ? "<w:keepNext/>" : "", opts.indent ? `<w:ind w:left="${opts.indent}"/>` : ""].join("");
  const rPr = [opts.bold ? "<w:b/>" : "", opts.italic ? "<w:i/>" : ""].join("");
  return `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ""}${run(text, rPr)}</w:p>`;
}

function heading(text: string, level: 2 | 3, styles: Styles): string {
  const style = level === 2 ? styles.heading2 : styles.heading3;
  return style ? paragraph(text, { style, keepNext: true }) : paragraph(text, { bold: true, keepNext: true });
}

function cell(text: string, opts: { header?: boolean; right?: boolean; span?: number; vMerge?: "restart" | "continue"; width?: number }): string {
  const tcPr = [opts.width ? `<w:tcW w:w="${opts.width}" w:type="dxa"/>` : "", opts.span && opts.span > 1 ? `<w:gridSpan w:val="${opts.span}"/>` : "", opts.vMerge ? `<w:vMerge w:val="${opts.vMerge}"/>` : "", opts.header ? '<w:shd w:val="clear" w:color="auto" w:fill="E7EEF7"/>' : ""].join("");
  // Cells without the body text's spacing, so a row is one line high where its text allows.
  const pPr = `<w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>${opts.right ? '<w:jc w:val="right"/>' : ""}</w:pPr>`;
  return `<w:tc>${tcPr ? `<w:tcPr>${tcPr}</w:tcPr>` : ""}<w:p>${pPr}${opts.vMerge === "continue" ? "" : run(text, opts.header ? '<w:b/><w:sz w:val="16"/>' : '<w:sz w:val="16"/>')}</w:p></w:tc>`;
}

/** A real Word table with repeating header rows; spans as in the built-in layout (the seeds' two-row header). */
function table(t: ReportTable, styles: Styles): string {
  const columns = t.flatHeader.length;
  // The same column shares as the built-in layout (render-agenda-item-docx.ts), on the template's text width.
  const first = t.firstColumnShare ?? Math.max(0.22, Math.min(0.34, 1.6 / columns));
  const shares = t.columnShares ?? [first, ...Array.from({ length: columns - 1 }, () => (1 - first) / (columns - 1))];
  const widths = shares.map((share) => Math.round(TEXT_WIDTH_TWIPS * share));
  const widthOf = (col: number, span = 1) => widths.slice(col, col + span).reduce((a, b) => a + b, 0);
  const borders = ["top", "left", "bottom", "right", "insideH", "insideV"].map((b) => `<w:${b} w:val="single" w:sz="4" w:space="0" w:color="808080"/>`).join("");
  const pending = new Map<number, number>(); // column → rows still covered by a rowSpan from above
  const headerRows = t.header.map((row) => {
    let col = 0;
    const cells: string[] = [];
    for (const h of row) {
      while ((pending.get(col) ?? 0) > 0) {
        cells.push(cell("", { header: true, vMerge: "continue", width: widthOf(col) }));
        pending.set(col, pending.get(col)! - 1);
        col++;
      }
      const span = h.colSpan ?? 1;
      if ((h.rowSpan ?? 1) > 1) pending.set(col, (h.rowSpan ?? 1) - 1);
      cells.push(cell(h.text, { header: true, span, width: widthOf(col, span), ...((h.rowSpan ?? 1) > 1 ? { vMerge: "restart" as const } : {}) }));
      col += span;
    }
    while (col < columns && (pending.get(col) ?? 0) > 0) {
      cells.push(cell("", { header: true, vMerge: "continue", width: widthOf(col) }));
      pending.set(col, pending.get(col)! - 1);
      col++;
    }
    return `<w:tr><w:trPr><w:tblHeader/></w:trPr>${cells.join("")}</w:tr>`;
  });
  const bodyRows = t.rows.map(
    (r) => `<w:tr><w:trPr><w:cantSplit/></w:trPr>${r.cells.map((c, i) => cell(c, { right: t.numericColumns.includes(i), header: r.emphasis === true && i === 0, width: widths[i] })).join("")}</w:tr>`,
  );
  const caption = paragraph(`${t.label}: ${t.caption}`, styles.caption ? { style: styles.caption, keepNext: true } : { bold: true, keepNext: true });
  const note = t.note ? paragraph(t.note, { italic: true }) : "";
  const grid = `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join("")}</w:tblGrid>`;
  return `${caption}<w:tbl><w:tblPr><w:tblW w:w="${TEXT_WIDTH_TWIPS}" w:type="dxa"/><w:tblLayout w:type="fixed"/><w:tblBorders>${borders}</w:tblBorders></w:tblPr>${grid}${headerRows.join("")}${bodyRows.join("")}</w:tbl>${note}`;
}

function blockXml(b: ReportBlock, styles: Styles): string {
  switch (b.kind) {
    case "heading":
      return heading(b.text, b.level, styles);
    case "paragraph":
      return paragraph(b.text, { italic: b.emphasis === "note", bold: b.emphasis === "strong" });
    case "bullets":
      return b.items.map((item) => (styles.listBullet ? paragraph(item, { style: styles.listBullet }) : paragraph(`• ${item}`, { indent: 360 }))).join("");
    case "recommendation":
      return paragraph(b.lead) + b.items.map((item) => paragraph(item, { indent: 567 })).join("");
    case "table":
      return table(b, styles);
    case "figure":
      // The user's template has no image slots; the caption says what the built-in layout would show.
      return paragraph(`${b.label}: ${b.caption}`, { italic: true });
    default:
      return assertNever(b);
  }
}

function figureFields(figures: AgendaItemFigures): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [map, key] of Object.entries(MAP_KEYS) as [MapId, string][]) {
    const own = municipalityTotal(figures.maps[map]);
    const national = nationalTotal(figures.maps[map]);
    out[`${key}_kommune_pct`] = own.kind === "estimate" ? formatPercent(own.reversalRate) : "–";
    out[`${key}_kommune_omgjort`] = own.kind === "estimate" ? formatInteger(own.reversed) : "0";
    out[`${key}_kommune_afgoerelser`] = own.kind === "estimate" ? formatInteger(own.decided) : own.kind === "no-cases" ? "0" : "–";
    out[`${key}_landsplan_pct`] = national.kind === "estimate" ? formatPercent(national.reversalRate) : "–";
  }
  return out;
}

/** The filled template as DOCX bytes. A template that is no DOCX, or has a broken placeholder, fails in Danish. */
export function renderAgendaItemFromTemplate(model: AgendaItemModel, figures: AgendaItemFigures, template: Uint8Array): Buffer {
  let zip: PizZip;
  try {
    zip = new PizZip(template);
  } catch {
    throw new DocxTemplateError("Skabelonen kan ikke læses som en Word-fil (DOCX).");
  }
  const stylesXml = zip.file("word/styles.xml")?.asText() ?? "";
  if (!zip.file("word/document.xml")) throw new DocxTemplateError("Skabelonen er ikke en Word-fil (DOCX): word/document.xml mangler.");
  const styles = findStyles(stylesXml);
  const parts: Record<string, string> = {};
  for (const s of model.sections) parts[sectionKey(s.heading)] = s.blocks.map((b) => blockXml(b, styles)).join("");
  // Sections the template names but this template kind lacks (e.g. {@tema} in an orientering item) stay empty.
  for (const k of SECTION_KEYS) parts[k] ??= "";
  const tables = model.sections.flatMap((s) => s.blocks).filter((b): b is ReportTable => b.kind === "table");
  const data: Record<string, string> = {
    titel: model.title,
    kommune: model.municipality,
    aar: String(model.year),
    organ: model.bodyLine,
    journalnummer: model.caseNumber.text,
    sagsbehandler: model.caseworker.text,
    oevrige_sagsbehandlere: model.headerLines.find((l) => l.startsWith("Øvrige sagsbehandlere: "))?.slice("Øvrige sagsbehandlere: ".length) ?? "",
    ...figureFields(figures),
    indhold: model.sections.map((s) => heading(s.heading, 2, styles) + parts[sectionKey(s.heading)]).join(""),
    ...parts,
    tabel1: tables[0] ? table(tables[0], styles) : "",
    tabel2: tables[1] ? table(tables[1], styles) : "",
    tabel3: tables[2] ? table(tables[2], styles) : "",
  };
  let doc: Docxtemplater;
  try {
    doc = new Docxtemplater(zip, { paragraphLoop: true, linebreaks: true, nullGetter: (part) => (part.value ? `{${part.value}}` : "") });
    doc.render(data);
  } catch (error) {
    // docxtemplater explains in English; the user gets the broken tag itself, in a Danish sentence.
    const tag = (error as { properties?: { errors?: { properties?: { xtag?: string } }[] } }).properties?.errors?.[0]?.properties?.xtag;
    throw new DocxTemplateError(`Skabelonen har en fejl i en pladsholder${tag ? ` (»${tag}«)` : ""}. Pladsholdere skrives som {titel} eller {@indhold}, med én krøllet parentes på hver side.`);
  }
  return doc.getZip().generate({ type: "nodebuffer", compression: "DEFLATE" }) as Buffer;
}

/** A municipality's own template is at most this large; Word templates with a logo are some 100 KB. */
/**
 * Collects every placeholder docxtemplater parses, in every part (body, headers, footers). A module of our
 * own: docxtemplater's InspectModule needs lodash, which the product does not ship.
 */
function placeholderCollector(): { module: object; parts: { value?: unknown; module?: unknown }[] } {
  const parts: { value?: unknown; module?: unknown }[] = [];
  const module = {
    name: "PlaceholderCollector",
    postparse(parsed: { type?: string; value?: unknown; module?: unknown; subparsed?: unknown[] }[]) {
      const walk = (list: typeof parsed) => {
        for (const p of list) {
          if (p.type === "placeholder") parts.push({ value: p.value, module: p.module });
          if (Array.isArray(p.subparsed)) walk(p.subparsed as typeof parsed);
        }
      };
      walk(parsed);
      return parsed;
    },
  };
  return { module, parts };
}

export const MAX_DOCX_TEMPLATE_BYTES = 5 * 1024 * 1024;

/**
 * Checks a user's template before it is stored (issue 16, point 2): a DOCX whose placeholders all exist.
 * Returns the placeholders it uses; a placeholder no item fills fails with a Danish message naming it,
 * since docxtemplater would otherwise leave a misspelt `{journalnumer}` in the agenda item unnoticed.
 */
export function checkDocxTemplate(template: Uint8Array): string[] {
  let zip: PizZip;
  try {
    zip = new PizZip(template);
  } catch {
    throw new DocxTemplateError("Skabelonen kan ikke læses som en Word-fil (DOCX).");
  }
  if (!zip.file("word/document.xml")) throw new DocxTemplateError("Skabelonen er ikke en Word-fil (DOCX): word/document.xml mangler.");
  const collector = placeholderCollector();
  try {
    new Docxtemplater(zip, { paragraphLoop: true, linebreaks: true, modules: [collector.module as never] });
  } catch (error) {
    const tag = (error as { properties?: { errors?: { properties?: { xtag?: string } }[] } }).properties?.errors?.[0]?.properties?.xtag;
    throw new DocxTemplateError(`Skabelonen har en fejl i en pladsholder${tag ? ` (»${tag}«)` : ""}. Pladsholdere skrives som {titel} eller {@indhold}, med én krøllet parentes på hver side.`);
  }
  const known = new Set(templatePlaceholderNames());
  const used: string[] = [];
  for (const p of collector.parts) {
    const name = `${p.module === "rawxml" ? "@" : ""}${String(p.value ?? "")}`;
    if (p.module !== undefined && p.module !== "rawxml") {
      throw new DocxTemplateError(`Skabelonen bruger »{#${String(p.value ?? "")}}«: gentagelser og betingelser ({#…}…{/…}) bruges ikke i dagsordenpunktets skabeloner. Brug pladsholdere som {titel} eller {@indhold}.`);
    }
    if (!known.has(name)) throw new DocxTemplateError(`Skabelonen bruger pladsholderen »{${name}}«, som ikke findes. Pladsholderne er: ${[...known].map((k) => `{${k}}`).join(", ")}.`);
    if (!used.includes(name)) used.push(name);
  }
  return used;
}
