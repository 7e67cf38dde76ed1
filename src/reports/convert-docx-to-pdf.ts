import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { pathToFileURL } from "node:url";

/**
 * PDF from the DOCX with headless LibreOffice, so the PDF is the Word document page for page (same
 * tables, page numbers and demo footer). Chosen over HTML → Chromium because a council's agenda system
 * takes the DOCX as the original; one converter keeps the two files identical.
 */
export class PdfConverterMissingError extends Error {
  constructor(command: string) {
    super(
      `PDF kræver LibreOffice, men programmet "${command}" blev ikke fundet. Installér Debian-pakken libreoffice-writer-nogui, ` +
        `sæt DANMARKSKORT_SOFFICE til stien til soffice, eller vælg --format docx.`,
    );
  }
}

export class PdfConversionError extends Error {}

export type PdfConverterOptions = {
  /** The soffice executable; default "soffice" on PATH. */
  readonly command?: string;
  readonly timeoutMs?: number;
};

function run(command: string, args: readonly string[], timeoutMs: number): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(error.code === "ENOENT" ? new PdfConverterMissingError(command) : error);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

/**
 * Converts DOCX files to PDF in `outDir` with one LibreOffice start (a batch of 98 pays the start-up
 * once). Each call uses its own profile directory, so parallel conversions do not block each other.
 * Returns the PDF paths in the order given.
 */
export async function convertDocxFilesToPdf(docxPaths: readonly string[], outDir: string, options: PdfConverterOptions = {}): Promise<string[]> {
  if (docxPaths.length === 0) return [];
  const command = options.command ?? "soffice";
  const profile = await mkdtemp(join(tmpdir(), "danmarkskort-lo-"));
  try {
    const { code, output } = await run(
      command,
      ["--headless", "--norestore", "--nologo", `-env:UserInstallation=${pathToFileURL(profile).href}`, "--convert-to", "pdf", "--outdir", outDir, ...docxPaths],
      options.timeoutMs ?? 60_000 + 5_000 * docxPaths.length,
    );
    const pdfs = docxPaths.map((p) => join(outDir, basename(p).replace(/\.docx$/i, ".pdf")));
    const missing: string[] = [];
    for (const pdf of pdfs) {
      try {
        await readFile(pdf, { flag: "r" }).then((b) => {
          if (b.length === 0) missing.push(pdf);
        });
      } catch {
        missing.push(pdf);
      }
    }
    if (code !== 0 || missing.length > 0) {
      throw new PdfConversionError(`LibreOffice kunne ikke lave PDF af ${missing.map((m) => basename(m)).join(", ") || "dokumentet"} (afslutningskode ${code}). ${output.trim()}`);
    }
    return pdfs;
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
}

/** One DOCX in memory to one PDF in memory (the web route). */
export async function convertDocxToPdf(docx: Uint8Array, fileBaseName: string, options: PdfConverterOptions = {}): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), "danmarkskort-pdf-"));
  try {
    const docxPath = join(dir, `${fileBaseName}.docx`);
    await writeFile(docxPath, docx);
    const [pdf] = await convertDocxFilesToPdf([docxPath], dir, options);
    return await readFile(pdf!);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
