import { describe, expect, it } from "vitest";
import { canonicalPageUrl, classifyLink } from "./site-links.js";

const shape = { latestYear: 2025, defaultGeometry: "geografisk" } as const;

describe("classifyLink", () => {
  it("leaves fragments and other sites alone", () => {
    expect(classifyLink("#main-content", shape)).toEqual({ kind: "outside" });
    expect(classifyLink("https://ast.dk/", shape)).toEqual({ kind: "outside" });
    expect(classifyLink("mailto:a@b.dk", shape)).toEqual({ kind: "outside" });
  });

  it("keeps sign-in, the account, tilsyn, the agenda item and editing pages on the server", () => {
    for (const href of ["/log-ind", "/log-ud", "/konto", "/konto/api-noegler", "/tilsyn/behandling", "/kommuner/0657/dagsordenpunkt?aar=2024&format=docx", "/kommuner/0657/kommentar", "/kommuner/0657/behandling/2024", "/metrics"]) {
      expect(classifyLink(href, shape), href).toEqual({ kind: "server-only" });
    }
  });

  it("gives a map page its canonical address: every parameter spelled out, no highlighted municipality", () => {
    expect(classifyLink("/kort?aar=2024&kommune=0657#x", shape)).toEqual({
      kind: "site",
      url: "/kort?kort=socialomraadet&aar=2024&omraade=i-alt&maal=omgoerelse&visning=kort&geometri=geografisk",
      fragment: "#x",
      seeded: true,
    });
    expect(canonicalPageUrl("/kort", shape)).toBe("/kort?kort=socialomraadet&aar=2025&omraade=i-alt&maal=omgoerelse&visning=kort&geometri=geografisk");
  });

  it("gives a profile its year and nothing else, and the list no search", () => {
    expect(canonicalPageUrl("/kommuner/0657?kort=socialomraadet&aar=2024", shape)).toBe("/kommuner/0657?aar=2024");
    expect(canonicalPageUrl("/kommuner/0657", shape)).toBe("/kommuner/0657?aar=2025");
    expect(canonicalPageUrl("/kommuner?soeg=Herning", shape)).toBe("/kommuner");
  });

  it("treats a bad map or profile address as not exportable", () => {
    expect(classifyLink("/kort?kort=ukendt", shape)).toEqual({ kind: "server-only" });
    expect(classifyLink("/kommuner/9999", shape)).toEqual({ kind: "server-only" });
  });

  it("marks downloads and other addresses as discovered, not enumerated", () => {
    expect(classifyLink("/kort/tabel.csv?kort=x&aar=2024", shape)).toEqual({ kind: "site", url: "/kort/tabel.csv?aar=2024&kort=x", fragment: "", seeded: false });
    expect(classifyLink("/assets/app.css", shape)).toMatchObject({ kind: "site", seeded: false });
  });
});
