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

describe("rewriteHtml: the page as a browser reads it", () => {
  it("finds links in any attribute spelling: single quotes, no quotes, upper case, any entity", () => {
    const html = `<A HREF='/kort?a=1&#38;b=2'>x</A><img src=/assets/x.png><a href="/kommuner?soeg=a&gt;b&nbsp;">y</a><svg><use xlink:href="/assets/ikoner.svg#pil"></use></svg>`;
    expect(extractLinks(html)).toEqual(["/kort?a=1&b=2", "/assets/x.png", "/kommuner?soeg=a>b\u00a0", "/assets/ikoner.svg#pil"]);
    const out = rewriteHtml(html, options({ "/kort?a=1&b=2": "kort/a.html", "/assets/x.png": "assets/x.png", "/assets/ikoner.svg": "assets/ikoner.svg#pil" }));
    expect(out).toBe(
      `<a href="kort/a.html">x</a><img src="assets/x.png"><a href="om-eksporten.html#kun-paa-serveren">y</a><svg><use xlink:href="assets/ikoner.svg#pil"></use></svg>`,
    );
  });

  it("takes no link from a comment or a script's text, and leaves both as they were", () => {
    const html = `<!-- <a href="/log-ind">gammel</a> --><script>const s = ' href="/konto"';</script><a href="/kort">k</a>`;
    expect(extractLinks(html)).toEqual(["/kort"]);
    expect(rewriteHtml(html, options({ "/kort": "kort/index.html" }))).toBe(`<!-- <a href="/log-ind">gammel</a> --><script>const s = ' href="/konto"';</script><a href="kort/index.html">k</a>`);
  });

  it("rewrites the links a browser without JavaScript shows (noscript)", () => {
    expect(rewriteHtml(`<noscript><a href="/kort">Kortet</a></noscript>`, options({ "/kort": "kort/index.html" }))).toBe(`<noscript><a href="kort/index.html">Kortet</a></noscript>`);
  });

  it("keeps a whole page a page: its doctype, head and body", () => {
    const page = `<!doctype html>\n<html lang="da"><head><meta charset="utf-8"/><link rel="stylesheet" href="/assets/app.css"/></head><body><a href="/kort">k</a></body></html>`;
    expect(rewriteHtml(page, options({ "/assets/app.css": "assets/app.css", "/kort": "kort/index.html" }))).toBe(
      `<!DOCTYPE html><html lang="da"><head><meta charset="utf-8"><link rel="stylesheet" href="assets/app.css"></head><body><a href="kort/index.html">k</a></body></html>`,
    );
  });
});

describe("rewriteHtml: forms as a browser reads them", () => {
  it("reads an option's bare value attribute as empty, as preact writes an empty value", () => {
    // Before: `value` without `=""` was not seen, the option's text ("Alle") was taken as its value, the
    // current page was not found, and the whole filter form became the note.
    const filter = `<form method="get" action="/behandling"><label for="s">Status</label><select id="s" name="status"><option value selected>Alle</option><option value="treated">behandlet</option><option value="overdue">overskredet</option></select><input type="hidden" name="aar" value="2024"></form>`;
    const out = rewriteHtml(filter, options({ "/behandling?status=&aar=2024": "behandling/aar-2024.html", "/behandling?status=treated&aar=2024": "behandling/aar-2024_status-treated.html" }));
    expect(out).toBe(
      `<nav class="static-selection" aria-label="Vælg status"><ul class="nobullet-list no-max-width"><li><span class="static-selection-label">Status:</span> <strong aria-current="page">Alle</strong> · <a href="behandling/aar-2024_status-treated.html">behandlet</a></li></ul></nav>`,
    );
  });

  it("reads a form whose attributes hold > and whose hidden input is written in upper case", () => {
    const form = `<form title="Kort > år" method="GET" action="/kort"><select name="kort"><option value="a>1" selected>A</option><option value="b">B</option></select><INPUT TYPE="HIDDEN" NAME="visning" VALUE="kort"></form>`;
    const out = rewriteHtml(form, options({ "/kort?kort=a%3E1&visning=kort": "kort/a.html", "/kort?kort=b&visning=kort": "kort/b.html" }));
    expect(out).toBe(
      `<nav class="static-selection" aria-label="Vælg kort"><ul class="nobullet-list no-max-width"><li><span class="static-selection-label">kort:</span> <strong aria-current="page">A</strong> · <a href="kort/b.html">B</a></li></ul></nav>`,
    );
  });

  it("writes labels and choices as text: what they hold is escaped by the serializer, never taken as markup", () => {
    const form = `<form method="get" action="/kort"><label for="k">Kort &amp; <em>år</em> "x"</label><select id="k" name="kort"><option value="a" selected>A &lt;b&gt;</option><option value="b">B &amp; C</option></select></form>`;
    const out = rewriteHtml(form, options({ "/kort?kort=a": "kort/a.html", "/kort?kort=b": "kort/b.html" }));
    expect(out).toBe(
      `<nav class="static-selection" aria-label="Vælg kort &amp; år &quot;x&quot;"><ul class="nobullet-list no-max-width"><li><span class="static-selection-label">Kort &amp; år "x":</span> <strong aria-current="page">A &lt;b&gt;</strong> · <a href="kort/b.html">B &amp; C</a></li></ul></nav>`,
    );
  });

  it("takes an option's text as its value when it has no value attribute, white space collapsed", () => {
    const form = `<form method="get" action="/kort"><select name="aar"><option selected>\n 2024 </option><option>2023</option></select></form>`;
    expect(rewriteHtml(form, options({ "/kort?aar=2024": "kort/2024.html", "/kort?aar=2023": "kort/2023.html" }))).toContain(`<strong aria-current="page">2024</strong> · <a href="kort/2023.html">2023</a>`);
  });
});

describe("rewriteHtml: the static edition's line in the footer", () => {
  const note = { madeDa: "2026-12-06", aboutHref: "../om-eksporten.html" };

  it("ends the first footer with the date and a link to the about page", () => {
    const html = `<footer class="footer"><div class="container"><p>Kilde: Ankestyrelsen.</p></div></footer><footer>anden</footer>`;
    expect(rewriteHtml(html, { ...options({}), exportNote: note })).toBe(
      `<footer class="footer"><div class="container"><p>Kilde: Ankestyrelsen.</p></div><div class="container static-export-note"><p>Statisk udgave af sitet, lavet 2026-12-06. <a href="../om-eksporten.html">Om den statiske udgave</a></p></div></footer><footer>anden</footer>`,
    );
  });

  it("adds nothing to a page without a footer, and refuses an about link that is not an export link", () => {
    expect(rewriteHtml(`<p>x</p>`, { ...options({}), exportNote: note })).toBe(`<p>x</p>`);
    expect(() => rewriteHtml(`<footer></footer>`, { ...options({}), exportNote: { ...note, aboutHref: "javascript:alert(1)" } })).toThrow(/Not an export link/);
  });
});
