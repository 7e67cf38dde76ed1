import { describe, expect, it } from "vitest";
import { decodeHtmlEntities, htmlToText } from "./html-to-text.js";

describe("htmlToText", () => {
  it("paragraphs apart, table rows as tab-separated lines, ordered items numbered, scripts dropped", () => {
    const html = `<html><head><title>T</title><script>var x = "<p>no</p>";</script></head><body>
      <h1>Referat   Byrådet</h1><p>Første
      linje &amp; mere</p><table><tr><th>Kommune</th><th>Antal</th></tr><tr><td>Herning Kommune, i alt</td><td>77</td><td>44,2</td></tr></table>
      <ol><li>Første punkt</li><li>Andet punkt</li></ol><ul><li>Prik</li></ul>Slut<br>ny linje</body></html>`;
    expect(htmlToText(html)).toBe(
      ["Referat Byrådet", "", "Første linje & mere", "", "Kommune\tAntal", "Herning Kommune, i alt\t77\t44,2", "", "1. Første punkt", "", "2. Andet punkt", "", "- Prik", "", "Slut", "ny linje", ""].join("\n"),
    );
  });

  it("decodes named and numeric entities, and leaves unknown ones", () => {
    expect(decodeHtmlEntities("&aelig;&oslash;&aring; &#198;&#xD8; &sect; &ukendt;")).toBe("æøå ÆØ § &ukendt;");
  });
});

describe("htmlToText on mammoth's tables", () => {
  it("paragraphs inside a cell stay in the cell, so the row is one line", () => {
    expect(htmlToText("<table><tr><td><p>Herning Kommune, i alt</p></td><td><p>77</p></td><td><p>44,2</p><p>pct.</p></td></tr></table><p>Efter</p>")).toBe(
      "Herning Kommune, i alt\t77\t44,2 pct.\n\nEfter\n",
    );
  });
});
