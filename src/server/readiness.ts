import { assertNever } from "../domain/assert-never.js";
import { pendingMigrations } from "../storage/migrate.js";
import type { AppContext } from "./app-context.js";

/** Why an instance should get no requests yet (or no more). */
export type NotReadyReason =
  | { readonly kind: "draining" }
  | { readonly kind: "database-unavailable" }
  | { readonly kind: "migrations-behind"; readonly missing: readonly string[] }
  | { readonly kind: "figures-unavailable" };

export type Readiness = { readonly kind: "ready" } | { readonly kind: "not-ready"; readonly reason: NotReadyReason };

/**
 * Ready when the server is not stopping, the database answers, every migration this release knows is applied,
 * and the figures load (the API's cache: a first call loads them, so a new instance is warm before it is sent
 * requests). Checked in that order: the cheapest first, and a later check needs the earlier ones.
 */
export async function checkReadiness(ctx: AppContext): Promise<Readiness> {
  const notReady = (reason: NotReadyReason): Readiness => ({ kind: "not-ready", reason });
  if (ctx.isDraining()) return notReady({ kind: "draining" });
  if (ctx.db.health().kind === "down") return notReady({ kind: "database-unavailable" });
  let missing: string[];
  try {
    await ctx.db.query("SELECT 1");
    missing = await pendingMigrations(ctx.db);
  } catch {
    // Closed, unreachable or reconnecting: whichever, this instance cannot answer.
    return notReady({ kind: "database-unavailable" });
  }
  if (missing.length > 0) return notReady({ kind: "migrations-behind", missing });
  try {
    await ctx.figures.current();
  } catch {
    return notReady({ kind: "figures-unavailable" });
  }
  return { kind: "ready" };
}

/** The stable code and the Danish sentence /readyz answers with. */
export function describeNotReady(reason: NotReadyReason): { readonly code: string; readonly messageDa: string } {
  switch (reason.kind) {
    case "draining":
      return { code: "lukker-ned", messageDa: "Serveren lukker ned: den gør de igangværende forespørgsler færdige og tager ikke imod nye." };
    case "database-unavailable":
      return { code: "database-utilgaengelig", messageDa: "Databasen svarer ikke." };
    case "migrations-behind":
      return {
        code: "migreringer-mangler",
        messageDa: `Databasens skema er ikke opdateret: ${reason.missing.length === 1 ? "1 migrering mangler" : `${reason.missing.length} migreringer mangler`} (${reason.missing.join(", ")}).`,
      };
    case "figures-unavailable":
      return { code: "tal-kan-ikke-indlaeses", messageDa: "Tallene kan ikke indlæses fra databasen." };
    default:
      return assertNever(reason);
  }
}
