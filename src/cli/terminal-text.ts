/**
 * Text for a terminal: control characters other than line feed and tab are removed, so a comment or a
 * source text holding ESC sequences (clear the screen, move the cursor, set the title) is shown as text
 * and never run by the terminal (issue 19: a comment's escape codes were echoed raw by the CLI).
 * CSI and OSC sequences go whole; any other control character is dropped.
 */
// eslint-disable-next-line no-control-regex
const ESCAPE_SEQUENCE = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u009b[0-?]*[ -/]*[@-~]/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

export function safeForTerminal(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, "").replace(CONTROL, "");
}
