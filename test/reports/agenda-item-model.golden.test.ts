import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { indexCellTotals } from "../../src/domain/cell-totals.js";
import { buildAgendaItemFor } from "../../src/reports/agenda-item-files.js";
import { generateReferenceCells, generateReferenceProvenance, HERNING } from "./support/reference-cells.js";

const here = dirname(fileURLToPath(import.meta.url));

/**
 * Golden file of the whole agenda item model for Herning 2024 on the reference cells. Numbers inside the
 * text are already formatted strings; raw numbers (none today) would be rounded to 6 significant digits so
 * a change in the last float bit does not fail the test. On a difference the new model is written next to
 * the golden file as *.actual.json for a person to compare; copy it over the golden file to accept it.
 */
function normalise(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (_k, v: unknown) => (typeof v === "number" && !Number.isInteger(v) ? Number(v.toPrecision(6)) : v)));
}

function checkGolden(name: string, actual: unknown): void {
  const golden = join(here, "golden", `${name}.json`);
  const actualFile = join(here, "golden", `${name}.actual.json`);
  const text = `${JSON.stringify(normalise(actual), null, 2)}\n`;
  if (!existsSync(golden)) {
    writeFileSync(golden, text);
    throw new Error(`Ny golden-fil skrevet: ${golden}. Læs den igennem og kør testen igen.`);
  }
  const expected = readFileSync(golden, "utf8");
  if (expected !== text) writeFileSync(actualFile, text);
  else rmSync(actualFile, { force: true });
  expect(text, `Modellen afviger fra ${golden}; se ${actualFile}`).toBe(expected);
}

describe("agenda item model, golden", () => {
  const totals = indexCellTotals(generateReferenceCells());

  it("Herning 2024 for the council matches the reviewed golden file", () => {
    const { model } = buildAgendaItemFor(totals, generateReferenceProvenance(), HERNING, 2024, {
      caseNumber: "27.69.52-I02-1-25",
      caseworker: "Jane Sønderkov",
    });
    checkGolden("agenda-item-herning-2024-byraad", model);
  });

  it("Herning 2023 (action-plan decision in force) for the committee matches its golden file", () => {
    const { model } = buildAgendaItemFor(totals, generateReferenceProvenance(true), HERNING, 2023, { body: "udvalg" });
    checkGolden("agenda-item-herning-2023-udvalg", model);
  });
});
