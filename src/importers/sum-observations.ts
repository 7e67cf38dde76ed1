import type { ComplaintCell } from "../domain/complaint-cell.js";
import { addCounts, decidedOf, OUTCOMES, ZERO_COUNTS, type OutcomeCounts } from "../domain/outcome.js";
import type { ImportIssue } from "./import-issue.js";
import { formatPeriodDa } from "./parse-period.js";
import type { Observation } from "./table-record.js";

/** A data year with quarterly figures that does not have all four quarters in the file. */
export type IncompleteYear = { readonly year: number; readonly quarters: readonly number[] };

export type SummedCells = {
  readonly cells: ComplaintCell[];
  readonly incompleteYears: IncompleteYear[];
  readonly issues: ImportIssue[];
};

/**
 * One place × subject × law × year. Its figures live in one typed array (the year row, then four
 * quarters; each outcome counts then the line) with a bit mask of what is present: a million-row file
 * has a quarter of a million slots, and per-row objects would keep the garbage collector busy.
 */
type Slot = {
  readonly code: string | null;
  readonly subject: string;
  readonly law: string;
  readonly year: number;
  readonly values: Int32Array;
  present: number;
};

const STRIDE = 5;

function countsAt(values: Int32Array, part: number): OutcomeCounts {
  const o = part * STRIDE;
  return { upheld: values[o]!, changed: values[o + 1]!, remitted: values[o + 2]!, rejected: values[o + 3]! };
}

function sameCounts(a: OutcomeCounts, b: OutcomeCounts): boolean {
  return OUTCOMES.every((o) => a[o] === b[o]);
}

function describe(c: OutcomeCounts): string {
  return `${decidedOf(c)} realitetsbehandlede (${c.upheld}/${c.changed}/${c.remitted}), ${c.rejected} afviste`;
}

/**
 * Turns observations into yearly cells: the database keeps years only (complaint_cell has no quarter).
 * A year row is used as given and checked against its quarters when all four are present; without a
 * year row the quarters are summed, and a year whose quarters are not all in the file is reported as
 * incomplete (it is stored, and the warning says so). The same place × subject × law × period twice is a
 * duplicate. The national row is kept (municipalityCode null) and compared with the sum of the 98.
 */
export class ObservationSummer {
  private readonly slots = new Map<number, Slot>();
  // Slots are keyed by small integers: (subject, law) pair id × place × year. String keys built per row
  // cost more than all the parsing of a million-row file.
  private readonly pairIds = new Map<string, Map<string, number>>();
  private readonly placeIds = new Map<string | null, number>();
  private readonly quartersSeen = new Map<number, Set<number>>();
  private readonly yearsWithYearRows = new Set<number>();
  private readonly issues: ImportIssue[] = [];
  private pairCount = 0;

  constructor(private readonly file: string) {}

  private issue(severity: ImportIssue["severity"], code: ImportIssue["code"], line: number, messageDa: string): void {
    this.issues.push({ severity, code, messageDa, file: this.file, line, column: null });
  }

  add(obs: Observation): void {
    const code = obs.place.kind === "national" ? null : obs.place.code;
    let byLaw = this.pairIds.get(obs.subject);
    if (!byLaw) this.pairIds.set(obs.subject, (byLaw = new Map()));
    let pair = byLaw.get(obs.law);
    if (pair === undefined) byLaw.set(obs.law, (pair = this.pairCount++));
    let place = this.placeIds.get(code);
    if (place === undefined) this.placeIds.set(code, (place = this.placeIds.size));
    // Years run 2013–2100 (parsePeriod), places 99 and a few unknown: the product stays an exact integer.
    const key = (pair * 128 + place) * 128 + (obs.period.year - 2000);
    let slot = this.slots.get(key);
    if (!slot) {
      slot = { code, subject: obs.subject, law: obs.law, year: obs.period.year, values: new Int32Array(5 * STRIDE), present: 0 };
      this.slots.set(key, slot);
    }
    const q = obs.period.quarter;
    const part = q ?? 0;
    if (slot.present & (1 << part)) {
      this.issue("error", "duplicate-row", obs.line,
        `Dobbeltrække: samme kommune, sagsemne, lovgivning og periode (${formatPeriodDa(obs.period)}) står også i linje ${slot.values[part * STRIDE + 4]}.`);
      return;
    }
    slot.present |= 1 << part;
    const o = part * STRIDE;
    slot.values[o] = obs.counts.upheld;
    slot.values[o + 1] = obs.counts.changed;
    slot.values[o + 2] = obs.counts.remitted;
    slot.values[o + 3] = obs.counts.rejected;
    slot.values[o + 4] = obs.line;
    if (q === null) this.yearsWithYearRows.add(obs.period.year);
    else {
      let seen = this.quartersSeen.get(obs.period.year);
      if (!seen) this.quartersSeen.set(obs.period.year, (seen = new Set()));
      seen.add(q);
    }
  }

  finish(): SummedCells {
    const cells: ComplaintCell[] = [];
    const municipalSums = new Map<string, OutcomeCounts>();
    const nationals: { key: string; counts: OutcomeCounts; line: number; slot: Slot }[] = [];
    for (const slot of this.slots.values()) {
      const parts = [1, 2, 3, 4].filter((p) => slot.present & (1 << p));
      const quarterSum = parts.reduce((sum, p) => addCounts(sum, countsAt(slot.values, p)), ZERO_COUNTS);
      const hasYear = (slot.present & 1) !== 0;
      let counts: OutcomeCounts;
      if (hasYear) {
        counts = countsAt(slot.values, 0);
        if (parts.length === 4 && !sameCounts(counts, quarterSum)) {
          this.issue("error", "quarters-mismatch", slot.values[4]!,
            `Årstallet for ${slot.year} (${describe(counts)}) er ikke summen af de fire kvartaler (${describe(quarterSum)}).`);
          continue;
        }
      } else counts = quarterSum;
      cells.push({ municipalityCode: slot.code, subject: slot.subject, law: slot.law, year: slot.year, counts });
      const crossKey = `${slot.subject}\u0000${slot.law}\u0000${slot.year}`;
      const line = slot.values[(hasYear ? 0 : parts[0]!) * STRIDE + 4]!;
      if (slot.code === null) nationals.push({ key: crossKey, counts, line, slot });
      else municipalSums.set(crossKey, addCounts(municipalSums.get(crossKey) ?? ZERO_COUNTS, counts));
    }
    for (const n of nationals) {
      const sum = municipalSums.get(n.key) ?? ZERO_COUNTS;
      if (!sameCounts(sum, n.counts)) {
        this.issue("warning", "national-mismatch", n.line,
          `Landstallet for "${n.slot.subject}" ${n.slot.year} (${describe(n.counts)}) er ikke summen over kommunerne (${describe(sum)}). Landsrækken gemmes som offentliggjort; kortene bruger kommunernes tal.`);
      }
    }
    const incompleteYears: IncompleteYear[] = [];
    for (const [year, seen] of [...this.quartersSeen].sort((a, b) => a[0] - b[0])) {
      if (seen.size === 4 || this.yearsWithYearRows.has(year)) continue;
      const quarters = [...seen].sort();
      incompleteYears.push({ year, quarters });
      this.issues.push({
        severity: "warning",
        code: "incomplete-year",
        file: this.file,
        line: null,
        column: null,
        messageDa: `Året ${year} er ufuldstændigt: filen har kun ${quarters.map((q) => `${q}.`).join(", ")} kvartal. Tallene for ${year} gemmes, men dækker ikke hele året.`,
      });
    }
    return { cells, incompleteYears, issues: this.issues };
  }
}
