/** Exhaustiveness guard for `switch (x.kind)`: a new variant becomes a type error here. */
export function assertNever(value: never): never {
  throw new Error(`Uventet værdi: ${JSON.stringify(value)}`);
}
