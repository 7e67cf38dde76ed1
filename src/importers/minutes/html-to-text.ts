/**
 * HTML (an agenda system's web page, or what mammoth makes of a DOCX) to the plain text the minutes
 * extraction reads: blocks become lines, paragraphs and list items are separated by a blank line, table
 * cells by tabs (so a table row reads as the seeds' text rows do), ordered list items keep their number
 * ("1. …", for numbered recommendation points). Scripts, styles and comments are dropped. Pure.
 * Not handled: CSS that hides text, and layout tables used for the page frame (their cells become columns).
 */
const NAMED: Readonly<Record<string, string>> = {
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", shy: "", ndash: "–", mdash: "—", hellip: "…",
  aelig: "æ", AElig: "Æ", oslash: "ø", Oslash: "Ø", aring: "å", Aring: "Å", eacute: "é", Eacute: "É", uuml: "ü", ouml: "ö", auml: "ä",
  sect: "§", deg: "°", euro: "€", laquo: "«", raquo: "»", bdquo: "„", ldquo: "“", rdquo: "”", lsquo: "‘", rsquo: "’", middot: "·", bull: "•", times: "×", half: "½",
};

export function decodeHtmlEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z][a-z0-9]*);/gi, (whole, name: string) => {
    if (name.startsWith("#x") || name.startsWith("#X")) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith("#")) return String.fromCodePoint(Number(name.slice(1)));
    return NAMED[name] ?? whole;
  });
}

const PARAGRAPH_BLOCKS = new Set(["p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "table", "ul", "ol", "blockquote", "section", "article", "header", "footer", "main", "dl", "dt", "dd", "figure", "figcaption", "caption", "title"]);
const LINE_BLOCKS = new Set(["div", "tr", "thead", "tbody", "tfoot", "pre", "address", "nav", "aside", "form", "fieldset", "hr"]);
const DROPPED = new Set(["script", "style", "head", "noscript", "template", "svg"]);

export function htmlToText(html: string): string {
  const out: string[] = [];
  let line = "";
  let cellIndex = 0;
  const lists: { ordered: boolean; n: number }[] = [];
  let dropping: string | null = null;
  let preDepth = 0;
  // Inside a table cell, paragraphs are part of the cell (mammoth writes <td><p>77</p></td>): the row stays one line.
  let cellDepth = 0;

  const endLine = () => {
    out.push(line.replace(/[ \t]+$/, ""));
    line = "";
  };
  const lineBreak = () => {
    if (line.trim() !== "") endLine();
    else line = "";
  };
  const paragraphBreak = () => {
    lineBreak();
    if (out.length > 0 && out[out.length - 1] !== "") out.push("");
  };

  for (const m of html.matchAll(/<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<!?(\/?)([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*>|([^<]+)|</g)) {
    const [, closing, rawTag, rawText] = m;
    if (rawTag !== undefined) {
      const tag = rawTag.toLowerCase();
      if (dropping) {
        if (closing && tag === dropping) dropping = null;
        continue;
      }
      if (DROPPED.has(tag) && !closing && !m[0].endsWith("/>")) {
        dropping = tag;
        continue;
      }
      if (tag === "br") {
        endLine();
        continue;
      }
      if (tag === "td" || tag === "th") {
        if (!closing) {
          line = line.replace(/ +$/, "");
          if (cellIndex > 0) line += "\t";
          cellIndex++;
          cellDepth++;
        } else cellDepth = Math.max(0, cellDepth - 1);
        continue;
      }
      if (tag === "tr" || tag === "table") {
        cellIndex = 0;
        cellDepth = 0;
      }
      if (cellDepth > 0 && tag !== "tr" && tag !== "table") {
        if (line !== "" && !/[\t ]$/.test(line)) line += " ";
        continue;
      }
      if (tag === "pre") preDepth += closing ? -1 : 1;
      if ((tag === "ul" || tag === "ol") && !closing) lists.push({ ordered: tag === "ol", n: 0 });
      if ((tag === "ul" || tag === "ol") && closing) lists.pop();
      if (PARAGRAPH_BLOCKS.has(tag)) paragraphBreak();
      else if (LINE_BLOCKS.has(tag)) lineBreak();
      if (tag === "li" && !closing) {
        const list = lists.at(-1);
        if (list?.ordered) line += `${++list.n}. `;
        else line += "- ";
      }
      continue;
    }
    if (dropping || rawText === undefined) {
      if (!dropping && m[0] === "<") line += "<";
      continue;
    }
    const decoded = decodeHtmlEntities(rawText);
    if (preDepth > 0) {
      const parts = decoded.split("\n");
      parts.forEach((p, i) => {
        if (i > 0) endLine();
        line += p;
      });
      continue;
    }
    const collapsed = decoded.replace(/[\s\u00a0]+/g, " ");
    if (line === "" || /[\t ]$/.test(line) || /-\s$/.test(line)) line += collapsed.replace(/^ /, "");
    else line += collapsed;
  }
  lineBreak();
  return out.join("\n").replace(/\n{3,}/g, "\n\n").trim() + "\n";
}
