import { describe, expect, it } from "vitest";
import { extractLinks, rewriteHtml } from "./rewrite-html.js";

/** A resolver over a small export: the addresses in `files` are exported, anything else is not. */
function resolverOf(files: Record<string, string>) {
  return (href: string) => files[href.replace(/#.*$/, "")] ?? null;
}

const options = (files: Record<string, string>) => ({ resolve: resolverOf(files), noteHref: "om-eksporten.html#kun-paa-serveren" });

describe("rewriteHtml: links", () => {
  it("points each root-relative href, src and data-png-src at its file, and the rest at the note page", () => {
    const html = `<a href="/kommuner/0657?aar=2024&amp;x=1">H</a><script src="/assets/a.js"></script><button data-png-src="/kort/kort.svg?a=1">PNG</button><a href="/log-ind">Log ind</a>`;
    const out = rewriteHtml(html, options({ "/kommuner/0657?aar=2024&x=1": "kommuner/0657/aar-2024.html", "/assets/a.js": "assets/a.js", "/kort/kort.svg?a=1": "kort/kort_a-1.svg" }));
    expect(out).toBe(
      `<a href="kommuner/0657/aar-2024.html">H</a><script src="assets/a.js"></script><button data-png-src="kort/kort_a-1.svg">PNG</button><a href="om-eksporten.html#kun-paa-serveren">Log ind</a>`,
    );
  });

  it("leaves fragments, other sites and an SVG's own links to other sites alone", () => {
    const html = `<a href="#main">x</a><a href="https://ast.dk/?a=1&amp;b=2">y</a>`;
    expect(rewriteHtml(html, options({}))).toBe(html);
  });

  it("finds the root-relative links of a page with entities decoded", () => {
    expect(extractLinks(`<a href="/kort?a=1&amp;b=2">x</a> <a href="#y">y</a> <img src="/assets/x.png"> <a xlink:href="/kommuner/0101">z</a>`)).toEqual(["/kort?a=1&b=2", "/assets/x.png", "/kommuner/0101"]);
  });
});

describe("rewriteHtml: forms", () => {
  const selection = `<form class="selection-form" method="get" action="/kort" data-auto-submit>
<div><label class="form-label" for="vaelg-kort">Kort</label><select id="vaelg-kort" name="kort"><option value="a" selected>Kort A</option><option value="b">Kort B</option></select></div>
<div><label class="form-label" for="vaelg-aar">År</label><select id="vaelg-aar" name="aar"><option value="2025">2025</option><option value="2024" selected>2024</option></select></div>
<input type="hidden" name="visning" value="kort"><button type="submit">Vis</button></form>`;

  it("turns a selection form into links, one per choice, leaving out a choice that is not exported", () => {
    const out = rewriteHtml(selection, options({ "/kort?kort=a&aar=2024&visning=kort": "kort/a-2024.html", "/kort?kort=b&aar=2024&visning=kort": "kort/b-2024.html" }));
    expect(out).not.toContain("<form");
    expect(out).toContain('<span class="static-selection-label">Kort:</span> <strong aria-current="page">Kort A</strong> · <a href="kort/b-2024.html">Kort B</a>');
    // 2025 is not in this export: no link to it.
    expect(out).toContain('<span class="static-selection-label">År:</span> <strong aria-current="page">2024</strong></li>');
    expect(out).toContain('aria-label="Vælg kort, år"');
  });

  it("turns a selection form whose current page is not exported into the note", () => {
    expect(rewriteHtml(selection, options({}))).toContain('<p class="static-note">Denne formular virker kun på sitets server');
  });

  it("turns a search into a link to the page it searches", () => {
    const search = `<form class="municipality-search" method="get" action="/kommuner" role="search"><label class="form-label" for="s">Find en kommune</label><input id="s" name="soeg"><datalist><option value="Herning"></option></datalist><button type="submit">Åbn</button></form>`;
    expect(rewriteHtml(search, options({ "/kommuner": "kommuner/index.html" }))).toBe('<p class="static-search"><a href="kommuner/index.html">Find en kommune: se hele listen</a></p>');
  });

  it("turns a POST form, or a GET form to an address not exported, into the note", () => {
    const post = `<form method="post" action="/log-ud"><button>Log ud</button></form>`;
    const agenda = `<form method="get" action="/kommuner/0657/dagsordenpunkt"><select name="x"><option>1</option></select><input name="titel"></form>`;
    for (const form of [post, agenda]) expect(rewriteHtml(form, options({ "/kommuner": "k.html" }))).toBe('<p class="static-note">Denne formular virker kun på sitets server, ikke i den statiske udgave. <a href="om-eksporten.html#kun-paa-serveren">Om den statiske udgave</a></p>');
  });
});
