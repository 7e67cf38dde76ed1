import { assertNever } from "../domain/assert-never.js";
import type { AgendaItemModel } from "./agenda-item-model.js";
import type { ReportBlock, ReportTable } from "./report-document.js";
import { keepUnitsTogether } from "./keep-units-together.js";
import { NO_IMAGES, type ReportImages } from "./report-images.js";

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

function renderTable(t: ReportTable): string {
  const head = t.header
    .map((row) => `<tr>${row.map((c) => `<th scope="col"${c.colSpan ? ` colspan="${c.colSpan}"` : ""}${c.rowSpan ? ` rowspan="${c.rowSpan}"` : ""}>${escapeHtml(c.text)}</th>`).join("")}</tr>`)
    .join("\n");
  const body = t.rows
    .map((r) => {
      const cells = r.cells.map((c, i) => {
        if (i === 0) return `<th scope="row"${r.emphasis ? ' class="own"' : ""}>${escapeHtml(c)}</th>`;
        return `<td${t.numericColumns.includes(i) ? ' class="num"' : ""}>${escapeHtml(c)}</td>`;
      });
      return `<tr>${cells.join("")}</tr>`;
    })
    .join("\n");
  const note = t.note ? `\n<p class="note">${escapeHtml(t.note)}</p>` : "";
  // Column widths as in the DOCX, so a pasted table keeps its labels on one line.
  const cols = t.columnShares ? `\n<colgroup>${t.columnShares.map((share) => `<col style="width:${Math.round(share * 1000) / 10}%">`).join("")}</colgroup>` : "";
  return `<table${t.columnShares ? ' style="width:100%"' : ""}>\n<caption>${escapeHtml(`${t.label}: ${t.caption}`)}</caption>${cols}\n<thead>\n${head}\n</thead>\n<tbody>\n${body}\n</tbody>\n</table>${note}`;
}

function imageSrc(png: Uint8Array | null, svg: string): string {
  return png ? `data:image/png;base64,${Buffer.from(png).toString("base64")}` : `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}

function renderBlock(b: ReportBlock, images: ReportImages): string {
  switch (b.kind) {
    case "heading":
      return `<h${b.level}>${escapeHtml(b.text)}</h${b.level}>`;
    case "paragraph":
      if (b.emphasis === "note") return `<p class="caveat">${escapeHtml(b.text)}</p>`;
      return b.emphasis === "strong" ? `<p><strong>${escapeHtml(b.text)}</strong></p>` : `<p>${escapeHtml(b.text)}</p>`;
    case "bullets":
      return `<ul>\n${b.items.map((i) => `<li>${escapeHtml(i)}</li>`).join("\n")}\n</ul>`;
    case "recommendation":
      return `<p>${escapeHtml(b.lead)}</p>\n${b.items.map((i) => `<p class="at">${escapeHtml(i)}</p>`).join("\n")}`;
    case "table":
      return renderTable(b);
    case "figure": {
      const image = images.get(b.figureId);
      const caption = `<figcaption>${escapeHtml(`${b.label}: ${b.caption}`)}</figcaption>`;
      if (!image) return `<figure>\n<p>${escapeHtml(b.altText)}</p>\n${caption}\n</figure>`;
      return `<figure>\n<img src="${imageSrc(image.png, image.svg)}" alt="${escapeHtml(b.altText)}" width="${Math.min(640, image.width)}">\n${caption}\n</figure>`;
    }
    default:
      return assertNever(b);
  }
}

const STYLE = `body{font-family:Calibri,Arial,sans-serif;font-size:11pt;line-height:1.4;max-width:48em;margin:2em auto;padding:0 1em;color:#1a1a1a}
h1,h2{color:#1f3d7a}table{border-collapse:collapse;margin:.5em 0;font-size:9.5pt}caption{font-weight:bold;text-align:left;padding:.3em 0}
th,td{border:1px solid #808080;padding:.2em .4em;vertical-align:bottom}thead th{background:#e7ecf3}th[scope=row]{text-align:left;font-weight:normal}
th.own{font-weight:bold}td.num{text-align:right}.note,figcaption{font-style:italic;font-size:9pt}.caveat{border-left:4px solid #c8102e;padding-left:.6em}
.demo{border:2px solid #c8102e;color:#c8102e;font-weight:bold;padding:.4em .6em}.at{margin-left:2em}footer{border-top:1px solid #808080;margin-top:2em;font-size:9pt}
img{max-width:100%;height:auto}`;

/**
 * A standalone, plain HTML document: semantic headings, tables with caption, header cells and spans,
 * no scripts and one small style block, so its body pastes cleanly into an agenda system.
 */
export function renderAgendaItemHtml(model: AgendaItemModel, images: ReportImages = NO_IMAGES): string {
  const demo = model.demoNotice ? `<p class="demo">${escapeHtml(model.demoNotice)}. Tallene er syntetiske og må ikke bruges som Ankestyrelsens statistik.</p>\n` : "";
  const sections = model.sections
    .map((s) => `<section>\n<h2>${escapeHtml(s.heading)}</h2>\n${s.blocks.map((b) => keepUnitsTogether(renderBlock(b, images))).join("\n")}\n</section>`)
    .join("\n");
  return `<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<title>${escapeHtml(`${model.title} – ${model.municipality}`)}</title>
<style>${STYLE}</style>
</head>
<body>
<article>
<h1>${escapeHtml(model.title)}</h1>
${demo}<p><strong>${escapeHtml(model.bodyLine)}</strong><br>
Journalnummer: ${escapeHtml(model.caseNumber.text)}<br>
Sagsbehandler: ${escapeHtml(model.caseworker.text)}</p>
${sections}
<footer><p>${escapeHtml(model.footer)}</p></footer>
</article>
</body>
</html>
`;
}
