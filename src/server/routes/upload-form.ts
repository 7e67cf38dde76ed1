import fastifyMultipart from "@fastify/multipart";
import type { FastifyInstance } from "fastify";

/** A file field of an upload form as the parser below leaves it in the body. */
export type UploadedFile = { readonly fileName: string; readonly bytes: Buffer; readonly truncated: boolean };

/** The form's file (field `fil`), or null when none was chosen (browsers send an empty part then). */
export function uploadedFile(body: unknown): UploadedFile | null {
  const value = body && typeof body === "object" ? (body as Record<string, unknown>).fil : undefined;
  if (!value || typeof value !== "object" || !("bytes" in value)) return null;
  const file = value as UploadedFile;
  return file.fileName === "" && file.bytes.length === 0 ? null : file;
}

/**
 * The multipart parser of an upload form, registered in the caller's scope only, so no other route accepts
 * multipart bodies. The file is read into memory up to one byte past `maxFileBytes`, so a too large file is
 * refused in Danish by the use case rather than cut silently (`truncated`). Fields are attached to the body
 * before the CSRF check reads them.
 */
export async function registerUploadParser(scope: FastifyInstance, limits: { readonly maxFileBytes: number; readonly fields: number; readonly fieldSize: number }): Promise<void> {
  await scope.register(fastifyMultipart, {
    attachFieldsToBody: "keyValues",
    throwFileSizeLimit: false,
    limits: { fileSize: limits.maxFileBytes + 1, files: 1, fields: limits.fields, fieldSize: limits.fieldSize },
    async onFile(part) {
      const chunks: Buffer[] = [];
      for await (const chunk of part.file) chunks.push(chunk as Buffer);
      (part as unknown as { value: UploadedFile }).value = { fileName: part.filename, bytes: Buffer.concat(chunks), truncated: part.file.truncated };
    },
  });
}
