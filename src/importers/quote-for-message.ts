import { formatInteger } from "../domain/format-danish-number.js";

/** Characters of a file's text a message quotes at most (issue 19: messages of 63–131 KB echoed a header). */
export const MAX_QUOTED_CHARS = 80;

/**
 * A text from a file as a message quotes it: in quotes, cut at MAX_QUOTED_CHARS with the full length named,
 * and with control characters shown as "�" so a terminal never receives an escape sequence.
 */
export function quoteForMessage(text: string, max = MAX_QUOTED_CHARS): string {
  // eslint-disable-next-line no-control-regex
  const clean = (s: string) => s.replace(/[\u0000-\u001f\u007f-\u009f]/g, "\ufffd");
  return text.length <= max ? `"${clean(text)}"` : `"${clean(text.slice(0, max))}…" (${formatInteger(text.length)} tegn)`;
}
