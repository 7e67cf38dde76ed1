import { formatInteger } from "../../domain/format-danish-number.js";
import type { SubjectFigures } from "../agenda-item-figures.js";
import type { ReportContext } from "../report-context.js";
import type { ReportBlock } from "../report-document.js";
import { decisions, joinDa } from "../report-phrases.js";

/** The table lists the subjects with most reversals; the rest are summed in one row so nothing disappears. */
const SHOWN_SUBJECTS = 8;

/**
 * Which subjects (sagsemner) lie behind the reversals. Ankestyrelsen's reasons are in the single decisions,
 * not in the statistics, so the text points to going through them (the seeds' vidensbank).
 */
export function buildSubjectsSection(ctx: ReportContext): ReportBlock[] {
  const withReversals = ctx.figures.subjects.filter((s) => s.reversed > 0);
  const heading: ReportBlock = { kind: "heading", level: 3, text: "Hvilke sagsemner omgørelserne vedrører" };
  if (withReversals.length === 0) {
    return [heading, { kind: "paragraph", text: `Ankestyrelsen omgjorde ingen afgørelser fra ${ctx.municipality} på socialområdet i ${ctx.year}.` }];
  }
  const shown = withReversals.slice(0, SHOWN_SUBJECTS);
  const rest = withReversals.slice(SHOWN_SUBJECTS);
  const label = ctx.nextTableLabel();
  const row = (name: string, s: Pick<SubjectFigures, "decided" | "reversed" | "changed" | "remitted">) => ({
    cells: [name, formatInteger(s.decided), formatInteger(s.reversed), formatInteger(s.changed), formatInteger(s.remitted)],
  });
  const restSum = rest.reduce(
    (a, s) => ({ decided: a.decided + s.decided, reversed: a.reversed + s.reversed, changed: a.changed + s.changed, remitted: a.remitted + s.remitted }),
    { decided: 0, reversed: 0, changed: 0, remitted: 0 },
  );
  // Ankestyrelsen's labels carry their own hyphens and paragraph signs; quoted, they read as names.
  const named = (s: SubjectFigures) => `»${s.subject}« (${formatInteger(s.reversed)} af ${decisions(s.decided)} omgjort)`;
  const totalReversed = withReversals.reduce((a, s) => a + s.reversed, 0);
  const where =
    withReversals.length === 1
      ? `${totalReversed === 1 ? "Den omgjorte afgørelse" : `Alle ${formatInteger(totalReversed)} omgjorte afgørelser`} vedrører sagsemnet ${named(withReversals[0]!)}.`
      : `Flest omgørelser var der inden for ${joinDa(shown.slice(0, 3).map(named))}.`;
  return [
    heading,
    {
      kind: "paragraph",
      text: `${label} viser de sagsemner, som de omgjorte afgørelser fra ${ctx.municipality} på socialområdet i ${ctx.year} vedrører. ${where}`,
    },
    {
      kind: "table",
      label,
      caption: `Omgjorte afgørelser fordelt på sagsemne, ${ctx.municipality} ${ctx.year}`,
      header: [[{ text: "Sagsemne (Ankestyrelsens betegnelse)" }, { text: "Afgørelser" }, { text: "Omgjort" }, { text: "Heraf ændret eller ophævet" }, { text: "Heraf genbehandling i kommunen" }]],
      flatHeader: ["Sagsemne (Ankestyrelsens betegnelse)", "Afgørelser", "Omgjort", "Heraf ændret eller ophævet", "Heraf genbehandling i kommunen"],
      numericColumns: [1, 2, 3, 4],
      columnShares: [0.42, 0.13, 0.13, 0.16, 0.16],
      rows: [
        ...shown.map((s) => row(s.subject, s)),
        ...(rest.length > 0 ? [row(`Øvrige ${formatInteger(rest.length)} sagsemner`, restSum)] : []),
      ],
    },
    {
      kind: "paragraph",
      text: "Statistikken viser ikke, hvorfor Ankestyrelsen har omgjort afgørelserne. Begrundelserne fremgår af de enkelte afgørelser, som forvaltningen gennemgår med henblik på fælles læring og eventuelle justeringer af praksis.",
    },
  ];
}
