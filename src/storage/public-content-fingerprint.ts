import type { Queryable } from "./database.js";

/**
 * What, besides the dataset versions, changes what a public page shows (issue 17: public pages are built
 * once per content and served from a cache): the Danmarks Statistik versions and the newest audit event.
 * Every write a person makes — a comment, a meeting, a plan, a rule, a knowledge entry — is in the audit
 * trail (the brief's rule), so its id moves with them, whichever process or instance wrote.
 */
export async function publicWritesFingerprint(db: Queryable): Promise<string> {
  const { rows } = await db.query<{ audit: string | null; context: string | null }>(
    "SELECT (SELECT max(id)::text FROM audit_event) AS audit, (SELECT string_agg(id::text, ',' ORDER BY id) FROM context_version) AS context",
  );
  return `context:${rows[0]?.context ?? ""}|audit:${rows[0]?.audit ?? "0"}`;
}
