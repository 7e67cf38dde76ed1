import type { JSX } from "preact";
import { PageLayout, type LayoutAccount } from "./page-layout.js";
import { renderHtmlPage } from "./render-html-page.js";

export type AccessibilityPageModel = {
  readonly isDemo: boolean;
  /** The signed-in person for the header; null or absent: "Log ind". */
  readonly account?: LayoutAccount | null;
};

/**
 * The tilgængelighedserklæring the Danish web accessibility act (lov nr. 692 af 08/06/2018) asks public
 * sites for, with the structure of Digitaliseringsstyrelsen's template: scope, compliance status, known
 * deviations, how it was tested, and how to report a problem.
 */
export function AccessibilityPage({ isDemo, account }: AccessibilityPageModel): JSX.Element {
  return (
    <PageLayout title="Tilgængelighedserklæring" isDemo={isDemo} account={account ?? null}>
      <h1>Tilgængelighedserklæring</h1>
      <p>
        Denne erklæring gælder for webstedet Danmarkskort over omgørelsesprocenter: kortet, tabellen, tragtplottet og
        kommunesiderne. Målet er, at webstedet lever op til WCAG 2.1, niveau AA, som kræves af lov om tilgængelighed af
        offentlige organers websteder og mobilapplikationer.
      </p>
      <h2>Overholdelse</h2>
      <p>Webstedet overholder delvist WCAG 2.1, niveau AA. De kendte afvigelser står nedenfor.</p>
      <h2>Sådan er webstedet lavet tilgængeligt</h2>
      <ul>
        <li>
          Alle kommuner på kortet kan nås med tastaturet (Tab), har et navn, som skærmlæsere læser op, og åbner
          kommunens side med Enter.
        </li>
        <li>Der er et søgefelt, hvor man kan skrive en kommunes navn i stedet for at finde den på kortet.</li>
        <li>
          Farver er aldrig det eneste, der bærer information: hver kommune har sin procent og sit antal sager i tekst,
          "ingen sager" og "ingen data" har hver sit skraveringsmønster, og tragtplottet bruger forskellige figurer (▲ ▼
          ●).
        </li>
        <li>
          Farveskalaen er valgt, så den også kan læses af personer med farvesvaghed (viridis), og tekst har mindst
          kontrastforholdet 4,5:1.
        </li>
        <li>
          Signaturforklaringen står som tekst ved siden af kortet med antallet af kommuner i hver farve, og den kommune,
          man har valgt, har en tyk sort kant og nævnes i teksten over kortet.
        </li>
        <li>
          Alle tal findes også i en tabel, som kan sorteres og hentes som CSV og XLSX. Hver procent står sammen med
          antallet af sager.
        </li>
        <li>
          Brødtekst er mindst 16 px og småtekst (kilder, noter) mindst 14 px, og siderne kan forstørres til 200 % uden
          at miste indhold; på en smal skærm kan feltkortet rulles vandret, så navnene stadig kan læses.
        </li>
        <li>Siderne virker uden JavaScript; JavaScript tilføjer kun værktøjstip, sortering og PNG-download.</li>
      </ul>
      <h2>Kendte afvigelser</h2>
      <ul>
        <li>
          Det geografiske kort gør små kommuner (fx Dragør og Vallensbæk) svære at ramme med musen. Brug feltkortet,
          søgefeltet eller tabellen.
        </li>
        <li>PNG-billeder af kort og figurer har ingen tekstalternativ; brug SVG-filen eller tabellen.</li>
        <li>
          Feltkortet viser kommunenavne forkortet til fire bogstaver (fx "Frbg" for Frederiksberg). Skærmlæsere og
          værktøjstippet får det fulde navn.
        </li>
        <li>Dagsordenpunkter i PDF er ikke gennemtestet med skærmlæser.</li>
      </ul>
      <h2>Sådan har vi testet</h2>
      <p>
        Siderne testes automatisk i Chromium med axe-core for hver ændring (kort, tabel, tragtplot og kommuneside, uden
        alvorlige eller kritiske fejl), og tastaturbetjeningen af kortet testes i browseren.
      </p>
      <h2>Feedback og kontakt</h2>
      <p>
        Oplever du problemer med tilgængeligheden, så skriv til den myndighed, der driver denne installation. Du kan
        også klage til Digitaliseringsstyrelsen, som fører tilsyn med webtilgængelighed:{" "}
        <a href="https://www.digst.dk/digital-inklusion/webtilgaengelighed/">digst.dk/webtilgængelighed</a>.
      </p>
    </PageLayout>
  );
}

export function renderAccessibilityPage(model: AccessibilityPageModel): string {
  return renderHtmlPage(<AccessibilityPage {...model} />);
}
