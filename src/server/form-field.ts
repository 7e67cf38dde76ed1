/**
 * A form body field as one string: formbody gives an array for a repeated name, and nothing for a missing one.
 * (Reading a posted form is the door's job; the form's markup is in views/form-fields.tsx.)
 */
export function formField(body: unknown, name: string): string {
  if (body === null || typeof body !== "object") return "";
  const value = (body as Record<string, unknown>)[name];
  if (typeof value === "string") return value;
  return Array.isArray(value) && typeof value[0] === "string" ? value[0] : "";
}
