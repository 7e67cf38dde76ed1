#!/usr/bin/env node
// The installed command: runs the TypeScript CLI through tsx, so the checkout needs no build step.
import { register } from "tsx/esm/api";
import { fileURLToPath } from "node:url";

register();
const { main } = await import(fileURLToPath(new URL("../src/cli/main.ts", import.meta.url)));
process.exitCode = await main(process.argv.slice(2));
if (!process.argv.includes("serve")) process.exit(process.exitCode);
