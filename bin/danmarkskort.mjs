#!/usr/bin/env node
// The installed command: runs the TypeScript CLI through tsx, so the checkout needs no build step.
import { register } from "tsx/esm/api";
import { fileURLToPath } from "node:url";

register();
const { main } = await import(fileURLToPath(new URL("../src/main.ts", import.meta.url)));
const { endQuietlyWhenReaderCloses, exitAfterOutput } = await import(fileURLToPath(new URL("../src/cli/exit-after-output.ts", import.meta.url)));
endQuietlyWhenReaderCloses();
process.exitCode = await main(process.argv.slice(2));
// Only once stdout has reached a pipe whole: a plain process.exit() cut piped output at 65.536 bytes.
if (!process.argv.includes("serve")) await exitAfterOutput(process.exitCode);
