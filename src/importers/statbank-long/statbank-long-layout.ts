import type { Outcome } from "../../domain/outcome.js";
import { checkRecordShape, reportAt, type ImportContext } from "../import-context.js";
import { parseCount } from "../parse-count.js";
import { futurePeriodMessageDa, parsePeriod, type Period } from "../parse-period.js";
import { createUnknownMunicipalityMessages, isSubjectTotal, type Place } from "../resolve-place.js";
import { matchColumns, type ColumnSpec, type TableRecord } from "../table-record.js";
import type { TableLayout } from "../table-layout.js";
import { looksLikeMojibake } from "../text/decode-text-stream.js";

/**
 * Layout (c): a long statbank table (ANKEAST1, domain.md §4): one row per municipality × legal basis ×
 * outcome type × period with one count. Without a `Sagsemne` column the legal basis ("Serviceloven § 41")
 * is both the subject and the law, so the rule table can still read its paragraphs. An outcome type that
 * has no row counts as 0, as the statbank leaves empty cells out; totals rows ("I alt",
 * "Realitetsbehandlede") are cross-checked. Not handled yet: statbank's own JSON/PX formats.
 */
const SPEC: ColumnSpec<"place" | "law" | "outcome" | "period" | "count"> = {
  required: {
    place: ["kommune", "område", "omraade", "kommunenavn"],
    law: ["lovgrundlag", "lovgivning", "lov", "lovområde"],
    outcome: ["afgørelsestype", "afgørelse", "udfald", "afgørelsestyper", "afgoerelse"],
    period: ["periode", "tid", "år", "aar"],
    count: ["antal", "indhold", "værdi", "sager", "antal sager"],
  },
  optional: { subject: ["sagsemne", "paragraf", "bestemmelse"] },
};

type OutcomeKey = Outcome | "decided" | "total";

/** Reads an outcome type label; undefined when unknown. */
export function parseOutcomeLabel(label: string): OutcomeKey | undefined {
  const s = label.trim().toLowerCase();
  if (/^realitetsbehandlede/.test(s)) return "decided";
  if (/^(i alt|alle afgørelser|afgjorte sager i alt|sager i alt|total)$/.test(s)) return "total";
  if (/^stadfæst/.test(s)) return "upheld";
  if (/^(ændr|ophæv)/.test(s)) return "changed";
  if (/^hjemvis/.test(s)) return "remitted";
  if (/^(afvis|henvis|bortfald)/.test(s)) return "rejected";
  return undefined;
}

type Group = {
  line: number;
  place: Place;
  subject: string;
  law: string;
  period: Period;
  values: Partial<Record<OutcomeKey, { value: number; line: number }>>;
};

export const STATBANK_LONG_LAYOUT: TableLayout = {
  id: "statbank-long",
  nameDa: "lang statistikbanktabel (kommune, lovgrundlag, afgørelsestype, periode, antal)",
  requiredColumnsDa: "Kommune/Område, Lovgrundlag/Lovgivning, Afgørelsestype, Periode/Tid, Antal/Indhold",
  detect(header) {
    const m = matchColumns(header, SPEC);
    if (!m) return undefined;
    return (ctx: ImportContext) => {
      const c = m.required;
      const col = (index: number) => ({ index, name: m.names[index] ?? "" });
      const groups = new Map<string, Group>();
      const unknownMunicipalityMessageDa = createUnknownMunicipalityMessages();
      const mapRecord = (record: TableRecord) => {
        if (!checkRecordShape(ctx, record, m.names)) return;
        const text = (i: number) => record.fields[i]!.trim();
        for (const i of [c.place, c.law, c.outcome, ...(m.optional.subject !== undefined ? [m.optional.subject] : [])]) {
          if (looksLikeMojibake(text(i))) {
            reportAt(ctx, "error", "mojibake", record.line, col(i), `Teksten "${text(i)}" ser ud som UTF-8 læst med forkert tegnsæt (fx "Ã¦" for "æ").`);
            return;
          }
        }
        const place = ctx.resolvePlace(text(c.place));
        if (!place) reportAt(ctx, "error", "unknown-municipality", record.line, col(c.place), () => unknownMunicipalityMessageDa(text(c.place)));
        const parsedPeriod = parsePeriod(text(c.period));
        const future = parsedPeriod ? futurePeriodMessageDa(parsedPeriod, ctx.latestYear) : null;
        const period = future === null ? parsedPeriod : undefined;
        if (future !== null) reportAt(ctx, "error", "unknown-period", record.line, col(c.period), future);
        else if (!period) reportAt(ctx, "error", "unknown-period", record.line, col(c.period), `Ukendt periode "${text(c.period)}" (forventet fx "2024", "4. kvartal 2019" eller "2019K4").`);
        const outcome = parseOutcomeLabel(text(c.outcome));
        if (!outcome) reportAt(ctx, "error", "unknown-outcome", record.line, col(c.outcome), `Ukendt afgørelsestype "${text(c.outcome)}".`);
        const parsed = parseCount(record.fields[c.count]!, ctx.limits.maxCount);
        if (parsed.kind === "invalid") reportAt(ctx, "error", "invalid-count", record.line, col(c.count), `${parsed.reasonDa}.`);
        if (!place || !period || !outcome || parsed.kind === "invalid") return;
        const law = text(c.law);
        const subject = m.optional.subject !== undefined ? text(m.optional.subject) : law;
        if (subject === "") {
          reportAt(ctx, "error", "empty-subject", record.line, col(m.optional.subject ?? c.law), "Sagsemnet er tomt. Hver række skal have Ankestyrelsens sagsemne eller lovgrundlag, ellers kan sagerne ikke placeres på et kort.");
          return;
        }
        if (isSubjectTotal(subject)) {
          reportAt(ctx, "warning", "summary-row", record.line, col(m.optional.subject ?? c.law), `Rækken "${subject}" er en sammentælling og gemmes ikke.`);
          return;
        }
        const key = `${place.kind === "national" ? "" : place.code}\u0000${subject}\u0000${law}\u0000${period.year}\u0000${period.quarter ?? 0}`;
        let group = groups.get(key);
        if (!group) {
          group = { line: record.line, place, subject, law, period, values: {} };
          groups.set(key, group);
        }
        const earlier = group.values[outcome];
        if (earlier) {
          reportAt(ctx, "error", "duplicate-row", record.line, col(c.outcome), `Dobbeltrække: samme kommune, lovgrundlag, afgørelsestype og periode står også i linje ${earlier.line}.`);
          return;
        }
        group.values[outcome] = { value: parsed.value, line: record.line };
      };
      const finish = () => {
        for (const g of groups.values()) {
          const v = (k: Outcome) => g.values[k]?.value ?? 0;
          const counts = { upheld: v("upheld"), changed: v("changed"), remitted: v("remitted"), rejected: v("rejected") };
          const decided = counts.upheld + counts.changed + counts.remitted;
          const decidedRow = g.values.decided;
          if (decidedRow && decidedRow.value !== decided) {
            reportAt(ctx, "error", "measures-mismatch", decidedRow.line, col(c.count),
              `Realitetsbehandlede sager (${decidedRow.value}) er ikke stadfæstede + ændrede/ophævede + hjemviste (${counts.upheld} + ${counts.changed} + ${counts.remitted} = ${decided}).`);
            continue;
          }
          const totalRow = g.values.total;
          if (totalRow && totalRow.value !== decided + counts.rejected) {
            reportAt(ctx, "error", "total-mismatch", totalRow.line, col(c.count),
              `Sager i alt (${totalRow.value}) er ikke realitetsbehandlede + afviste (${decided} + ${counts.rejected} = ${decided + counts.rejected}).`);
            continue;
          }
          ctx.emit({ line: g.line, place: g.place, subject: g.subject, law: g.law, period: g.period, counts });
        }
      };
      return { mapRecord, finish };
    };
  },
};
