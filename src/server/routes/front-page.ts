import type { FastifyInstance } from "fastify";
import { formatInteger } from "../../domain/format-danish-number.js";
import { listDatasetVersions } from "../../storage/dataset-versions.js";
import type { AppContext } from "../app-context.js";
import { escapeHtml, renderPage } from "../html-page.js";

/** The front page says plainly what data the installation holds, so nobody reads an empty map as zero. */
export function registerFrontPage(app: FastifyInstance, ctx: AppContext): void {
  app.get("/", async (_request, reply) => {
    const versions = await listDatasetVersions(ctx.db);
    const isDemo = versions.some((v) => v.isDemo);
    const data =
      versions.length === 0
        ? `<p>Der er endnu ikke indlæst data. Indlæs Ankestyrelsens tal med <code>danmarkskort import &lt;fil&gt;</code>, eller prøv med demodata: <code>danmarkskort demo</code>.</p>`
        : `<table class="table"><caption>Indlæste datasæt</caption><thead><tr><th scope="col">Fil</th><th scope="col">Dataår</th><th scope="col">Rækker</th><th scope="col">Udtrukket</th><th scope="col">Indlæst</th></tr></thead><tbody>${versions
            .map(
              (v) =>
                `<tr><td>${escapeHtml(v.fileName)}${v.isDemo ? " (demodata)" : ""}</td><td>${escapeHtml(formatYears(v.years))}</td><td>${formatInteger(v.rowCount)}</td><td>${v.extractedOn ?? "ukendt"}</td><td>${v.importedAt.slice(0, 10)}</td></tr>`,
            )
            .join("")}</tbody></table>`;
    reply.type("text/html; charset=utf-8");
    return renderPage({
      title: "Forside",
      isDemo,
      body: `<h1>Danmarkskort over omgørelsesprocenter</h1>
<p>Hvor ofte ændrer eller hjemviser Ankestyrelsen kommunernes afgørelser på socialområdet? Her kan du se tallene for alle 98 kommuner, med antal sager og statistisk usikkerhed.</p>
<h2>Data</h2>
${data}`,
    });
  });
}

function formatYears(years: readonly number[]): string {
  if (years.length === 0) return "–";
  const sorted = [...years].sort((a, b) => a - b);
  return sorted.length === 1 ? String(sorted[0]) : `${sorted[0]}–${sorted[sorted.length - 1]}`;
}
