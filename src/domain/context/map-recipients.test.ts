import { describe, expect, it } from "vitest";
import type { ContextFigure, ContextProvenance } from "./context-figure.js";
import { indexContextFigures } from "./context-index.js";
import { recipientsForMap } from "./map-recipients.js";
import { asMunicipalityCode } from "../municipality.js";

const provenance: ContextProvenance = { contextVersionId: 7, table: "HAND07", fileName: "HAND07.csv", sha256: "x", extractedOn: null, importedAt: "2025-02-01T00:00:00Z", periodFrom: "2022K4", periodTo: "2023K4" };
const figure = (code: string, label: string, quarter: string, value: ContextFigure["value"]): ContextFigure => ({
  municipalityCode: asMunicipalityCode(code),
  measure: { kind: "recipients", code: label.slice(0, 5), labelDa: label },
  period: { year: Number(quarter.slice(0, 4)), quarter: Number(quarter.slice(5)) as 4 },
  value,
});
const P95 = "Kontant tilskud (§ 95 i lov om social service)";
const P97 = "Ledsageordning (§ 97 i lov om social service)";
const P104 = "Aktivitets- og samværstilbud (§ 104 i lov om social service)";

describe("recipientsForMap", () => {
  const index = indexContextFigures([
    {
      provenance,
      figures: [
        figure("0657", P95, "2023K4", { kind: "value", value: 36 }),
        figure("0657", P97, "2023K4", { kind: "value", value: 135 }),
        figure("0657", P104, "2023K4", { kind: "value", value: 360 }),
        figure("0825", P95, "2023K4", { kind: "suppressed" }),
        figure("0657", P95, "2022K4", { kind: "value", value: 30 }),
      ],
    },
  ]);

  it("lists the adult map's benefits (§§ 95, 96, 97) one by one, the latest period up to the data year, and says § 100 is not covered", () => {
    const [r] = recipientsForMap(index, "voksenhandicapomraadet", "0657", 2024);
    expect(r).toMatchObject({ table: "HAND07", period: "2023K4", notCoveredDa: "§ 100 (merudgifter) er ikke med i Danmarks Statistiks tabel" });
    expect(r!.lines).toEqual([
      { labelDa: "§ 95", value: { kind: "value", value: 36 } },
      { labelDa: "§ 97", value: { kind: "value", value: 135 } },
    ]);
    expect(recipientsForMap(index, "voksenhandicapomraadet", "0657", 2022)[0]!.period).toBe("2022K4");
  });

  it("keeps a suppressed cell suppressed and a municipality the table lacks as no-data, and nothing for the general map", () => {
    expect(recipientsForMap(index, "voksenhandicapomraadet", "0825", 2024)[0]!.lines.map((l) => l.value.kind)).toEqual(["suppressed", "no-data"]);
    expect(recipientsForMap(index, "voksenhandicapomraadet", "0101", 2024)[0]!.lines.map((l) => l.value.kind)).toEqual(["no-data", "no-data"]);
    expect(recipientsForMap(index, "socialomraadet", "0657", 2024)).toEqual([]);
    expect(recipientsForMap(index, "voksenhandicapomraadet", "0657", 2021)).toEqual([]);
  });
});
