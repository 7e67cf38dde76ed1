import type { ReportContext } from "../report-context.js";
import type { ReportBlock } from "../report-document.js";
import { ministryName } from "../report-phrases.js";

/**
 * What the map is, how the rate is computed and what it does not say. Definitions follow Ankestyrelsen's
 * "Begreber fra statistikken" (domain.md §2); the caveats are those municipalities themselves write
 * (seeds: Herning and Ballerup 2025).
 */
export function buildIntroductionSection(ctx: ReportContext): ReportBlock[] {
  return [
    {
      kind: "paragraph",
      text:
        "Når en borger klager over en kommunal afgørelse på socialområdet, er det Ankestyrelsen, der behandler klagen. " +
        `${ministryName(ctx.treatment.publicationYear)} offentliggør hvert år et danmarkskort, der for hver kommune viser, hvor stor en del af kommunens afgørelser Ankestyrelsen har omgjort. ` +
        `Danmarkskortet for ${ctx.year} blev offentliggjort ${ctx.treatment.publishedOn ? "den " : ""}${ctx.treatment.publishedDa} og bygger på de klagesager, Ankestyrelsen afgjorde i ${ctx.year}.`,
    },
    { kind: "heading", level: 3, text: "Sådan beregnes omgørelsesprocenten" },
    { kind: "paragraph", text: "Ankestyrelsen afgør en klagesag på en af disse måder:" },
    {
      kind: "bullets",
      items: [
        "Stadfæstelse: Ankestyrelsen er enig i kommunens afgørelse.",
        "Ændring/ophævelse: Ankestyrelsen er helt eller delvist uenig i afgørelsen og ændrer eller ophæver den.",
        "Genbehandling i kommunen (hjemvisning): Ankestyrelsen sender sagen tilbage til kommunen, som skal behandle den igen og træffe en ny afgørelse, fx fordi væsentlige oplysninger mangler.",
        "Afvisning: Ankestyrelsen behandler ikke klagen, fx fordi den er kommet for sent eller er trukket tilbage.",
      ],
    },
    {
      kind: "paragraph",
      text:
        "Omgørelsesprocenten er antallet af ændrede/ophævede og hjemviste afgørelser i procent af de realitetsbehandlede afgørelser, dvs. stadfæstede, ændrede/ophævede og hjemviste. " +
        "Afviste sager indgår ikke. En afgørelse tæller én gang for hvert sagsemne, den vedrører, og indgår i det år, hvor Ankestyrelsen traf den.",
    },
    { kind: "heading", level: 3, text: "Hvad omgørelsesprocenten ikke viser" },
    {
      kind: "bullets",
      items: [
        "Omgørelsesprocenten omfatter kun de afgørelser, borgerne har klaget over. Den siger derfor ikke noget om, hvor stor en del af kommunens samlede afgørelser der indeholder mangler.",
        "En hjemvisning betyder ikke nødvendigvis, at afgørelsen bliver en anden. Efter fornyet behandling kan kommunen nå samme resultat som i den oprindelige afgørelse.",
        "En afgørelse, som Ankestyrelsen kun delvist ændrer, tæller som ændret. Omfanget af ændringen fremgår ikke af tallene.",
        "Mange kommuner har få klagesager på de enkelte kort. Ankestyrelsen gør selv opmærksom på, at procenten for et enkelt år derfor kan være lidt tilfældig. Kommunens tal vises derfor med antal afgørelser og et 95 %-usikkerhedsinterval.",
      ],
    },
    { kind: "paragraph", text: "Der er tre danmarkskort: et for socialområdet generelt, et for børnehandicapområdet og et for voksenhandicapområdet." },
  ];
}
