import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from "docx";
import type { FollowUpCategory } from "../../domain/compliance-follow-up.js";
import { formatDanishDate } from "../../domain/council-treatment.js";
import { assertNever } from "../../domain/assert-never.js";
import { councilDeadline } from "../../domain/legal-rules.js";
import type { MunicipalityCode } from "../../domain/municipality.js";
import { municipalityDisplayName } from "../municipality-display-name.js";

/**
 * Ankestyrelsen's letter to one council after its review of the year's treatment (issue 15, item 4): the
 * reviewer's follow-up category decides what the letter asks for. A draft for a person to read and sign:
 * it states what the council's confirmed record says and cites § 79 b, and makes no claim beyond that.
 */
export type ReminderLetterModel = {
  readonly fileStem: string;
  readonly dateLineDa: string;
  readonly recipientDa: string;
  readonly titleDa: string;
  readonly paragraphsDa: readonly string[];
  readonly closingDa: string;
};

export function buildReminderLetterModel(input: {
  readonly municipalityCode: MunicipalityCode;
  readonly dataYear: number;
  readonly category: FollowUpCategory;
  /** The record's status in one sentence ("Kommunalbestyrelsen sendte sagen tilbage den …"). */
  readonly statusSentenceDa: string;
  /** The record's action-plan sentence, when § 79 b stk. 2–3 applies to the year; else null. */
  readonly actionPlanSentenceDa: string | null;
  /** The deadline of an order, when Ankestyrelsen has given one. */
  readonly orderDeadline: string | null;
  /** Today's date in Denmark (ISO): the core reads no clock. */
  readonly today: string;
}): ReminderLetterModel {
  const name = municipalityDisplayName(input.municipalityCode);
  const year = input.dataYear;
  const deadline = formatDanishDate(councilDeadline(year));
  const basis = `Efter retssikkerhedslovens § 79 b, stk. 1 skal kommunalbestyrelsen behandle danmarkskortet over omgørelsesprocenter for ${year} på et møde senest ${deadline}.`;
  const record = `Af kommunens registrering fremgår: ${input.statusSentenceDa}`;
  const plan = input.actionPlanSentenceDa ? [`Om handleplan (§ 79 b, stk. 2–3): ${input.actionPlanSentenceDa}`] : [];
  let title: string;
  let ask: string[];
  switch (input.category) {
    case "none":
      title = `Danmarkskortet for ${year}: Ankestyrelsens gennemgang giver ikke anledning til opfølgning`;
      ask = ["Ankestyrelsen har gennemgået kommunens behandling af kortet og foretager sig ikke mere i sagen."];
      break;
    case "asked-for-stance":
      title = `Danmarkskortet for ${year}: anmodning om stillingtagen til handleplan`;
      ask = [
        "Ankestyrelsen beder kommunalbestyrelsen tage stilling til, om der er behov for en handleplan for at styrke retssikkerheden i kommunens sagsbehandling (retssikkerhedslovens § 79 b, stk. 2), og sende Ankestyrelsen kommunalbestyrelsens beslutning.",
      ];
      break;
    case "ordered-plan":
      title = `Danmarkskortet for ${year}: påbud om handleplan`;
      ask = [
        `Ankestyrelsen pålægger kommunalbestyrelsen at udarbejde en handleplan (retssikkerhedslovens § 79 b, stk. 3)${input.orderDeadline ? ` senest ${formatDanishDate(input.orderDeadline)}` : ""} og at sende den til Ankestyrelsen.`,
      ];
      break;
    case "reminded-of-deadline":
      title = `Danmarkskortet for ${year}: påmindelse om fristen for kommunalbestyrelsens behandling`;
      ask = [`Ankestyrelsen minder om, at kommunalbestyrelsen skal behandle kortet senest ${deadline}, og beder om referatet af behandlingen, når den har fundet sted.`];
      break;
    default:
      return assertNever(input.category);
  }
  return {
    fileStem: `brev-${input.municipalityCode}-${year}`,
    dateLineDa: formatDanishDate(input.today),
    recipientDa: `${name}, kommunalbestyrelsen`,
    titleDa: title,
    paragraphsDa: [basis, record, ...plan, ...ask],
    closingDa: "Med venlig hilsen\nAnkestyrelsen",
  };
}

/** The letter as Word (DOCX), A4, in Danish, for the reviewer to finish and send. */
export async function renderReminderLetterDocx(model: ReminderLetterModel): Promise<Buffer> {
  const doc = new Document({
    creator: "danmarkskort",
    title: model.titleDa,
    styles: { default: { document: { run: { font: "Calibri", size: 22, language: { value: "da-DK" } }, paragraph: { spacing: { after: 200 } } } } },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1418, bottom: 1134, left: 1418, right: 1134 } } },
        children: [
          new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun(model.dateLineDa)] }),
          new Paragraph({ children: [new TextRun(model.recipientDa)] }),
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(model.titleDa)] }),
          ...model.paragraphsDa.map((p) => new Paragraph({ children: [new TextRun(p)] })),
          ...model.closingDa.split("\n").map((line) => new Paragraph({ spacing: { after: 0 }, children: [new TextRun(line)] })),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
