import { createHash } from "node:crypto";
import { checkDocxTemplate, DocxTemplateError, MAX_DOCX_TEMPLATE_BYTES } from "../../reports/render-agenda-item-docx-template.js";
import type { Queryable } from "../../storage/database.js";
import { loadDocxTemplateContent, loadDocxTemplateInfo, saveDocxTemplate, type DocxTemplateInfo } from "../../storage/docx-templates.js";
import { recordAuditEvent } from "../audit/record-audit-event.js";
import type { Caller } from "../caller.js";
import { cprRefusalOf, isRefusal, municipalityOr404, permitOrRefuse, type TreatmentDeps } from "../treatment/treatment-access.js";
import { refuse, type Refusal } from "../use-case-result.js";

export const DOCX_TEMPLATE_FIELD_DA = "Skabelon";

export type UploadedTemplate = { readonly fileName: string; readonly bytes: Uint8Array; readonly truncated?: boolean };

/**
 * Stores the municipality's own Word template for the agenda item (issue 16, point 2), replacing an
 * earlier one: its editors only (municipality.settings.write, as its other lists). The file is checked
 * first – a DOCX, at most MAX_DOCX_TEMPLATE_BYTES, every placeholder known (a Danish message names the
 * unknown one) – and the write and its audit event share one transaction.
 */
export async function saveMunicipalityDocxTemplate(deps: TreatmentDeps, caller: Caller, code: string, file: UploadedTemplate): Promise<{ kind: "saved"; template: DocxTemplateInfo } | Refusal> {
  const municipality = municipalityOr404(code);
  if (isRefusal(municipality)) return municipality;
  const denied = permitOrRefuse(deps, caller, { action: "municipality.settings.write", municipalityCode: municipality.code });
  if (denied) return denied;
  const field = { field: DOCX_TEMPLATE_FIELD_DA };
  if (file.bytes.length === 0) return refuse(400, "Vælg en Word-fil (DOCX) med kommunens skabelon.", field);
  if (file.truncated || file.bytes.length > MAX_DOCX_TEMPLATE_BYTES) return refuse(400, `Skabelonen må højst fylde ${MAX_DOCX_TEMPLATE_BYTES / 1024 / 1024} MB.`, field);
  const fileName = file.fileName.trim().slice(0, 200) || "skabelon.docx";
  if (!/\.docx$/i.test(fileName)) return refuse(400, `Skabelonen skal være en Word-fil med endelsen .docx, ikke "${fileName.slice(0, 60)}".`, field);
  const cpr = cprRefusalOf(deps, caller, [["Filnavn", fileName]]);
  if (cpr) return cpr;
  let placeholders: string[];
  try {
    placeholders = checkDocxTemplate(file.bytes);
  } catch (error) {
    if (error instanceof DocxTemplateError) return refuse(400, error.message, field);
    throw error;
  }
  const now = deps.now();
  const template: DocxTemplateInfo = { fileName, sizeBytes: file.bytes.length, sha256: createHash("sha256").update(file.bytes).digest("hex"), placeholders, uploadedAt: now.toISOString() };
  return deps.db.transaction(async (tx) => {
    const before = await loadDocxTemplateInfo(tx, municipality.code);
    await saveDocxTemplate(tx, municipality.code, { ...template, content: file.bytes });
    await recordAuditEvent(tx, caller, now, {
      action: "municipality.docx-template-save",
      municipalityCode: municipality.code,
      subject: `skabelon ${municipality.code}`,
      before: before ? { fileName: before.fileName, sha256: before.sha256 } : null,
      after: { fileName: template.fileName, sha256: template.sha256 },
    });
    return { kind: "saved" as const, template };
  });
}

/** Which template the municipality keeps (public: a layout, no personal data), or a 404 in Danish. */
export async function loadMunicipalityDocxTemplateInfo(deps: Pick<TreatmentDeps, "db">, code: string): Promise<{ kind: "template"; template: DocxTemplateInfo | null } | Refusal> {
  const municipality = municipalityOr404(code);
  if (isRefusal(municipality)) return municipality;
  return { kind: "template", template: await loadDocxTemplateInfo(deps.db, municipality.code) };
}

/** The stored template's bytes for the agenda item, or null (the built-in layout). */
export function loadDocxTemplateForReport(db: Queryable, code: string): Promise<Buffer | null> {
  return loadDocxTemplateContent(db, code);
}
