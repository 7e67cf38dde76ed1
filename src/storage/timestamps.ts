/** PostgreSQL returns timestamptz as a Date (pg) or a Date/string (PGlite); the domain uses ISO 8601 strings. */
export function toIsoTimestamp(value: Date | string): string {
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

export function toIsoTimestampOrNull(value: Date | string | null): string | null {
  return value === null ? null : toIsoTimestamp(value);
}
