import { MAP_DEFINITIONS } from "../../domain/map-definition.js";
import type { MunicipalityMapFigures } from "../agenda-item-figures.js";
import type { ReportContext } from "../report-context.js";
import type { ReportBlock } from "../report-document.js";
import { endSentence } from "../report-phrases.js";
import { ADULT_MAP_PROVISIONS, childMapProvisions } from "./map-provisions-da.js";
import { mapLinkBlock } from "./map-link.js";
import { buildMapTable } from "./map-table.js";
import { municipalityTotal, revisionText } from "./map-result-text.js";
import { sentences, shortMunicipalityText, shortNationalText, shortPreviousYearText, shortVerdictText } from "./short-map-text.js";

/**
 * "Børnehandicapområdet" (Tabel 2) and "Voksenhandicapområdet" (Tabel 3) in the seed's length: the provisions
 * the map covers (both laws' lists where both count that year), the national figure and last year, the
 * municipality's figure and last year, the verdict with its interval in one sentence, the table.
 */
export function buildDisabilityMapSection(ctx: ReportContext, mf: MunicipalityMapFigures): ReportBlock[] {
  const definition = MAP_DEFINITIONS[mf.map];
  const phrase = definition.shortNameDa;
  const blocks: ReportBlock[] = [{ kind: "heading", level: 3, text: definition.nameDa }];
  if (ctx.year < definition.firstDataYear) {
    blocks.push({ kind: "paragraph", text: `Kortet for ${phrase} blev første gang offentliggjort for dataåret ${definition.firstDataYear}. Der er derfor ingen tal for ${ctx.year}.` });
    return blocks;
  }
  if (mf.map === "boernehandicapomraadet") {
    const provisions = childMapProvisions(ctx.year);
    blocks.push({ kind: "paragraph", text: provisions.intro });
    for (const list of provisions.lists) {
      if (provisions.lists.length > 1) blocks.push({ kind: "paragraph", text: `${list.lawDa}:` });
      blocks.push({ kind: "bullets", items: list.items });
    }
  } else {
    blocks.push(
      { kind: "paragraph", text: "Kortet for voksenhandicapområdet omfatter kun følgende bestemmelser i serviceloven og viser dermed kun en mindre del af Ankestyrelsens afgørelser på voksenområdet:" },
      { kind: "bullets", items: ADULT_MAP_PROVISIONS },
    );
  }
  blocks.push({ kind: "paragraph", text: endSentence(shortNationalText(ctx, mf, phrase)) });
  blocks.push({ kind: "paragraph", text: sentences(shortMunicipalityText(ctx, mf, `de nævnte bestemmelser på ${phrase}`), shortPreviousYearText(ctx, mf)) });
  const revision = revisionText(ctx, mf, phrase);
  if (revision) blocks.push({ kind: "paragraph", text: revision, emphasis: "note" });
  if (municipalityTotal(mf).kind === "estimate") blocks.push({ kind: "paragraph", text: shortVerdictText(ctx, mf) });
  const label = ctx.nextTableLabel();
  blocks.push(
    buildMapTable({
      label,
      caption: `Omgørelsesprocenter på ${phrase} på landsplan og i ${ctx.municipality} ${ctx.year}`,
      municipality: ctx.municipality,
      areas: mf.areas,
    }),
  );
  const context = ctx.contextNotes[mf.map];
  if (context) blocks.push({ kind: "paragraph", text: context });
  blocks.push(mapLinkBlock(ctx, mf.map));
  return blocks;
}
