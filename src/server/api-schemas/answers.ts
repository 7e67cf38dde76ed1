import { Type } from "typebox";
import { ApiError } from "./figures.js";
import { Ref } from "./schema-kit.js";

/** The answers many /api/v1 routes share: an error, 304, the ETag header and the Bearer scheme. */
export const API_ERROR = Ref(ApiError, { description: "Fejl med en fast kode og en dansk forklaring" });

export const NOT_MODIFIED = Type.Null({ description: "Uændret siden den ETag, klienten sendte i If-None-Match" });

export const ETAG_HEADER = { ETag: { type: "string", description: "Svarets ETag; send den i If-None-Match for at få 304 uden indhold" } } as const;

/** A write (and a read of non-public material) takes a personal API token: `Authorization: Bearer dkt_…`. */
export const BEARER = [{ apiToken: [] }];

/** A file answer: its bytes, named by Content-Disposition; never serialised as JSON. */
export function fileAnswer(description: string, mediaTypes: readonly string[] = ["application/octet-stream"]) {
  return { description, content: Object.fromEntries(mediaTypes.map((type) => [type, { schema: { type: "string", format: "binary" } }])) };
}
