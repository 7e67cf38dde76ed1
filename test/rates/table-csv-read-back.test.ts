import { describe, expect, it } from "vitest";
import { readDelimitedRecords } from "../../src/importers/text/read-delimited-records.js";
import { buildMapFigures } from "../../src/domain/map-figures.js";
import { buildFigureTableModel, renderTableCsv } from "../../src/viz/figure-table.js";
import { published2024Cells } from "./published-2024-cells.js";

async function readBack(csv: string): Promise<string[][]> {
  const out: string[][] = [];
  async function* one() {
    yield csv;
  }
  for await (const batch of readDelimitedRecords(one())) out.push(...batch.map((r) => r.fields));
  return out;
}

describe("the map's CSV download, read back by the importers' own CSV reader", () => {
  it("gives exactly the table's header, cells and source line", async () => {
    const figures = buildMapFigures(published2024Cells(), { map: "socialomraadet", year: 2024, area: "total" });
    const model = buildFigureTableModel(figures, "Socialområdet generelt 2024", 'Kilde: Ankestyrelsen; datasæt "2024"', { measure: "sager-pr-10000" });
    const records = await readBack(renderTableCsv(model));
    expect(records[0]).toEqual(model.columns.map((c) => c.labelDa));
    expect(records.slice(1, 100)).toEqual(model.rows.map((r) => r.cells.map((c) => c.text)));
    expect(records.slice(100)).toEqual([[""], ['Kilde: Ankestyrelsen; datasæt "2024"']]);
  });
});
