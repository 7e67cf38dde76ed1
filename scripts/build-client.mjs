// Bundles the browser code (src/client/*.ts entry points) into public/build/ with esbuild.
// Run by `npm start` and `npm test`; the output is generated and not committed.
import { build } from "esbuild";
import { existsSync, readdirSync } from "node:fs";

const entries = existsSync("src/client")
  ? readdirSync("src/client").filter((f) => f.endsWith("-page.ts")).map((f) => `src/client/${f}`)
  : [];
if (entries.length > 0) {
  await build({
    entryPoints: entries,
    outdir: "public/build",
    bundle: true,
    format: "esm",
    minify: true,
    sourcemap: true,
    target: "es2022",
    logLevel: "warning",
  });
}
