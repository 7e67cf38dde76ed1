import { sql as initial } from "./001-initial.js";
import { sql as datasetImportDetails } from "./002-dataset-import-details.js";
import { sql as municipalityComment } from "./003-municipality-comment.js";
import { sql as complaintCellVersionCheck } from "./004-complaint-cell-version-check.js";
import { sql as complaintCellBrinIndex } from "./005-complaint-cell-brin-index.js";
import { sql as figuresFingerprint } from "./015-figures-fingerprint.js";
import { sql as contextFigures } from "./025-context-figures.js";
import { sql as accountsAndAudit } from "./040-accounts-and-audit.js";
import { sql as commentStatus } from "./041-comment-status.js";
import { sql as oidcLoginState } from "./042-oidc-login-state.js";
import { sql as treatmentRecord } from "./050-treatment-record.js";
import { sql as actionPlans } from "./055-action-plans.js";
import { sql as knowledgeBank } from "./060-knowledge-bank.js";
import { sql as subjectArea } from "./070-subject-area.js";
import { sql as docxTemplate } from "./071-docx-template.js";
import { sql as complianceFollowUp } from "./080-compliance-follow-up.js";
import { sql as dataChangeNotify } from "./090-data-change-notify.js";

export type Migration = { readonly id: string; readonly sql: string };

/** Applied in this order, each once, each in its own transaction. Never edit a released migration: add one. */
export const MIGRATIONS: readonly Migration[] = [
  { id: "001-initial", sql: initial },
  { id: "002-dataset-import-details", sql: datasetImportDetails },
  { id: "003-municipality-comment", sql: municipalityComment },
  { id: "004-complaint-cell-version-check", sql: complaintCellVersionCheck },
  { id: "005-complaint-cell-brin-index", sql: complaintCellBrinIndex },
  { id: "015-figures-fingerprint", sql: figuresFingerprint },
  { id: "025-context-figures", sql: contextFigures },
  { id: "040-accounts-and-audit", sql: accountsAndAudit },
  { id: "041-comment-status", sql: commentStatus },
  { id: "042-oidc-login-state", sql: oidcLoginState },
  { id: "050-treatment-record", sql: treatmentRecord },
  { id: "055-action-plans", sql: actionPlans },
  { id: "060-knowledge-bank", sql: knowledgeBank },
  { id: "070-subject-area", sql: subjectArea },
  { id: "071-docx-template", sql: docxTemplate },
  { id: "080-compliance-follow-up", sql: complianceFollowUp },
  { id: "090-data-change-notify", sql: dataChangeNotify },
];
