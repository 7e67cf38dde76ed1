import type { Queryable } from "./database.js";

export type DocxTemplateInfo = { readonly fileName: string; readonly sizeBytes: number; readonly sha256: string; readonly placeholders: readonly string[]; readonly uploadedAt: string };

type Row = { file_name: string; size_bytes: number; sha256: string; placeholders: string[]; uploaded_at: string | Date };

function toInfo(r: Row): DocxTemplateInfo {
  return { fileName: r.file_name, sizeBytes: Number(r.size_bytes), sha256: r.sha256, placeholders: r.placeholders, uploadedAt: new Date(r.uploaded_at).toISOString() };
}

export async function loadDocxTemplateInfo(db: Queryable, municipalityCode: string): Promise<DocxTemplateInfo | null> {
  const { rows } = await db.query<Row>("SELECT file_name, size_bytes, sha256, placeholders, uploaded_at FROM municipality_docx_template WHERE municipality_code = $1", [municipalityCode]);
  return rows[0] ? toInfo(rows[0]) : null;
}

/** The template's bytes, for filling it; null when the municipality has none. */
export async function loadDocxTemplateContent(db: Queryable, municipalityCode: string): Promise<Buffer | null> {
  const { rows } = await db.query<{ content: Uint8Array }>("SELECT content FROM municipality_docx_template WHERE municipality_code = $1", [municipalityCode]);
  return rows[0] ? Buffer.from(rows[0].content) : null;
}

/** Stores the municipality's template, replacing an earlier one. */
export async function saveDocxTemplate(db: Queryable, municipalityCode: string, t: DocxTemplateInfo & { readonly content: Uint8Array }): Promise<void> {
  await db.query("DELETE FROM municipality_docx_template WHERE municipality_code = $1", [municipalityCode]);
  await db.query(
    "INSERT INTO municipality_docx_template (municipality_code, file_name, content, size_bytes, sha256, placeholders, uploaded_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
    [municipalityCode, t.fileName, t.content, t.content.length, t.sha256, t.placeholders, t.uploadedAt],
  );
}
