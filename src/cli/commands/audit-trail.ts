import type { Command } from "commander";
import { auditActionNameDa, CHANNEL_NAMES_DA } from "../../app/audit/audit-action-names.js";
import { listAuditTrail } from "../../app/audit/list-audit-trail.js";
import { OPERATOR } from "../../app/caller.js";
import { formatDateTimeDa } from "../../domain/format-danish-date.js";
import { parseMunicipality } from "../../app/params.js";
import { safeForTerminal } from "../terminal-text.js";
import { UserError } from "../user-error.js";
import type { CliContext } from "../cli-context.js";

/** `danmarkskort revisionsspor`: the audit trail, newest first, filtered by municipality and user. */
export function registerAuditTrail(program: Command, cli: CliContext): void {
  program
    .command("revisionsspor")
    .description("vis revisionssporet (hvem ændrede hvad, hvornår, før og efter), nyeste først")
    .option("--kommune <kommune>", "kun ændringer af en kommunes materiale (kode eller navn)")
    .option("--bruger <e-mail>", "kun ændringer foretaget af brugeren")
    .option("--antal <n>", "højst så mange ændringer", "100")
    .option("--format <format>", "text eller json", "text")
    .action(async (options: { kommune?: string; bruger?: string; antal: string; format: string }) => {
      if (options.format !== "text" && options.format !== "json") throw new UserError(`--format skal være text eller json, ikke "${options.format}".`);
      if (!/^\d{1,5}$/.test(options.antal) || Number(options.antal) < 1) throw new UserError(`--antal skal være et helt tal fra 1, ikke "${options.antal}".`);
      const municipalityCode = options.kommune === undefined ? null : parseMunicipality(options.kommune, "--kommune").code;
      const result = await cli.withDatabase((db) => listAuditTrail({ db }, OPERATOR, { municipalityCode, userEmail: options.bruger ?? null, limit: Number(options.antal) }));
      if (result.kind === "refused") throw new UserError(result.messageDa);
      if (options.format === "json") {
        process.stdout.write(`${JSON.stringify(result.events, null, 2)}\n`);
        return;
      }
      if (result.events.length === 0) process.stdout.write("Ingen ændringer passer til valget.\n");
      for (const e of result.events) {
        // The subject and the states hold what users typed (token names, comments): no terminal escape codes through.
        process.stdout.write(
          safeForTerminal(`${formatDateTimeDa(e.at)}  ${e.actorLabel} (${e.actorRole}, ${CHANNEL_NAMES_DA[e.channel]})  ${auditActionNameDa(e.action)}: ${e.subject}`) +
            `\n  før:   ${safeForTerminal(JSON.stringify(e.before))}\n  efter: ${safeForTerminal(JSON.stringify(e.after))}\n`,
        );
      }
    });
}
