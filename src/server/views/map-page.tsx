import type { JSX } from "preact";
import { SortableFigureTable } from "./figure-tables.js";
import { SelectField, SelectionSubmit } from "./form-fields.js";
import { FunnelSummaryNote } from "./funnel-summary.js";
import type { Downloads } from "./map-downloads.js";
import type { LegendModel, MapFiguresBody, MapPageModel, MapView, SelectedNote } from "./map-page-model.js";
import { PageLayout, type LayoutAccount } from "./page-layout.js";
import { renderHtmlPage } from "./render-html-page.js";
import { TrustedSvgHost } from "./trusted-svg-host.js";

const SITE_NAME_DA = "Danmarkskort over omgørelsesprocenter";

export function MapPage({ model, account }: { model: MapPageModel; account: LayoutAccount | null }): JSX.Element {
  return (
    <PageLayout title={model.titleDa} isDemo={model.isDemo} account={account} scripts={["/assets/build/map-page.js"]}>
      {model.body.kind === "no-data" ? <NoData /> : <MapFigures body={model.body} />}
    </PageLayout>
  );
}

export function renderMapPage(model: MapPageModel, account: LayoutAccount | null): string {
  return renderHtmlPage(<MapPage model={model} account={account} />);
}

/** An empty database: say so plainly, so nobody reads an empty map as zero. */
function NoData(): JSX.Element {
  return (
    <>
      <h1>{SITE_NAME_DA}</h1>
      <p>
        Der er endnu ikke indlæst data. Indlæs Ankestyrelsens tal med <code>{"npm run -s cli -- import <fil>"}</code>,
        eller prøv med demodata: <code>npm run -s cli -- demo</code>.
      </p>
    </>
  );
}

function MapFigures({ body }: { body: MapFiguresBody }): JSX.Element {
  return (
    <>
      <h1>{SITE_NAME_DA}</h1>
      <form class="selection-form" method="get" action="/kort" data-auto-submit="">
        {body.selection.fields.map((f) => (
          <SelectField id={f.id} name={f.name} label={f.labelDa} options={f.options} selected={f.selected} inline />
        ))}
        {body.selection.hidden.map((h) => (
          <input type="hidden" name={h.name} value={h.value} />
        ))}
        <SelectionSubmit primary />
      </form>
      {body.national.kind === "line" ? (
        <p class="national-line">
          <strong>Hele landet:</strong> {body.national.textDa}
        </p>
      ) : (
        <div class="alert alert-info" role="status">
          <div class="alert-body">
            <p class="alert-text">
              <strong>Ingen data:</strong> {body.national.reasonDa}.
            </p>
          </div>
        </div>
      )}
      {body.revisions && (
        <section class="revision-notes" aria-labelledby="h-revideret">
          <h2 id="h-revideret" class="h5">
            {body.revisions.headingDa}
          </h2>
          <ul>
            {body.revisions.items.map((item) => (
              <li>
                <strong>{item.nameDa}:</strong> {item.noteDa}
              </li>
            ))}
          </ul>
        </section>
      )}
      <nav aria-label="Visninger">
        <ul class="view-tabs no-max-width">
          {body.tabs.map((tab) => (
            <li class={tab.current ? "active" : undefined}>
              <a href={tab.href} aria-current={tab.current ? "page" : undefined}>
                {tab.labelDa}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div class="view-content" data-view={body.view.kind}>
        <View view={body.view} />
      </div>
      <ReadingNotes perCapitaNoteDa={body.perCapitaNoteDa} />
    </>
  );
}

function View({ view }: { view: MapView }): JSX.Element {
  switch (view.kind) {
    case "kort":
      return (
        <>
          <SelectedNoteLine note={view.selectedNote} />
          <h2 class="h4 map-title">{view.titleDa}</h2>
          <SkipPastFigure labelDa={view.skipLabelDa} />
          <div class="figure-layout">
            <figure class="map-figure" data-geometry={view.geometryKind}>
              <TrustedSvgHost svg={view.svg} class="map-scroll" />
              <figcaption>
                <p>
                  Klik på en kommune for at se dens side, eller hold musen over den for at se tallene. Alle tal står
                  også i <a href={view.tableHref}>tabellen</a>.
                </p>
                <p class="geometry-note">{view.geometryNoteDa}</p>
              </figcaption>
            </figure>
            <div class="figure-side" id="efter-figuren" tabindex={-1}>
              <section class="map-legend" aria-labelledby="legend-heading">
                <h2 id="legend-heading" class="h4">
                  Signaturforklaring
                </h2>
                <Legend legend={view.legend} />
                <h3 class="h5">Sammenlignet med landsplan (tragtplot)</h3>
                <FunnelSummaryNote summary={view.funnelSummary} />
              </section>
              <MunicipalitySearch namesDa={view.searchNamesDa} />
              <DownloadSection downloads={view.downloads} />
            </div>
          </div>
          <MapTooltip />
        </>
      );
    case "tabel":
      return (
        <>
          <SelectedNoteLine note={view.selectedNote} />
          <p>
            Klik på en kolonneoverskrift for at sortere tabellen. Klik på en kommune for at se dens side. Kolonnen
            "Sammenlignet med landsplan" siger, om kommunens omgørelsesprocent ligger over eller under tragtplottets 95
            %- eller 99,8 %-grænser omkring landsplan, inden for dem (dvs. inden for den variation, tilfældighed kan
            give), eller ikke kan vurderes, fordi kommunen har for få sager.
          </p>
          <FunnelSummaryNote summary={view.funnelSummary} />
          <SortableFigureTable model={view.table} selectedCode={view.selectedCode} />
          <DownloadSection downloads={view.downloads} />
        </>
      );
    case "tragt":
      return (
        <>
          <SelectedNoteLine note={view.selectedNote} />
          <SkipPastFigure labelDa={view.skipLabelDa} />
          <div class="figure-layout">
            <figure class="funnel-figure">
              <TrustedSvgHost svg={view.wideSvg} class="chart-wide" />
              <TrustedSvgHost svg={view.narrowSvg} class="chart-narrow" />
              <figcaption>
                <p>
                  Hver kommune er et punkt: vandret antallet af realitetsbehandlede sager, lodret omgørelsesprocenten.
                  Punkter uden for de stiplede linjer (95 %) eller de fuldt optrukne (99,8 %) afviger mere fra
                  landsplan, end tilfældighed plejer at give (Spiegelhalter 2005): udfyldte trekanter ligger uden for
                  99,8 %-grænsen, åbne kun uden for 95 %-grænsen, og åbne cirkler har for få sager til at kunne
                  vurderes. Hold musen over eller gå med Tab til et punkt for at se kommunens tal. Tragtplottet viser
                  altid omgørelsesprocenten; alle tal står også i <a href={view.tableHref}>tabellen</a>.
                </p>
                <FunnelSummaryNote summary={view.funnelSummary} />
              </figcaption>
            </figure>
            <div class="figure-side" id="efter-figuren" tabindex={-1}>
              <DownloadSection downloads={view.downloads} />
            </div>
          </div>
          <MapTooltip />
        </>
      );
  }
}

function SelectedNoteLine({ note }: { note: SelectedNote | null }): JSX.Element | null {
  if (!note) return null;
  return (
    <p class="selected-note">
      <strong>{note.nameDa}</strong> er fremhævet med {note.howDa}
      {note.valueDa !== null && `: ${note.valueDa}`}. <a href={note.clearHref}>Fjern fremhævningen</a> ·{" "}
      <a href={note.profileHref}>Gå til {note.nameDa}s side</a>
    </p>
  );
}

/**
 * Each of the 98 municipalities on the map (and points in the funnel plot) is a Tab stop; a keyboard user
 * skips them with this link, shown when it has focus (issue 9, point 7: 113 Tab presses to reach search).
 */
function SkipPastFigure({ labelDa }: { labelDa: string }): JSX.Element {
  return (
    <a class="skip-past-figure" href="#efter-figuren">
      {labelDa}
    </a>
  );
}

function MapTooltip(): JSX.Element {
  return <div class="map-tooltip" role="tooltip" id="map-tooltip" hidden></div>;
}

/** The legend beside the map, its swatches drawn with the map's own fills (the hatch patterns are the map's). */
function Legend({ legend }: { legend: LegendModel }): JSX.Element {
  return (
    <>
      <ul class="map-legend-list nobullet-list">
        {legend.entries.map((entry) => (
          <li>
            <svg class="legend-swatch" width="22" height="22" viewBox="0 0 22 22" aria-hidden="true">
              <rect x="0.5" y="0.5" width="21" height="21" fill={entry.fill} stroke="#6b6b6b" />
            </svg>
            <span>
              {entry.labelDa} <span class="legend-count">({entry.count})</span>
            </span>
          </li>
        ))}
      </ul>
      <p class="legend-note">Tallet i parentes er antallet af kommuner.</p>
      {legend.noteDa && <p class="legend-note">{legend.noteDa}</p>}
    </>
  );
}

function MunicipalitySearch({ namesDa }: { namesDa: readonly string[] }): JSX.Element {
  return (
    <form class="municipality-search" method="get" action="/kommuner" role="search">
      <div class="form-group">
        <label class="form-label" for="soeg-kommune">
          Find en kommune
        </label>
        <span class="form-hint" id="soeg-kommune-hint">
          Skriv navnet og tryk Enter for at åbne kommunens side. På kortet kan du også gå fra kommune til kommune med
          Tab.
        </span>
        <input
          class="form-input"
          id="soeg-kommune"
          name="soeg"
          list="kommuneliste"
          autocomplete="off"
          aria-describedby="soeg-kommune-hint"
        />
        <datalist id="kommuneliste">
          {namesDa.map((name) => (
            <option value={name}></option>
          ))}
        </datalist>
      </div>
      <button class="button button-secondary" type="submit">
        Åbn kommunen
      </button>
    </form>
  );
}

function DownloadSection({ downloads }: { downloads: Downloads }): JSX.Element {
  return (
    <section class="downloads" aria-labelledby="downloads-heading">
      <h2 id="downloads-heading" class="h4">
        Hent data og figurer
      </h2>
      <ul class="nobullet-list download-list">
        {downloads.items.map((item) =>
          item.kind === "link" ? (
            <li>
              <a href={item.href} download>
                {item.labelDa}
              </a>
            </li>
          ) : (
            <li class="needs-js" hidden>
              <button
                type="button"
                class="button button-unstyled link-button"
                {...(item.source === "src" ? { "data-png-src": item.selector } : { "data-png-from": item.selector })}
                data-png-name={item.fileName}
              >
                {item.labelDa}
              </button>
            </li>
          ),
        )}
      </ul>
      <p class="source-line">{downloads.sourceLineDa}</p>
      <p class="permalink">
        Link til denne visning: <a href={downloads.permalinkHref}>{downloads.permalinkTextDa}</a>
      </p>
      <p>
        <a href="/data">Indlæste datasæt og deres kilder</a>
      </p>
    </section>
  );
}

const READING_NOTES_DA = [
  "Omgørelsesprocenten er andelen af de realitetsbehandlede klagesager, hvor Ankestyrelsen ændrede, ophævede eller hjemviste kommunens afgørelse. Afviste sager tæller ikke med.",
  "Procenten siger intet om de afgørelser, som ingen klagede over, og en hjemvisning betyder ikke nødvendigvis, at afgørelsen var forkert – den kan skyldes nye oplysninger.",
  "Med få sager kan procenten svinge meget fra år til år af ren tilfældighed. Se derfor altid antallet af sager og 95 %-intervallet.",
  'Tragtplottet viser, om en kommune ligger uden for den variation, man kan forvente af tilfældighed omkring landsplan (den samlede omgørelsesprocent for alle sager i landet). Med omkring 98 kommuner ligger nogle få uden for 95 %-grænserne af ren tilfældighed; "over" og "under landsplan" forbeholdes derfor 99,8 %-grænsen. En kommune med så få sager, at intet udfald kunne ligge uden for grænserne, står som "kan ikke vurderes – for få sager".',
];

function ReadingNotes({ perCapitaNoteDa }: { perCapitaNoteDa: string }): JSX.Element {
  return (
    <section class="reading-notes" aria-labelledby="notes-heading">
      <h2 id="notes-heading" class="h4">
        Sådan læses tallene
      </h2>
      <ul>
        {[...READING_NOTES_DA, perCapitaNoteDa].map((note) => (
          <li>{note}</li>
        ))}
      </ul>
    </section>
  );
}
