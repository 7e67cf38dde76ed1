import { MEETING_BODY_KIND_NAMES_DA, type CouncilTreatmentState, type DecisionOutcome, type TextSpan } from "../../domain/minutes/minutes-item.js";
import { formatDanishDate } from "../../domain/council-treatment.js";
import { municipalityName } from "../../domain/municipality.js";
import type { CheckedItem, MinutesFileResult } from "../../app/minutes/read-minutes.js";
import { MINUTES_FORM_NAMES_DA } from "../../importers/minutes/read-minutes-file.js";
import { safeForTerminal } from "../terminal-text.js";

/** What `referat læs` prints for a person: each value with the line it was found on, so it can be checked. */
const OUTCOME_DA: Readonly<Record<DecisionOutcome, string>> = { treated: "behandlet", "sent-back": "sendt tilbage", postponed: "udsat" };
const COUNCIL_DA: Readonly<Record<CouncilTreatmentState, string>> = {
  finished: "behandlet i byrådet/kommunalbestyrelsen",
  "sent-back": "sendt tilbage af byrådet/kommunalbestyrelsen – behandlingen er ikke afsluttet",
  postponed: "udsat af byrådet/kommunalbestyrelsen – behandlingen er ikke afsluttet",
  "not-in-council": "ikke behandlet i byrådet/kommunalbestyrelsen i dette dokument",
};

const clean = (text: string) => safeForTerminal(text.replace(/\s+/g, " ").trim());
const at = (span: TextSpan) => `linje ${span.line}`;
const quoted = (text: string, max = 160) => {
  const c = clean(text);
  return `"${c.length > max ? `${c.slice(0, max)}…` : c}"`;
};
const dateDa = (iso: string | null) => (iso ? formatDanishDate(iso) : "uden dato");

function itemLines(item: CheckedItem): string[] {
  const lines = [`  ${item.itemNumber ? `Punkt ${item.itemNumber.value}: ` : ""}${clean(item.title.value)} (${at(item.title.span)}${item.matchedBy === "content" ? "; fundet på indholdet" : ""})`];
  lines.push(
    item.dataYear
      ? `    Dataår: ${item.dataYear.value} (${item.dataYear.basis === "stated" ? at(item.dataYear.span) : `udledt af mødedatoen; ${at(item.dataYear.span)}`})`
      : "    Dataår: ikke fundet",
  );
  if (item.recommendations.length > 0) {
    lines.push("    Indstilling:");
    item.recommendations.forEach((r, i) => lines.push(`      ${i + 1}. ${quoted(r.value)} (${at(r.span)})`));
  }
  if (item.decisions.length === 0) lines.push("    Beslutninger: ingen i dokumentet");
  else {
    lines.push("    Beslutninger:");
    for (const d of item.decisions) lines.push(`      ${dateDa(d.date)}, ${clean(d.body)} (${MEETING_BODY_KIND_NAMES_DA[d.bodyKind]}), ${OUTCOME_DA[d.outcome]}: ${quoted(d.textDa)} (${at(d.span)})`);
  }
  lines.push(`    Byrådet/kommunalbestyrelsen: ${COUNCIL_DA[item.councilTreatment]}`);
  const plan = item.actionPlan;
  if (plan.stance === "ikke-naevnt") lines.push("    Handleplan: ikke nævnt");
  else {
    const stance = plan.stance === "ikke-besluttet" ? "ikke besluttet" : plan.stance;
    lines.push(`    Handleplan: ${stance}${plan.ruleRepealedNoted ? " (dokumentet siger, at bestemmelsen er ophævet)" : ""} – ${quoted(plan.evidence.text, 240)} (${at(plan.evidence)})`);
  }
  if (item.figures.length === 0) lines.push("    Tal: ingen af kommunens egne tal for dataåret");
  else {
    lines.push("    Tal:");
    for (const f of item.figures) {
      const where = [f.decided ? at(f.decided.span) : null, f.reversedPercent && (!f.decided || f.reversedPercent.span.line !== f.decided.span.line) ? at(f.reversedPercent.span) : null].filter((x) => x !== null).join(", ");
      lines.push(`      ${f.check.textDa} (${where}${f.from === "table" ? ", tabel" : ""})`);
    }
  }
  return lines;
}

export function minutesResultTextDa(result: MinutesFileResult): string {
  if (result.kind === "unreadable") return `${result.file}: kan ikke læses – ${clean(result.messageDa)}\n`;
  const m = result.minutes;
  const kind = m.kind === "referat" ? "Referat" : m.kind === "dagsorden" ? "Dagsorden" : "Dokument";
  const municipality = m.municipality
    ? `${municipalityName(m.municipality.value)} Kommune (${m.municipality.value}, ${m.municipality.basis === "given" ? "angivet" : `fundet i teksten, ${at(m.municipality.span)}`})`
    : "kommune ikke fundet (brug --kommune)";
  const head = `${result.file} (${MINUTES_FORM_NAMES_DA[result.form]}): ${kind}, ${m.body ? `${clean(m.body.value)}${m.bodyKind ? ` (${MEETING_BODY_KIND_NAMES_DA[m.bodyKind]})` : ""}` : "mødeforum ikke fundet"}, ${m.meetingDate ? formatDanishDate(m.meetingDate.value) : "mødedato ikke fundet"}, ${municipality}`;
  const versions = [...m.datasetVersions].map(([year, v]) => `${year}: datasætversion ${v.datasetVersionId}${v.standing === "published" ? " (det offentliggjorte kort)" : ""}${v.isDemo ? " – demodata, ikke Ankestyrelsens tal" : ""}`);
  const lines = [head, ...(m.items.length === 0 ? ["  Intet punkt om danmarkskortet."] : m.items.flatMap(itemLines))];
  if (versions.length > 0) lines.push(`  Tallene er holdt op mod ${versions.join("; ")}.`);
  return `${lines.join("\n")}\n`;
}
