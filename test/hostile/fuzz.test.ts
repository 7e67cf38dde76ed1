import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importFileIntoDatabase } from "../../src/app/import/import-file.js";
import { UserFacingError } from "../../src/app/user-facing-error.js";
import type { ComplaintCell } from "../../src/domain/complaint-cell.js";
import { resolveMunicipality } from "../../src/domain/municipality.js";
import { createSeededRandom } from "../../src/importers/demo/seeded-random.js";
import { loadDatasetVersionCells } from "../../src/storage/complaint-store.js";
import { listDatasetVersions } from "../../src/storage/dataset-versions.js";
import { fixtureDir, talportalExportCsv, wholeCountryRows, writeFixture } from "../import/import-fixtures.js";
import { createTestDatabase, type TestDatabase } from "../support/test-databases.js";

/**
 * Issue 19, item 7: a seeded fuzz suite. Each case mutates a whole-country talportal export the way the
 * independent run did (byte flips, truncation, swapped and renamed columns, huge and negative counts, NUL
 * bytes, open quotes, line-ending and encoding mixes, long fields, aliases twice …) and imports it into a
 * database that holds the unmutated file. For every case: no crash (only a Danish refusal or an import);
 * a refusal leaves every stored version and cell as it was; an import stores exactly the figures the file
 * says, and a mutation that keeps the figures (re-encoding, quoting, column order) stores the original ones.
 *
 * Short form: 40 cases (CI). Long form: DANMARKSKORT_FUZZ_CASES=300 (or more); DANMARKSKORT_FUZZ_SEED picks
 * another sequence. A failing case names its seed, number and mutation, so it can be run again alone.
 */
const CASES = Number(process.env.DANMARKSKORT_FUZZ_CASES ?? 40);
const SEED = Number(process.env.DANMARKSKORT_FUZZ_SEED ?? 19);

/** What a mutation may lead to: refused, the original figures, or exactly what the mutated file says. */
type Oracle = "refuse" | "base" | "file";
type Mutant = { readonly name: string; readonly bytes: Buffer; readonly oracle: Oracle };

const BASE_ROWS = wholeCountryRows({ year: 2024, seed: 1919 }).rows;
const BASE_TEXT = talportalExportCsv(BASE_ROWS);
const COUNT_COLUMNS = [4, 5, 6, 7, 8];

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const dataLine = (random: Random, lines: readonly string[]) => 1 + Math.floor(random() * (lines.length - 2));

function withLine(text: string, random: Random, change: (fields: string[]) => string[] | string): string {
  const lines = text.split("\r\n");
  const at = dataLine(random, lines);
  const changed = change(lines[at]!.split(";"));
  lines[at] = typeof changed === "string" ? changed : changed.join(";");
  return lines.join("\r\n");
}

const latin1 = (text: string) => iconv.encode(text, "latin1");

/** The mutations, each a generator of one mutant from the random stream. */
const MUTATIONS: readonly ((random: Random) => Mutant)[] = [
  () => ({ name: "LF i stedet for CR LF", bytes: latin1(BASE_TEXT.replace(/\r\n/g, "\n")), oracle: "base" }),
  (r) => ({ name: "blandede linjeskift", bytes: latin1(BASE_TEXT.split("\r\n").map((l) => l + (r() < 0.5 ? "\r\n" : "\n")).join("").replace(/(\r?\n)+$/, "\n")), oracle: "base" }),
  () => ({ name: "UTF-8", bytes: Buffer.from(BASE_TEXT, "utf8"), oracle: "base" }),
  () => ({ name: "UTF-8 med BOM", bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(BASE_TEXT, "utf8")]), oracle: "base" }),
  () => ({ name: "tekst i anførselstegn", bytes: latin1(talportalExportCsv(BASE_ROWS, { quoteText: true })), oracle: "base" }),
  () => ({ name: "komma som skilletegn", bytes: latin1(talportalExportCsv(BASE_ROWS, { separator: "," })), oracle: "base" }),
  () => ({ name: "tomme linjer til sidst", bytes: latin1(`${BASE_TEXT}\r\n\r\n;;;\r\n`), oracle: "base" }),
  (r) => {
    const [a, b] = [pick(r, COUNT_COLUMNS.slice(1)), pick(r, COUNT_COLUMNS.slice(1))];
    const swap = (f: string[]) => ((f = [...f]), ([f[a], f[b]] = [f[b]!, f[a]!]), f);
    return { name: `kolonne ${a + 1} og ${b + 1} byttet (med overskriften)`, bytes: latin1(BASE_TEXT.split("\r\n").map((l) => (l ? swap(l.split(";")).join(";") : l)).join("\r\n")), oracle: "base" };
  },
  (r) => {
    const bytes = Buffer.from(latin1(BASE_TEXT));
    const flips = 1 + Math.floor(r() * 3);
    for (let i = 0; i < flips; i++) bytes[Math.floor(r() * bytes.length)] = Math.floor(r() * 256);
    return { name: `${flips} tilfældige bytes`, bytes, oracle: "file" };
  },
  (r) => {
    const bytes = latin1(BASE_TEXT);
    const at = Math.floor(r() * bytes.length);
    return { name: `afkortet ved byte ${at}`, bytes: bytes.subarray(0, at), oracle: "file" };
  },
  (r) => {
    const lines = BASE_TEXT.split("\r\n");
    const keep = 2 + Math.floor(r() * (lines.length - 3));
    return { name: `afkortet ved linjeslut efter ${keep} linjer`, bytes: latin1(lines.slice(0, keep).join("\r\n") + "\r\n"), oracle: "file" };
  },
  (r) => ({ name: "kæmpe antal", bytes: latin1(withLine(BASE_TEXT, r, (f) => ((f[5] = pick(r, ["2147483648", "99999999999999999999", "1000001", "4294967296"])), (f[4] = f[5]), f))), oracle: "refuse" }),
  (r) => ({ name: "negativt antal", bytes: latin1(withLine(BASE_TEXT, r, (f) => ((f[8] = `-${1 + Math.floor(r() * 9)}`), f))), oracle: "refuse" }),
  (r) => ({ name: "NUL-byte", bytes: latin1(withLine(BASE_TEXT, r, (f) => ((f[2] = `${f[2]!.slice(0, 3)}\u0000${f[2]!.slice(3)}`), f))), oracle: "refuse" }),
  (r) => ({ name: "ESC i sagsemne", bytes: latin1(withLine(BASE_TEXT, r, (f) => ((f[2] = `\u001b[2J${f[2]}`), f))), oracle: "refuse" }),
  (r) => ({ name: "BOM midt i filen", bytes: Buffer.from(withLine(BASE_TEXT, r, (f) => `\ufeff${f.join(";")}`), "utf8"), oracle: "refuse" }),
  (r) => ({ name: "tomt sagsemne", bytes: latin1(withLine(BASE_TEXT, r, (f) => ((f[2] = ""), f))), oracle: "refuse" }),
  (r) => ({ name: "løst citationstegn", bytes: latin1(withLine(BASE_TEXT, r, (f) => ((f[1] = `"${f[1]}`), f))), oracle: "refuse" }),
  (r) => ({ name: "felt på 50.000 tegn", bytes: latin1(withLine(BASE_TEXT, r, (f) => ((f[2] = `${f[2]} ${"x".repeat(50_000)}`), f))), oracle: "refuse" }),
  (r) => ({ name: "et felt for lidt", bytes: latin1(withLine(BASE_TEXT, r, (f) => f.slice(0, -1))), oracle: "refuse" }),
  (r) => ({ name: "omdøbt kolonne", bytes: latin1(BASE_TEXT.replace(pick(r, ["Kommune;", "Sagsemne;", "Stadfæstede sager;", "Hjemviste sager;"]), "Noget andet;")), oracle: "refuse" }),
  (r) => {
    const lines = BASE_TEXT.split("\r\n");
    const herning = lines.find((l) => l.startsWith("Herning;"))!;
    const alias = `${pick(r, ["Herning Kommune", "0657", "657", "HERNING"])}${herning.slice("Herning".length)}`;
    lines.splice(dataLine(r, lines), 0, alias);
    return { name: "Herning igen under et andet navn", bytes: latin1(lines.join("\r\n")), oracle: "refuse" };
  },
  () => ({ name: "uden landsrækker", bytes: latin1(BASE_TEXT.split("\r\n").filter((l) => !l.startsWith("Hele landet;")).join("\r\n")), oracle: "refuse" }),
  (r) => {
    const lines = BASE_TEXT.split("\r\n");
    const name = pick(r, ["Aarhus", "Læsø", "København", "Herning"]);
    return { name: `uden ${name}`, bytes: latin1(lines.filter((l) => !l.startsWith(`${name};`)).join("\r\n")), oracle: "refuse" };
  },
  (r) => ({ name: "CR alene midt i en linje", bytes: latin1(withLine(BASE_TEXT, r, (f) => ((f[2] = `${f[2]}\rHerning`), f))), oracle: "refuse" }),
];

/** An independent reading of a plain `;`-separated export (no quotes): the figures a file says, by code. */
function referenceCells(bytes: Buffer): Map<string, string> | null {
  const text = bytes.toString("latin1");
  if (text.includes('"')) return null;
  const lines = text.split("\n").map((l) => l.replace(/\r$/, "")).filter((l) => l.split(";").some((f) => f.trim() !== ""));
  const header = lines[0]!.split(";");
  const at = (name: string) => header.indexOf(name);
  const [place, law, subject, period, upheld, changed, remitted, rejected] = ["Kommune", "Lovgivning", "Sagsemne", "periode", "Stadfæstede sager", "Ændrede/ophævede sager", "Hjemviste sager", "Afviste sager"].map(at);
  const cells = new Map<string, string>();
  for (const line of lines.slice(1)) {
    const f = line.split(";");
    const p = f[place!]!.trim();
    const code = p === "Hele landet" ? "-" : resolveMunicipality(p)?.code;
    if (code === undefined) return null;
    cells.set(`${code}|${f[law!]!.trim()}|${f[subject!]!.trim()}|${f[period!]!.trim()}`, [upheld, changed, remitted, rejected].map((i) => Number(f[i!]!.trim())).join("/"));
  }
  return cells;
}

const keyOf = (c: ComplaintCell) => `${c.municipalityCode ?? "-"}|${c.law}|${c.subject}|${c.year}`;
const figuresOf = (cells: readonly ComplaintCell[]) => new Map(cells.map((c) => [keyOf(c), `${c.counts.upheld}/${c.counts.changed}/${c.counts.remitted}/${c.counts.rejected}`]));

describe(`fuzz: ${CASES} mutated talportal files (seed ${SEED})`, () => {
  const dir = fixtureDir();
  let t: TestDatabase;
  let baseFigures: Map<string, string>;
  beforeAll(async () => {
    t = await createTestDatabase("pglite");
    const path = writeFixture(dir, "grundfil.csv", latin1(BASE_TEXT));
    const outcome = await importFileIntoDatabase(t.db, { path, extractedOn: "2025-06-01", source: null, dryRun: false, isDemo: false, importedAt: new Date("2025-06-02T00:00:00Z") });
    expect(outcome.stored?.kind).toBe("saved");
    baseFigures = figuresOf(outcome.analysis.cells);
  }, 120_000);
  afterAll(async () => t?.drop());

  /** Every stored version and its cells: what a refusal must leave exactly as it was. */
  async function snapshot(): Promise<string> {
    const versions = await listDatasetVersions(t.db);
    const parts = await Promise.all(versions.map(async (v) => `${v.datasetVersionId}:${v.extractedOn}:${JSON.stringify([...figuresOf(await loadDatasetVersionCells(t.db, v.datasetVersionId))].sort())}`));
    return parts.join("\n");
  }

  it("never crashes, refuses clearly without changing stored data, or stores exactly the file's figures", async () => {
    const random = createSeededRandom(SEED);
    const before = await snapshot();
    const tally: Record<string, number> = { refused: 0, imported: 0, same: 0 };
    for (let n = 0; n < CASES; n++) {
      const mutant = pick(random, MUTATIONS)(random);
      const label = `seed ${SEED}, case ${n}: ${mutant.name}`;
      const path = writeFixture(dir, `fuzz-${n}.csv`, mutant.bytes);
      let outcome;
      let refusal: string | null = null;
      try {
        outcome = await importFileIntoDatabase(t.db, { path, extractedOn: "2025-07-01", source: null, dryRun: false, isDemo: false, importedAt: new Date("2025-07-02T00:00:00Z") });
        if (outcome.analysis.errorCount > 0) refusal = outcome.analysis.issues.find((i) => i.severity === "error")!.messageDa;
      } catch (error) {
        // A UserFacingError is a refusal in Danish (a version that would replace fuller figures); anything else is a crash.
        if (!(error instanceof UserFacingError)) throw new Error(`${label}: crash: ${error instanceof Error ? error.stack : String(error)}`);
        refusal = error.message;
      }
      if (refusal !== null) {
        tally.refused!++;
        expect(refusal.length, label).toBeGreaterThan(10);
        expect(refusal.length, label).toBeLessThanOrEqual(1000);
        expect(refusal, label).not.toMatch(/\b(?:undefined|NaN|Error|ENOENT|TypeError)\b/);
        expect(await snapshot(), `${label}: a refusal changed stored data`).toBe(before);
        continue;
      }
      expect(mutant.oracle, `${label}: accepted a file that must be refused`).not.toBe("refuse");
      const stored = outcome!.stored!;
      if (stored.kind !== "saved") {
        tally.same!++;
        expect(stored.kind, label).toBe("same-figures");
        expect(mutant.oracle === "base" || figuresOf(outcome!.analysis.cells).size === baseFigures.size, label).toBe(true);
        continue;
      }
      tally.imported!++;
      const cells = figuresOf(await loadDatasetVersionCells(t.db, stored.datasetVersionId));
      expect(cells, `${label}: stored cells differ from the analysis`).toEqual(figuresOf(outcome!.analysis.cells));
      if (mutant.oracle === "base") expect(cells, `${label}: figures changed`).toEqual(baseFigures);
      else {
        const reference = referenceCells(mutant.bytes);
        if (reference !== null) expect(cells, `${label}: stored figures are not the file's`).toEqual(reference);
      }
      // Back to the original state for the next case.
      await t.db.query("DELETE FROM dataset_version WHERE id = $1", [stored.datasetVersionId]);
      expect(await snapshot(), label).toBe(before);
    }
    process.stdout.write(`fuzz seed ${SEED}: ${CASES} cases, ${tally.refused} refused, ${tally.imported} imported, ${tally.same} same figures\n`);
    expect(tally.refused! + tally.imported! + tally.same!).toBe(CASES);
  }, 1_800_000);
});

