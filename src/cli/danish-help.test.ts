import { describe, expect, it } from "vitest";
import type { Command } from "commander";
import { runCli } from "../../test/support/run-cli.js";
import { buildProgram } from "./main.js";
import { cliContextOf } from "./cli-context.js";
import { parseConfig } from "../config/parse-config.js";
import { SERVER_DOORS } from "../main.js";
import { translateCommanderError } from "./danish-help.js";

/** Commander's English help frame and usage errors (issue 9, point 6); none may reach a person. */
const ENGLISH = /Usage:|Options:|Commands:|Arguments:|\[options\]|\[command\]|\(default:|default: |error:|Did you mean|required option|not specified|unknown (option|command)|too many arguments/;

function allCommandPaths(cmd: Command, path: string[] = []): string[][] {
  return [path, ...cmd.commands.filter((c) => c.name() !== "help").flatMap((c) => allCommandPaths(c, [...path, c.name()]))];
}

describe("the CLI's help and usage errors are Danish", () => {
  it("every command's --help has Danish titles and placeholders", async () => {
    const paths = allCommandPaths(buildProgram(cliContextOf(parseConfig({}), SERVER_DOORS)));
    expect(paths.length).toBeGreaterThan(10);
    for (const path of paths) {
      const run = await runCli([...path, "--help"]);
      expect(run.code, path.join(" ")).toBe(0);
      expect(run.stdout, path.join(" ")).toMatch(/^Brug: danmarkskort/);
      expect(run.stdout, path.join(" ")).toContain("Tilvalg:");
      expect(run.stdout, path.join(" ")).not.toMatch(ENGLISH);
    }
    expect((await runCli(["--help"])).stdout).toContain("Kommandoer:");
    expect((await runCli(["datasets", "--help"])).stdout).toContain('(standard: "tekst")');
  });

  it.each([
    [["rates"], "Fejl: tilvalget --map <kort> skal angives."],
    [["rates", "--map"], "Fejl: tilvalget --map <kort> mangler sin værdi."],
    [["rates", "--map", "socialomraadet", "--year", "2024", "--bogus"], "Fejl: ukendt tilvalg --bogus."],
    [["rate"], 'Fejl: ukendt kommando "rate".\n(Mente du rates?)'],
    [["import"], "Fejl: argumentet <fil> mangler."],
    [["datasets", "diff", "1", "2", "3"], "Fejl: for mange argumenter til diff: 2 forventet, 3 angivet."],
  ])("%j says %s", async (args, danish) => {
    const run = await runCli(args);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(danish);
    expect(run.stderr).toContain("(brug --help for at se mulighederne)");
    expect(run.stderr).not.toMatch(ENGLISH);
  });

  it("a commander message it has no pattern for still loses the English prefix", () => {
    expect(translateCommanderError("error: something new")).toBe("Fejl: something new");
  });
});
