import { describe, expect, it } from "vitest";
import { indexCellTotals } from "../../src/domain/cell-totals.js";
import { buildAgendaItemFor } from "../../src/reports/agenda-item-files.js";
import { renderAgendaItemDocx } from "../../src/reports/render-agenda-item-docx.js";
import { renderAgendaItemHtml } from "../../src/reports/render-agenda-item-html.js";
import { renderAgendaItemMarkdown } from "../../src/reports/render-agenda-item-markdown.js";
import { MINISTRY_MAP_PAGES } from "../../src/reports/sections/ministry-map-pages.js";
import { generateReferenceCells, generateReferenceProvenance, HERNING } from "./support/reference-cells.js";
import { readZipEntry } from "./support/read-zip-entry.js";

/**
 * Issue 16, point 3: the ministry's page for each map and year is a real hyperlink in the DOCX (a
 * w:hyperlink with an external relationship to the address) and in the HTML (<a href>), and an autolink
 * in Markdown, so a council member can open it from the agenda system.
 */
describe("links to the ministry's map pages", () => {
  const { model } = buildAgendaItemFor(indexCellTotals(generateReferenceCells()), generateReferenceProvenance(), HERNING, 2024, {
    includeFigures: false,
    mapLinks: { voksenhandicapomraadet: "https://kommune.example/vores-side-om-kortet" },
  });
  const urls = [MINISTRY_MAP_PAGES[2024]!.socialomraadet!, MINISTRY_MAP_PAGES[2024]!.boernehandicapomraadet!, "https://kommune.example/vores-side-om-kortet"];

  it("are hyperlinks in the DOCX, each with an external relationship to its address", async () => {
    const docx = await renderAgendaItemDocx(model, new Map());
    const document = readZipEntry(docx, "word/document.xml").toString("utf8");
    const rels = readZipEntry(docx, "word/_rels/document.xml.rels").toString("utf8");
    for (const url of urls) {
      const rel = new RegExp(`Id="([^"]+)"[^>]*Target="${url.replace(/[.]/g, "\\.")}"[^>]*TargetMode="External"|Target="${url.replace(/[.]/g, "\\.")}"[^>]*TargetMode="External"[^>]*Id="([^"]+)"`).exec(rels);
      expect(rel, url).not.toBeNull();
      const id = rel![1] ?? rel![2];
      const link = new RegExp(`<w:hyperlink[^>]*r:id="${id}"[^>]*>(.*?)</w:hyperlink>`).exec(document);
      expect(link, url).not.toBeNull();
      expect(link![1]).toContain(url);
    }
  });

  it("are <a href> in the HTML and autolinks in Markdown, with the sentence around them intact", () => {
    const html = renderAgendaItemHtml(model, new Map());
    for (const url of urls) expect(html).toContain(`<a href="${url}">${url}</a>`);
    expect(html).toContain("hjemmeside: Omgørelsesprocenter på socialområdet i 2024, <a href=");
    const md = renderAgendaItemMarkdown(model, new Map());
    for (const url of urls) expect(md).toContain(`<${url}>`);
  });
});
