import type { JSX } from "preact";
import { renderToString } from "preact-render-to-string";
import { assertNever } from "../domain/assert-never.js";
import type { AgendaItemModel } from "./agenda-item-model.js";
import type { ReportBlock, ReportTable } from "./report-document.js";
import { splitLinks } from "./split-links.js";
import { keepUnitsTogether } from "./keep-units-together.js";
import { NO_IMAGES, type ReportImages } from "./report-images.js";

// Block text keeps figures with their units ("44,9 pct.") on one line, as the DOCX does.
const t = keepUnitsTogether;

function Table({ table }: { table: ReportTable }): JSX.Element {
  return (
    <>
      <table style={table.columnShares ? "width:100%" : undefined}>
        <caption>{t(`${table.label}: ${table.caption}`)}</caption>
        {table.columnShares && (
          // Column widths as in the DOCX, so a pasted table keeps its labels on one line.
          <colgroup>
            {table.columnShares.map((share) => (
              <col style={`width:${Math.round(share * 1000) / 10}%`} />
            ))}
          </colgroup>
        )}
        <thead>
          {table.header.map((row) => (
            <tr>
              {row.map((c) => (
                <th scope="col" colSpan={c.colSpan || undefined} rowSpan={c.rowSpan || undefined}>
                  {t(c.text)}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.rows.map((r) => (
            <tr>
              {r.cells.map((c, i) =>
                i === 0 ? (
                  <th scope="row" class={r.emphasis ? "own" : undefined}>
                    {t(c)}
                  </th>
                ) : (
                  <td class={table.numericColumns.includes(i) ? "num" : undefined}>{t(c)}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {table.note && <p class="note">{t(table.note)}</p>}
    </>
  );
}

function imageSrc(png: Uint8Array | null, svg: string): string {
  return png
    ? `data:image/png;base64,${Buffer.from(png).toString("base64")}`
    : `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}

/** Running text with each web address a real link (opens the ministry's page from the pasted item too). */
function Linked({ text }: { text: string }): JSX.Element {
  return <>{splitLinks(text).map((seg) => (seg.kind === "text" ? t(seg.text) : <a href={seg.url}>{seg.url}</a>))}</>;
}

function Block({ block: b, images }: { block: ReportBlock; images: ReportImages }): JSX.Element {
  switch (b.kind) {
    case "heading":
      return b.level === 2 ? <h2>{t(b.text)}</h2> : <h3>{t(b.text)}</h3>;
    case "paragraph":
      if (b.emphasis === "note")
        return (
          <p class="caveat">
            <Linked text={b.text} />
          </p>
        );
      return b.emphasis === "strong" ? (
        <p>
          <strong>
            <Linked text={b.text} />
          </strong>
        </p>
      ) : (
        <p>
          <Linked text={b.text} />
        </p>
      );
    case "bullets":
      return (
        <ul>
          {b.items.map((i) => (
            <li>
              <Linked text={i} />
            </li>
          ))}
        </ul>
      );
    case "recommendation":
      return (
        <>
          <p>{t(b.lead)}</p>
          {b.items.map((i) => (
            <p class="at">{t(i)}</p>
          ))}
        </>
      );
    case "table":
      return <Table table={b} />;
    case "figure": {
      const image = images.get(b.figureId);
      return (
        <figure>
          {image ? (
            <img src={imageSrc(image.png, image.svg)} alt={t(b.altText)} width={Math.min(640, image.width)} />
          ) : (
            <p>{t(b.altText)}</p>
          )}
          <figcaption>{t(`${b.label}: ${b.caption}`)}</figcaption>
        </figure>
      );
    }
    default:
      return assertNever(b);
  }
}

const STYLE = `body{font-family:Calibri,Arial,sans-serif;font-size:11pt;line-height:1.4;max-width:48em;margin:2em auto;padding:0 1em;color:#1a1a1a}
h1,h2{color:#1f3d7a}table{border-collapse:collapse;margin:.5em 0;font-size:9.5pt}caption{font-weight:bold;text-align:left;padding:.3em 0}
th,td{border:1px solid #808080;padding:.2em .4em;vertical-align:bottom}thead th{background:#e7ecf3}th[scope=row]{text-align:left;font-weight:normal}
th.own{font-weight:bold}td.num{text-align:right}.note,figcaption{font-style:italic;font-size:9pt}.caveat{border-left:4px solid #c8102e;padding-left:.6em}
.demo{border:2px solid #c8102e;color:#c8102e;font-weight:bold;padding:.4em .6em}.at{margin-left:2em}footer{border-top:1px solid #808080;margin-top:2em;font-size:9pt}
img{max-width:100%;height:auto}`;

function AgendaItemDocument({ model, images }: { model: AgendaItemModel; images: ReportImages }): JSX.Element {
  return (
    <html lang="da">
      <head>
        <meta charset="utf-8" />
        <title>{`${model.title} – ${model.municipality}`}</title>
        <style>{STYLE}</style>
      </head>
      <body>
        <article>
          <h1>{model.title}</h1>
          {model.demoNotice && (
            <p class="demo">
              {model.demoNotice}. Tallene er syntetiske og må ikke bruges som Ankestyrelsens statistik.
            </p>
          )}
          <p>
            <strong>{model.bodyLine}</strong>
            {model.headerLines.map((line) => (
              <>
                <br />
                {"\n"}
                {line}
              </>
            ))}
          </p>
          {model.sections.map((s) => (
            <section>
              <h2>{s.heading}</h2>
              {s.blocks.map((b) => (
                <Block block={b} images={images} />
              ))}
            </section>
          ))}
          <footer>
            <p>{model.footer}</p>
          </footer>
        </article>
      </body>
    </html>
  );
}

/**
 * A standalone, plain HTML document: semantic headings, tables with caption, header cells and spans,
 * no scripts and one small style block, so its body pastes cleanly into an agenda system. Rendered by
 * preact-render-to-string, which escapes every text and attribute.
 */
export function renderAgendaItemHtml(model: AgendaItemModel, images: ReportImages = NO_IMAGES): string {
  return `<!doctype html>\n${renderToString(<AgendaItemDocument model={model} images={images} />)}\n`;
}
