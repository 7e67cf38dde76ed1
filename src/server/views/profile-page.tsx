import type { JSX } from "preact";
import { AgendaItemForm } from "./agenda-item-form.js";
import { CommentForm } from "./comment-form.js";
import { SimpleFigureTable } from "./figure-tables.js";
import { SuccessNotice, SelectionSubmit } from "./form-fields.js";
import { KnowledgePublicSection } from "./knowledge-public-section.js";
import { PageLayout, type LayoutAccount } from "./page-layout.js";
import type {
  CommentSection,
  CouncilBox,
  GeneralTreatment,
  KeyFigures,
  MapSection,
  ProfileBody,
  ProfilePageModel,
  TableDownloads,
} from "./profile-page-model.js";
import { renderHtmlPage } from "./render-html-page.js";
import { TreatmentSection } from "./treatment-section.js";
import { TrustedSvgHost } from "./trusted-svg-host.js";

export function ProfilePage({
  model,
  account,
}: {
  model: ProfilePageModel;
  account: LayoutAccount | null;
}): JSX.Element {
  return (
    <PageLayout
      title={model.titleDa}
      isDemo={model.isDemo}
      account={account}
      scripts={["/assets/build/profile-page.js"]}
    >
      {model.body.kind === "no-data" ? (
        <>
          <h1>{model.nameDa} Kommune</h1>
          <p>Der er endnu ikke indlæst data.</p>
        </>
      ) : (
        <Profile nameDa={model.nameDa} body={model.body} />
      )}
    </PageLayout>
  );
}

export function renderProfilePage(model: ProfilePageModel, account: LayoutAccount | null): string {
  return renderHtmlPage(<ProfilePage model={model} account={account} />);
}

function Profile({ nameDa, body }: { nameDa: string; body: ProfileBody }): JSX.Element {
  return (
    <>
      <h1>{nameDa} Kommune</h1>
      <p>
        {body.introDa} <a href={body.mapHref}>{body.mapLinkDa}</a>
      </p>
      <form method="get" action={`/kommuner/${body.code}`} class="selection-form" data-auto-submit="">
        <div class="form-group selection-field">
          <label class="form-label" for="profil-aar">
            År
          </label>
          <select class="form-select" id="profil-aar" name="aar">
            {body.years.options.map((o) => (
              <option value={o.value} selected={o.value === body.years.selected}>
                {o.labelDa}
              </option>
            ))}
          </select>
        </div>
        <SelectionSubmit />
      </form>
      <KeyFigureList figures={body.keyFigures} />
      <nav aria-label="På denne side" class="profile-nav">
        <ul class="nobullet-list no-max-width">
          <li>
            <a href="#h-kommentar">Kommunens kommentar</a>
          </li>
          {body.mapLinks.map((l) => (
            <li>
              <a href={l.href}>{l.nameDa}</a>
            </li>
          ))}
          <li>
            <a href="#h-behandling">Byrådets behandling</a>
          </li>
        </ul>
      </nav>
      <Council council={body.council} />
      <div class="alert alert-info small-numbers-note">
        <div class="alert-body">
          <p class="alert-text">
            <strong>Om små tal:</strong> Har kommunen få sager på et kort, kan procenten svinge meget fra år til år af
            ren tilfældighed – Ankestyrelsen kalder selv en enkelt års procent "lidt tilfældig". Se derfor antallet af
            sager og 95 %-intervallet (det skraverede bånd). Omgørelsesprocenten siger intet om de afgørelser, ingen
            klagede over, og en hjemvisning kan skyldes nye oplysninger frem for en forkert afgørelse.
          </p>
        </div>
      </div>
      <Comment comment={body.comment} />
      {body.maps.map((section) => (
        <MapProfileSection section={section} />
      ))}
      <section aria-labelledby="h-naboer-kort">
        <h2 id="h-naboer-kort">Kommunen og dens naboer på kortet</h2>
        <TrustedSvgHost svg={body.neighbourMap.svg} as="figure" class="neighbour-figure" />
        <p class="download-links">
          Hent nabokortet:{" "}
          <a href={body.neighbourMap.svgHref} download>
            SVG
          </a>
          <PngButton from=".neighbour-figure svg" fileName={body.neighbourMap.pngName} />
        </p>
      </section>
      {body.treatment.kind === "record" ? (
        <TreatmentSection {...body.treatment.section} />
      ) : (
        <GeneralTreatmentSection treatment={body.treatment} />
      )}
      {body.knowledge && <KnowledgePublicSection model={body.knowledge} />}
      <p>
        <a href={body.actionPlansHref}>Kommunens handleplaner og opfølgningen på dem</a>
      </p>
      <p class="source-line">{body.sourceLineDa}</p>
    </>
  );
}

function KeyFigureList({ figures }: { figures: KeyFigures }): JSX.Element {
  return (
    <section class="key-figures" aria-labelledby="h-noegletal">
      <h2 id="h-noegletal" class="h3">
        {figures.headingDa}
      </h2>
      <ul class="no-max-width">
        {figures.items.map((item) => (
          <li>
            <strong>{item.mapNameDa}:</strong> {item.textDa}
            {item.revisionNoteDa !== null && (
              <>
                {" "}
                <span class="revision-note">{item.revisionNoteDa}</span>
              </>
            )}
          </li>
        ))}
      </ul>
      {figures.onlyYearNoteDa !== null && <p class="loaded-years-note">{figures.onlyYearNoteDa}</p>}
    </section>
  );
}

function Council({ council }: { council: CouncilBox }): JSX.Element {
  return (
    <section class="council" aria-labelledby="h-behandling-kort">
      <h2 id="h-behandling-kort" class="h3">
        {council.headingDa}
      </h2>
      <p>
        {council.publishedDa} Kommunalbestyrelsen skal behandle det på et møde senest{" "}
        <strong>{council.deadlineDa}</strong> (retssikkerhedslovens § 79 b, stk. 1).
      </p>
      {council.statusDa !== null && (
        <p class="treatment-status-summary">
          <strong>{council.statusDa}</strong> <a href="#h-behandling">Se behandlingen</a>
        </p>
      )}
      <p>
        <a class="button button-primary" href={council.agendaItemHref}>
          Lav dagsordenpunkt
        </a>{" "}
        <span class="report-formats">
          Også som{" "}
          {council.formatLinks.map((l, i) => (
            <>
              {i > 0 && " · "}
              <a href={l.href}>{l.labelDa}</a>
            </>
          ))}
        </span>
      </p>
      <details class="agenda-item-choices">
        <summary>Vælg skabelon, afsnit, sammenligning og indstilling</summary>
        <AgendaItemForm {...council.agendaItemForm} />
      </details>
    </section>
  );
}

function Comment({ comment }: { comment: CommentSection }): JSX.Element {
  const editing = comment.editing;
  return (
    <section class="comment-section" aria-labelledby="h-kommentar">
      <h2 id="h-kommentar" class="h3">
        Kommunens kommentar
      </h2>
      {comment.shown.kind === "comment" ? (
        <div class="municipality-comment">
          <blockquote>{comment.shown.textDa}</blockquote>
          <p class="source-line">{comment.shown.sourceLineDa}</p>
        </div>
      ) : (
        <p>{comment.shown.textDa}</p>
      )}
      {editing?.kind === "reader" && (
        <>
          {editing.stateDa !== null && <p class="comment-state">{editing.stateDa}</p>}
          {editing.draftTextDa !== null && (
            <div class="municipality-comment comment-draft">
              <p class="comment-draft-label">Kladde (ikke offentlig):</p>
              <blockquote>{editing.draftTextDa}</blockquote>
            </div>
          )}
        </>
      )}
      {editing?.kind === "editor" && (
        <div class="comment-editor">
          <SuccessNotice textDa={editing.savedDa} />
          <h3 class="h4">Skriv kommunens kommentar</h3>
          {editing.stateDa !== null && <p class="comment-state">{editing.stateDa}</p>}
          <CommentForm {...editing.form} />
        </div>
      )}
    </section>
  );
}

function TableDownloadLinks({ downloads }: { downloads: TableDownloads }): JSX.Element {
  return (
    <p class="download-links">
      Hent tabellen:{" "}
      <a href={downloads.csvHref} download>
        CSV
      </a>{" "}
      ·{" "}
      <a href={downloads.xlsxHref} download>
        XLSX
      </a>
    </p>
  );
}

/** A PNG drawn in the browser from the figure on the page; shown only where the script runs. */
function PngButton({ from, fileName }: { from: string; fileName: string }): JSX.Element {
  return (
    <span class="needs-js" hidden>
      {" "}
      ·{" "}
      <button type="button" class="button button-unstyled link-button" data-png-from={from} data-png-name={fileName}>
        PNG
      </button>
    </span>
  );
}

function MapProfileSection({ section }: { section: MapSection }): JSX.Element {
  return (
    <section class="profile-map" aria-labelledby={`h-${section.map}`}>
      <h2 id={`h-${section.map}`}>{section.nameDa}</h2>
      <SimpleFigureTable model={section.table.model} id={section.table.id} />
      <TableDownloadLinks downloads={section.table.downloads} />
      {section.trend && (
        <>
          <h3>Udviklingen over årene</h3>
          <figure class="trend-figure" id={`trend-${section.map}`}>
            <TrustedSvgHost svg={section.trend.wideSvg} class="chart-wide" />
            <TrustedSvgHost svg={section.trend.narrowSvg} class="chart-narrow" />
          </figure>
          <p class="download-links">
            Hent figuren:{" "}
            <a href={section.trend.svgHref} download>
              SVG
            </a>
            <PngButton from={`#trend-${section.map} svg`} fileName={section.trend.pngName} />
          </p>
        </>
      )}
      <h3>{section.neighboursHeadingDa}</h3>
      {section.neighbours.kind === "table" ? (
        <>
          <SimpleFigureTable model={section.neighbours.model} id={section.neighbours.id} />
          <TableDownloadLinks downloads={section.neighbours.downloads} />
        </>
      ) : (
        <p>
          {section.neighbours.textDa} <a href={section.neighbours.linkHref}>tabellen over alle kommuner</a>.
        </p>
      )}
      <h3>Sagsemner bag omgørelserne</h3>
      {section.subjects.kind === "table" ? (
        <>
          <SimpleFigureTable model={section.subjects.model} id={section.subjects.id} />
          <TableDownloadLinks downloads={section.subjects.downloads} />
        </>
      ) : (
        <p>{section.subjects.textDa}</p>
      )}
    </section>
  );
}

function GeneralTreatmentSection({ treatment }: { treatment: GeneralTreatment }): JSX.Element {
  return (
    <section aria-labelledby="h-behandling">
      <h2 id="h-behandling">Byrådets behandling</h2>
      <p>Kortet skal behandles af kommunalbestyrelsen senest {treatment.deadlineDa}. Sagen går normalt gennem:</p>
      <ul>
        {treatment.bodies.map((b) => (
          <li>
            <strong>{b.nameDa}</strong> ({b.role}): {b.descriptionDa}
          </li>
        ))}
      </ul>
      {treatment.actionPlanNoteDa !== null && <p>{treatment.actionPlanNoteDa}</p>}
    </section>
  );
}
