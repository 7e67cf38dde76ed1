import { describe, expect, it } from "vitest";
import { DEMO_NOTICE_DA } from "../../domain/complaint-cell.js";
import { renderMessagePage } from "./message-page.js";
import { PageLayout } from "./page-layout.js";
import { renderHtmlPage } from "./render-html-page.js";

describe("PageLayout", () => {
  it("frames a page in Danish with a skip link to the main landmark and the built stylesheet", () => {
    const html = renderHtmlPage(
      <PageLayout title="Forside" isDemo={false}>
        <h1>Hej</h1>
      </PageLayout>,
    );
    expect(html).toMatch(/^<!doctype html>\n<html lang="da">/);
    expect(html).toContain("<title>Forside – Danmarkskort over omgørelsesprocenter</title>");
    expect(html).toContain('<a class="skipnav" href="#main-content">Gå til sidens indhold</a>');
    expect(html).toContain('<main id="main-content" class="container page-container"><h1>Hej</h1></main>');
    // One stylesheet, the built one (the design system and app.css), by its hashed name once built.
    expect(html).toMatch(/<link rel="stylesheet" href="\/assets\/build\/site(-[A-Z0-9]{8})?\.css"/);
    expect(html).not.toContain(DEMO_NOTICE_DA);
    expect(html).not.toContain("<script");
  });

  it("shows the demo notice on demo data, escapes the title and loads scripts as modules", () => {
    const html = renderHtmlPage(<PageLayout title="<Kort>" isDemo={true} scripts={["/assets/build/map-page.js"]} />);
    expect(html).toContain(DEMO_NOTICE_DA);
    expect(html).toContain("<title>&lt;Kort> – ");
    expect(html).not.toContain("<Kort>");
    expect(html).toMatch(/<script type="module" src="\/assets\/build\/map-page(-[A-Z0-9]{8})?\.js"><\/script>/);
  });
});

describe("renderMessagePage", () => {
  it("escapes a message that carries markup from the request", () => {
    const html = renderMessagePage({
      title: "Fejl",
      messageDa: `Ukendt kort "<script>alert(1)</script>"`,
      link: "kort",
      isDemo: false,
    });
    expect(html).toContain("<h1>Fejl</h1><p>Ukendt kort &quot;&lt;script>alert(1)&lt;/script>&quot;</p>");
    expect(html).not.toContain("<script>");
    expect(html).toContain('<a href="/kort">Gå til kortet</a>');
  });

  it("gives the page its own heading and the message as alert text when asked", () => {
    const html = renderMessagePage({
      title: "Ugyldig adresse",
      heading: "Adressen kan ikke vises",
      messageDa: "Året skal være fire cifre.",
      messageIsAlert: true,
      link: "forside",
      isDemo: true,
    });
    expect(html).toContain("<title>Ugyldig adresse – ");
    expect(html).toContain(
      '<h1>Adressen kan ikke vises</h1><p class="alert-text">Året skal være fire cifre.</p><p><a href="/">Gå til forsiden</a></p>',
    );
    expect(html).toContain(DEMO_NOTICE_DA);
  });
});
