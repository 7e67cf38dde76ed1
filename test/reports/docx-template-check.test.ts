import { Document, Packer, Paragraph, TextRun } from "docx";
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { checkDocxTemplate, DocxTemplateError } from "../../src/reports/render-agenda-item-docx-template.js";

/** A one-section Word file with these paragraphs, made with docx (as a user's template would be made in Word). */
async function templateWith(...paragraphs: string[]): Promise<Buffer> {
  return Packer.toBuffer(new Document({ sections: [{ children: paragraphs.map((p) => new Paragraph({ children: [new TextRun(p)] })) }] }));
}

/** Issue 16, point 2: a municipality's template is checked before it is stored; an unknown placeholder is named. */
describe("checkDocxTemplate", () => {
  it("accepts the sample template that ships with the product and lists its placeholders", async () => {
    const used = checkDocxTemplate(await readFile(new URL("../../templates/dagsordenpunkt-skabelon.docx", import.meta.url)));
    expect(used).toContain("titel");
    expect(used.some((p) => p.startsWith("@"))).toBe(true);
  });

  it("names a misspelt placeholder in Danish", async () => {
    const bad = await templateWith("Journalnummer: {journalnumer}", "{@indhold}");
    expect(() => checkDocxTemplate(bad)).toThrow(DocxTemplateError);
    expect(() => checkDocxTemplate(bad)).toThrow(/^Skabelonen bruger pladsholderen »\{journalnumer\}«, som ikke findes\. Pladsholderne er: \{titel\}, /);
  });

  it("refuses a loop, an unclosed placeholder and a file that is no DOCX", async () => {
    expect(() => checkDocxTemplate(Buffer.alloc(0))).toThrow("Skabelonen kan ikke læses som en Word-fil (DOCX).");
    await expect(templateWith("{#kommune}x{/kommune}").then(checkDocxTemplate)).rejects.toThrow("Skabelonen bruger »{#kommune}«: gentagelser og betingelser");
    await expect(templateWith("{titel").then(checkDocxTemplate)).rejects.toThrow(/fejl i en pladsholder/);
  });
});
