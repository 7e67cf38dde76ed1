import { posix } from "node:path";

/**
 * Where each address of the site lives in a static export, and how one exported file links to another.
 * Pure: an address (path and query, as the server answers it) and its content type in, a relative file
 * path out. A static server or a CDN ignores query strings, so the query becomes part of the file name.
 */

const ORIGIN = "http://eksport.invalid";

/** The address with its parameters sorted and empty ones dropped, so two links to one answer are one file. */
export function normalizeUrl(url: string): string {
  const parsed = new URL(url, ORIGIN);
  const params = [...parsed.searchParams].filter(([, v]) => v !== "").sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = new URLSearchParams(params).toString();
  return `${parsed.pathname}${query ? `?${query}` : ""}`;
}

/** A name part safe on every file system and web server: ASCII letters, digits, dot and hyphen; anything else as ~XX. */
function safePart(text: string): string {
  return [...new TextEncoder().encode(text)].map((b) => (/[A-Za-z0-9.-]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `~${b.toString(16).toUpperCase().padStart(2, "0")}`)).join("");
}

const EXTENSION_BY_TYPE: readonly (readonly [RegExp, string])[] = [
  [/^text\/html/, ".html"],
  [/json/, ".json"],
  [/^text\/csv/, ".csv"],
  [/spreadsheetml/, ".xlsx"],
  [/wordprocessingml/, ".docx"],
  [/^image\/svg/, ".svg"],
  [/^image\/png/, ".png"],
  [/^application\/pdf/, ".pdf"],
  [/^text\/markdown/, ".md"],
  [/^text\/css/, ".css"],
  [/javascript/, ".js"],
  [/^text\/plain/, ".txt"],
];

function extensionFor(contentType: string): string {
  return EXTENSION_BY_TYPE.find(([pattern]) => pattern.test(contentType))?.[1] ?? ".bin";
}

/**
 * The export's file for an address: `/` → index.html, `/kommuner` → kommuner/index.html,
 * `/kommuner/0657?aar=2024` → kommuner/0657/aar-2024.html, `/kort/tabel.csv?aar=2024&kort=x` →
 * kort/tabel_aar-2024_kort-x.csv, `/api/v1/maps` → api/v1/maps.json. A page lives in its address's folder,
 * a file beside it, so `/kort` (a folder) and `/kort/tabel.csv` (a file in it) never collide.
 */
export function filePathFor(url: string, contentType: string): string {
  const normal = new URL(normalizeUrl(url), ORIGIN);
  const segments = normal.pathname
    .split("/")
    .filter((s) => s !== "")
    .map((s) => safePart(decodeURIComponent(s)));
  const slug = [...normal.searchParams].map(([k, v]) => `${safePart(k)}-${safePart(v)}`).join("_");
  const isHtml = /^text\/html/.test(contentType);
  const last = segments.at(-1);
  if (last === undefined) return slug ? `index_${slug}.html` : "index.html";
  const dir = segments.slice(0, -1);
  const ext = /\.[A-Za-z0-9]{1,5}$/.exec(last)?.[0];
  if (ext) return posix.join(...dir, slug ? `${last.slice(0, -ext.length)}_${slug}${ext}` : last);
  if (isHtml) return posix.join(...segments, slug ? `${slug}.html` : "index.html");
  return posix.join(...dir, `${last}${slug ? `_${slug}` : ""}${extensionFor(contentType)}`);
}

/** The link from one exported file to another, relative, with the original fragment kept. */
export function relativeHref(fromFile: string, toFile: string, fragment = ""): string {
  const relative = posix.relative(posix.dirname(fromFile), toFile);
  return `${relative === "" ? posix.basename(toFile) : relative}${fragment}`;
}
