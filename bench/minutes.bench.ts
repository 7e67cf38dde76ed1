// `npm run bench -- minutes` (issue 15, item 5): reading 98 council minutes of about 20 pages each, as PDF,
// through the reader `danmarkskort referat læs` uses (readManyMinutes: pdftotext's text layer, the
// extraction, the figures checked against the dataset), two files at a time.
// Pass: the 98 documents in under 60 s, each with its Danmarkskort item found and its figures matching.
//
// Baseline, in the same run on the same files: `pdftotext -layout` of each file alone, also two at a time:
// the least a reader of PDF text layers must do. Rounds alternate baseline and reader; the verdict uses the
// median round.
import { spawn } from "node:child_process";
import { mkdtemp, readdir, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { minutesReadDepsFor, readManyMinutes, type MinutesFileResult } from "../src/app/minutes/read-minutes.js";
import { openDatabase } from "../src/storage/open-database.js";
import { councilMinutesHtml } from "../test/minutes/minutes-documents.js";
import { published2024Cells } from "../test/rates/published-2024-cells.js";
import { storeCells } from "../test/rates/stored-datasets.js";
import type { BenchResult } from "./run.js";

const DOCUMENTS = 98;
/** Other agenda items before the Danmarkskort item: 16 make a document of about 20 pages in LibreOffice. */
const FILLER_ITEMS = 16;
const ROUNDS = 3;
const LIMIT_SECONDS = 60;
const CONCURRENCY = 2;

const s1 = (n: number) => new Intl.NumberFormat("da-DK", { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(n);
const s2 = (n: number) => new Intl.NumberFormat("da-DK", { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n);
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function run(command: string, args: readonly string[]): Promise<{ code: number; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "ignore"] });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, out }));
  });
}

async function inPairs(files: readonly string[], work: (file: string) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < files.length) await work(files[next++]!);
  }));
}

async function pdfToTextAll(files: readonly string[]): Promise<number> {
  let chars = 0;
  await inPairs(files, async (f) => {
    const { code, out } = await run("pdftotext", ["-layout", "-enc", "UTF-8", "-q", f, "-"]);
    if (code !== 0) throw new Error(`pdftotext ${f}: ${code}`);
    chars += out.length;
  });
  return chars;
}

/** Every document read, one item each, the council's outcome as written, every figure matching the dataset. */
function verify(results: readonly MinutesFileResult[]): string[] {
  const problems: string[] = [];
  results.forEach((r, i) => {
    if (r.kind !== "read") return problems.push(`${r.file}: ${r.messageDa}`);
    const item = r.minutes.items[0];
    if (r.minutes.items.length !== 1 || !item) return problems.push(`${r.file}: ${r.minutes.items.length} punkter`);
    const expected = i % 2 === 0 ? "sent-back" : "finished";
    if (item.councilTreatment !== expected) problems.push(`${r.file}: ${item.councilTreatment}, ventet ${expected}`);
    if (item.figures.length !== 2 || !item.figures.every((f) => f.check.kind === "checked" && f.check.matches)) problems.push(`${r.file}: tallene stemmer ikke`);
  });
  return problems;
}

export default async function minutesBench(): Promise<BenchResult> {
  const dir = await mkdtemp(join(tmpdir(), "danmarkskort-minutes-bench-"));
  const profile = await mkdtemp(join(tmpdir(), "danmarkskort-minutes-bench-lo-"));
  const db = await openDatabase({ kind: "memory" });
  try {
    const html: string[] = [];
    for (let i = 0; i < DOCUMENTS; i++) {
      const path = join(dir, `referat-${String(i + 1).padStart(2, "0")}.html`);
      await writeFile(path, councilMinutesHtml({ councilOutcome: i % 2 === 0 ? "sends-back" : "approves", fillerItems: FILLER_ITEMS }));
      html.push(path);
    }
    const convertStart = performance.now();
    const converted = await run("soffice", ["--headless", "--norestore", "--nologo", `-env:UserInstallation=${pathToFileURL(profile).href}`, "--convert-to", "pdf", "--outdir", dir, ...html]);
    const convertSeconds = (performance.now() - convertStart) / 1000;
    if (converted.code !== 0) throw new Error(`soffice: ${converted.code}`);
    const files = (await readdir(dir)).filter((f) => f.endsWith(".pdf")).sort().map((f) => join(dir, f));
    if (files.length !== DOCUMENTS) throw new Error(`LibreOffice lavede ${files.length} PDF-filer, ikke ${DOCUMENTS}`);
    let pages = 0;
    let bytes = 0;
    for (const f of files) {
      pages += Number(/Pages:\s+(\d+)/.exec((await run("pdfinfo", [f])).out)?.[1] ?? 0);
      bytes += (await stat(f)).size;
    }
    await storeCells(db, published2024Cells());

    const baseline: number[] = [];
    const reader: number[] = [];
    let chars = 0;
    let problems: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      let start = performance.now();
      chars = await pdfToTextAll(files);
      baseline.push((performance.now() - start) / 1000);
      start = performance.now();
      // New deps each round: the dataset is read once per round, as one `referat læs` of a folder reads it.
      const results = await readManyMinutes(minutesReadDepsFor(db), files, { concurrency: CONCURRENCY });
      reader.push((performance.now() - start) / 1000);
      problems = verify(results);
    }
    const base = median(baseline);
    const read = median(reader);
    const passed = problems.length === 0 && read < LIMIT_SECONDS;
    return {
      title: "Læsning af 98 referater på ca. 20 sider (issue 15)",
      passed,
      markdown: `${DOCUMENTS} referater fra byrådet som PDF, lavet af LibreOffice (\`soffice --convert-to pdf\`, ${s1(convertSeconds)} s for alle) ud fra \`test/minutes/minutes-documents.ts\`: ${FILLER_ITEMS} andre punkter og punktet "Årlig behandling af omgørelsesprocenter i klagesager" med tabel, tre beslutninger og tal; hvert andet sendes tilbage af byrådet. I alt ${pages.toLocaleString("da-DK")} sider (${s1(pages / DOCUMENTS)} pr. dokument), ${s1(bytes / 2 ** 20)} MiB, ${Math.round(chars / DOCUMENTS).toLocaleString("da-DK")} tegn tekst pr. dokument.
Læseren er \`readManyMinutes\` (det, \`danmarkskort referat læs <mappe>\` gør): \`pdftotext -layout\`, udtrækningen og kontrollen af tallene mod datasættet (de offentliggjorte 2024-tal i PGlite i hukommelsen), to filer ad gangen.
Grundlinje: \`pdftotext -layout\` af de samme filer alene, også to ad gangen. ${ROUNDS} runder, grundlinje og læser på skift; medianen tæller.

| | runde-tider, s | median, s | ms pr. dokument |
|---|---|---|---|
| pdftotext alene (grundlinje) | ${baseline.map(s2).join(" · ")} | ${s2(base)} | ${Math.round((base * 1000) / DOCUMENTS)} |
| læseren | ${reader.map(s2).join(" · ")} | ${s2(read)} | ${Math.round((read * 1000) / DOCUMENTS)} |

Læseren / grundlinjen: **${s2(read / base)}**. Alle ${DOCUMENTS} læst med punktet fundet, byrådets udfald som skrevet og tallene i overensstemmelse med datasættet: ${problems.length === 0 ? "ja" : `nej (${problems.slice(0, 3).join("; ")})`}.
Krav: ${DOCUMENTS} dokumenter på under ${LIMIT_SECONDS} s: **${s2(read)} s**. ${passed ? "Bestået." : "**Ikke bestået.**"}
Maskinen har 2 kerner og deles med andre processer.`,
    };
  } finally {
    await db.close();
    await rm(dir, { recursive: true, force: true });
    await rm(profile, { recursive: true, force: true });
  }
}
