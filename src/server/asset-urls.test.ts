import { describe, expect, it } from "vitest";
import { assetUrl, isHashedBuildFile } from "./asset-urls.js";

describe("built assets (issue 17)", () => {
  it("knows a file named by its content hash, compressed or not", () => {
    for (const name of ["map-page-EDN3K3VQ.js", "site-VUJ2MAHQ.css.br", "site-VUJ2MAHQ.css.map", "IBMPlexSans-Bold-Latin1-KL3TIDPW.woff2", "a/b/x-12345678.svg.gz"]) {
      expect(isHashedBuildFile(name), name).toBe(true);
    }
    for (const name of ["manifest.json", "map-page.js", "app.css", "site-vujmahq.css", "IBMPlexSans-Bold-Latin1.woff2"]) expect(isHashedBuildFile(name), name).toBe(false);
  });

  it("leaves an address outside the build as it is", () => {
    expect(assetUrl("/assets/app.css")).toBe("/assets/app.css");
    expect(assetUrl("https://example.org/x.js")).toBe("https://example.org/x.js");
  });

  it("gives a built entry its hashed address once built, and an unknown entry its plain one", () => {
    expect(assetUrl("/assets/build/ikke-bygget.js")).toBe("/assets/build/ikke-bygget.js");
    // `npm test` builds first; a bare `vitest run` in an unbuilt checkout gets the plain address.
    expect(assetUrl("/assets/build/map-page.js")).toMatch(/^\/assets\/build\/map-page(-[A-Z0-9]{8})?\.js$/);
  });
});
