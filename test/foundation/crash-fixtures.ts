import type { ComplaintCell } from "../../src/domain/complaint-cell.js";
import type { NewDatasetVersion } from "../../src/storage/complaint-store.js";
import { generateComplaintCells } from "./complaint-cell-generators.js";
import { MUNICIPALITIES } from "../../src/domain/municipality.js";

/** Versions 1..3 are committed before the crash; version 4 is written in the transaction that is killed. */
export const COMMITTED_VERSIONS = 3;
export const UNCOMMITTED_VERSION = 4;

export function crashVersion(n: number): NewDatasetVersion {
  return {
    fileName: `crash-${n}.csv`,
    sha256: `c${String(n).padStart(63, "0")}`,
    layout: "talportal-csv",
    source: null,
    extractedOn: `2025-0${n}-01`,
    importedAt: `2025-0${n}-02T12:00:00.000Z`,
    isDemo: true,
  };
}

/**
 * Version n's cells: 98 municipalities × 10 subjects per year. The uncommitted version is large
 * (10 years × 12 copies, 117.600 cells), so the killed transaction has written well past the WAL
 * buffers before the kill: cell rows are small since migrations 004/005, and 4 copies no longer did.
 */
export function crashCells(n: number): ComplaintCell[] {
  const subjects = Array.from({ length: 10 }, (_, i) => `Sagsemne ${i} § ${32 + i} – æøå`);
  const years = n === UNCOMMITTED_VERSION ? [2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025] : [2020 + n];
  return generateComplaintCells({ years, municipalityCodes: MUNICIPALITIES.map((m) => m.code), subjects, offset: n }).flatMap((cell) =>
    n === UNCOMMITTED_VERSION ? Array.from({ length: 12 }, (_, copy) => ({ ...cell, subject: `${cell.subject} (${copy})` })) : [cell],
  );
}
