import { Type, type Static, type TObjectOptions, type TProperties, type TSchema, type TSchemaOptions } from "typebox";
import type { FastifyTypeProvider } from "fastify";

/**
 * The few building blocks every /api/v1 schema uses. A shared schema (a component of the OpenAPI document)
 * carries an `$id`, is registered once with app.addSchema (api-v1.ts), and is used through `Ref`, so Ajv,
 * the serialiser and @fastify/swagger all see one definition, and TypeScript sees its Static type.
 */

/** A reference to a shared schema ("FigureRecord#"), typed as that schema. */
export function Ref<T extends TSchema>(schema: T, options: TSchemaOptions = {}) {
  const id = (schema as { $id?: unknown }).$id;
  if (typeof id !== "string") throw new Error("Ref: skemaet har intet $id");
  return Type.Unsafe<Static<T>>({ $ref: `${id}#`, ...options });
}

/** An object whose every property is listed: a field the API adds must be documented first. */
export function Closed<P extends TProperties>(properties: P, options: TObjectOptions = {}) {
  return Type.Object(properties, { additionalProperties: false, ...options });
}

/** A value or null. */
export function Nullable<T extends TSchema>(schema: T, options: TSchemaOptions = {}) {
  return Type.Union([schema, Type.Null()], options);
}

/** An object documented by its name only: its fields pass through unchecked (the knowledge bank's answers). */
export function Open(options: TSchemaOptions = {}) {
  return Type.Object({}, { additionalProperties: true, ...options });
}

/** Every shared schema of an OpenAPI component group, for app.addSchema. */
export type SchemaGroup = Readonly<Record<string, TSchema>>;

/**
 * A type provider that types requests from their schemas (params, query, body: Static of each) and leaves
 * answers to the serialiser: the routes answer with domain values (readonly arrays, wider unions), which the
 * response schemas check at run time and the OpenAPI tests check against real answers.
 */
export interface TypedRequests extends FastifyTypeProvider {
  validator: this["schema"] extends TSchema ? Static<this["schema"]> : unknown;
  serializer: unknown;
}

/** The municipality an address is under (/api/v1/municipalities/:code/…): checked by the route's parser. */
export const MUNICIPALITY_CODE = Type.String({ description: "Kommunekode, fx 0657" });

/** The parameters of an address under one municipality: its code, then the route's own. */
export function MunicipalityParams<P extends TProperties = Record<never, never>>(extra?: P) {
  return Type.Object({ code: MUNICIPALITY_CODE, ...extra } as { code: typeof MUNICIPALITY_CODE } & P);
}

/** The data year a treatment address is about. */
export const TREATMENT_YEAR = Type.String({ pattern: "^\\d{4}$", description: "Dataåret; kortet offentliggøres året efter og behandles det år" });
