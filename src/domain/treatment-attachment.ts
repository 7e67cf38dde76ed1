import { MAX_ATTACHMENT_BYTES, MAX_FILE_NAME_LENGTH, TREATMENT_FIELDS_DA, textProblem, type AttachmentMediaType, type FieldProblem } from "./treatment-record.js";

/**
 * Which of the three accepted file types an upload is, judged by its bytes, not by the name or the type the
 * browser claims (both are the uploader's to choose): PDF starts "%PDF-", DOCX is a zip whose first entry
 * table names word/document.xml, HTML is UTF-8 text with an <html> or a doctype near its start.
 */
export type AttachmentCheck = { ok: true; mediaType: AttachmentMediaType; fileName: string; htmlText: string | null } | { ok: false; problem: FieldProblem };

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d];
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

function containsAscii(bytes: Uint8Array, text: string): boolean {
  const needle = Array.from(text, (c) => c.charCodeAt(0));
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

const EXTENSIONS: Readonly<Record<AttachmentMediaType, string>> = {
  "application/pdf": ".pdf",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
  "text/html": ".html",
};

/** The name a download gets: the uploader's, without path or characters a header cannot carry, with the type's extension. */
export function cleanFileName(name: string, mediaType: AttachmentMediaType): string {
  const base = (name.split(/[\\/]/).pop() ?? "")
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f"]/g, "")
    .trim();
  const ext = EXTENSIONS[mediaType];
  const stem = base.replace(/\.(pdf|docx|html?)$/i, "") || "bilag";
  return `${stem.slice(0, MAX_FILE_NAME_LENGTH - ext.length)}${ext}`;
}

export function checkAttachment(fileName: string, bytes: Uint8Array): AttachmentCheck {
  const F = TREATMENT_FIELDS_DA;
  if (bytes.length === 0) return { ok: false, problem: { field: F.file, messageDa: "Filen er tom." } };
  if (bytes.length > MAX_ATTACHMENT_BYTES) {
    return { ok: false, problem: { field: F.file, messageDa: `Filen er på ${(bytes.length / 1024 / 1024).toFixed(1).replace(".", ",")} MB; højst ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB er tilladt.` } };
  }
  const nameProblem = textProblem(F.fileName, fileName, 1000, { singleLine: true });
  if (nameProblem) return { ok: false, problem: nameProblem };
  if (startsWith(bytes, PDF_MAGIC)) return { ok: true, mediaType: "application/pdf", fileName: cleanFileName(fileName, "application/pdf"), htmlText: null };
  if (startsWith(bytes, ZIP_MAGIC)) {
    // A DOCX names its main part in the zip's local headers; other Office files (xlsx, pptx) name xl/ or ppt/.
    if (containsAscii(bytes, "word/document.xml")) {
      const type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document" as const;
      return { ok: true, mediaType: type, fileName: cleanFileName(fileName, type), htmlText: null };
    }
    return { ok: false, problem: { field: F.file, messageDa: "Filen er et zip-arkiv, men ikke et Word-dokument (DOCX). Vedhæft PDF, DOCX eller HTML." } };
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, problem: { field: F.file, messageDa: "Filen er hverken PDF, DOCX eller HTML i UTF-8. Vedhæft referatet eller dagsordenpunktet som PDF, DOCX eller HTML." } };
  }
  const head = text.slice(0, 2048).replace(/^\ufeff/, "").trimStart().toLowerCase();
  if (head.startsWith("<!doctype html") || head.startsWith("<html") || /<html[\s>]/.test(head)) {
    return { ok: true, mediaType: "text/html", fileName: cleanFileName(fileName, "text/html"), htmlText: text };
  }
  return { ok: false, problem: { field: F.file, messageDa: "Filen er hverken PDF, DOCX eller HTML. Vedhæft referatet eller dagsordenpunktet som PDF, DOCX eller HTML." } };
}
