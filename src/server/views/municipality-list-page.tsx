import type { JSX } from "preact";
import type { MunicipalityListPageModel } from "./municipality-list-page-model.js";
import { PageLayout, type LayoutAccount } from "./page-layout.js";
import { renderHtmlPage } from "./render-html-page.js";

type Link = { readonly nameDa: string; readonly href: string };

/** "a, b og c" (or "eller"), each a link. */
function JoinedLinks({ links, last = "og" }: { links: readonly Link[]; last?: "og" | "eller" }): JSX.Element {
  return (
    <>
      {links.map((l, i) => (
        <>
          {i === 0 ? "" : i === links.length - 1 ? ` ${last} ` : ", "}
          <a href={l.href}>{l.nameDa}</a>
        </>
      ))}
    </>
  );
}

function SearchMessage({ message }: { message: MunicipalityListPageModel["message"] }): JSX.Element {
  switch (message.kind) {
    case "several":
      return (
        <p class="search-result" role="status">
          Flere kommuner passer på "{message.searchDa}": <JoinedLinks links={message.matches} />. Vælg en, eller se alle
          kommuner nedenfor.
        </p>
      );
    case "none":
      return (
        <p class="search-result" role="status">
          Ingen kommune hedder "{message.searchDa}".
          {message.suggestions.length > 0 && (
            <>
              {" "}
              Mente du <JoinedLinks links={message.suggestions} last="eller" />?
            </>
          )}{" "}
          Vælg en fra listen:
        </p>
      );
    case "choose":
      return <p>Vælg en kommune:</p>;
  }
}

export function MunicipalityListPage({
  model,
  account,
}: {
  model: MunicipalityListPageModel;
  account: LayoutAccount | null;
}): JSX.Element {
  return (
    <PageLayout title="Kommuner" isDemo={model.isDemo} account={account}>
      <h1>Kommuner</h1>
      <SearchMessage message={model.message} />
      {model.regions.map((region) => (
        <>
          <h2 class="h3">{region.regionDa}</h2>
          <ul class="municipality-list nobullet-list no-max-width">
            {region.municipalities.map((m) => (
              <li>
                <a href={m.href}>{m.nameDa}</a>
              </li>
            ))}
          </ul>
        </>
      ))}
    </PageLayout>
  );
}

export function renderMunicipalityListPage(model: MunicipalityListPageModel, account: LayoutAccount | null): string {
  return renderHtmlPage(<MunicipalityListPage model={model} account={account} />);
}
