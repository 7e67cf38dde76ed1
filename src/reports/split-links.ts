/** A piece of running text: plain, or a web address the renderers make a real hyperlink (issue 16, point 3). */
export type TextSegment = { readonly kind: "text"; readonly text: string } | { readonly kind: "link"; readonly url: string };

/**
 * http(s) addresses in running text. The address ends before whitespace, and before punctuation that ends
 * a sentence or clause (", " in "…i-2024, https://…" and a closing "." are not part of the address).
 */
const ADDRESS = /https?:\/\/[^\s<>"«»]*[^\s<>"«».,;:!?)]/g;

/**
 * Splits text into plain pieces and addresses, so the model keeps one string per paragraph (the ministry's
 * map pages are written into the item's text, seeds: Herning, Ballerup 2025) and each renderer links the
 * addresses in its own way: <a href> in HTML, a hyperlink field in DOCX, an autolink in Markdown.
 */
export function splitLinks(text: string): TextSegment[] {
  const out: TextSegment[] = [];
  let at = 0;
  for (const match of text.matchAll(ADDRESS)) {
    const start = match.index;
    if (start > at) out.push({ kind: "text", text: text.slice(at, start) });
    out.push({ kind: "link", url: match[0] });
    at = start + match[0].length;
  }
  if (at < text.length) out.push({ kind: "text", text: text.slice(at) });
  return out;
}
