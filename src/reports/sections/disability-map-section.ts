import { MAP_DEFINITIONS } from "../../domain/map-definition.js";
import type { MapFigures } from "../agenda-item-figures.js";
import type { ReportContext } from "../report-context.js";
import type { ReportBlock } from "../report-document.js";
import { endSentence } from "../report-phrases.js";
import { ADULT_MAP_PROVISIONS, childMapProvisions } from "./map-provisions-da.js";
import { buildMapTable } from "./map-table.js";
import { fewCasesText, municipalityText, municipalityTotal, nationalText, previousYearText, versusNationalText } from "./map-result-text.js";

/**
 * "Børnehandicapområdet" (Tabel 2) and "Voksenhandicapområdet" (Tabel 3): the provisions the map covers,
 * national and municipal figures, last year, and a plain caveat when the cases are few (seed: Herning 2025,
 * where the adult map had 5 cases).
 */
export function buildDisabilityMapSection(ctx: ReportContext, mf: MapFigures): ReportBlock[] {
  const definition = MAP_DEFINITIONS[mf.map];
  const isChild = mf.map === "boernehandicapomraadet";
  const phrase = definition.shortNameDa;
  const blocks: ReportBlock[] = [{ kind: "heading", level: 3, text: definition.nameDa }];
  if (ctx.year < definition.firstDataYear) {
    blocks.push({ kind: "paragraph", text: `Kortet for ${phrase} blev første gang offentliggjort for dataåret ${definition.firstDataYear}. Der er derfor ingen tal for ${ctx.year}.` });
    return blocks;
  }
  if (isChild) {
    const provisions = childMapProvisions(ctx.year);
    blocks.push({ kind: "paragraph", text: provisions.intro }, { kind: "bullets", items: provisions.items });
  } else {
    blocks.push(
      { kind: "paragraph", text: "Kortet for særlige bestemmelser i serviceloven på voksenhandicapområdet omfatter kun følgende bestemmelser:" },
      { kind: "bullets", items: ADULT_MAP_PROVISIONS },
      { kind: "paragraph", text: "Kortet viser således kun en mindre del af Ankestyrelsens afgørelser i klagesager på voksenområdet." },
    );
  }
  blocks.push({ kind: "paragraph", text: endSentence(nationalText(ctx, mf, phrase)) });
  const own = municipalityTotal(mf);
  blocks.push({ kind: "paragraph", text: `${municipalityText(ctx, mf, `de nævnte bestemmelser på ${phrase}`)} ${previousYearText(ctx, mf)}` });
  // With no decided case there is no rate to compare; the paragraph above already says so.
  if (own.kind === "estimate") blocks.push({ kind: "paragraph", text: versusNationalText(ctx, mf.versusNational) });
  const label = ctx.nextTableLabel();
  blocks.push(
    { kind: "paragraph", text: `${label} viser omgørelsesprocenten på landsplan og i ${ctx.municipality} på ${phrase}, og hvad omgørelsen har ført til.` },
    buildMapTable({
      label,
      caption: `Omgørelsesprocenter på ${phrase} på landsplan og i ${ctx.municipality} ${ctx.year}`,
      municipality: ctx.municipality,
      areas: mf.areas,
    }),
  );
  const caveat = fewCasesText(own);
  if (caveat) blocks.push({ kind: "paragraph", text: caveat, emphasis: "note" });
  return blocks;
}
