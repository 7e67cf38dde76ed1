import { formatInteger } from "../../domain/format-danish-number.js";

/**
 * Characters no cell of Ankestyrelsen's tables holds: C0 controls but tab (NUL, ESC, a lone CR …), DEL, the
 * C1 controls U+0080–U+009F (a Windows-1252 byte such as 0x96 "–" read in a latin1 file decodes to one), a
 * byte-order mark after the start of the file (two files pasted together) and the non-characters U+FFFE/
 * U+FFFF. Stored, they would end up in subject names, reports and terminals (issue 19), so a field holding
 * one is refused with its line and column. A line break inside a quoted field is allowed (RFC 4180).
 */
// eslint-disable-next-line no-control-regex
export const CONTROL_CHARACTER = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\ufeff\ufffe\uffff]/;

/**
 * The same without CR, for scanning whole decoded chunks: CR LF line ends are removed before fields are
 * split, so only a lone CR (tested apart, LONE_CR) reaches a field.
 */
// eslint-disable-next-line no-control-regex
export const CONTROL_CHARACTER_BUT_CR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufeff\ufffe\uffff]/;
export const LONE_CR = /\r(?!\n)/;

export type ControlCharacterHit = { readonly field: number; readonly offset: number; readonly codePoint: number };

/** The first field (0-based) holding a control character, and where in it; null when none does. */
export function findControlCharacter(fields: readonly string[]): ControlCharacterHit | null {
  for (let field = 0; field < fields.length; field++) {
    const m = CONTROL_CHARACTER.exec(fields[field]!);
    if (m) return { field, offset: m.index, codePoint: m[0].charCodeAt(0) };
  }
  return null;
}

const NAMES_DA: Readonly<Record<number, string>> = {
  0x00: "NUL-tegn (U+0000)",
  0x0d: "linjeskift af typen CR alene (U+000D)",
  0x1b: "ESC-tegn (U+001B, styrekoder til en terminal)",
  0xfeff: "byte order mark (U+FEFF) midt i filen",
};

function hex(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, "0")}`;
}

/** The Danish sentence for a refused field: what the character is and what probably went wrong. */
export function controlCharacterMessageDa(hit: ControlCharacterHit): string {
  const name = NAMES_DA[hit.codePoint] ?? `styretegn ${hex(hit.codePoint)}`;
  const cause =
    hit.codePoint === 0xfeff ? "Filen er formentlig sat sammen af flere filer; gem den igen som én fil i ét tegnsæt."
    : hit.codePoint >= 0x80 && hit.codePoint <= 0x9f ? "Filen skifter formentlig tegnsæt undervejs (fx Windows-1252 i en latin1-fil); gem den igen i ét tegnsæt (UTF-8 eller latin1)."
    : hit.codePoint === 0x0d ? "Linjerne skal slutte med LF eller CR LF; gem filen igen."
    : "Sådan et tegn står aldrig i Ankestyrelsens tal; filen er formentlig beskadiget.";
  return `Feltet indeholder et ${name} ved tegn ${formatInteger(hit.offset + 1)}. ${cause}`;
}
