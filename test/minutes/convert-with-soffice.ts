import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

/**
 * Converts HTML files with headless LibreOffice, one start for all of them, with its own profile so parallel
 * runs do not block each other. `pdf` goes through Writer/Web's PDF export, `docx` imports the HTML into Writer
 * first (the HTML filter of Writer/Web has no DOCX export).
 */
export async function convertHtmlWithSoffice(htmlPaths: readonly string[], outDir: string, to: "pdf" | "docx"): Promise<void> {
  const profile = await mkdtemp(join(tmpdir(), "danmarkskort-minutes-lo-"));
  try {
    const filter = to === "pdf" ? ["--convert-to", "pdf"] : ["--infilter=HTML (StarWriter)", "--convert-to", "docx:MS Word 2007 XML"];
    const child = spawn("soffice", ["--headless", "--norestore", "--nologo", `-env:UserInstallation=${pathToFileURL(profile).href}`, ...filter, "--outdir", outDir, ...htmlPaths], { stdio: "ignore" });
    const [code] = (await once(child, "exit")) as [number];
    if (code !== 0) throw new Error(`soffice --convert-to ${to} exited ${code}`);
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
}
