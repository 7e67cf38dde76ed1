import type { MunicipalityMapFigures } from "../agenda-item-figures.js";
import type { ReportContext } from "../report-context.js";
import type { ReportBlock } from "../report-document.js";
import { formatInteger } from "../../domain/format-danish-number.js";
import { endSentence, joinDa, pct } from "../report-phrases.js";
import { generalMapLaws } from "./map-provisions-da.js";
import { buildMapTable } from "./map-table.js";
import { compositionText, municipalityTotal, plural, revisionText } from "./map-result-text.js";
import { mapLinkBlock } from "./map-link.js";
import { sentences, shortMunicipalityText, shortNationalText, shortPreviousYearText, shortVerdictText, trendText } from "./short-map-text.js";

function revisionBlocks(text: string | null): ReportBlock[] {
  return text === null ? [] : [{ kind: "paragraph", text, emphasis: "note" }];
}

/**
 * "Socialområdet generelt" with Tabel 1 split into children and adults, in the seed's order and length
 * (Herning 2025): what the map covers, the national figure and last year, the municipality's figure and last
 * year, the trend in one sentence, the verdict with its interval in one sentence, the table, the two areas.
 */
export function buildSocialMapSection(ctx: ReportContext, mf: MunicipalityMapFigures): ReportBlock[] {
  const laws = joinDa(generalMapLaws(ctx.year));
  const label = ctx.nextTableLabel();
  const blocks: ReportBlock[] = [
    { kind: "heading", level: 3, text: "Socialområdet generelt" },
    {
      kind: "paragraph",
      text:
        `Kortet for socialområdet generelt omfatter alle bestemmelser i ${laws}, hvor kommunens afgørelse kan påklages til Ankestyrelsen, på både børne- og voksenområdet – også bestemmelserne i de to handicapkort. ` +
        "Afgørelser om tvangsmæssige foranstaltninger over for børn og unge, fx anbringelse uden samtykke, og tvangsadoption indgår ikke.",
    },
    { kind: "paragraph", text: endSentence(shortNationalText(ctx, mf, "socialområdet generelt")) },
    { kind: "paragraph", text: sentences(shortMunicipalityText(ctx, mf, "socialområdet"), shortPreviousYearText(ctx, mf), trendText(ctx, mf)) },
    ...revisionBlocks(revisionText(ctx, mf, "socialområdet")),
    ...(municipalityTotal(mf).kind === "estimate" ? [{ kind: "paragraph" as const, text: shortVerdictText(ctx, mf) }] : []),
    {
      kind: "paragraph",
      text: `${label} viser omgørelsesprocenterne på landsplan og i ${ctx.municipality}, i alt og opdelt på børneområdet og voksenområdet, og hvad omgørelsen har ført til: ændring/ophævelse eller genbehandling i kommunen.`,
    },
    buildMapTable({
      label,
      caption: `Omgørelsesprocenter på socialområdet på landsplan og i ${ctx.municipality} ${ctx.year}`,
      municipality: ctx.municipality,
      areas: mf.areas,
    }),
  ];
  const total = mf.areas.find((a) => a.area === "total")?.municipality;
  // Adults first, then children, as the Herning seed writes it under its Tabel 1.
  for (const area of ["adults", "children"] as const) {
    const e = mf.areas.find((a) => a.area === area)?.municipality;
    if (!e || total?.kind !== "estimate") continue;
    const areaName = area === "adults" ? "voksenområdet" : "børneområdet";
    // An area without cases needs no sentence: the other area's reads "Alle/Begge … er på …".
    if (e.kind !== "estimate") continue;
    const share =
      e.decided < total.decided
        ? `Af de ${plural(total.decided, "afgørelse", "afgørelser")} vedrørende ${ctx.municipality} ${e.decided === 1 ? "er 1" : `er de ${formatInteger(e.decided)}`} på ${areaName}.`
        : total.decided === 1
          ? `Afgørelsen vedrørende ${ctx.municipality} er på ${areaName}.`
          : `${total.decided === 2 ? "Begge" : `Alle ${formatInteger(total.decided)}`} afgørelser vedrørende ${ctx.municipality} er på ${areaName}.`;
    const reversed =
      e.reversed === 0
        ? e.decided === 1
          ? "Den er ikke omgjort."
          : "Ingen af dem er omgjort."
        : e.decided === 1
          ? `Den er omgjort${e.counts.changed === 1 ? " (ændret eller ophævet)" : ": Ankestyrelsen har bedt kommunen om at behandle sagen igen"}.`
          : `Heraf er ${plural(e.reversed, "afgørelse", "afgørelser")} omgjort, svarende til ${endSentence(pct(e.reversalRate))} ${compositionText(e)}`;
    blocks.push({ kind: "paragraph", text: `${share} ${reversed}` });
  }
  const context = ctx.contextNotes[mf.map];
  if (context) blocks.push({ kind: "paragraph", text: context });
  blocks.push(mapLinkBlock(ctx, mf.map));
  return blocks;
}
