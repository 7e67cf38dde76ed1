import type { Queryable } from "./database.js";
import { toIsoTimestamp } from "./timestamps.js";

/**
 * One write, as the audit trail keeps it: who (copied, so the trail outlives the account), in which role,
 * when, through which door, what, and the state before and after. The table refuses UPDATE and DELETE.
 */
export type AuditActorRole = "admin" | "tilsyn" | "redaktoer" | "laeser" | "operator";

export type AuditEventInput = {
  readonly at: string;
  readonly actorUserId: string | null;
  /** The e-mail of a user, or a description of the operator. */
  readonly actorLabel: string;
  readonly actorRole: AuditActorRole;
  readonly actorMunicipalityCode: string | null;
  readonly channel: "web" | "api" | "cli";
  /** What was done, as a code: `comment.save`, `user.create`, `token.revoke`, … */
  readonly action: string;
  /** The municipality whose material changed, or null (users, tokens of national roles). */
  readonly municipalityCode: string | null;
  /** A readable name of what changed: "kommentar 0657/2024", "bruger a@b.dk". */
  readonly subject: string;
  readonly before: unknown;
  readonly after: unknown;
};

export type AuditEvent = AuditEventInput & { readonly id: number };

type AuditRow = {
  id: number;
  at: Date | string;
  actor_user_id: string | null;
  actor_label: string;
  actor_role: AuditActorRole;
  actor_municipality_code: string | null;
  channel: "web" | "api" | "cli";
  action: string;
  municipality_code: string | null;
  subject: string;
  before: unknown;
  after: unknown;
};

function parseJson(value: unknown): unknown {
  // pg and PGlite parse jsonb; a string here would be a driver that did not.
  return typeof value === "string" ? (JSON.parse(value) as unknown) : value;
}

function toEvent(row: AuditRow): AuditEvent {
  return {
    id: Number(row.id),
    at: toIsoTimestamp(row.at),
    actorUserId: row.actor_user_id,
    actorLabel: row.actor_label,
    actorRole: row.actor_role,
    actorMunicipalityCode: row.actor_municipality_code,
    channel: row.channel,
    action: row.action,
    municipalityCode: row.municipality_code,
    subject: row.subject,
    before: parseJson(row.before),
    after: parseJson(row.after),
  };
}

export async function appendAuditEvent(db: Queryable, event: AuditEventInput): Promise<number> {
  const { rows } = await db.query<{ id: number }>(
    `INSERT INTO audit_event (at, actor_user_id, actor_label, actor_role, actor_municipality_code, channel, action, municipality_code, subject, before, after)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11::jsonb) RETURNING id`,
    [
      event.at,
      event.actorUserId,
      event.actorLabel,
      event.actorRole,
      event.actorMunicipalityCode,
      event.channel,
      event.action,
      event.municipalityCode,
      event.subject,
      event.before === undefined || event.before === null ? null : JSON.stringify(event.before),
      event.after === undefined || event.after === null ? null : JSON.stringify(event.after),
    ],
  );
  return Number(rows[0]!.id);
}

export type AuditFilter = {
  /** Only events about this municipality's material. */
  readonly municipalityCode?: string | null;
  /** Only events by this user (e-mail as recorded). */
  readonly actorLabel?: string | null;
  readonly limit?: number;
};

/** Newest first. */
export async function listAuditEvents(db: Queryable, filter: AuditFilter = {}): Promise<AuditEvent[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.municipalityCode) {
    params.push(filter.municipalityCode);
    where.push(`municipality_code = $${params.length}`);
  }
  if (filter.actorLabel) {
    params.push(filter.actorLabel.trim().toLowerCase());
    where.push(`lower(actor_label) = $${params.length}`);
  }
  params.push(Math.min(Math.max(filter.limit ?? 200, 1), 10_000));
  const { rows } = await db.query<AuditRow>(
    `SELECT id, at, actor_user_id, actor_label, actor_role, actor_municipality_code, channel, action, municipality_code, subject, before, after
     FROM audit_event ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY at DESC, id DESC LIMIT $${params.length}`,
    params,
  );
  return rows.map(toEvent);
}
