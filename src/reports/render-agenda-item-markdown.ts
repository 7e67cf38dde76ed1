import { assertNever } from "../domain/assert-never.js";
import type { AgendaItemModel } from "./agenda-item-model.js";
import type { ReportBlock, ReportTable } from "./report-document.js";
import { splitLinks } from "./split-links.js";

/** Characters Markdown would read as markup inside running text and table cells. */
function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]|<>])/g, "\\$1");
}

/** Running text escaped, each web address an autolink (<https://…>), which Markdown leaves unescaped. */
function linked(text: string): string {
  return splitLinks(text)
    .map((seg) => (seg.kind === "text" ? escapeMarkdown(seg.text) : `<${seg.url}>`))
    .join("");
}

function renderTable(t: ReportTable): string {
  const align = t.flatHeader.map((_, i) => (t.numericColumns.includes(i) ? "---:" : "---"));
  const lines = [
    `**${t.label}: ${escapeMarkdown(t.caption)}**`,
    "",
    `| ${t.flatHeader.map(escapeMarkdown).join(" | ")} |`,
    `| ${align.join(" | ")} |`,
    ...t.rows.map((r) => `| ${r.cells.map((c, i) => (r.emphasis && i === 0 ? `**${escapeMarkdown(c)}**` : escapeMarkdown(c))).join(" | ")} |`),
  ];
  if (t.note) lines.push("", `_${escapeMarkdown(t.note)}_`);
  return lines.join("\n");
}

function renderBlock(b: ReportBlock, images: ReadonlyMap<string, string>): string {
  switch (b.kind) {
    case "heading":
      return `${"#".repeat(b.level)} ${escapeMarkdown(b.text)}`;
    case "paragraph":
      return b.emphasis === "strong" ? `**${linked(b.text)}**` : b.emphasis === "note" ? `> ${linked(b.text)}` : linked(b.text);
    case "bullets":
      return b.items.map((i) => `- ${linked(i)}`).join("\n");
    case "recommendation":
      return [escapeMarkdown(b.lead), "", ...b.items.map((i) => `- ${escapeMarkdown(i)}`)].join("\n");
    case "table":
      return renderTable(b);
    case "figure": {
      const src = images.get(b.figureId);
      const caption = `*${b.label}: ${escapeMarkdown(b.caption)}*`;
      return src ? `![${escapeMarkdown(b.altText)}](${src})\n\n${caption}` : `${caption}\n\n${escapeMarkdown(b.altText)}`;
    }
    default:
      return assertNever(b);
  }
}

/**
 * Markdown for wikis and agenda systems that take it. Tables use the flat header (Markdown has no
 * spanning cells). `images` maps a figure id to an image path or data URL; without one the figure's
 * text alternative is written instead.
 */
export function renderAgendaItemMarkdown(model: AgendaItemModel, images: ReadonlyMap<string, string> = new Map()): string {
  const out: string[] = [`# ${escapeMarkdown(model.title)}`, ""];
  if (model.demoNotice) out.push(`> **${escapeMarkdown(model.demoNotice)}**`, "");
  out.push(
    `${escapeMarkdown(model.bodyLine)}  `,
    ...model.headerLines.map((line, i) => `${escapeMarkdown(line)}${i < model.headerLines.length - 1 ? "  " : ""}`),
    "",
  );
  for (const section of model.sections) {
    out.push(`## ${escapeMarkdown(section.heading)}`, "");
    for (const block of section.blocks) out.push(renderBlock(block, images), "");
  }
  out.push("---", "", `_${escapeMarkdown(model.footer)}_`, "");
  return out.join("\n");
}
