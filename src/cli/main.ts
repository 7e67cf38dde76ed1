import { Command, CommanderError } from "commander";
import { registerServe } from "./commands/serve.js";
import { registerRates } from "./commands/rates.js";
import { registerImport } from "./commands/import.js";
import { registerDatasets } from "./commands/datasets.js";
import { registerDemo } from "./commands/demo.js";
import { registerReport } from "./commands/report.js";
import { registerComment } from "./commands/comment.js";
import { UserError } from "./user-error.js";

/** Each command module registers itself; adding a command means adding one line here. */
const COMMANDS: ReadonlyArray<(program: Command) => void> = [registerServe, registerImport, registerDatasets, registerDemo, registerRates, registerReport, registerComment];

export function buildProgram(): Command {
  const program = new Command("danmarkskort")
    .description("Danmarkskort over omgørelsesprocenter: Ankestyrelsens klagestatistik for landets 98 kommuner")
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(text) })
    .showHelpAfterError("(brug --help for at se mulighederne)");
  program.helpCommand("help [kommando]", "vis hjælp til en kommando");
  program.helpOption("-h, --help", "vis hjælp");
  for (const register of COMMANDS) register(program);
  return program;
}

export async function main(argv: readonly string[]): Promise<number> {
  try {
    await buildProgram().parseAsync([...argv], { from: "user" });
    return process.exitCode === undefined ? 0 : Number(process.exitCode);
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (error instanceof UserError) {
      process.stderr.write(`Fejl: ${error.message}\n`);
      return error.exitCode;
    }
    process.stderr.write(`Uventet fejl: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 70;
  }
}

// Run when executed directly (tsx src/cli/main.ts, bin/danmarkskort.mjs), not when imported by tests.
if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const code = await main(process.argv.slice(2));
  // The server keeps the event loop alive on purpose; every other command ends here.
  if (code !== 0 || !process.argv.includes("serve")) process.exit(code);
}
