import type { ComplaintCell } from "../domain/complaint-cell.js";
import { decidedOf, OUTCOMES, type OutcomeCounts } from "../domain/outcome.js";
import type { MunicipalityCode } from "../domain/municipality.js";
import type { ImportIssue } from "./import-issue.js";
import { formatPeriodDa } from "./parse-period.js";
import { formatInteger } from "../domain/format-danish-number.js";
import { placeKey, type Place } from "./resolve-place.js";
import type { Observation } from "./table-record.js";

/** A data year with quarterly figures that does not have all four quarters in the file. */
export type IncompleteYear = { readonly year: number; readonly quarters: readonly number[] };

export type SummedCells = {
  readonly cells: ComplaintCell[];
  readonly incompleteYears: IncompleteYear[];
  readonly issues: ImportIssue[];
};

/** How a person changes a limit, named in the message that refuses a file for it. */
const LIMIT_HINT_DA = {
  maxDistinctSubjects: "kan ændres med DANMARKSKORT_IMPORT_MAX_SUBJECTS",
  maxCells: "kan ændres med DANMARKSKORT_IMPORT_MAX_CELLS",
} as const;

// parsePeriod accepts 2013–2100: years are stored as year − 2000 in 0–127.
const YEAR_BASE = 2000;
const YEARS = 128;
// A file names the 98 municipalities and the national row; unknown names never reach the summer.
const MAX_PLACES = 128;
// Per slot: five parts (the year row, then quarters 1–4), each the four outcome counts and the line.
const STRIDE = 5;
const PARTS = 5;
const SLOT_INTS = STRIDE * PARTS;

/** The counts of one part (0 the year row, 1–4 the quarters), or the sum of parts `from`–`to` present in `mask`. */
function countsAt(values: Int32Array, base: number, from: number, to = from, mask = 0b11111): OutcomeCounts {
  let upheld = 0;
  let changed = 0;
  let remitted = 0;
  let rejected = 0;
  for (let part = from; part <= to; part++) {
    if (!(mask & (1 << part))) continue;
    const o = base + part * STRIDE;
    upheld += values[o]!;
    changed += values[o + 1]!;
    remitted += values[o + 2]!;
    rejected += values[o + 3]!;
  }
  return { upheld, changed, remitted, rejected };
}

/** `into` (a larger array) with `from` copied to its start. */
function grown<T extends Int32Array | Uint8Array>(from: T, into: T): T {
  into.set(from);
  return into;
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
 *
 * A million-row file has a quarter of a million slots (place × subject × law × year). They live in flat
 * typed arrays, found through one lookup table per (subject, law) pair, because an object and a map entry
 * per slot cost more time (mostly in the garbage collector) than parsing the file (bench/import.bench.ts).
 */
export class ObservationSummer {
  // (subject, law) pairs, numbered in order of appearance.
  private readonly pairIds = new Map<string, Map<string, number>>();
  private readonly pairSubjects: string[] = [];
  private readonly pairLaws: string[] = [];
  // The pair of the previous observation: rows come grouped by subject, so most lookups end here.
  private lastPair: { subject: string; law: string; id: number } | null = null;
  // Keyed by code, not by name or object: "Herning", "Herning Kommune" and "0657" are one place (issue 19).
  private readonly placeIds = new Map<string, number>();
  private readonly placeCodes: (MunicipalityCode | null)[] = [];
  // Slot of each (pair × MAX_PLACES + place) × YEARS + year. One map entry per slot: a table per pair
  // (64 KB) or per pair × place (512 bytes) made memory grow with distinct subjects, 5,4 GB for 100.000
  // subjects (issue 19); the entry costs a few dozen bytes and is found in one hash lookup.
  private readonly slotIndex = new Map<number, number>();
  // Set once a limit is passed: the file is refused, and nothing more is counted.
  private overflowed = false;
  // Per slot: its pair, place, year index and a bit per part present; its values at slot × SLOT_INTS.
  private slotPair = new Int32Array(1024);
  private slotPlace = new Uint8Array(1024);
  private slotYear = new Uint8Array(1024);
  private slotPresent = new Uint8Array(1024);
  private values = new Int32Array(1024 * SLOT_INTS);
  private slotCount = 0;
  // Per data year (index year − 2000), a bit per quarter seen (bits 1–4) and bit 0 for a year row.
  private readonly periodsSeen = new Uint8Array(YEARS);
  private readonly issues: ImportIssue[] = [];

  constructor(
    private readonly file: string,
    private readonly limits: { readonly maxDistinctSubjects: number; readonly maxCells: number } = { maxDistinctSubjects: Infinity, maxCells: Infinity },
  ) {}

  private overflow(line: number, messageDa: string): void {
    this.overflowed = true;
    this.issue("error", "limit-exceeded", line, messageDa);
  }

  private issue(severity: ImportIssue["severity"], code: ImportIssue["code"], line: number, messageDa: string): void {
    this.issues.push({ severity, code, messageDa, file: this.file, line, column: null });
  }

  private pairId(subject: string, law: string): number {
    const last = this.lastPair;
    if (last !== null && last.subject === subject && last.law === law) return last.id;
    let byLaw = this.pairIds.get(subject);
    if (!byLaw) this.pairIds.set(subject, (byLaw = new Map()));
    let id = byLaw.get(law);
    if (id === undefined) {
      id = this.pairSubjects.length;
      byLaw.set(law, id);
      this.pairSubjects.push(subject);
      this.pairLaws.push(law);
    }
    this.lastPair = { subject, law, id };
    return id;
  }

  private placeId(place: Place): number {
    const key = placeKey(place);
    let id = this.placeIds.get(key);
    if (id === undefined) {
      id = this.placeCodes.length;
      if (id >= MAX_PLACES) throw new Error(`ObservationSummer: more than ${MAX_PLACES} places`);
      this.placeIds.set(key, id);
      this.placeCodes.push(place.kind === "national" ? null : place.code);
    }
    return id;
  }

  private newSlot(pair: number, place: number, year: number): number {
    const slot = this.slotCount++;
    if (slot === this.slotPair.length) {
      this.slotPair = grown(this.slotPair, new Int32Array(slot * 2));
      this.slotPlace = grown(this.slotPlace, new Uint8Array(slot * 2));
      this.slotYear = grown(this.slotYear, new Uint8Array(slot * 2));
      this.slotPresent = grown(this.slotPresent, new Uint8Array(slot * 2));
      this.values = grown(this.values, new Int32Array(slot * 2 * SLOT_INTS));
    }
    this.slotPair[slot] = pair;
    this.slotPlace[slot] = place;
    this.slotYear[slot] = year;
    return slot;
  }

  add(obs: Observation): void {
    if (this.overflowed) return;
    const known = this.pairSubjects.length;
    const pair = this.pairId(obs.subject, obs.law);
    if (pair >= this.limits.maxDistinctSubjects && pair === known) {
      this.overflow(obs.line, `Filen har flere end ${formatInteger(this.limits.maxDistinctSubjects)} forskellige sagsemner (grænsen ${LIMIT_HINT_DA.maxDistinctSubjects}); Ankestyrelsens filer har nogle hundrede. Filen er ikke indlæst.`);
      return;
    }
    const place = this.placeId(obs.place);
    const year = obs.period.year - YEAR_BASE;
    const at = (pair * MAX_PLACES + place) * YEARS + year;
    let slot = this.slotIndex.get(at) ?? -1;
    if (slot < 0) {
      if (this.slotCount >= this.limits.maxCells) {
        this.overflow(obs.line, `Filen har flere end ${formatInteger(this.limits.maxCells)} årsceller (kommune × sagsemne × år; grænsen ${LIMIT_HINT_DA.maxCells}). Filen er ikke indlæst.`);
        return;
      }
      slot = this.newSlot(pair, place, year);
      this.slotIndex.set(at, slot);
    }
    const q = obs.period.quarter;
    const part = q ?? 0;
    const o = slot * SLOT_INTS + part * STRIDE;
    if (this.slotPresent[slot]! & (1 << part)) {
      this.issue("error", "duplicate-row", obs.line,
        `Dobbeltrække: samme kommune, sagsemne, lovgivning og periode (${formatPeriodDa(obs.period)}) står også i linje ${this.values[o + 4]}.`);
      return;
    }
    this.slotPresent[slot] = this.slotPresent[slot]! | (1 << part);
    this.values[o] = obs.counts.upheld;
    this.values[o + 1] = obs.counts.changed;
    this.values[o + 2] = obs.counts.remitted;
    this.values[o + 3] = obs.counts.rejected;
    this.values[o + 4] = obs.line;
    this.periodsSeen[year] = this.periodsSeen[year]! | (1 << part);
  }

  /**
   * `rowsRefused`: the file had rows with errors that never reached the summer. The national row is then
   * not compared with the municipalities: the difference would only be the refused rows, and the file is
   * not stored anyway.
   */
  finish(options: { readonly rowsRefused: boolean } = { rowsRefused: false }): SummedCells {
    // Past a limit the file is refused: no cells are built for it (they would be the largest allocation).
    if (this.overflowed) return { cells: [], incompleteYears: [], issues: this.issues };
    const cells: ComplaintCell[] = [];
    const v = this.values;
    // Sum over the 98 per (subject, law) pair and year: index (pair × YEARS + year) × 4.
    const municipalSums = new Int32Array(this.pairSubjects.length * YEARS * 4);
    const nationals: { counts: OutcomeCounts; line: number; pair: number; year: number }[] = [];
    for (let slot = 0; slot < this.slotCount; slot++) {
      const base = slot * SLOT_INTS;
      const present = this.slotPresent[slot]!;
      const pair = this.slotPair[slot]!;
      const year = this.slotYear[slot]! + YEAR_BASE;
      const code = this.placeCodes[this.slotPlace[slot]!]!;
      const hasYear = (present & 1) !== 0;
      const quarters = (present >> 1) & 0b1111;
      let counts: OutcomeCounts;
      if (hasYear) {
        counts = countsAt(v, base, 0);
        if (quarters === 0b1111) {
          const quarterSum = countsAt(v, base, 1, 4);
          if (!sameCounts(counts, quarterSum)) {
            this.issue("error", "quarters-mismatch", v[base + 4]!,
              `Årstallet for ${year} (${describe(counts)}) er ikke summen af de fire kvartaler (${describe(quarterSum)}).`);
            continue;
          }
        }
      } else counts = countsAt(v, base, 1, 4, present);
      cells.push({ municipalityCode: code, subject: this.pairSubjects[pair]!, law: this.pairLaws[pair]!, year, counts });
      // The line of the year row, else of the first quarter present (its lowest set bit).
      const firstPart = hasYear ? 0 : 32 - Math.clz32(quarters & -quarters);
      if (code === null) nationals.push({ counts, line: v[base + firstPart * STRIDE + 4]!, pair, year });
      else {
        const o = (pair * YEARS + year - YEAR_BASE) * 4;
        municipalSums[o] = municipalSums[o]! + counts.upheld;
        municipalSums[o + 1] = municipalSums[o + 1]! + counts.changed;
        municipalSums[o + 2] = municipalSums[o + 2]! + counts.remitted;
        municipalSums[o + 3] = municipalSums[o + 3]! + counts.rejected;
      }
    }
    const refused = options.rowsRefused || this.issues.some((i) => i.severity === "error");
    for (const n of refused ? [] : nationals) {
      const o = (n.pair * YEARS + n.year - YEAR_BASE) * 4;
      const sum = { upheld: municipalSums[o]!, changed: municipalSums[o + 1]!, remitted: municipalSums[o + 2]!, rejected: municipalSums[o + 3]! };
      if (!sameCounts(sum, n.counts)) {
        this.issue("warning", "national-mismatch", n.line,
          `Landstallet for "${this.pairSubjects[n.pair]}" ${n.year} (${describe(n.counts)}) er ikke summen over kommunerne (${describe(sum)}). Landsrækken gemmes som offentliggjort; kortene bruger kommunernes tal.`);
      }
    }
    const incompleteYears: IncompleteYear[] = [];
    for (let i = 0; i < YEARS; i++) {
      const seen = this.periodsSeen[i]!;
      const quarterBits = (seen >> 1) & 0b1111;
      // A year row makes the year whole; a year seen only in year rows has no quarters to miss.
      if (quarterBits === 0 || quarterBits === 0b1111 || (seen & 1) !== 0) continue;
      const year = YEAR_BASE + i;
      const quarters = [1, 2, 3, 4].filter((q) => quarterBits & (1 << (q - 1)));
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
