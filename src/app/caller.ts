import type { Actor } from "../domain/access-policy.js";

/**
 * Who is asking, and through which door: every use case that reads non-public material or writes takes
 * one, checks `actor` with `authorize`, and records `channel` in the audit trail.
 */
export type Caller = {
  readonly actor: Actor;
  readonly channel: "web" | "api" | "cli";
};

export const OPERATOR: Caller = { actor: { kind: "operator" }, channel: "cli" };
export const PUBLIC_WEB: Caller = { actor: { kind: "public" }, channel: "web" };
