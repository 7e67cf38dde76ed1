import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, posix, relative, sep } from "node:path";
import { listLinks } from "./rewrite-html.js";

export type BrokenLink = { readonly file: string; readonly href: string; readonly whyDa: string };
export type LinkCheck = { readonly files: number; readonly links: number; readonly broken: readonly BrokenLink[] };

function listFiles(root: string, dir = root): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    return entry.isDirectory() ? listFiles(root, full) : [relative(root, full).split(sep).join("/")];
  });
}

/** The links a file holds: href, src, action and data-png-src in HTML, url(…) in CSS. */
function linksOf(file: string, text: string): string[] {
  if (file.endsWith(".css")) return [...text.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)].map((m) => m[1]!);
  return listLinks(text);
}

/**
 * Checks an exported site on disk: every relative link in its HTML and CSS files leads to a file of the
 * export. A root-relative link (`/kort`) is broken too: on a CDN under a sub-path, or opened from disk, it
 * leads out of the export. Links to other sites, fragments and data: addresses are not followed.
 */
export function checkExportLinks(root: string): LinkCheck {
  const files = listFiles(root);
  const broken: BrokenLink[] = [];
  let links = 0;
  for (const file of files.filter((f) => f.endsWith(".html") || f.endsWith(".css"))) {
    for (const href of linksOf(file, readFileSync(join(root, file), "utf8"))) {
      if (href === "" || href.startsWith("#") || /^[a-z][a-z0-9+.-]*:/i.test(href)) continue;
      links += 1;
      if (href.startsWith("/")) {
        broken.push({ file, href, whyDa: "adressen begynder med / og fører ud af eksporten" });
        continue;
      }
      const path = decodeURIComponent(href.replace(/[?#].*$/, ""));
      const target = posix.normalize(posix.join(posix.dirname(file), path));
      if (target.startsWith("../")) {
        broken.push({ file, href, whyDa: "linket fører uden for eksportens mappe" });
        continue;
      }
      const full = join(root, target);
      if (!existsSync(full) || !statSync(full).isFile()) broken.push({ file, href, whyDa: `filen ${target} findes ikke` });
    }
  }
  return { files: files.length, links, broken };
}
