import { describe, expect, it } from "vitest";
import { buildFrontPageModel, renderFrontPage } from "./front-page.js";

const version = {
  fileName: "ankestatistik <2024>.csv",
  isDemo: false,
  years: [2024, 2022, 2023],
  rowCount: 12345,
  extractedOn: null,
  importedAt: "2025-06-05T10:00:00.000Z",
};

describe("buildFrontPageModel", () => {
  it("gives each dataset version Danish cells: year span, thousands separator, unknown extraction date", () => {
    expect(buildFrontPageModel([version])).toEqual({
      isDemo: false,
      datasets: [
        {
          fileDa: "ankestatistik <2024>.csv",
          yearsDa: "2022–2024",
          rowsDa: "12.345",
          extractedDa: "ukendt",
          importedDa: "2025-06-05",
        },
      ],
    });
  });

  it("names demo data kept beside real figures as not shown, and then the page is not marked demo", () => {
    const model = buildFrontPageModel([version, { ...version, isDemo: true }]);
    expect(model.isDemo).toBe(false);
    expect(model.datasets[1]?.fileDa).toBe(
      "ankestatistik <2024>.csv (demodata; vises ikke, fordi der er indlæst rigtige tal)",
    );
  });

  it("marks demo data on the row and the page", () => {
    const model = buildFrontPageModel([{ ...version, isDemo: true, years: [2024] }]);
    expect(model.isDemo).toBe(true);
    expect(model.datasets[0]).toMatchObject({ fileDa: "ankestatistik <2024>.csv (demodata)", yearsDa: "2024" });
  });
});

describe("renderFrontPage", () => {
  it("says that no data is loaded, with the commands that load some", () => {
    const html = renderFrontPage(buildFrontPageModel([]));
    expect(html).toContain("<code>npm run -s cli -- import &lt;fil></code>");
    expect(html).not.toContain("<table");
  });

  it("lists the versions in a table with the file name escaped", () => {
    const html = renderFrontPage(buildFrontPageModel([version]));
    expect(html).toContain(
      '<div class="table-scroll" tabindex="0" role="region" aria-label="Indlæste datasæt"><table class="table"><caption>Indlæste datasæt</caption>',
    );
    expect(html).toContain(
      "<td>ankestatistik &lt;2024>.csv</td><td>2022–2024</td><td>12.345</td><td>ukendt</td><td>2025-06-05</td>",
    );
  });
});
