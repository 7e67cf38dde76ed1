import { describe, expect, it } from "vitest";
import { indexCellTotals } from "../../src/domain/cell-totals.js";
import { buildAgendaItemFor } from "../../src/reports/agenda-item-files.js";
import { buildReportSvgs } from "../../src/reports/build-report-svgs.js";
import { generateReferenceCells, generateReferenceProvenance, HERNING } from "./support/reference-cells.js";

describe("the agenda item's images as SVG", () => {
  const built = buildAgendaItemFor(indexCellTotals(generateReferenceCells()), generateReferenceProvenance(), HERNING, 2024, {});
  const svgs = buildReportSvgs({ figures: built.figures });

  it("titles the trend chart with the map's name in lower case mid-sentence, as the profile page does", () => {
    const trend = svgs.get("trend-chart")?.svg ?? "";
    expect(trend).toContain("Omgørelsesprocent over tid: Herning Kommune, socialområdet generelt</title>");
    expect(trend).not.toContain("Socialområdet generelt");
  });

  it("draws Herning and its neighbours on the neighbour map", () => {
    const map = svgs.get("neighbour-map")?.svg ?? "";
    expect(map).toContain('data-municipality="0657" fill="#1f3d7a"');
    expect(map).toContain("<title id=\"nm-title\">Herning og nabokommuner</title>");
  });
});
