import { describe, expect, it } from "vitest";
import { seedPlan } from "../../../test/action-plans/handleplan-seed-data.js";
import { normaliseActionPlan, planTextFields, validateActionPlan } from "./action-plan.js";
import { FOCUS_AREA_GROUPS } from "./focus-area-groups.js";
import { focusAreaKey, focusAreaNameDa } from "./focus-area.js";

describe("action plan content", () => {
  it("accepts the seed's plan", () => {
    expect(validateActionPlan(seedPlan())).toEqual([]);
  });

  it("names every problem in Danish on its field", () => {
    const issues = validateActionPlan(
      seedPlan({
        title: " ",
        dataYears: [2021, 2021, 1999],
        followUpFrom: 2022,
        actions: [{ text: "", owner: "x", dueDate: "2023-02-30", status: "done" }],
        focusAreas: [{ kind: "group", groupId: "sel-95" }, { kind: "group", groupId: "sel-95" }, { kind: "group", groupId: "nope" }, { kind: "subject", subject: "Kontanthjælp § 11", law: "Lov om aktiv socialpolitik" }],
        evaluations: [{ year: 2022, text: "a\u0000b" }],
      }),
    );
    const byField = (field: string) => issues.filter((i) => i.field === field).map((i) => i.messageDa);
    expect(byField("title")).toEqual(['Feltet "Titel" skal udfyldes.']);
    expect(byField("dataYears")).toEqual(['Dataåret skal være et årstal fra 2016, ikke "1999".', "Et dataår står to gange."]);
    expect(byField("followUpFrom")).toEqual(["Opfølgningens første år (2022) ligger efter handleplanens første dataår (1999)."]);
    expect(byField("actions.0.text")).toEqual(['Feltet "Handling 1" skal udfyldes.']);
    expect(byField("actions.0.dueDate")).toEqual(['Fristen for handling 1 skal være en dato (ÅÅÅÅ-MM-DD), ikke "2023-02-30".']);
    expect(byField("focusAreas.1")).toEqual(["Fokusområde 2 står allerede i handleplanen."]);
    expect(byField("focusAreas.2")).toEqual(['Fokusområde 3: Ukendt paragrafgruppe "nope".']);
    expect(byField("focusAreas.3")).toEqual(['Fokusområde 4: Sagsemnet "Kontanthjælp § 11" hører under "Lov om aktiv socialpolitik", som ikke indgår i danmarkskortene.']);
    expect(byField("evaluations.2022")[0]).toMatch(/styretegn \(U\+0000\)/);
  });

  it("lists every free-text field for the CPR guard", () => {
    const plan = seedPlan({ focusAreas: [{ kind: "subject", subject: "Voksne - § 85", law: "Serviceloven" }], evaluations: [{ year: 2022, text: "Evalueret" }] });
    expect(planTextFields(plan).map((f) => f.fieldDa)).toEqual([
      "Titel",
      "Baggrund (beslutning)",
      "Mål",
      ...plan.actions.flatMap((_, i) => [`Handling ${i + 1}`, `Ansvarlig for handling ${i + 1}`]),
      "Fokusområde 1",
      "Evaluering 2022",
    ]);
  });

  it("stores texts trimmed and years in order", () => {
    const n = normaliseActionPlan(seedPlan({ title: "  T  ", dataYears: [2022, 2021], evaluations: [{ year: 2023, text: " b " }, { year: 2022, text: "a" }], actions: [{ text: " x ", owner: " y ", dueDate: " ", status: "planned" }] }));
    expect(n).toMatchObject({ title: "T", dataYears: [2021, 2022], evaluations: [{ year: 2022, text: "a" }, { year: 2023, text: "b" }], actions: [{ text: "x", owner: "y", dueDate: null }] });
  });

  it("names focus areas as the maps do, and keys a chosen subject without case or space", () => {
    expect(focusAreaNameDa({ kind: "group", groupId: "sel-95" })).toBe("Voksne – kontante tilskud § 95");
    expect(focusAreaNameDa({ kind: "map", map: "socialomraadet", area: "adults" })).toBe("Socialområdet generelt, voksenområdet");
    expect(focusAreaNameDa({ kind: "subject", subject: "Voksne - § 85 ", law: "Serviceloven" })).toBe("Voksne - § 85 (serviceloven)");
    expect(focusAreaKey({ kind: "subject", subject: "Voksne - § 85 ", law: "Serviceloven" })).toBe(focusAreaKey({ kind: "subject", subject: "voksne - § 85", law: "SEL" }));
    expect(new Set(FOCUS_AREA_GROUPS.map((g) => g.id)).size).toBe(FOCUS_AREA_GROUPS.length);
  });
});
