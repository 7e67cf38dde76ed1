import type { ReportContext } from "../report-context.js";
import type { ReportBlock } from "../report-document.js";
import { missingEarlierYearsText, previousYearLoaded } from "./map-result-text.js";

/**
 * What the map is and the two terms Ankestyrelsen computes it with, in the words the seeds use (Herning 2025:
 * "Når Ankestyrelsen udregner omgørelsesprocenter, bruger de disse begreber"; domain.md §2), and what the rate
 * does not say. Where last year is not loaded, one sentence says so here, once for the whole item (issue 16, 7).
 */
export function buildIntroductionSection(ctx: ReportContext): ReportBlock[] {
  return [
    {
      kind: "paragraph",
      text: "Når en borger klager over en kommunal afgørelse på socialområdet, er det Ankestyrelsen, der behandler klagen. Når Ankestyrelsen udregner omgørelsesprocenter, bruger den disse begreber:",
    },
    {
      kind: "bullets",
      items: [
        "Genbehandling i kommunen: Dette kaldes også hjemvisning. Mangler der fx væsentlige oplysninger i en sag, sender Ankestyrelsen sagen tilbage til kommunen, som skal behandle den igen og træffe en ny afgørelse.",
        "Ændring/ophævelse: Ankestyrelsen er helt eller delvist uenig i afgørelsen og ændrer eller ophæver den.",
      ],
    },
    {
      kind: "paragraph",
      text:
        "Omgørelsesprocenten er den andel af de realitetsbehandlede afgørelser, som Ankestyrelsen ændrer, ophæver eller hjemviser. Afviste sager indgår ikke. " +
        "Omgørelsesprocenten omfatter kun de afgørelser, borgerne har klaget over, og siger derfor ikke noget om, hvor stor en del af kommunens samlede afgørelser der indeholder mangler. " +
        "En hjemvisning betyder heller ikke nødvendigvis, at afgørelsen bliver en anden.",
    },
    { kind: "paragraph", text: "Der er tre danmarkskort: et for socialområdet generelt, et for børnehandicapområdet og et for voksenhandicapområdet." },
    ...(previousYearLoaded(ctx) ? [] : [{ kind: "paragraph" as const, text: missingEarlierYearsText(ctx) }]),
  ];
}
