import { formatInteger } from "../../domain/format-danish-number.js";
import type { KnowledgeFigures } from "../../domain/knowledge/knowledge-figures.js";
import { SUPPRESS_BELOW } from "../../domain/knowledge/public-aggregate.js";
import type { ReportBlock } from "../report-document.js";

/**
 * What the agenda item says about the municipality's knowledge bank (issue 14, point 3), built from the
 * bank's figures for the year: how many of the statistics' reversed cases are registered per map, the
 * reasons, and what became of the remitted cases. Counts only, never a text from an entry. When the
 * reader may not read the bank itself (a public download), every count under 3 reads "<3", as in the
 * published aggregate. No approved entries for the year, no section.
 */
export type KnowledgeAgendaSummary = {
  /** Figures over the approved entries of the year only (drafts are the administration's work in progress). */
  readonly figures: KnowledgeFigures;
  /** False: the counts of reasons and new decisions are suppressed under 3. */
  readonly exact: boolean;
};

function count(n: number, exact: boolean): string {
  return !exact && n < SUPPRESS_BELOW ? `<${SUPPRESS_BELOW}` : formatInteger(n);
}

export function buildKnowledgeBankSection(municipality: string, summary: KnowledgeAgendaSummary | null | undefined): ReportBlock[] {
  if (!summary || summary.figures.entries === 0) return [];
  const f = summary.figures;
  const completeness = f.completeness.filter((c) => c.statistics.kind === "figure" || c.registered > 0).map((c) => `${c.textDa[0]!.toUpperCase()}${c.textDa.slice(1)}.`);
  const reasons = f.byReason.map((r) => `${r.labelDa}: ${count(r.count, summary.exact)}`);
  const nd = f.newDecisions;
  const blocks: ReportBlock[] = [
    { kind: "heading", level: 3, text: "Kommunens vidensbank" },
    {
      kind: "paragraph",
      text: `${municipality} registrerer Ankestyrelsens omgjorte og hjemviste afgørelser i en vidensbank med årsagen og det, forvaltningen har lært, til fælles læring. For ${f.year} er ${formatInteger(f.entries)} afgørelser godkendt i vidensbanken.`,
    },
  ];
  if (completeness.length > 0) blocks.push({ kind: "bullets", items: completeness });
  if (reasons.length > 0) {
    blocks.push({ kind: "paragraph", text: "Årsagerne til omgørelse (en afgørelse kan have flere):" }, { kind: "bullets", items: reasons });
  }
  if (nd.remitted > 0) {
    blocks.push({
      kind: "paragraph",
      text: `Af de hjemviste sager i vidensbanken er ${count(nd.decided, summary.exact)} genbehandlet; ${count(nd.changedResult, summary.exact)} endte med et andet resultat for borgeren (bevilget eller delvist bevilget).`,
    });
  }
  blocks.push({ kind: "paragraph", emphasis: "note", text: `Tallene er kommunens egen registrering, ikke Ankestyrelsens statistik.${summary.exact ? "" : " Tal under 3 vises som <3."}` });
  return blocks;
}
