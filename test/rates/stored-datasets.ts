import { createHash } from "node:crypto";
import type { ComplaintCell } from "../../src/domain/complaint-cell.js";
import type { Database } from "../../src/storage/database.js";
import { saveDatasetVersion } from "../../src/storage/complaint-store.js";

/**
 * Stores `cells` as one dataset version, as an import would. The SHA-256 is taken over the cells, so
 * different cells make a new version; `extractedOn` decides which version is active per year.
 */
export async function storeCells(
  db: Database,
  cells: readonly ComplaintCell[],
  options: { readonly fileName?: string; readonly extractedOn?: string; readonly isDemo?: boolean } = {},
): Promise<number> {
  const sha256 = createHash("sha256").update(JSON.stringify(cells)).digest("hex");
  const result = await db.transaction((tx) =>
    saveDatasetVersion(
      tx,
      {
        fileName: options.fileName ?? "test-cells.csv",
        sha256,
        layout: "test-generator",
        source: "test/rates generator",
        extractedOn: options.extractedOn ?? "2025-06-10",
        importedAt: "2025-06-11T10:00:00.000Z",
        isDemo: options.isDemo ?? false,
      },
      cells,
    ),
  );
  return result.datasetVersionId;
}
