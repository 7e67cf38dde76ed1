import { Ajv, type ErrorObject } from "ajv";
import addFormatsModule from "ajv-formats";
import type { FastifyInstance } from "fastify";

/**
 * Checks real answers against the OpenAPI document the server generates (/api/v1/openapi.json) with a real
 * JSON Schema validator (Ajv, with ajv-formats for date and date-time): types, required fields, closed objects
 * (additionalProperties: false), enums, patterns, ranges. Every error names its path, so a drifted field is
 * found by name.
 */
export type OpenApiDocument = {
  readonly openapi: string;
  readonly info: { readonly title: string; readonly description?: string };
  readonly paths: Record<string, Record<string, Operation | undefined>>;
  readonly components: { readonly schemas: Record<string, Record<string, unknown>>; readonly securitySchemes?: unknown };
};
export type Operation = {
  readonly summary?: string;
  readonly security?: unknown;
  readonly requestBody?: unknown;
  readonly parameters?: readonly { name: string; in: string; required?: boolean }[];
  readonly responses: Record<string, { description: string; content?: Record<string, { schema: Record<string, unknown> }> }>;
};

// ajv-formats is CommonJS: its default export arrives as the module object under NodeNext.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (ajv: Ajv) => Ajv;

export type OpenApiChecker = {
  readonly document: OpenApiDocument;
  /** The JSON schema the document gives for `status` of `method` on `path` ("/api/v1/maps/{map}/{year}"), or undefined. */
  schemaOf(path: string, method: string, status: number | string): Record<string, unknown> | undefined;
  /** The document's path for a URL ("/api/v1/maps/socialomraadet/2024?area=children" → "/api/v1/maps/{map}/{year}"). */
  pathOf(url: string): string | undefined;
  /** Every violation of `value` against `schema`, as "path: message"; [] when it fits. */
  check(value: unknown, schema: Record<string, unknown>): string[];
};

const DOCUMENT_ID = "openapi.json";

function describe(error: ErrorObject): string {
  const where = `$${error.instancePath.replaceAll("/", ".")}`;
  if (error.keyword === "additionalProperties") return `${where}: udokumenteret felt ${String(error.params.additionalProperty)}`;
  if (error.keyword === "required") return `${where}: mangler ${String(error.params.missingProperty)}`;
  return `${where}: ${error.message ?? error.keyword}`;
}

export async function openApiChecker(app: FastifyInstance): Promise<OpenApiChecker> {
  const response = await app.inject({ method: "GET", url: "/api/v1/openapi.json" });
  if (response.statusCode !== 200) throw new Error(`/api/v1/openapi.json svarede ${response.statusCode}`);
  const document = response.json() as OpenApiDocument;
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  // The components resolve through the document's own addresses (#/components/schemas/FigureRecord).
  ajv.addSchema({ $id: DOCUMENT_ID, components: document.components });
  const compiled = new WeakMap<object, ReturnType<Ajv["compile"]>>();
  const patterns = Object.keys(document.paths).map((path) => ({ path, regex: new RegExp(`^${path.replace(/\{[^}]+\}/g, "[^/]+")}$`) }));
  return {
    document,
    schemaOf(path, method, status) {
      return document.paths[path]?.[method.toLowerCase()]?.responses[String(status)]?.content?.["application/json"]?.schema;
    },
    pathOf(url) {
      const bare = url.split("?")[0]!;
      return patterns.find((p) => p.regex.test(bare))?.path;
    },
    check(value, schema) {
      let validate = compiled.get(schema);
      if (!validate) {
        const rebased = JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', `"${DOCUMENT_ID}#/components/`)) as Record<string, unknown>;
        validate = ajv.compile(rebased);
        compiled.set(schema, validate);
      }
      return validate(value) ? [] : (validate.errors ?? []).map(describe);
    },
  };
}
