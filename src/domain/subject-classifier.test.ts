import { describe, expect, it } from "vitest";
import { createSubjectClassifier, cellBelongsTo } from "./subject-classifier.js";
import { classifySubject } from "./classify-subject.js";
import { DEFAULT_MAP_RULES } from "./map-rules.js";

const classify = createSubjectClassifier(DEFAULT_MAP_RULES);

describe("createSubjectClassifier and cellBelongsTo", () => {
  it("gives the same answer as classifySubject, including for the same label in another year", () => {
    const label = { subject: "Voksne - borgerstyret personlig assistance - § 96", law: "Serviceloven" };
    for (const year of [2016, 2017, 2016]) {
      expect(classify({ ...label, year })).toEqual(classifySubject({ ...label, year }, DEFAULT_MAP_RULES));
    }
  });

  it("takes every area for 'total' and only the matching area otherwise", () => {
    const adults = classify({ subject: "Voksne - ledsageordning - § 97", law: "Serviceloven", year: 2024 });
    expect(cellBelongsTo(adults, "socialomraadet", "total")).toBe(true);
    expect(cellBelongsTo(adults, "socialomraadet", "adults")).toBe(true);
    expect(cellBelongsTo(adults, "socialomraadet", "children")).toBe(false);
    expect(cellBelongsTo(adults, "boernehandicapomraadet", "total")).toBe(false);
    const unknownArea = classify({ subject: "Generelle bestemmelser § 11", law: "Serviceloven", year: 2024 });
    expect(cellBelongsTo(unknownArea, "socialomraadet", "total")).toBe(true);
    expect(cellBelongsTo(unknownArea, "socialomraadet", "children")).toBe(false);
  });
});
