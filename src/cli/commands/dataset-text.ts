import { hostname, userInfo } from "node:os";
import type { DatasetStanding } from "../../domain/complaint-cell.js";
import type { DatasetOperator, RemovalPlan } from "../../storage/dataset-changes.js";
import type { DatasetVersionSummary } from "../../storage/dataset-versions.js";
import { formatInteger } from "../../domain/format-danish-number.js";

/** "2016–2023, 2025": consecutive years as a span. */
export function yearSpansDa(years: readonly number[]): string {
  if (years.length === 0) return "–";
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  const spans: string[] = [];
  let start = sorted[0]!;
  let end = start;
  for (const y of [...sorted.slice(1), Number.NaN]) {
    if (y === end + 1) {
      end = y;
      continue;
    }
    spans.push(start === end ? String(start) : `${start}–${end}`);
    start = end = y;
  }
  return spans.join(", ");
}

/** "version 2 (talportal-2024.csv, udtrukket 2025-09-01)". */
export function versionLabelDa(v: DatasetVersionSummary): string {
  const extracted = v.isDemo ? "demodata" : v.extractedOn ? `udtrukket ${v.extractedOn}` : "udtræksdato ukendt";
  return `version ${v.datasetVersionId} (${v.fileName}, ${extracted})`;
}

/** What a year shows: the version and whether it is the published map, an extraction, or demo data. */
export function shownLabelDa(shown: (DatasetVersionSummary & { readonly standing: DatasetStanding }) | null): string {
  if (shown === null) return "ingen data";
  if (shown.isDemo) return `${versionLabelDa(shown)} – demodata`;
  return `${versionLabelDa(shown)} – ${shown.standing === "published" ? "det offentliggjorte kort" : "et udtræk, ikke det offentliggjorte kort"}`;
}

/** What a removal takes away and what each affected year shows instead. */
export function renderRemovalPlanDa(plan: RemovalPlan): string {
  const lines = plan.removed.map(
    (v) => `Fjerner datasætversion ${v.datasetVersionId}: ${v.fileName}${v.isDemo ? " (demodata)" : ""}; år ${yearSpansDa(v.years)}; ${formatInteger(v.rowCount)} årsceller; indlæst ${v.importedAt.slice(0, 10)}.`,
  );
  if (plan.shifts.length === 0) lines.push("Ingen år skifter tal: versionen vises ikke for noget år.");
  else {
    lines.push("Derefter vises:");
    for (const s of plan.shifts) lines.push(`  ${s.year}: ${shownLabelDa(s.after)} (før: ${shownLabelDa(s.before)})`);
  }
  return lines.join("\n") + "\n";
}

/** The person running the command, for the audit trail: no account signs in on the command line. */
export function cliOperator(): DatasetOperator {
  let user = "ukendt bruger";
  try {
    user = userInfo().username;
  } catch {
    // No passwd entry (some containers): the host name still says where it ran.
  }
  return { label: `${user}@${hostname()} (kommandolinjen)`, channel: "cli" };
}
