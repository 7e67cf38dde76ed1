import { describe, expect, it } from "vitest";
import { indexCellTotals } from "../../src/domain/cell-totals.js";
import { buildAgendaItemFor } from "../../src/reports/agenda-item-files.js";
import { renderAgendaItemMarkdown } from "../../src/reports/render-agenda-item-markdown.js";
import { generateReferenceCells, generateReferenceProvenance, HERNING } from "./support/reference-cells.js";

const totals = indexCellTotals(generateReferenceCells());

describe("agenda item: the municipality's published comment", () => {
  it("prints the comment at the end of the presentation, paragraph by paragraph, saying whose text it is", () => {
    const { model } = buildAgendaItemFor(totals, generateReferenceProvenance(false), HERNING, 2024, {
      municipalityComment: { text: "Stigningen skyldes især § 41-sager.\nSe handleplanen.\n\nVi følger op i 2025.", publishedAt: "2025-06-20T09:00:00.000Z" },
    });
    const presentation = model.sections.find((s) => s.heading === "Sagsfremstilling")!.blocks;
    const at = presentation.findIndex((b) => b.kind === "heading" && b.text === "Kommunens kommentar til tallene");
    expect(at).toBeGreaterThan(0);
    expect(presentation.slice(at + 1, at + 4)).toEqual([
      { kind: "paragraph", text: "Stigningen skyldes især § 41-sager. Se handleplanen." },
      { kind: "paragraph", text: "Vi følger op i 2025." },
      { kind: "paragraph", emphasis: "note", text: "Kommentaren er Herning Kommunes egen om tallene for 2024, offentliggjort 20. juni 2025. Den er ikke en del af Ankestyrelsens statistik." },
    ]);
    // Only the source note, naming the dataset versions, follows it by default; no optional section does.
    expect(presentation.slice(at + 4)).toEqual(model.sourceLines.map((text) => ({ kind: "paragraph", text, emphasis: "note" })));
    expect(model.sourceLines[0]).toMatch(/^Kilde: Ankestyrelsens ankestatistik/);
    expect(renderAgendaItemMarkdown(model)).toContain("Vi følger op i 2025.");
  });

  it("has no comment section without a published comment", () => {
    const { model } = buildAgendaItemFor(totals, generateReferenceProvenance(false), HERNING, 2024);
    expect(JSON.stringify(model)).not.toContain("Kommunens kommentar");
  });
});
