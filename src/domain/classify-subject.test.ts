import { describe, expect, it } from "vitest";
import { classifySubject, type SubjectClassification } from "./classify-subject.js";
import { DEFAULT_MAP_RULES } from "./map-rules.js";

const classify = (subject: string, law: string, year: number): SubjectClassification =>
  classifySubject({ subject, law, year }, DEFAULT_MAP_RULES);

function classified(result: SubjectClassification) {
  if (result.kind !== "classified") throw new Error(`expected classified, got ${JSON.stringify(result)}`);
  return result;
}

describe("classifySubject: maps (domain.md §3)", () => {
  it("puts a SEL § 41 label on the general map and the child disability map, as children", () => {
    const result = classified(classify("Merudgiftydelse §41 + tilbagebetaling", "Serviceloven", 2020));
    expect(result.law).toBe("SEL");
    expect(result.maps).toEqual(["socialomraadet", "boernehandicapomraadet"]);
    expect(result.area).toBe("children");
  });

  it.each([
    "Pasningstilbud, hjemmetræning m.m. §§32, 32a, 36, 39-40 + tilbagebet.",
    "Tabt arbejdsfortjeneste §§ 42,43 + tilbagebetaling",
    "Personlig hjælp og ledsagelse §§44, 45 + tilbagebetaling",
  ])("puts the SEL child disability label %j on the child disability map", (label) => {
    expect(classified(classify(label, "Serviceloven", 2019)).maps).toContain("boernehandicapomraadet");
  });

  it("does NOT put a barnets lov § 32 label on the child disability map: barnets lov renumbered the provisions", () => {
    const result = classified(classify("Børn - merudgifter - § 32", "Barnets lov", 2024));
    expect(result.maps).toEqual(["socialomraadet"]);
    expect(result.area).toBe("children");
  });

  it("puts barnets lov §§ 82-85 and § 90 on the child disability map from 2024", () => {
    expect(classified(classify("Børn - merudgifter §§ 82-85", "Barnets lov", 2024)).maps).toContain("boernehandicapomraadet");
    expect(classified(classify("Børn - tabt arbejdsfortjeneste - § 87", "Barnets lov", 2025)).maps).toContain("boernehandicapomraadet");
  });

  it("keeps old SEL child disability cases decided after 2024 on the child disability map", () => {
    expect(classified(classify("Merudgiftydelse §41 + tilbagebetaling", "Serviceloven", 2024)).maps).toContain("boernehandicapomraadet");
  });

  it("classifies by the label's own paragraphs, not by a cross-reference ('jf. …')", () => {
    // § 90 is the label's own provision: on the child map. A label whose own paragraph is § 1 and that only
    // refers to § 90 is not.
    expect(classified(classify("Børn - § 90, jf. servicelovens § 84", "Barnets lov", 2024)).maps).toContain("boernehandicapomraadet");
    expect(classified(classify("Børn - generelle bestemmelser § 1, jf. barnets lovs § 90", "Barnets lov", 2024)).maps).toEqual(["socialomraadet"]);
  });

  it("puts 'Voksne - borgerstyret personlig assistance - § 96' on the adult disability map from 2017, not 2016 (first published map)", () => {
    const label = "Voksne - borgerstyret personlig assistance - § 96";
    const in2017 = classified(classify(label, "Serviceloven", 2017));
    expect(in2017.maps).toEqual(["socialomraadet", "voksenhandicapomraadet"]);
    expect(in2017.area).toBe("adults");
    const in2016 = classified(classify(label, "Serviceloven", 2016));
    expect(in2016.maps).toEqual(["socialomraadet"]);
    expect(in2016.area).toBe("adults");
  });

  it.each(["Voksne - kontante tilskud § 95", "Voksne - ledsageordning - § 97", "Voksne - merudgifter - § 100"])(
    "puts %j on the adult disability map",
    (label) => {
      expect(classified(classify(label, "Serviceloven", 2023)).maps).toContain("voksenhandicapomraadet");
    },
  );

  it("records which rules matched, so a person can see why", () => {
    expect(classified(classify("Voksne - ledsageordning - § 97", "Serviceloven", 2023)).ruleIds).toEqual([
      "social-sel",
      "voksenhandicap-sel",
      "area-prefix-adults",
    ]);
  });
});

describe("classifySubject: children and adults", () => {
  it("reads the area from the 'Børn - …' / 'Voksne - …' prefix, also behind a talportal number", () => {
    expect(classified(classify("1.9 Børn - efterværn - §§ 68 og 76", "Serviceloven", 2022)).area).toBe("children");
    expect(classified(classify("Voksne - ledsageordning - § 97", "Serviceloven", 2022)).area).toBe("adults");
  });

  it("falls back on the law (barnets lov: children) and on SEL's chapters (§§ 32-76 children, §§ 77 ff. adults)", () => {
    expect(classified(classify("Efterværn § 114", "Barnets lov", 2024)).area).toBe("children");
    expect(classified(classify("Merudgiftydelse §41 + tilbagebetaling", "Serviceloven", 2020)).area).toBe("children");
    expect(classified(classify("Botilbud § 108", "Serviceloven", 2020)).area).toBe("adults");
  });

  it("says 'unknown' rather than guessing when nothing decides the area", () => {
    const result = classified(classify("Generelle bestemmelser § 11", "Serviceloven", 2020));
    expect(result.maps).toEqual(["socialomraadet"]);
    expect(result.area).toBe("unknown");
  });
});

describe("classifySubject: nothing is dropped silently", () => {
  it("marks a label with an empty law as unclassified, with a Danish reason", () => {
    expect(classify("Merudgiftydelse §41", "", 2020)).toEqual({ kind: "unclassified", reasonDa: "Lovgrundlaget (Lovgivning) mangler for sagsemnet" });
    expect(classify("Merudgiftydelse §41", "   ", 2020).kind).toBe("unclassified");
  });

  it("marks another law as outside the maps, naming the law", () => {
    const result = classify("Kontanthjælp § 11", "Lov om aktiv socialpolitik", 2020);
    expect(result).toMatchObject({ kind: "outside-maps", law: "other", ruleId: "law-other" });
    if (result.kind === "outside-maps") expect(result.reasonDa).toContain("Lov om aktiv socialpolitik");
  });

  it("marks a law no map covers that year as unclassified (barnets lov before 2024, ældreloven before 2025)", () => {
    expect(classify("Børn - § 90", "Barnets lov", 2023)).toEqual({ kind: "unclassified", reasonDa: "Ingen kortregel dækker BL for dataåret 2023" });
    expect(classify("Hjemmehjælp § 10", "Ældreloven", 2024).kind).toBe("unclassified");
    expect(classified(classify("Hjemmehjælp § 10", "Ældreloven", 2025)).area).toBe("adults");
  });

  it.each([
    ["Børn - anbringelse uden samtykke § 58", "exclude-boern-og-unge-udvalg"],
    ["Tvangsmæssige foranstaltninger - børn og unge-udvalget", "exclude-boern-og-unge-udvalg"],
    ["Tvangsadoption", "exclude-tvangsadoption"],
    ["Adoption uden samtykke", "exclude-tvangsadoption"],
  ])("excludes %j by rule %s, even under serviceloven", (label, ruleId) => {
    expect(classify(label, "Serviceloven", 2020)).toMatchObject({ kind: "outside-maps", law: "SEL", ruleId });
  });
});
