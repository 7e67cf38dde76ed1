import type { Command } from "commander";
import { issueApiTokenForUser } from "../../app/accounts/api-tokens.js";
import { createUserAccount, listUserAccounts, setUserAccountDisabled } from "../../app/accounts/manage-users.js";
import { OPERATOR } from "../../app/caller.js";
import type { Refusal } from "../../app/use-case-result.js";
import { describeRoleDa } from "../../domain/access-policy.js";
import { formatDateTimeDa } from "../../domain/format-danish-date.js";
import { PasswordMismatchError, readPasswordFromStdin } from "../read-secret.js";
import { safeForTerminal } from "../terminal-text.js";
import { UserError } from "../user-error.js";
import { cliAccountDeps } from "./cli-account-deps.js";
import type { CliContext } from "../cli-context.js";

function orFail<T extends { kind: string }>(result: T | Refusal): T {
  if (result.kind === "refused") throw new UserError((result as Refusal).messageDa);
  return result as T;
}

/**
 * `danmarkskort bruger …`: the operator's account commands on the server. `opret` makes the first
 * administrator (and any other account); the password comes from standard input, never from an argument.
 * `token` issues an API token for a user and prints it once.
 */
export function registerUsers(program: Command, cli: CliContext): void {
  const users = program.command("bruger").description("opret brugere, giv API-nøgler og list brugerne (operatørens kommandoer)");

  users
    .command("opret")
    .description("opret en bruger; adgangskoden læses fra standard input (fx echo … | danmarkskort bruger opret …), aldrig fra et argument")
    .requiredOption("--email <e-mail>", "brugerens e-mailadresse")
    .requiredOption("--rolle <rolle>", "admin, tilsyn, redaktoer eller laeser")
    .option("--kommune <kode>", "kommunekoden for redaktoer og laeser, fx 0657")
    .option("--uden-adgangskode", "ingen adgangskode: brugeren logger kun ind gennem OpenID Connect")
    .action(async (options: { email: string; rolle: string; kommune?: string; udenAdgangskode?: boolean }) => {
      let password: string | null = null;
      if (!options.udenAdgangskode) {
        try {
          password = await readPasswordFromStdin();
        } catch (error) {
          if (error instanceof PasswordMismatchError) throw new UserError(error.message);
          throw error;
        }
        if (password === "") throw new UserError("Ingen adgangskode på standard input. Skriv den, eller send den ind: printf '%s\\n' \"$ADGANGSKODE\" | danmarkskort bruger opret …");
      }
      const created = await cli.withDatabase(async (db, where) => ({
        result: orFail(await createUserAccount(cliAccountDeps(db), OPERATOR, { email: options.email, role: { kind: options.rolle, municipalityCode: options.kommune ?? null }, password })),
        where,
      }));
      process.stdout.write(`Brugeren ${created.result.user.email} er oprettet som ${describeRoleDa(created.result.user.role)} i ${created.where}.\n`);
    });

  users
    .command("token")
    .description("lav en API-nøgle til en bruger; nøglen skrives én gang og gemmes kun som fingeraftryk")
    .requiredOption("--email <e-mail>", "brugerens e-mailadresse")
    .option("--navn <navn>", "hvad nøglen bruges til", "kommandolinjen")
    .option("--dage <antal>", "levetid i dage (standard 90, højst 366)")
    .action(async (options: { email: string; navn: string; dage?: string }) => {
      const issued = await cli.withDatabase(async (db) => orFail(await issueApiTokenForUser(cliAccountDeps(db), OPERATOR, { email: options.email, name: options.navn, days: options.dage ?? null })));
      process.stderr.write(`API-nøgle "${safeForTerminal(issued.token.name)}" til ${options.email.trim().toLowerCase()}, gyldig til ${formatDateTimeDa(issued.token.expiresAt)}. Den vises kun nu:\n`);
      process.stdout.write(`${issued.secret}\n`);
    });

  users
    .command("liste")
    .description("list brugerne med rolle og status")
    .action(async () => {
      const listed = await cli.withDatabase(async (db) => orFail(await listUserAccounts(cliAccountDeps(db), OPERATOR)));
      if (listed.users.length === 0) process.stdout.write("Der er ingen brugere. Opret den første administrator med: danmarkskort bruger opret --email … --rolle admin\n");
      for (const u of listed.users) process.stdout.write(`${safeForTerminal(u.email)}\t${describeRoleDa(u.role)}\t${u.oidc ? "OpenID Connect" : "adgangskode"}\t${u.disabledAt ? "spærret" : "aktiv"}\n`);
    });

  for (const [name, disabled] of [["spaer", true], ["genaabn", false]] as const) {
    users
      .command(name)
      .description(disabled ? "spær en bruger og log alle brugerens sessioner ud" : "genåbn en spærret bruger")
      .requiredOption("--email <e-mail>", "brugerens e-mailadresse")
      .action(async (options: { email: string }) => {
        const updated = await cli.withDatabase(async (db) => orFail(await setUserAccountDisabled(cliAccountDeps(db), OPERATOR, { email: options.email, disabled })));
        process.stdout.write(`${updated.user.email} er ${disabled ? "spærret" : "genåbnet"}.\n`);
      });
  }
}
