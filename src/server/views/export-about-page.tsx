import type { JSX } from "preact";
import type { AboutExportModel } from "../../app/site-export/export-manifest.js";
import { formatDateDa } from "../../domain/format-danish-date.js";
import { PageLayout } from "./page-layout.js";
import { renderHtmlPage } from "./render-html-page.js";
import { ScrollableTable } from "./scrollable-table.js";

/**
 * om-eksporten.html in a static export (danmarkskort eksport-site): when it was made, which dataset
 * versions its pages show, how it is limited, and what only works on the server. Links that lead out of
 * the export (sign-in, forms) point at the section #kun-paa-serveren.
 */
export function ExportAboutPage({ model }: { readonly model: AboutExportModel }): JSX.Element {
  const caption = "Datasætversioner i den statiske udgave";
  return (
    <PageLayout title="Om den statiske udgave" isDemo={model.isDemo} account={null}>
      <h1>Om den statiske udgave</h1>
      <p>
        Denne udgave af Danmarkskortet er lavet {formatDateDa(model.madeAt)} med kommandoen{" "}
        <code>danmarkskort eksport-site</code>. Den består af almindelige filer, som enhver webserver eller et CDN kan
        vise: {model.pages} sider med deres downloads (CSV, XLSX, SVG) og API&apos;ets svar som JSON. Siderne er de
        samme, som serveren sender; kun deres links er lavet om, så de peger på filerne.
      </p>
      {model.limitsDa.length > 0 ? (
        <p>
          <strong>Udgaven er afgrænset:</strong> {model.limitsDa.join("; ")}. Links til sider uden for afgrænsningen
          fører hertil.
        </p>
      ) : (
        <p>Udgaven har alle år med tal og alle 98 kommuners profiler.</p>
      )}
      <h2>Tallene bag</h2>
      <p>
        Hver side har sin kildelinje. Her er de datasætversioner, udgaven viser, et år ad gangen. Filen{" "}
        <a href="manifest.json">manifest.json</a> har dem også, med tidspunktet for eksporten og en liste over alle
        filer med deres kontrolsum (SHA-256).
      </p>
      <ScrollableTable captionDa={caption}>
        <table class="table table--compact">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">År</th>
              <th scope="col">Version</th>
              <th scope="col">Fil</th>
              <th scope="col">Status</th>
              <th scope="col">Revision</th>
              <th scope="col">SHA-256 (begyndelsen)</th>
            </tr>
          </thead>
          <tbody>
            {model.versions.map((v) => (
              <tr key={v.year}>
                <th scope="row">{v.year}</th>
                <td>{v.datasetVersionId}</td>
                <td>{v.fileName}</td>
                <td>{v.standingDa}</td>
                <td>{v.revisionDa}</td>
                <td>
                  <code>{v.sha256.slice(0, 12)}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollableTable>
      <h2 id="kun-paa-serveren">Det, der kun virker på serveren</h2>
      <ul>
        <li>
          Log ind, kommunernes kommentarer og registrering af byrådets behandling, vidensbanken, redigering af
          handleplaner og tilsynets sider.
        </li>
        <li>Dagsordenpunktet, som laves efter de valg, man træffer i formularen på kommunens side.</li>
        <li>
          Valg af kort, år, område, mål og korttype i rullelister: her er de links i stedet. Søgning efter en kommune:
          brug <a href="/kommuner">listen over kommuner</a>.
        </li>
        <li>Fremhævning af en enkelt kommune på kortet: links til en fremhævning går til kortet uden.</li>
      </ul>
      <p>
        <a href="/">Til Danmarkskortet</a>
      </p>
    </PageLayout>
  );
}

export function renderExportAboutPage(model: AboutExportModel): string {
  return renderHtmlPage(<ExportAboutPage model={model} />);
}
