import { describe, expect, it } from "vitest";
import { published2024Cells } from "../../../test/rates/published-2024-cells.js";
import { indexCellTotals } from "../../domain/cell-totals.js";
import type { ComplaintCell } from "../../domain/complaint-cell.js";
import { EMPTY_CONTEXT_INDEX } from "../../domain/context/context-index.js";
import { effectiveLegalRules } from "../../domain/legal-rule-edits.js";
import { buildMunicipalityProfile } from "../../domain/municipality-profile.js";
import type { CommentRecord } from "../../storage/municipality-comments.js";
import { buildTileGeometry } from "../../viz/map-geometry.js";
import { buildProfilePageModel, type ProfileBody, type ProfilePageInput } from "./profile-page-model.js";
import { asMunicipalityCode } from "../../domain/municipality.js";

const cells2023 = (): ComplaintCell[] => published2024Cells().map((c) => ({ ...c, year: 2023 }));

/** A municipality's page input as the route loads it, from Ankestyrelsen's 2024 figures (and optionally 2023 too). */
function inputFor(code: string, years: readonly number[], overrides: Partial<ProfilePageInput> = {}): ProfilePageInput {
  const cells = [
    ...(years.includes(2023) ? cells2023() : []),
    ...(years.includes(2024) ? published2024Cells({ publishedNational: true }) : []),
  ];
  const totals = indexCellTotals(cells);
  const year = years.at(-1) ?? null;
  return {
    profile: buildMunicipalityProfile(totals, asMunicipalityCode(code), {
      ...(year === null ? {} : { year }),
      revised: indexCellTotals([]),
    }),
    data: { years, isDemo: false, provenanceByYear: new Map(), revisionByYear: new Map() },
    year,
    sourceLineDa: "Kilde: Ankestyrelsen, test.",
    comment: null,
    context: EMPTY_CONTEXT_INDEX,
    legalRules: effectiveLegalRules([]),
    attachablePlans: [],
    editing: null,
    treatment: null,
    knowledge: null,
    geometries: { tile: buildTileGeometry(), geographic: null, geographicStatusDa: "" },
    maxCommentLength: 2000,
    ...overrides,
  };
}

function bodyOf(input: ProfilePageInput): ProfileBody {
  const model = buildProfilePageModel(input);
  if (model.body.kind !== "profile") throw new Error("forventede en profil med tal");
  return model.body;
}

const COMMENT: CommentRecord = {
  municipalityCode: "0657",
  year: 2024,
  text: "Vi <arbejder> på det.",
  updatedAt: "2025-08-01T10:00:00.000Z",
  status: "draft",
  publishedAt: null,
} as CommentRecord;

describe("buildProfilePageModel", () => {
  it("says only that nothing is loaded when there is no year", () => {
    const model = buildProfilePageModel(inputFor("0657", []));
    expect(model).toMatchObject({ titleDa: "Herning Kommune", nameDa: "Herning", body: { kind: "no-data" } });
  });

  it("gives Herning's 2024 rate on the general map with its cases, and says that earlier years are not loaded", () => {
    const body = bodyOf(inputFor("0657", [2024]));
    expect(body.introDa).toBe("Region Midtjylland. Kommunekode 0657. Tal for dataåret 2024.");
    const general = body.keyFigures.items.find((i) => i.mapNameDa === "Socialområdet generelt")!;
    // 34 of 77 decided cases reversed (test/rates/published-2024-cells.ts).
    expect(general.textDa).toMatch(/^44,2 pct\. omgjort \(34 af 77 realitetsbehandlede sager, 95 %-interval /);
    expect(general.revisionNoteDa).toBeNull();
    expect(body.keyFigures.onlyYearNoteDa).toContain("Der er kun indlæst tal for 2024");
    expect(body.years).toEqual({ options: [{ value: "2024", labelDa: "2024" }], selected: "2024" });
  });

  it("draws the trend chart only from two years with a rate, and links its SVG and PNG", () => {
    expect(bodyOf(inputFor("0657", [2024])).maps.every((m) => m.trend === null)).toBe(true);
    const body = bodyOf(inputFor("0657", [2023, 2024]));
    expect(body.keyFigures.onlyYearNoteDa).toBeNull();
    const general = body.maps.find((m) => m.map === "socialomraadet")!;
    expect(general.trend).toMatchObject({
      svgHref: "/kommuner/0657/udvikling.svg?kort=socialomraadet&aar=2024",
      pngName: "0657-socialomraadet-udvikling.png",
    });
    expect(general.trend!.wideSvg).not.toBe(general.trend!.narrowSvg);
    expect(general.table.downloads.csvHref).toBe("/kommuner/0657/tabel.csv?kort=socialomraadet&aar=2024&tabel=tal");
  });

  it("compares with the neighbours in a table, and says so where a municipality has none (Læsø)", () => {
    const herning = bodyOf(inputFor("0657", [2024])).maps[0]!;
    expect(herning.neighbours.kind).toBe("table");
    expect(herning.neighboursHeadingDa).toBe("Nabokommuner i 2024");
    const laesoe = bodyOf(inputFor("0825", [2024])).maps[0]!;
    expect(laesoe.neighbours).toEqual({
      kind: "none",
      textDa: "Læsø har ingen landgrænse til andre kommuner. Sammenlign i stedet med Region Nordjylland på",
      linkHref: "/kort?kort=socialomraadet&aar=2024&visning=tabel",
    });
  });

  it("keeps the general treatment text without a treatment record, with the council's deadline", () => {
    const body = bodyOf(inputFor("0657", [2024]));
    expect(body.treatment.kind).toBe("general");
    expect(body.council.statusDa).toBeNull();
    expect(body.council.publishedDa).toMatch(/^Kortet for 2024 (blev offentliggjort den|offentliggøres) /);
    expect(body.council.formatLinks.map((l) => l.labelDa)).toEqual(["DOCX", "PDF", "HTML", "MD"]);
    expect(body.treatment.kind === "general" && body.treatment.deadlineDa).toBe(body.council.deadlineDa);
  });

  it("shows the comment as it was written, and a draft only to the municipality's own readers", () => {
    const none = bodyOf(inputFor("0657", [2024])).comment;
    expect(none).toEqual({
      shown: { kind: "none", textDa: "Herning Kommune har ikke skrevet en kommentar til tallene for 2024." },
      editing: null,
    });

    const reader = bodyOf(inputFor("0657", [2024], { editing: { comment: COMMENT, csrfToken: null, saved: false } }))
      .comment.editing;
    expect(reader).toMatchObject({ kind: "reader", draftTextDa: "Vi <arbejder> på det." });
    expect(reader?.kind === "reader" && reader.stateDa).toMatch(/^Kladde, gemt /);

    const editor = bodyOf(inputFor("0657", [2024], { editing: { comment: COMMENT, csrfToken: "t", saved: true } }))
      .comment.editing;
    expect(editor).toMatchObject({
      kind: "editor",
      savedDa: "Kommentaren er gemt som kladde.",
      form: { csrfToken: "t", text: "Vi <arbejder> på det.", status: "draft", maxLength: 2000 },
    });
  });
});
