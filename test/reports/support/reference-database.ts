import { openDatabase } from "../../../src/storage/open-database.js";
import type { Database } from "../../../src/storage/database.js";
import { saveDatasetVersion } from "../../../src/storage/complaint-store.js";
import { generateReferenceCells } from "./reference-cells.js";

/** An in-memory database holding generateReferenceCells() as one dataset version. */
export async function openReferenceDatabase(options: { isDemo?: boolean } = {}): Promise<Database> {
  const db = await openDatabase({ kind: "memory" });
  await db.transaction((tx) =>
    saveDatasetVersion(
      tx,
      {
        fileName: "ankestatistik-2021-2024.csv",
        sha256: "a".repeat(64),
        layout: "talportal-export",
        source: "Ankestyrelsens talportal",
        extractedOn: "2025-06-02",
        importedAt: "2025-06-03T08:15:00.000Z",
        isDemo: options.isDemo ?? false,
      },
      generateReferenceCells(),
    ),
  );
  return db;
}
