import { sql as initial } from "./001-initial.js";
import { sql as datasetImportDetails } from "./002-dataset-import-details.js";
import { sql as municipalityComment } from "./003-municipality-comment.js";
import { sql as complaintCellVersionCheck } from "./004-complaint-cell-version-check.js";
import { sql as complaintCellBrinIndex } from "./005-complaint-cell-brin-index.js";

export type Migration = { readonly id: string; readonly sql: string };

/** Applied in this order, each once, each in its own transaction. Never edit a released migration: add one. */
export const MIGRATIONS: readonly Migration[] = [
  { id: "001-initial", sql: initial },
  { id: "002-dataset-import-details", sql: datasetImportDetails },
  { id: "003-municipality-comment", sql: municipalityComment },
  { id: "004-complaint-cell-version-check", sql: complaintCellVersionCheck },
  { id: "005-complaint-cell-brin-index", sql: complaintCellBrinIndex },
];
