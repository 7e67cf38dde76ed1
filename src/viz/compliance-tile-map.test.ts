import { describe, expect, it } from "vitest";
import { COMPLIANCE_STATUS_KEYS } from "../domain/compliance-follow-up.js";
import { MUNICIPALITIES } from "../domain/municipality.js";
import { buildComplianceTileMapModel, COMPLIANCE_TILE_STYLES, renderComplianceTileMapSvg } from "./compliance-tile-map.js";

const input = MUNICIPALITIES.map((m) => ({ code: m.code, nameDa: m.name, statusKey: m.code === "0657" ? ("treated" as const) : m.code === "0151" ? ("sent-back" as const) : ("not-registered" as const), href: `/kommuner/${m.code}?aar=2024` }));

describe("the compliance tile map", () => {
  it("has one tile per municipality in the map's tile layout, and a legend that counts every status", () => {
    const model = buildComplianceTileMapModel({ titleDa: "Kommunernes behandling af kortet for 2024", municipalities: input });
    expect(model.items).toHaveLength(98);
    expect(new Set(model.items.map((i) => `${i.shape.x},${i.shape.y}`)).size).toBe(98);
    expect(model.legend.map((l) => l.statusKey)).toEqual(COMPLIANCE_STATUS_KEYS);
    expect(Object.fromEntries(model.legend.map((l) => [l.statusKey, l.count]))).toEqual({ treated: 1, "treated-late": 0, "sent-back": 1, pending: 0, overdue: 0, "not-registered": 96 });
    expect(model.items.find((i) => i.shape.code === "0657")!.descriptionDa).toBe("Herning: behandlet inden fristen");
  });

  it("marks every status with its own sign, so colour is not the only cue", () => {
    const marks = COMPLIANCE_STATUS_KEYS.map((k) => COMPLIANCE_TILE_STYLES[k].mark);
    expect(new Set(marks).size).toBe(marks.length);
  });

  it("draws each tile as a named link with its mark, and escapes names", () => {
    const model = buildComplianceTileMapModel({ titleDa: "Titel <med> tegn", municipalities: input });
    const svg = renderComplianceTileMapSvg(model);
    expect(svg.match(/<a href=/g)).toHaveLength(98);
    expect(svg).toContain('data-municipality="0151" data-status="sent-back" aria-label="Ballerup: sendt tilbage – ikke afsluttet"');
    expect(svg).toContain('aria-label="Titel &lt;med&gt; tegn"');
    expect(svg).toContain(">↩</text>");
  });
});
