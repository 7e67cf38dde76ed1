import { Help, type Command, type Option } from "commander";

/**
 * Commander writes its help frame and its usage errors in English ("Usage:", "Options:", "error: required
 * option … not specified"). A person reads them, so they are Danish here (issue 9, point 6): the help's
 * titles and placeholders through commander's own Help hooks, the errors by their fixed wording, which
 * commander composes in lib/command.js (one pattern each; anything unmatched still loses its English prefix).
 */

const TITLES_DA: Readonly<Record<string, string>> = {
  "Usage:": "Brug:",
  "Options:": "Tilvalg:",
  "Commands:": "Kommandoer:",
  "Arguments:": "Argumenter:",
  "Global Options:": "Fælles tilvalg:",
};

function placeholdersDa(text: string): string {
  return text.replace(/\[options\]/g, "[tilvalg]").replace(/\[command\]/g, "[kommando]");
}

const EXTRA_INFO_DA: Readonly<Record<string, string>> = { default: "standard", choices: "valg", preset: "forvalgt", env: "miljøvariabel" };

/** "(default: "tekst")" after an option's description → "(standard: "tekst")". */
function extraInfoDa(text: string): string {
  return text.replace(/([(,] )?\b(default|choices|preset|env): /g, (_m, lead: string | undefined, word: string) => `${lead ?? ""}${EXTRA_INFO_DA[word]}: `);
}

const ERRORS_DA: ReadonlyArray<readonly [RegExp, (...groups: string[]) => string]> = [
  [/^error: required option '(.+)' not specified$/, (flags) => `Fejl: tilvalget ${flags} skal angives.`],
  [/^error: missing required argument '(.+)'$/, (name) => `Fejl: argumentet <${name}> mangler.`],
  [/^error: option '(.+)' argument missing$/, (flags) => `Fejl: tilvalget ${flags} mangler sin værdi.`],
  [/^error: unknown option '(.+)'$/, (flag) => `Fejl: ukendt tilvalg ${flag}.`],
  [/^error: unknown command '(.+)'$/, (name) => `Fejl: ukendt kommando "${name}".`],
  [
    /^error: too many arguments(?: for '(.+)')?\. Expected (\d+) arguments? but got (\d+)\.$/,
    (command, expected, got) => `Fejl: for mange argumenter${command ? ` til ${command}` : ""}: ${expected} forventet, ${got} angivet.`,
  ],
  [/^error: (.+) cannot be used with (.+)$/, (a, b) => `Fejl: ${a} kan ikke bruges sammen med ${b}.`],
  [/^error: option '(.+)' argument '(.+)' is invalid\. Allowed choices are (.+)\.$/, (flags, value, choices) => `Fejl: "${value}" er ikke en gyldig værdi for ${flags}. Mulige værdier: ${choices}.`],
  [/^\(Did you mean one of (.+)\?\)$/, (names) => `(Mente du en af ${names}?)`],
  [/^\(Did you mean (.+)\?\)$/, (name) => `(Mente du ${name}?)`],
  [/^error: (.*)$/, (rest) => `Fejl: ${rest}`],
];

/** One of commander's error lines in Danish; lines it does not know pass unchanged. Exported for the tests. */
export function translateCommanderError(text: string): string {
  return text
    .split("\n")
    .map((line) => {
      for (const [pattern, danish] of ERRORS_DA) {
        const match = pattern.exec(line);
        if (match) return danish(...match.slice(1).map((g) => g ?? ""));
      }
      return line;
    })
    .join("\n");
}

const helpDa = {
  styleTitle: (title: string) => TITLES_DA[title] ?? title,
  commandUsage(this: Help, cmd: Command) {
    return placeholdersDa(Help.prototype.commandUsage.call(this, cmd));
  },
  subcommandTerm(this: Help, cmd: Command) {
    return placeholdersDa(Help.prototype.subcommandTerm.call(this, cmd));
  },
  optionDescription(this: Help, option: Option) {
    return extraInfoDa(Help.prototype.optionDescription.call(this, option));
  },
};

/** Applies the Danish help and errors to the program and every command under it (call after registering them). */
export function applyDanishHelp(program: Command): void {
  const visit = (cmd: Command) => {
    cmd.configureHelp(helpDa);
    cmd.configureOutput({ outputError: (text, write) => write(translateCommanderError(text)) });
    for (const sub of cmd.commands) visit(sub);
  };
  visit(program);
}
