// `npm run bench -- hostile`: issue 19, item 3 ("any file up to 200 MB answered – imported or refused with
// the limit named – in time linear in its size and peak memory under 1 GiB"). Each large hostile case of the
// issue is generated, then analysed (`import --dry-run`'s work: read, parse, validate, sum) in a child process
// of its own, so its peak memory (getrusage's maxrss) is that case's alone. The baseline, in the same run, is
// a child that only hashes the same file (the least any import must do: read every byte once); the ratio
// "analyse / hash" per MB shows the time is linear in the size when it stays flat across sizes.
import ExcelJS from "exceljs";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { BenchResult } from "./run.js";
import { formatInteger } from "../src/domain/format-danish-number.js";
import { MUNICIPALITIES } from "../src/domain/municipality.js";
import { analyseImportFile } from "../src/importers/analyse-import-file.js";
import { sha256OfFile } from "../src/importers/file-bytes.js";
import { formatIssue } from "../src/importers/import-issue.js";

const thisFile = fileURLToPath(import.meta.url);
const formatDecimal = (n: number, digits: number) => new Intl.NumberFormat("da-DK", { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);
const CHILD_FLAG = "--hostile-bench-child";
const MEMORY_LIMIT_MIB = 1024;
const HEADER = "Kommune;Lovgivning;Sagsemne;periode;Realitetsbehandlede sager i alt;Stadfæstede sager;Ændrede/ophævede sager;Hjemviste sager;Afviste sager";

type ChildResult = { readonly ms: number; readonly maxRssMiB: number; readonly errorCount: number; readonly cells: number; readonly firstIssue: string };

if (process.argv.includes(CHILD_FLAG)) {
  const [mode, path] = process.argv.slice(process.argv.indexOf(CHILD_FLAG) + 1);
  const started = performance.now();
  let result: Omit<ChildResult, "ms" | "maxRssMiB">;
  if (mode === "hash") {
    await sha256OfFile(path!);
    result = { errorCount: 0, cells: 0, firstIssue: "" };
  } else {
    const a = await analyseImportFile({ path: path!, latestYear: 2025 });
    result = { errorCount: a.errorCount, cells: a.cells.length, firstIssue: a.issues[0] ? formatIssue(a.issues[0]).slice(0, 220) : "" };
  }
  const ms = performance.now() - started;
  process.stdout.write(JSON.stringify({ ...result, ms, maxRssMiB: process.resourceUsage().maxRSS / 1024 }));
  process.exit(0);
}

async function runChild(mode: "hash" | "analyse", path: string): Promise<ChildResult> {
  const child = spawn(process.execPath, ["--import", "tsx", thisFile, CHILD_FLAG, mode, path], { stdio: ["ignore", "pipe", "inherit"] });
  let out = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  const [code] = (await once(child, "exit")) as [number];
  if (code !== 0) throw new Error(`child ${mode} ${path} exited ${code}`);
  return JSON.parse(out) as ChildResult;
}

/** Writes lines from a generator in 1 MiB chunks (latin1, as the talportal writes). */
async function writeLines(path: string, lines: Iterable<string>): Promise<void> {
  const out = createWriteStream(path);
  let buffer: string[] = [];
  let size = 0;
  for (const line of lines) {
    buffer.push(line);
    size += line.length + 2;
    if (size >= 1 << 20) {
      if (!out.write(Buffer.from(buffer.join("\r\n") + "\r\n", "latin1"))) await once(out, "drain");
      buffer = [];
      size = 0;
    }
  }
  if (buffer.length > 0) out.write(Buffer.from(buffer.join("\r\n") + "\r\n", "latin1"));
  out.end();
  await once(out, "finish");
}

function* validRows(count: number, options: { subjects: number; years?: number; place?: (i: number) => string; quarters?: boolean }): Generator<string> {
  yield HEADER;
  const years = options.years ?? 12;
  for (let i = 0; i < count; i++) {
    const m = MUNICIPALITIES[i % MUNICIPALITIES.length]!;
    const subject = Math.floor(i / MUNICIPALITIES.length) % options.subjects;
    const slot = Math.floor(i / (MUNICIPALITIES.length * options.subjects));
    const year = 2013 + (options.quarters ? Math.floor(slot / 4) : slot) % years;
    const period = options.quarters ? `${(slot % 4) + 1}. kvartal ${year}` : String(year);
    const u = i % 7;
    const c = i % 3;
    const r = i % 5;
    yield `${options.place ? options.place(i) : m.name};Serviceloven;Voksne - bench-sagsemne ${subject} - § ${95 + (subject % 6)};${period};${u + c + r};${u};${c};${r};${i % 2}`;
  }
}

type Case = { readonly name: string; readonly write: (path: string) => Promise<void>; readonly ext?: string; readonly expect: "refused" | "imported" };

const CASES: readonly Case[] = [
  { name: "ét sagsemne på 1 MB", expect: "refused", write: (p) => writeLines(p, [HEADER, `Herning;Serviceloven;§ 41 ${"x".repeat(1_000_000)};2024;1;1;0;0;0`]) },
  { name: "ét felt på 50 MB", expect: "refused", write: (p) => writeLines(p, [HEADER, `Herning;Serviceloven;§ 41 ${"x".repeat(50 << 20)};2024;1;1;0;0;0`]) },
  {
    name: "ét løst citationstegn i 10.000 rækker",
    expect: "refused",
    write: (p) => writeLines(p, (function* () {
      let i = 0;
      for (const line of validRows(10_000, { subjects: 100, years: 1 })) yield i++ === 100 ? line.replace(";Serviceloven;", ';"Serviceloven;') : line;
    })()),
  },
  { name: "1 mio. rækker med 100.000 sagsemner", expect: "refused", write: (p) => writeLines(p, validRows(1_000_000, { subjects: 100_000, years: 1 })) },
  { name: "2 mio. ukendte kommunenavne", expect: "refused", write: (p) => writeLines(p, validRows(2_000_000, { subjects: 100, place: (i) => `Ukendt kommune nr. ${i}` })) },
  {
    name: "XLSX med 200.000 rækker",
    ext: "xlsx",
    expect: "imported",
    write: async (p) => {
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: p, useSharedStrings: true });
      const sheet = workbook.addWorksheet("Data");
      let first = true;
      for (const line of validRows(200_000, { subjects: 500, years: 5 })) {
        const f = line.split(";");
        sheet.addRow(first ? f : [f[0], f[1], f[2], Number(f[3]), ...f.slice(4).map(Number)]).commit();
        first = false;
      }
      await workbook.commit();
    },
  },
  { name: "200 MB gyldige kvartalsrækker (2,4 mio.)", expect: "imported", write: (p) => writeLines(p, validRows(2_450_000, { subjects: 500, years: 13, quarters: true })) },
];

export default async function run(): Promise<BenchResult> {
  const dir = mkdtempSync(join(tmpdir(), "danmarkskort-hostile-bench-"));
  const rows: string[] = [];
  let passed = true;
  try {
    for (const c of CASES) {
      const path = join(dir, `case.${c.ext ?? "csv"}`);
      await c.write(path);
      const mb = statSync(path).size / 2 ** 20;
      const hash = await runChild("hash", path);
      const analysed = await runChild("analyse", path);
      const answered = c.expect === "refused" ? analysed.errorCount > 0 : analysed.errorCount === 0 && analysed.cells > 0;
      const ok = answered && analysed.maxRssMiB < MEMORY_LIMIT_MIB;
      passed &&= ok;
      const outcome = analysed.errorCount > 0 ? `afvist: ${analysed.firstIssue.replace(/\|/g, "\\|")}` : `indlæst: ${formatInteger(analysed.cells)} årsceller`;
      rows.push(
        `| ${c.name} | ${formatDecimal(mb, 1)} | ${formatDecimal(analysed.ms / 1000, 2)} | ${formatDecimal(hash.ms / 1000, 2)} | ${formatDecimal(analysed.ms / Math.max(1, hash.ms), 1)} | ${formatDecimal(analysed.ms / Math.max(0.1, mb), 0)} | ${formatInteger(Math.round(analysed.maxRssMiB))} | ${ok ? "ja" : "**nej**"} | ${outcome} |`,
      );
      process.stdout.write(`  ${c.name}: ${Math.round(analysed.ms)} ms, ${Math.round(analysed.maxRssMiB)} MiB, ${outcome.slice(0, 100)}\n`);
      rmSync(path, { force: true });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return {
    title: "Fjendtlige filer: tid og hukommelse (issue 19)",
    passed,
    markdown: [
      "Hver fil analyseres (det, `import --dry-run` gør: læse, tolke, kontrollere, summere) i sin egen proces; peak RSS er den proces' maxrss.",
      "Grundlinje: en proces, der kun læser og hasher den samme fil (det mindste, en indlæsning må gøre).",
      "",
      "| fil | MB | analyse, s | hash, s | analyse / hash | ms pr. MB | peak RSS, MiB | besvaret, < 1 GiB | udfald |",
      "|---|---|---|---|---|---|---|---|---|",
      ...rows,
      "",
      `Krav: hver fil besvares (indlæst eller afvist med grænsen nævnt) med peak RSS under ${formatInteger(MEMORY_LIMIT_MIB)} MiB. ${passed ? "Bestået." : "**Ikke bestået.**"}`,
    ].join("\n"),
  };
}
