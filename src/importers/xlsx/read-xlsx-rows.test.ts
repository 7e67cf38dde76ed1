import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import { readXlsxRows } from "./read-xlsx-rows.js";

const dir = mkdtempSync(join(tmpdir(), "danmarkskort-xlsx-rows-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function rowsOf(path: string, sheet: string | undefined): Promise<{ sheet: string | null; rows: string[][] }> {
  let name: string | null = null;
  const rows: string[][] = [];
  for await (const item of readXlsxRows(path, sheet)) {
    if (item.kind === "sheet") name = item.name;
    else rows.push([...item.row.fields]);
  }
  return { sheet: name, rows };
}

describe("readXlsxRows", () => {
  it("reads the sheet named by --sheet after sheets it skips, many times over, without a stray file error", async () => {
    // exceljs writes the sheets before the shared strings and the workbook last: read entry by entry, a
    // skipped sheet once made a late ENOENT escape, and a lost last entry made a sound file "beskadiget".
    const path = join(dir, "tre-ark.xlsx");
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Forside").addRow(["Ankestyrelsens talportal"]);
    wb.addWorksheet("Noter").addRows([["a"], ["b"], ["c"]]);
    wb.addWorksheet("Tal").addRows([["Kommune", "Sager"], ["Herning", 5]]);
    await wb.xlsx.writeFile(path);
    for (let i = 0; i < 20; i++) {
      expect(await rowsOf(path, "Tal")).toEqual({ sheet: "Tal", rows: [["Kommune", "Sager"], ["Herning", "5"]] });
    }
    expect(await rowsOf(path, undefined)).toEqual({ sheet: "Forside", rows: [["Ankestyrelsens talportal"]] });
    await expect(rowsOf(path, "Findes ikke")).rejects.toThrow('Arket "Findes ikke" findes ikke. Arkene hedder: "Forside", "Noter", "Tal".');
    // Give any stream opened late a chance to fail inside this test rather than after it.
    await new Promise((r) => setTimeout(r, 200));
  });
});
