import { appendAuditEvent } from "./audit-trail.js";
import type { Database, Queryable } from "./database.js";
import { pinDatasetVersion, unpinDatasetVersion, unpinYear, type PinResult } from "./dataset-pins.js";
import { listDatasetVersions, type DatasetVersionSummary } from "./dataset-versions.js";
import { selectVersionsByYear, type YearVersions } from "./version-selection.js";

/**
 * Changes to which dataset versions exist and which one is the published map of a year (issue 9). Each is
 * one transaction with its line in the append-only audit trail (migration 040), so what was removed or
 * marked, by whom and when, stays on record after the version itself is gone.
 */
export type DatasetOperator = {
  /** Who ran it: "anna@vaert (kommandolinjen)". */
  readonly label: string;
  readonly channel: "cli" | "web" | "api";
};

/** What a data year shows before and after a change: the version and how it stands, or nothing. */
export type YearShift = {
  readonly year: number;
  readonly before: YearVersions["shown"] | null;
  readonly after: YearVersions["shown"] | null;
};

export type RemovalPlan = {
  readonly removed: readonly DatasetVersionSummary[];
  /** Every year whose shown version changes, oldest first (removing the last real version brings demo data back). */
  readonly shifts: readonly YearShift[];
};

export type RemovalResult =
  | { readonly kind: "unknown-versions"; readonly ids: readonly number[] }
  | { readonly kind: "nothing-to-remove" }
  /** Not confirmed: the plan was worked out in a transaction that was rolled back; nothing changed. */
  | { readonly kind: "planned"; readonly plan: RemovalPlan }
  | { readonly kind: "removed"; readonly plan: RemovalPlan; readonly auditEventId: number };

/** Thrown inside the transaction to roll an unconfirmed removal back after its effect has been computed. */
class RollBack extends Error {
  constructor(readonly plan: RemovalPlan) {
    super("unconfirmed removal");
  }
}

function shiftsBetween(before: ReadonlyMap<number, YearVersions>, after: ReadonlyMap<number, YearVersions>): YearShift[] {
  const years = [...new Set([...before.keys(), ...after.keys()])].sort((a, b) => a - b);
  return years
    .map((year) => ({ year, before: before.get(year)?.shown ?? null, after: after.get(year)?.shown ?? null }))
    .filter((s) => s.before?.datasetVersionId !== s.after?.datasetVersionId || s.before?.standing !== s.after?.standing);
}

/**
 * Removes dataset versions with their cells and published marks. Unconfirmed, it only says what would
 * go and what each affected year would show instead: the removal runs in a transaction that is then rolled
 * back, so the answer is exactly what the confirmed removal will do.
 */
export async function removeDatasetVersions(
  db: Database,
  request: { readonly ids: readonly number[]; readonly confirm: boolean; readonly operator: DatasetOperator; readonly at: string; readonly action?: "dataset.remove" | "demo.remove" },
): Promise<RemovalResult> {
  const ids = [...new Set(request.ids)];
  if (ids.length === 0) return { kind: "nothing-to-remove" };
  const known = new Map((await listDatasetVersions(db)).map((v) => [v.datasetVersionId, v]));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length > 0) return { kind: "unknown-versions", ids: unknown };
  try {
    return await db.transaction(async (tx) => {
      const before = await selectVersionsByYear(tx);
      await tx.query("DELETE FROM dataset_version WHERE id = ANY($1::int[])", [ids]);
      const plan: RemovalPlan = { removed: ids.map((id) => known.get(id)!), shifts: shiftsBetween(before, await selectVersionsByYear(tx)) };
      if (!request.confirm) throw new RollBack(plan);
      const auditEventId = await appendAuditEvent(tx, {
        at: request.at,
        actorUserId: null,
        actorLabel: request.operator.label,
        actorRole: "operator",
        actorMunicipalityCode: null,
        channel: request.operator.channel,
        action: request.action ?? "dataset.remove",
        municipalityCode: null,
        subject: `datasætversion ${ids.join(", ")}`,
        before: { versions: plan.removed, shown: plan.shifts.map((s) => ({ year: s.year, datasetVersionId: s.before?.datasetVersionId ?? null })) },
        after: { shown: plan.shifts.map((s) => ({ year: s.year, datasetVersionId: s.after?.datasetVersionId ?? null })) },
      });
      return { kind: "removed" as const, plan, auditEventId };
    });
  } catch (error) {
    if (error instanceof RollBack) return { kind: "planned", plan: error.plan };
    throw error;
  }
}

export type PublishResult =
  | Exclude<PinResult, { kind: "pinned" }>
  | { readonly kind: "demo-version"; readonly datasetVersionId: number }
  | {
      readonly kind: "published";
      readonly datasetVersionId: number;
      readonly years: readonly number[];
      /** The version that was the published map of a year before, where another one was. */
      readonly replaced: readonly { readonly year: number; readonly datasetVersionId: number }[];
      readonly auditEventId: number;
    };

async function publishedMarks(db: Queryable): Promise<Map<number, number>> {
  const { rows } = await db.query<{ year: number; dataset_version_id: number }>("SELECT year, dataset_version_id FROM dataset_pin");
  return new Map(rows.map((r) => [r.year, r.dataset_version_id]));
}

/**
 * Marks a version as the map as published for its years (or one year): from then on it is the figures
 * shown for the year, and a newer extraction is shown beside it as a revision. Demo data is never a
 * published map.
 */
export async function markPublished(
  db: Database,
  request: { readonly datasetVersionId: number; readonly year?: number; readonly operator: DatasetOperator; readonly at: string },
): Promise<PublishResult> {
  return db.transaction((tx) => markPublishedIn(tx, request));
}

/** markPublished inside the caller's transaction: an import marks its new version in the same one. */
export async function markPublishedIn(
  tx: Queryable,
  request: { readonly datasetVersionId: number; readonly year?: number; readonly operator: DatasetOperator; readonly at: string },
): Promise<PublishResult> {
  const { rows } = await tx.query<{ is_demo: boolean }>("SELECT is_demo FROM dataset_version WHERE id = $1", [request.datasetVersionId]);
  if (rows[0]?.is_demo) return { kind: "demo-version", datasetVersionId: request.datasetVersionId };
  const before = await publishedMarks(tx);
  const pinned = await pinDatasetVersion(tx, request.datasetVersionId, request.year);
  if (pinned.kind !== "pinned") return pinned;
  const replaced = pinned.years.flatMap((year) => {
    const previous = before.get(year);
    return previous !== undefined && previous !== request.datasetVersionId ? [{ year, datasetVersionId: previous }] : [];
  });
  const auditEventId = await appendAuditEvent(tx, {
    at: request.at,
    actorUserId: null,
    actorLabel: request.operator.label,
    actorRole: "operator",
    actorMunicipalityCode: null,
    channel: request.operator.channel,
    action: "dataset.publish",
    municipalityCode: null,
    subject: `offentliggjort kort ${pinned.years.join(", ")}: datasætversion ${request.datasetVersionId}`,
    before: { published: pinned.years.map((year) => ({ year, datasetVersionId: before.get(year) ?? null })) },
    after: { published: pinned.years.map((year) => ({ year, datasetVersionId: request.datasetVersionId })) },
  });
  return { kind: "published", datasetVersionId: request.datasetVersionId, years: pinned.years, replaced, auditEventId };
}

/** Removes the published mark of a year, or every mark of a version; returns the years unmarked. */
export async function unmarkPublished(
  db: Database,
  request: ({ readonly year: number } | { readonly datasetVersionId: number }) & { readonly operator: DatasetOperator; readonly at: string },
): Promise<{ readonly years: readonly number[]; readonly auditEventId: number | null }> {
  return db.transaction(async (tx) => {
    const before = await publishedMarks(tx);
    const years = "year" in request ? await unpinYear(tx, request.year) : await unpinDatasetVersion(tx, request.datasetVersionId);
    if (years.length === 0) return { years, auditEventId: null };
    const auditEventId = await appendAuditEvent(tx, {
      at: request.at,
      actorUserId: null,
      actorLabel: request.operator.label,
      actorRole: "operator",
      actorMunicipalityCode: null,
      channel: request.operator.channel,
      action: "dataset.unpublish",
      municipalityCode: null,
      subject: `offentliggjort kort ${years.join(", ")}`,
      before: { published: years.map((year) => ({ year, datasetVersionId: before.get(year) ?? null })) },
      after: { published: years.map((year) => ({ year, datasetVersionId: null })) },
    });
    return { years, auditEventId };
  });
}
