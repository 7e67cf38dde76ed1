import { describe, expect, it } from "vitest";
import type { DatasetProvenance } from "../domain/complaint-cell.js";
import { buildSeriesSourceLineDa, buildSourceLineDa } from "./source-line.js";

function version(id: number, overrides: Partial<DatasetProvenance> = {}): DatasetProvenance {
  return {
    datasetVersionId: id,
    fileName: `talportal-${id}.csv`,
    sha256: "0".repeat(64),
    source: "Ankestyrelsen",
    extractedOn: "2025-03-03",
    importedAt: "2025-03-10T09:00:00Z",
    isDemo: false,
    ...overrides,
  };
}

describe("buildSourceLineDa", () => {
  it("names the version and file and says whether it is the published map or an extraction of a date", () => {
    expect(buildSourceLineDa({ ...version(7), standing: "published" })).toBe(
      "Kilde: Ankestyrelsens ankestatistik, datasætversion 7 (talportal-7.csv), kortet som offentliggjort, udtrukket 2025-03-03.",
    );
    expect(buildSourceLineDa(version(8))).toBe("Kilde: Ankestyrelsens ankestatistik, datasætversion 8 (talportal-8.csv), udtræk af 2025-03-03, ikke det offentliggjorte kort.");
    expect(buildSourceLineDa(version(9, { extractedOn: null }))).toBe(
      "Kilde: Ankestyrelsens ankestatistik, datasætversion 9 (talportal-9.csv), udtræk uden kendt dato, ikke det offentliggjorte kort.",
    );
  });

  it("flags demo data in capitals and says there is no extraction date, and says so when nothing is loaded", () => {
    expect(buildSourceLineDa(version(1, { isDemo: true, fileName: "demo.csv" }))).toBe(
      "Kilde: Ankestyrelsens ankestatistik, datasætversion 1 (demo.csv), udtræksdato ukendt. DEMODATA – IKKE ANKESTYRELSENS TAL.",
    );
    expect(buildSourceLineDa(undefined)).toBe("Kilde: ingen data indlæst for det valgte år.");
  });
});

describe("buildSeriesSourceLineDa", () => {
  it("reads as the one-year line with the years as spans when one version covers them all", () => {
    const one = { ...version(3), standing: "published" as const };
    const byYear = new Map([2019, 2020, 2021, 2023].map((y) => [y, one]));
    expect(buildSeriesSourceLineDa(byYear, [2023, 2019, 2020, 2021, 2021])).toBe(`${buildSourceLineDa(one)} Dataår 2019–2021, 2023.`);
  });

  it("names the version behind each year when the years come from different versions, and the demo flag once", () => {
    const byYear = new Map([
      [2022, version(4)],
      [2023, version(4)],
      [2024, version(5, { isDemo: true, fileName: "demo.csv" })],
    ]);
    expect(buildSeriesSourceLineDa(byYear, [2022, 2023, 2024])).toBe(
      "Kilde: Ankestyrelsens ankestatistik; 2022–2023: datasætversion 4 (talportal-4.csv), udtræk af 2025-03-03, ikke det offentliggjorte kort; " +
        "2024: datasætversion 5 (demo.csv), udtræksdato ukendt. DEMODATA – IKKE ANKESTYRELSENS TAL.",
    );
  });

  it("tells the published map and an extraction of the same version apart, and ignores years without data", () => {
    const byYear = new Map([
      [2023, { ...version(6), standing: "published" as const }],
      [2024, { ...version(6), standing: "extraction" as const }],
    ]);
    const line = buildSeriesSourceLineDa(byYear, [2020, 2023, 2024]);
    expect(line).toMatch(/^Kilde: Ankestyrelsens ankestatistik; 2023: .*kortet som offentliggjort.*; 2024: .*ikke det offentliggjorte kort\.$/);
    expect(line).not.toContain("2020");
    expect(buildSeriesSourceLineDa(byYear, [2019])).toBe("Kilde: ingen data indlæst for de valgte år.");
  });
});
