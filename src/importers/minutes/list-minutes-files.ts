import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";

/** The extensions a folder's minutes are taken by; a file named on the command line is read whatever its name. */
export const MINUTES_EXTENSIONS = [".txt", ".text", ".htm", ".html", ".xhtml", ".pdf", ".docx"] as const;

/**
 * The files to read: each path as given, and for a folder its minutes files (by extension, sorted by name,
 * subfolders included). A path that does not exist is kept, so its reader reports it in Danish and the
 * others go on.
 */
export async function listMinutesFiles(paths: readonly string[]): Promise<{ readonly files: readonly string[]; readonly hadFolder: boolean }> {
  const files: string[] = [];
  let hadFolder = false;
  for (const path of paths) {
    let isDirectory = false;
    try {
      isDirectory = (await stat(path)).isDirectory();
    } catch {
      files.push(path);
      continue;
    }
    if (!isDirectory) {
      files.push(path);
      continue;
    }
    hadFolder = true;
    const entries = await readdir(path, { recursive: true, withFileTypes: true });
    const found = entries
      .filter((e) => e.isFile() && MINUTES_EXTENSIONS.some((ext) => e.name.toLowerCase().endsWith(ext)))
      .map((e) => join(e.parentPath ?? path, e.name))
      .sort((a, b) => a.localeCompare(b, "da"));
    files.push(...found);
  }
  return { files, hadFolder };
}
