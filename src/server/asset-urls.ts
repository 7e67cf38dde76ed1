import { readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The hashed addresses of what scripts/build-client.mjs built (public/build/manifest.json): pages link
 * "/assets/build/map-page.js" and get "/assets/build/map-page-EDN3K3VQ.js", whose content never changes
 * under that name, so browsers may keep it for a year (issue 17). Read once per process: the build runs
 * before the server starts (`npm start`, `npm test`) and never while it runs.
 */
export const BUILD_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "public", "build");

/** The one stylesheet of every page: the design system with its split typeface, then app.css. */
export const SITE_STYLESHEET = "/assets/build/site.css";

/**
 * The faces every page sets its text in (body, semibold headings and labels, bold figures), in their Latin 1
 * split. Preloaded, they arrive with the stylesheet instead of after it, so the text is not drawn first in a
 * fallback font and then moved when the font comes (that shift was most of the pages' CLS of 0,45 on Fast 3G).
 */
const PRELOADED_FONTS = ["IBMPlexSans-Regular-Latin1.woff2", "IBMPlexSans-SemiBold-Latin1.woff2", "IBMPlexSans-Bold-Latin1.woff2"];

/** The hashed addresses of the fonts to preload; none before a build (there is nothing to preload then). */
export function preloadedFontUrls(): readonly string[] {
  return PRELOADED_FONTS.flatMap((name) => builtAddresses().get(name) ?? []);
}

/** A built file's name carries esbuild's content hash: "map-page-EDN3K3VQ.js", "IBMPlexSans-Bold-Latin1-KL3TIDPW.woff2". */
export function isHashedBuildFile(path: string): boolean {
  return /-[A-Z0-9]{8}\.[a-z0-9]+(\.map)?(\.br|\.gz)?$/.test(basename(path));
}

let manifest: ReadonlyMap<string, string> | undefined;

function builtAddresses(): ReadonlyMap<string, string> {
  if (manifest === undefined) {
    try {
      const entries = JSON.parse(readFileSync(join(BUILD_DIR, "manifest.json"), "utf8")) as Record<string, string>;
      manifest = new Map(Object.entries(entries));
    } catch {
      // Not built (a checkout where only `npm run cli` ran): the plain address, which 404s as it did before
      // the build existed; `npm start` always builds first.
      manifest = new Map();
    }
  }
  return manifest;
}

/** The hashed address of a built entry ("/assets/build/map-page.js"); any other address as it is. */
export function assetUrl(plain: string): string {
  if (!plain.startsWith("/assets/build/")) return plain;
  return builtAddresses().get(basename(plain)) ?? plain;
}
