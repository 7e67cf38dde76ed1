import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { checkExportLinks } from "./check-links.js";

let root: string | null = null;
function site(files: Record<string, string>): string {
  root = mkdtempSync(join(tmpdir(), "eksport-links-"));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  }
  return root;
}
afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
  root = null;
});

describe("checkExportLinks", () => {
  it("finds no broken link where every relative link leads to a file", () => {
    const dir = site({
      "index.html": `<a href="kort/a.html#x">a</a><a href="#top">top</a><a href="https://ast.dk/">ast</a><link href="assets/app.css"><img src="data:image/png;base64,AA">`,
      "kort/a.html": `<a href="../index.html">forside</a><button data-png-src="k_aar-2024.svg">PNG</button>`,
      "kort/k_aar-2024.svg": "<svg/>",
      "assets/app.css": `@font-face { src: url("fonts/x.woff?#iefix") } a { background: url(data:image/svg+xml;base64,AA) }`,
      "assets/fonts/x.woff": "x",
    });
    expect(checkExportLinks(dir)).toEqual({ files: 5, links: 5, broken: [] });
  });

  it("finds a link to a missing file, a root-relative link, a link out of the folder and a missing font", () => {
    const dir = site({
      "index.html": `<a href="kort/mangler.html">x</a><a href="/kort">y</a><a href="../udenfor.html">z</a>`,
      "assets/app.css": `@font-face { src: url(../fonts/mangler.woff) }`,
    });
    const check = checkExportLinks(dir);
    expect(check.broken.map((b) => [b.file, b.href])).toEqual([
      ["assets/app.css", "../fonts/mangler.woff"],
      ["index.html", "kort/mangler.html"],
      ["index.html", "/kort"],
      ["index.html", "../udenfor.html"],
    ]);
    expect(check.broken.every((b) => b.whyDa.length > 0)).toBe(true);
  });

  it("reads HTML as a browser does: a link in any attribute spelling counts, one in a comment or a script's text does not", () => {
    const dir = site({
      "index.html": `<A HREF='kort/mangler.html'>x</A><img src=billede.png><a href="a.html?x=1&amp;y=2">a</a><!-- <a href="gammel.html">gammel</a> --><script>const s = ' href="ingen.html"';</script>`,
      "a.html": "",
    });
    const check = checkExportLinks(dir);
    expect(check.broken.map((b) => b.href)).toEqual(["kort/mangler.html", "billede.png"]);
    expect(check.links).toBe(3);
  });
});
