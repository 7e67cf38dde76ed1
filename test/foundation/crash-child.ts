// Child process for crash-recovery.test.ts: opens storage exactly as the server does (openDatabase),
// commits some dataset versions, then starts a write transaction, writes into it, says so on stdout
// and waits inside it until the parent kills it with SIGKILL.
import { saveDatasetVersion } from "../../src/storage/complaint-store.js";
import { openDatabase, type StorageConfig } from "../../src/storage/open-database.js";
import { crashVersion, crashCells, COMMITTED_VERSIONS, UNCOMMITTED_VERSION } from "./crash-fixtures.js";

const config = JSON.parse(process.argv[2] ?? "") as StorageConfig;
const db = await openDatabase(config);
for (let n = 1; n <= COMMITTED_VERSIONS; n++) {
  await db.transaction((tx) => saveDatasetVersion(tx, crashVersion(n), crashCells(n)));
}
process.stdout.write("COMMITTED\n");
await db.transaction(async (tx) => {
  await saveDatasetVersion(tx, crashVersion(UNCOMMITTED_VERSION), crashCells(UNCOMMITTED_VERSION));
  await tx.query("INSERT INTO dataset_pin (year, dataset_version_id) SELECT 2024, id FROM dataset_version WHERE sha256 = $1", [
    crashVersion(UNCOMMITTED_VERSION).sha256,
  ]);
  process.stdout.write("IN-TRANSACTION\n");
  // Never resolves: the transaction stays open until SIGKILL.
  await new Promise(() => setInterval(() => undefined, 60_000));
});
