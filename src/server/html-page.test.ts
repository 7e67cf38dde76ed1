import { describe, expect, it } from "vitest";
import { DEMO_NOTICE_DA } from "../domain/complaint-cell.js";
import { escapeHtml, renderPage } from "./html-page.js";

describe("escapeHtml", () => {
  it("escapes the five HTML-significant characters", () => {
    expect(escapeHtml(`<a href="x">'Ærø' & co</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;Ærø&#39; &amp; co&lt;/a&gt;");
  });
});

describe("renderPage", () => {
  it("frames a page in Danish with a skip link to the main landmark and the built stylesheet", () => {
    const html = renderPage({ title: "Forside", body: "<h1>Hej</h1>", isDemo: false });
    expect(html).toMatch(/^<!doctype html>\n<html lang="da">/);
    expect(html).toContain("<title>Forside – Danmarkskort over omgørelsesprocenter</title>");
    expect(html).toContain('<a class="skipnav" href="#main-content">');
    expect(html).toContain('<main id="main-content"');
    // One stylesheet, the built one (the design system and app.css), by its hashed name once built.
    expect(html).toMatch(/<link rel="stylesheet" href="\/assets\/build\/site(-[A-Z0-9]{8})?\.css"/);
    expect(html).not.toContain(DEMO_NOTICE_DA);
  });

  it("shows the demo notice on demo data, escapes the title and loads scripts as modules", () => {
    const html = renderPage({ title: "<Kort>", body: "", isDemo: true, scripts: ["/assets/build/map-page.js"] });
    expect(html).toContain(DEMO_NOTICE_DA);
    expect(html).toContain("<title>&lt;Kort&gt; – ");
    expect(html).toMatch(/<script type="module" src="\/assets\/build\/map-page(-[A-Z0-9]{8})?\.js"><\/script>/);
  });
});
