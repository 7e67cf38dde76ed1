// Builds what the browser loads into public/build/, each file named by its content hash so the server can
// let browsers keep it for a year (issue 17): the page scripts (src/client/*-page.ts), one stylesheet
// (the design system, its typeface split by script, our app.css) and the fonts and images that stylesheet
// uses. public/build/manifest.json maps each entry's plain name to its hashed address; the pages read it.
// Run by `npm start` and `npm test`; the output is generated and not committed.
import { build } from "esbuild";
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { basename, dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { withSplitFontFaces } from "./font-faces.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const outdir = join(root, "public", "build");
const dkfdsCss = join(root, "node_modules", "dkfds", "dist", "css", "dkfds.min.css");
const fontsDir = join(root, "node_modules", "dkfds", "dist", "fonts", "IBMPlexSans");

/** dkfds's stylesheet with the split font faces, read where it lies so its url(../img/…) resolve as before. */
const splitFonts = {
  name: "split-fonts",
  setup(b) {
    b.onLoad({ filter: /dkfds\.min\.css$/ }, () => ({
      contents: withSplitFontFaces(readFileSync(dkfdsCss, "utf8"), fontsDir, relative(dirname(dkfdsCss), fontsDir)),
      loader: "css",
      resolveDir: dirname(dkfdsCss),
    }));
  },
};

rmSync(outdir, { recursive: true, force: true });
const scripts = existsSync(join(root, "src/client"))
  ? readdirSync(join(root, "src/client"))
      .filter((f) => f.endsWith("-page.ts"))
      .map((f) => join(root, "src/client", f))
  : [];
const result = await build({
  entryPoints: [...scripts, { in: join(root, "scripts", "site.css"), out: "site" }],
  outdir,
  entryNames: "[name]-[hash]",
  assetNames: "[name]-[hash]",
  bundle: true,
  format: "esm",
  minify: true,
  sourcemap: true,
  target: "es2022",
  loader: { ".woff2": "file", ".woff": "file", ".svg": "file", ".png": "file" },
  plugins: [splitFonts],
  metafile: true,
  logLevel: "warning",
  absWorkingDir: root,
});

// Entries by their plain name ("map-page.js"), fonts by their source file's name, so the page frame can
// preload the faces a page needs before the stylesheet names them.
const manifest = {};
for (const [output, meta] of Object.entries(result.metafile.outputs)) {
  const inputs = Object.keys(meta.inputs);
  if (meta.entryPoint) manifest[basename(output).replace(/-[A-Z0-9]{8}(\.(js|css))$/, "$1")] = `/assets/build/${basename(output)}`;
  else if (output.endsWith(".woff2") && inputs.length === 1) manifest[basename(inputs[0])] = `/assets/build/${basename(output)}`;
}
writeFileSync(join(outdir, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);

// Compressed once here rather than on every request: site.css is 230 KB, 25 KB as brotli.
for (const output of Object.keys(result.metafile.outputs).filter((o) => /\.(js|css|svg)$/.test(o))) {
  const bytes = readFileSync(join(root, output));
  writeFileSync(join(root, `${output}.br`), brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  writeFileSync(join(root, `${output}.gz`), gzipSync(bytes, { level: 9 }));
}
