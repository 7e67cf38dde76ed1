/**
 * A small JSON Schema checker for the subset openapi.ts uses ($ref into components, type with "integer"
 * and "null", enum, const, required, properties, additionalProperties: false, items, minItems/maxItems,
 * minimum/maximum, pattern, oneOf, anyOf). Written for the tests so the OpenAPI document is checked
 * against real answers without adding a validator package; it returns every violation with its path.
 */
type Schema = Record<string, unknown>;

export function checkAgainstSchema(value: unknown, schema: Schema, root: Schema, path = "$"): string[] {
  if (typeof schema.$ref === "string") {
    const target = schema.$ref.replace(/^#\//, "").split("/").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], root);
    if (target === undefined) return [`${path}: ukendt $ref ${schema.$ref}`];
    const { $ref: _ignored, ...rest } = schema;
    return [...checkAgainstSchema(value, target as Schema, root, path), ...(Object.keys(rest).length ? checkAgainstSchema(value, rest, root, path) : [])];
  }
  const errors: string[] = [];
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
    if (!types.some((t) => hasType(value, t))) return [`${path}: ${JSON.stringify(value)?.slice(0, 60)} er ikke ${types.join("|")}`];
  }
  if ("const" in schema && value !== schema.const) errors.push(`${path}: ${JSON.stringify(value)} ≠ ${JSON.stringify(schema.const)}`);
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) errors.push(`${path}: ${JSON.stringify(value)} ikke i ${JSON.stringify(schema.enum)}`);
  if (typeof value === "number") {
    if (typeof schema.minimum === "number" && value < schema.minimum) errors.push(`${path}: ${value} < ${schema.minimum}`);
    if (typeof schema.maximum === "number" && value > schema.maximum) errors.push(`${path}: ${value} > ${schema.maximum}`);
  }
  if (typeof value === "string" && typeof schema.pattern === "string" && !new RegExp(schema.pattern, "u").test(value)) errors.push(`${path}: "${value}" passer ikke ${schema.pattern}`);
  if (Array.isArray(value)) {
    if (typeof schema.minItems === "number" && value.length < schema.minItems) errors.push(`${path}: ${value.length} elementer < ${schema.minItems}`);
    if (typeof schema.maxItems === "number" && value.length > schema.maxItems) errors.push(`${path}: ${value.length} elementer > ${schema.maxItems}`);
    if (schema.items) value.forEach((item, i) => errors.push(...checkAgainstSchema(item, schema.items as Schema, root, `${path}[${i}]`)));
  }
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    const object = value as Record<string, unknown>;
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    for (const key of (schema.required ?? []) as string[]) if (!(key in object)) errors.push(`${path}: mangler ${key}`);
    for (const [key, child] of Object.entries(object)) {
      if (properties[key]) errors.push(...checkAgainstSchema(child, properties[key], root, `${path}.${key}`));
      else if (schema.additionalProperties === false) errors.push(`${path}: udokumenteret felt ${key}`);
    }
  }
  if (Array.isArray(schema.oneOf)) {
    const matching = (schema.oneOf as Schema[]).filter((s) => checkAgainstSchema(value, s, root, path).length === 0).length;
    if (matching !== 1) errors.push(`${path}: passer ${matching} af oneOf-grenene (skal være præcis 1)${matching === 0 ? ": " + nearestErrors(value, schema.oneOf as Schema[], root, path) : ""}`);
  }
  if (Array.isArray(schema.anyOf) && !(schema.anyOf as Schema[]).some((s) => checkAgainstSchema(value, s, root, path).length === 0)) {
    errors.push(`${path}: passer ingen anyOf-gren: ${nearestErrors(value, schema.anyOf as Schema[], root, path)}`);
  }
  return errors;
}

function nearestErrors(value: unknown, branches: readonly Schema[], root: Schema, path: string): string {
  const all = branches.map((s) => checkAgainstSchema(value, s, root, path)).sort((a, b) => a.length - b.length);
  return all[0]!.slice(0, 3).join("; ");
}

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case "null":
      return value === null;
    case "integer":
      return Number.isInteger(value);
    case "number":
      return typeof value === "number" && Number.isFinite(value);
    case "array":
      return Array.isArray(value);
    case "object":
      return value !== null && typeof value === "object" && !Array.isArray(value);
    default:
      return typeof value === type;
  }
}
