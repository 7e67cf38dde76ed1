import { describe, expect, it } from "vitest";
import { readZipEntry } from "../../../test/reports/support/read-zip-entry.js";
import { buildReminderLetterModel, renderReminderLetterDocx } from "./reminder-letter.js";
import { asMunicipalityCode } from "../../domain/municipality.js";

const base = { municipalityCode: asMunicipalityCode("0151"), dataYear: 2024, statusSentenceDa: "Kommunalbestyrelsen sendte sagen tilbage den 7. oktober 2025; behandlingen er ikke afsluttet.", actionPlanSentenceDa: null, orderDeadline: null, today: "2025-10-20" } as const;

describe("the letter to a council after Ankestyrelsen's review", () => {
  it("asks for what the reviewer chose, on the record's own words and § 79 b", () => {
    const reminder = buildReminderLetterModel({ ...base, category: "reminded-of-deadline" });
    expect(reminder.titleDa).toBe("Danmarkskortet for 2024: påmindelse om fristen for kommunalbestyrelsens behandling");
    expect(reminder.recipientDa).toBe("Ballerup Kommune, kommunalbestyrelsen");
    expect(reminder.dateLineDa).toBe("20. oktober 2025");
    expect(reminder.paragraphsDa.join(" ")).toContain("senest 31. december 2025");
    expect(reminder.paragraphsDa).toContain(`Af kommunens registrering fremgår: ${base.statusSentenceDa}`);
    const order = buildReminderLetterModel({ ...base, category: "ordered-plan", orderDeadline: "2026-06-30" });
    expect(order.titleDa).toContain("påbud om handleplan");
    expect(order.paragraphsDa.at(-1)).toContain("§ 79 b, stk. 3) senest 30. juni 2026");
    expect(buildReminderLetterModel({ ...base, category: "asked-for-stance", actionPlanSentenceDa: "Beslutningen mangler." }).paragraphsDa).toContain("Om handleplan (§ 79 b, stk. 2–3): Beslutningen mangler.");
    expect(buildReminderLetterModel({ ...base, category: "none" }).titleDa).toContain("ikke anledning til opfølgning");
  });

  it("is a Word document with the title and every paragraph", async () => {
    const model = buildReminderLetterModel({ ...base, category: "reminded-of-deadline" });
    const xml = readZipEntry(await renderReminderLetterDocx(model), "word/document.xml").toString("utf8");
    expect(xml).toContain(model.titleDa);
    expect(xml).toContain("sendte sagen tilbage den 7. oktober 2025");
    expect(xml).toContain("Med venlig hilsen");
  });
});
