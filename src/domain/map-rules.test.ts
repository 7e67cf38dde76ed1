import { describe, expect, it } from "vitest";
import { MAP_DEFINITIONS, MAP_IDS } from "./map-definition.js";
import { DEFAULT_MAP_RULES } from "./map-rules.js";

describe("DEFAULT_MAP_RULES", () => {
  const allIds = [
    ...DEFAULT_MAP_RULES.mapRules.map((r) => r.id),
    ...DEFAULT_MAP_RULES.exclusions.map((r) => r.id),
    ...DEFAULT_MAP_RULES.areaRules.map((r) => r.id),
  ];

  it("gives every rule a unique id, so import summaries can name the rule that matched", () => {
    expect(new Set(allIds).size).toBe(allIds.length);
  });

  it("cites its source on every map rule", () => {
    for (const rule of DEFAULT_MAP_RULES.mapRules) expect(rule.source).toMatch(/domain\.md/);
  });

  it("covers every map, and starts no map before its first published data year", () => {
    for (const map of MAP_IDS) {
      const rules = DEFAULT_MAP_RULES.mapRules.filter((r) => r.map === map);
      expect(rules.length).toBeGreaterThan(0);
      expect(Math.min(...rules.map((r) => r.valid.from))).toBe(MAP_DEFINITIONS[map].firstDataYear);
    }
  });

  it("dates barnets lov from 2024 and ældreloven from 2025", () => {
    for (const rule of DEFAULT_MAP_RULES.mapRules.filter((r) => r.law === "BL")) expect(rule.valid.from).toBe(2024);
    for (const rule of DEFAULT_MAP_RULES.mapRules.filter((r) => r.law === "AEL")) expect(rule.valid.from).toBe(2025);
  });

  it("lets every exclusion be reached: no earlier exclusion swallows a later one's labels", () => {
    const examples: Record<string, string> = {
      "exclude-boern-og-unge-udvalg": "Anbringelse uden samtykke",
      "exclude-tvangsadoption": "Adoption uden samtykke",
    };
    for (const exclusion of DEFAULT_MAP_RULES.exclusions) {
      const example = examples[exclusion.id];
      expect(example, `an example label for ${exclusion.id}`).toBeDefined();
      expect(DEFAULT_MAP_RULES.exclusions.find((e) => e.labelPattern.test(example!))?.id).toBe(exclusion.id);
    }
  });
});
