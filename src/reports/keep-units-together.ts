/**
 * Non-breaking spaces where a line break would split a figure from its unit ("44,9 | pct.", "95 | %")
 * or a paragraph sign from its number ("§§ | 83"), as Danish typesetting does. Only the DOCX and HTML
 * renderers use it; the model keeps plain spaces, so tests and Markdown read the text as written.
 */
export function keepUnitsTogether(text: string): string {
  return text.replace(/(\d) (%|pct\.|procentpoint)/g, "$1\u00a0$2").replace(/(§§?) (\d)/g, "$1\u00a0$2");
}
