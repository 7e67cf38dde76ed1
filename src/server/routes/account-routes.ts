import type { FastifyInstance } from "fastify";
import type { AppContext } from "../app-context.js";
import { registerApiTreatment } from "./api-treatment.js";
import { registerApiKnowledge } from "./api-knowledge.js";
import { registerApiWrites } from "./api-writes.js";
import { registerAccountPages } from "./page-account.js";
import { registerAuditPage } from "./page-audit.js";
import { registerCommentPage } from "./page-comment.js";
import { registerCompliancePages } from "./page-compliance.js";
import { registerKnowledgePage } from "./page-knowledge.js";
import { registerKnowledgeAdminPages } from "./page-knowledge-admin.js";
import { registerLegalRulesPages } from "./page-legal-rules.js";
import { registerActionPlanPages } from "./page-action-plans.js";
import { registerSignInPages } from "./page-sign-in.js";
import { registerTreatmentPages } from "./page-treatment.js";
import { registerUsersPage } from "./page-users.js";
import { registerApiSubjectAreas } from "./api-subject-areas.js";
import { registerApiDocxTemplate } from "./api-docx-template.js";
import { registerDocxTemplatePages } from "./page-docx-template.js";
import { registerSubjectAreaPages } from "./page-subject-areas.js";

/** Sign-in, accounts, users, the audit trail, the comment form, and their /api/v1 twins (issue 12). */
export function registerAccountRoutes(app: FastifyInstance, ctx: AppContext): void {
  registerSignInPages(app, ctx);
  registerAccountPages(app, ctx);
  registerUsersPage(app, ctx);
  registerAuditPage(app, ctx);
  registerCommentPage(app, ctx);
  registerApiWrites(app, ctx);
  registerApiTreatment(app, ctx);
  registerKnowledgePage(app, ctx);
  registerKnowledgeAdminPages(app, ctx);
  registerActionPlanPages(app, ctx);
  registerApiKnowledge(app, ctx);
  registerTreatmentPages(app, ctx);
  registerLegalRulesPages(app, ctx);
  registerApiSubjectAreas(app, ctx);
  registerApiDocxTemplate(app, ctx);
  registerDocxTemplatePages(app, ctx);
  registerSubjectAreaPages(app, ctx);
  registerCompliancePages(app, ctx);
}
