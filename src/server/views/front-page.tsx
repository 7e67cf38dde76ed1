import type { JSX } from "preact";
import { formatInteger } from "../../domain/format-danish-number.js";
import { PageLayout, type LayoutAccount } from "./page-layout.js";
import { ScrollableTable } from "./scrollable-table.js";
import { renderHtmlPage } from "./render-html-page.js";

/** One loaded dataset version as the front page lists it, every cell already Danish text. */
export type FrontPageDataset = {
  readonly fileDa: string;
  readonly yearsDa: string;
  readonly rowsDa: string;
  readonly extractedDa: string;
  readonly importedDa: string;
};

/** The part of a stored dataset version the front page shows. */
export type LoadedDatasetVersion = {
  readonly fileName: string;
  readonly isDemo: boolean;
  readonly years: readonly number[];
  readonly rowCount: number;
  readonly extractedOn: string | null;
  readonly importedAt: string;
};

export type FrontPageModel = {
  readonly isDemo: boolean;
  readonly datasets: readonly FrontPageDataset[];
  /** The signed-in person for the header; null or absent: "Log ind". */
  readonly account?: LayoutAccount | null;
};

/**
 * The data page (/data) says plainly what data the installation holds, so nobody reads an empty map as zero.
 * Demo versions kept beside real ones are listed as not shown; the demo notice stands only while the shown
 * figures are demo data (issue 9, point 1).
 */
export function buildFrontPageModel(versions: readonly LoadedDatasetVersion[]): FrontPageModel {
  const hasReal = versions.some((v) => !v.isDemo);
  const demoNote = hasReal ? " (demodata; vises ikke, fordi der er indlæst rigtige tal)" : " (demodata)";
  return {
    isDemo: !hasReal && versions.some((v) => v.isDemo),
    datasets: versions.map((v) => ({
      fileDa: `${v.fileName}${v.isDemo ? demoNote : ""}`,
      yearsDa: formatYears(v.years),
      rowsDa: formatInteger(v.rowCount),
      extractedDa: v.extractedOn ?? "ukendt",
      importedDa: v.importedAt.slice(0, 10),
    })),
  };
}

function formatYears(years: readonly number[]): string {
  if (years.length === 0) return "–";
  const sorted = [...years].sort((a, b) => a - b);
  return sorted.length === 1 ? String(sorted[0]) : `${sorted[0]}–${sorted[sorted.length - 1]}`;
}

export function FrontPage({ isDemo, datasets, account }: FrontPageModel): JSX.Element {
  return (
    <PageLayout title="Indlæste datasæt" isDemo={isDemo} account={account ?? null}>
      <h1>Indlæste datasæt</h1>
      <p>
        Tallene på <a href="/">kortet</a> bygger på disse filer fra Ankestyrelsens ankestatistik. For hvert dataår vises
        én version: den, der er markeret som kortet, som det blev offentliggjort, ellers det nyeste udtræk.
      </p>
      {datasets.length === 0 ? (
        <p>
          Der er endnu ikke indlæst data. Indlæs Ankestyrelsens tal med <code>npm run -s cli -- import {"<fil>"}</code>,
          eller prøv med demodata: <code>npm run -s cli -- demo</code>.
        </p>
      ) : (
        <ScrollableTable captionDa="Indlæste datasæt">
          <DatasetTable datasets={datasets} />
        </ScrollableTable>
      )}
    </PageLayout>
  );
}

function DatasetTable({ datasets }: { datasets: readonly FrontPageDataset[] }): JSX.Element {
  return (
    <table class="table">
      <caption>Indlæste datasæt</caption>
      <thead>
        <tr>
          <th scope="col">Fil</th>
          <th scope="col">Dataår</th>
          <th scope="col">Rækker</th>
          <th scope="col">Udtrukket</th>
          <th scope="col">Indlæst</th>
        </tr>
      </thead>
      <tbody>
        {datasets.map((d) => (
          <tr>
            <td>{d.fileDa}</td>
            <td>{d.yearsDa}</td>
            <td>{d.rowsDa}</td>
            <td>{d.extractedDa}</td>
            <td>{d.importedDa}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function renderFrontPage(model: FrontPageModel): string {
  return renderHtmlPage(<FrontPage {...model} />);
}
