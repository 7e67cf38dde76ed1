import { Command, CommanderError } from "commander";
import { registerServe } from "./commands/serve.js";
import { registerRates } from "./commands/rates.js";
import { registerImport } from "./commands/import.js";
import { registerDatasets } from "./commands/datasets.js";
import { registerDemo } from "./commands/demo.js";
import { registerReport } from "./commands/report.js";
import { registerComment } from "./commands/comment.js";
import { registerContext, registerFetchStatbank } from "./commands/statbank.js";
import { registerUsers } from "./commands/users.js";
import { registerAuditTrail } from "./commands/audit-trail.js";
import { registerKnowledge } from "./commands/knowledge.js";
import { registerMinutes } from "./commands/minutes.js";
import { registerTreatment } from "./commands/treatment.js";
import { registerBackup } from "./commands/backup.js";
import { registerExportSite } from "./commands/export-site.js";
import { UserError } from "./user-error.js";
import { safeForTerminal } from "./terminal-text.js";
import { UserFacingError } from "../app/user-facing-error.js";
import { applyDanishHelp } from "./danish-help.js";
import { DataDirLockedError } from "../storage/data-dir-lock.js";
import { DatabaseOpenError, DatabaseUnavailableError } from "../storage/database.js";
import { ConfigError, type Config } from "../config/parse-config.js";
import { readProcessConfig } from "../config/read-process-config.js";
import { cliContextOf, type CliContext, type ServerDoors } from "./cli-context.js";

/** Each command module registers itself; adding a command means adding one line here. */
const COMMANDS: ReadonlyArray<(program: Command, cli: CliContext) => void> = [registerServe, registerImport, registerDatasets, registerDemo, registerRates, registerReport, registerComment, registerFetchStatbank, registerContext, registerUsers, registerAuditTrail, registerKnowledge, registerMinutes, registerTreatment, registerBackup, registerExportSite];

export function buildProgram(cli: CliContext): Command {
  const program = new Command("danmarkskort")
    .description("Danmarkskort over omgørelsesprocenter: Ankestyrelsens klagestatistik for landets 98 kommuner")
    .exitOverride()
    // A subcommand's options belong to it: "datasets diff 1 2 --format json" is diff's --format, not the listing's.
    .enablePositionalOptions()
    .configureOutput({ outputError: (text, write) => write(text) })
    .showHelpAfterError("(brug --help for at se mulighederne)");
  program.helpCommand("help [kommando]", "vis hjælp til en kommando");
  program.helpOption("-h, --help", "vis hjælp");
  for (const register of COMMANDS) register(program, cli);
  applyDanishHelp(program);
  return program;
}

/**
 * Runs one command and answers its exit code. `server` comes from the composition root (src/main.ts, the
 * program's entry point), so the CLI reaches the server only through what it is given.
 */
export async function main(argv: readonly string[], server: ServerDoors): Promise<number> {
  // The environment is read once, here, before any command runs: a bad value or a mistyped DANMARKSKORT_*
  // variable stops the start with its name and what is allowed, rather than surfacing halfway through a command.
  let config: Config;
  try {
    config = readProcessConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`Fejl: ${error.message}\n`);
    return 1;
  }
  try {
    await buildProgram(cliContextOf(config, server)).parseAsync([...argv], { from: "user" });
    return process.exitCode === undefined ? 0 : Number(process.exitCode);
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (error instanceof UserError) {
      process.stderr.write(`Fejl: ${error.message}\n`);
      return error.exitCode;
    }
    // A use case's refusal or a rejected option (src/app), said the same at every door. The message quotes
    // what was typed, so control characters in it are made visible rather than sent to the terminal.
    if (error instanceof UserFacingError) {
      process.stderr.write(`Fejl: ${safeForTerminal(error.messageDa)}\n`);
      return 1;
    }
    // The database's own conditions a person resolves (another process holds the data dir, the server is
    // unreachable, the data dir is damaged): a Danish sentence, no stack trace.
    if (error instanceof DataDirLockedError || error instanceof DatabaseOpenError || error instanceof DatabaseUnavailableError) {
      process.stderr.write(`Fejl: ${error.message}\n`);
      return 1;
    }
    // A defect in the program, not in the input: the details (English, from the runtime) only on request.
    const details = config.debug && error instanceof Error ? `\n${error.stack ?? error.message}` : "";
    process.stderr.write(
      `Uventet fejl: programmet stødte på en fejl, det ikke kan håndtere (en programfejl, ikke en fejl i dine data). Intet halvt er gemt. Kør igen med DANMARKSKORT_DEBUG=1 for at se detaljerne.${details}\n`,
    );
    return 70;
  }
}
