import type { Command } from "commander";
import { readFile } from "node:fs/promises";
import { parseMunicipality, parseOptionalYear } from "../../app/params.js";
import {
  CommentValidationError,
  listMunicipalityComments,
  validateMunicipalityComment,
} from "../../storage/municipality-comments.js";
import { OPERATOR } from "../../app/caller.js";
import { deleteComment, saveComment } from "../../app/comments/save-comment.js";
import { UserError } from "../user-error.js";
import { safeForTerminal } from "../terminal-text.js";
import { cliAccountDeps } from "./cli-account-deps.js";
import type { CliContext } from "../cli-context.js";

type CommentOptions = { municipality: string; year?: string; text?: string; file?: string; delete?: boolean };

/**
 * `danmarkskort kommentar`: stores a municipality's comment on its figures for a data year, shown on the
 * municipality's profile page (issue 5, point 4). Without --text/--file/--delete it lists the comments.
 */
export function registerComment(program: Command, cli: CliContext): void {
  program
    .command("kommentar")
    .description("gem, vis eller slet en kommunes kommentar til tallene for et år (vises på kommunens side)")
    .requiredOption("--municipality <kommune>", "kommunekode eller navn, fx 0657 eller Herning")
    .option("--year <år>", "dataåret kommentaren gælder, fx 2024")
    .option("--text <tekst>", "kommentaren som tekst")
    .option("--file <fil>", "læs kommentaren fra en UTF-8-tekstfil")
    .option("--delete", "slet kommentaren for året")
    .action(async (options: CommentOptions) => {
      const municipality = parseMunicipality(options.municipality, "--municipality");
      const actions = [options.text !== undefined, options.file !== undefined, options.delete === true].filter(Boolean).length;
      if (actions > 1) throw new UserError("Brug kun én af --text, --file og --delete.");
      const year = parseOptionalYear(options.year, "--year") ?? null;
      if (actions === 0) {
        await cli.withDatabase(async (db) => {
          const comments = (await listMunicipalityComments(db, municipality.code)).filter((c) => year === null || c.year === year);
          if (comments.length === 0) process.stdout.write(`${municipality.name} Kommune har ingen kommentar${year === null ? "" : ` for ${year}`}.\n`);
          for (const c of comments) process.stdout.write(`${municipality.name} Kommune, ${c.year} (ændret ${c.updatedAt.slice(0, 10)}):\n${safeForTerminal(c.text)}\n\n`);
        });
        return;
      }
      if (year === null) throw new UserError("Angiv året med --year, fx --year 2024.");
      if (options.delete) {
        // Through the use case, so the deletion is in the audit trail like every other write.
        const { removed, where } = await cli.withDatabase(async (db, where) => {
          const result = await deleteComment(cliAccountDeps(db), OPERATOR, municipality.code, year);
          if (result.kind === "refused") throw new UserError(result.messageDa);
          return { removed: result.deleted, where };
        });
        process.stdout.write(removed ? `Kommentaren for ${municipality.name} Kommune, ${year}, er slettet fra ${where}.\n` : `${municipality.name} Kommune har ingen kommentar for ${year} i ${where}.\n`);
        return;
      }
      const text = options.file !== undefined ? await readCommentFile(options.file) : options.text!;
      const comment = { municipalityCode: municipality.code, year, text, updatedAt: new Date().toISOString() };
      try {
        validateMunicipalityComment(comment);
      } catch (error) {
        if (error instanceof CommentValidationError) throw new UserError(error.message);
        throw error;
      }
      // Through the same use case as the web form: CPR guard, audit trail (as the operator), published at once.
      const where = await cli.withDatabase(async (db, where) => {
        const saved = await saveComment(cliAccountDeps(db), OPERATOR, { municipalityCode: municipality.code, year, text, status: "published" });
        if (saved.kind === "refused") throw new UserError(saved.messageDa);
        return where;
      });
      process.stdout.write(`Kommentaren for ${municipality.name} Kommune, ${year}, er gemt i ${where} (${text.trim().length} tegn). Den vises på /kommuner/${municipality.code}?aar=${year}.\n`);
    });
}

async function readCommentFile(path: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    const why = code === "ENOENT" ? "den findes ikke" : code === "EISDIR" ? "det er en mappe" : code === "EACCES" || code === "EPERM" ? "manglende adgang" : "fejl i filsystemet";
    throw new UserError(`Kan ikke læse filen ${path}: ${why}.`);
  }
  const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes).replace(/^\ufeff/, "");
  // A latin1 file read as UTF-8 gets replacement characters where æ, ø and å were.
  if (text.includes("\ufffd")) throw new UserError(`${path} er ikke gemt som UTF-8 (æ, ø og å kan ikke læses). Gem filen som UTF-8 og prøv igen.`);
  return text;
}
