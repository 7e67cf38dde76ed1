import type { MissingReason } from "./missing-reason.js";
import { missingReasonDa } from "./missing-reason-da.js";

/**
 * A missing value's reason as plain JSON (the API, `rates --format json`): the Danish sentence under its first
 * name `reasonDa`, and beside it the code, `reasonCode`, for clients that branch on it. The record contract adds
 * fields and never renames (figure-record.ts), so `reasonDa` stays.
 */
export type ReasonRecord<R extends MissingReason = MissingReason> = { readonly reasonDa: string; readonly reasonCode: R["code"] };

export function toReasonRecord<R extends MissingReason>(reason: R): ReasonRecord<R> {
  return { reasonDa: missingReasonDa(reason), reasonCode: reason.code };
}

const MISSING_KINDS: ReadonlySet<unknown> = new Set(["no-data", "not-assessed", "not-comparable"]);

/**
 * A domain value with each missing value's `reason` replaced by its `ReasonRecord`, at any depth: what the API
 * answers for a domain value it sends as it is (the municipality profile). Arrays and tuples keep their shape;
 * strings stay as they are, branded ones too (a MunicipalityCode is a string with a type-level tag, not an object).
 */
export type WithReasonRecords<T> = T extends string
  ? T
  : T extends { readonly kind: "no-data" | "not-assessed" | "not-comparable"; readonly reason: infer R extends MissingReason }
  ? { readonly [K in keyof T as K extends "reason" ? never : K]: WithReasonRecords<T[K]> } & ReasonRecord<R>
  : T extends object
    ? { readonly [K in keyof T]: WithReasonRecords<T[K]> }
    : T;

export function withReasonRecords<T>(value: T): WithReasonRecords<T> {
  return convert(value) as WithReasonRecords<T>;
}

function convert(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(convert);
  if (value === null || typeof value !== "object") return value;
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return value;
  const out: Record<string, unknown> = {};
  const object = value as Record<string, unknown>;
  const missing = MISSING_KINDS.has(object.kind) && typeof object.reason === "object" && object.reason !== null;
  for (const [key, v] of Object.entries(object)) {
    // In the reason's place, so the fields keep the order they had when the domain carried the sentence.
    if (missing && key === "reason") Object.assign(out, toReasonRecord(v as MissingReason));
    else out[key] = convert(v);
  }
  return out;
}
