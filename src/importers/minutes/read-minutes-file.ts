import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import iconv from "iconv-lite";
import mammoth from "mammoth";
import { fileSystemMessageDa } from "../file-system-message.js";
import { quoteForMessage } from "../quote-for-message.js";
import { htmlToText } from "./html-to-text.js";
import { MinutesReadError } from "./minutes-read-error.js";

export { MinutesReadError };

/**
 * One reader per document form, each turning a file into the plain text the extraction reads
 * (extract-minutes.ts):
 * - text: UTF-8 (with or without BOM), else Windows-1252/latin1 as older agenda systems write;
 * - HTML: html-to-text.ts (tables as tab-separated rows);
 * - PDF: the text layer through poppler's `pdftotext -layout`, which keeps a table row on one line with its
 *   columns apart; a scanned PDF without a text layer is refused, not read as empty;
 * - DOCX: mammoth's HTML (it keeps tables and numbered lists, which its raw-text mode loses), then as HTML.
 * The form is found from the file's first bytes, the extension only deciding between text and HTML.
 */
export type MinutesForm = "text" | "html" | "pdf" | "docx";

export const MINUTES_FORM_NAMES_DA: Readonly<Record<MinutesForm, string>> = { text: "tekst", html: "HTML", pdf: "PDF", docx: "DOCX" };

export type MinutesFileText = { readonly form: MinutesForm; readonly text: string };

export function detectMinutesForm(bytes: Uint8Array, fileName: string): MinutesForm {
  const head = Buffer.from(bytes.subarray(0, 1024));
  if (head.subarray(0, 5).toString("latin1") === "%PDF-") return "pdf";
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return "docx";
  const ext = extname(fileName).toLowerCase();
  if (ext === ".html" || ext === ".htm" || ext === ".xhtml") return "html";
  const start = head.toString("utf8").replace(/^\uFEFF/, "").trimStart().slice(0, 200).toLowerCase();
  if (start.startsWith("<!doctype html") || start.startsWith("<html") || /^<\?xml[^>]*>\s*<html/.test(start)) return "html";
  return "text";
}

/** Line ends to "\n", no-break spaces to spaces, soft hyphens and zero-width characters out: offsets are then stable. */
export function normaliseMinutesText(text: string): string {
  return text
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .replace(/\f/g, "\n")
    .replace(/[\u00a0\u2007\u202f]/g, " ")
    .replace(/\u00ad|\u200b|\u200c|\u200d|\u2060/g, "");
}

export function decodeTextBytes(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return iconv.decode(Buffer.from(bytes), "win1252");
  }
}

/** pdftotext reads the PDF from its standard input, so bytes from an upload need no temporary file. */
function runPdfToText(bytes: Uint8Array, name: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn("pdftotext", ["-layout", "-enc", "UTF-8", "-q", "-", "-"], { stdio: ["pipe", "pipe", "pipe"] });
    // A PDF pdftotext gives up on closes the pipe early; that is its exit code's story, not an error here.
    child.stdin.on("error", () => {});
    child.stdin.end(bytes);
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (d: Buffer) => out.push(d));
    child.stderr.on("data", (d: Buffer) => err.push(d));
    child.on("error", (e: NodeJS.ErrnoException) =>
      reject(new MinutesReadError(e.code === "ENOENT" ? "PDF kan ikke læses: programmet pdftotext (poppler-utils) er ikke installeret." : `PDF kan ikke læses: pdftotext kunne ikke startes (${e.message}).`)),
    );
    child.on("close", (code) => {
      if (code === 0) resolve(Buffer.concat(out).toString("utf8"));
      else reject(new MinutesReadError(`Filen ${quoteForMessage(name)} kan ikke læses som PDF (den er beskadiget eller krypteret${err.length ? `: ${Buffer.concat(err).toString("utf8").trim().slice(0, 160)}` : ""}).`));
    });
  });
}

async function readDocx(bytes: Uint8Array, name: string): Promise<string> {
  try {
    const result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
    return htmlToText(result.value);
  } catch {
    throw new MinutesReadError(`Filen ${quoteForMessage(name)} kan ikke læses som DOCX (den er ikke et Word-dokument, eller den er beskadiget).`);
  }
}

export async function readMinutesFile(path: string): Promise<MinutesFileText> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new MinutesReadError(fileSystemMessageDa(error, path));
  }
  return readMinutesBytes(bytes, path);
}

/** The same readers over bytes already in memory (an upload, a downloaded URL); `name` is for the form and the messages. */
export async function readMinutesBytes(bytes: Uint8Array, name: string): Promise<MinutesFileText> {
  if (bytes.length === 0) throw new MinutesReadError(`Filen ${quoteForMessage(name)} er tom.`);
  const form = detectMinutesForm(bytes, name);
  let text: string;
  switch (form) {
    case "pdf":
      text = await runPdfToText(bytes, name);
      if (text.replace(/\s/g, "") === "") throw new MinutesReadError(`PDF-filen ${quoteForMessage(name)} har intet tekstlag (den er formentlig scannet); den kan ikke læses uden tekstgenkendelse.`, "no-text-layer");
      break;
    case "docx":
      text = await readDocx(bytes, name);
      break;
    case "html":
      text = htmlToText(decodeTextBytes(bytes));
      break;
    case "text":
      text = decodeTextBytes(bytes);
      if (text.includes("\u0000")) throw new MinutesReadError(`Filen ${quoteForMessage(name)} er ikke tekst, HTML, PDF eller DOCX og kan ikke læses som et referat.`);
      break;
  }
  return { form, text: normaliseMinutesText(text) };
}
