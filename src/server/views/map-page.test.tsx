import { describe, expect, it } from "vitest";
import { published2024Cells } from "../../../test/rates/published-2024-cells.js";
import { indexCellTotals } from "../../domain/cell-totals.js";
import { EMPTY_CONTEXT_INDEX } from "../../domain/context/context-index.js";
import { buildTileGeometry } from "../../viz/map-geometry.js";
import { parseMapPageState } from "../../viz/page-state.js";
import type { PageData } from "../routes/page-data.js";
import { buildMapPageModel } from "./map-page-model.js";
import { renderMapPage } from "./map-page.js";
import { buildMapSelection } from "./map-selection.js";

const DATA: PageData = {
  key: "2024",
  totals: indexCellTotals(published2024Cells({ publishedNational: true })),
  provenanceByYear: new Map(),
  revisedTotals: indexCellTotals([]),
  revisionByYear: new Map(),
  years: [2024],
  isDemo: true,
  context: EMPTY_CONTEXT_INDEX,
};

function render(query: Record<string, string>, geographicStatusDa: string, data = DATA): string {
  const selection = buildMapSelection(parseMapPageState(query, { year: 2024 }), data);
  return renderMapPage(
    buildMapPageModel(selection, { tile: buildTileGeometry(), geographic: null, geographicStatusDa }),
    null,
  );
}

describe("the map page view", () => {
  it("escapes every text it is given: a boundary status with markup in it stays text", () => {
    const html = render({}, 'Grænserne fra <script>alert("x")</script> kunne ikke læses.');
    expect(html).toContain("Grænserne fra &lt;script>alert(&quot;x&quot;)&lt;/script> kunne ikke læses.");
    expect(html).not.toContain("<script>alert");
  });

  it("draws the national line, the tabs and the map inside the shared frame, with the map page's module script only", () => {
    const html = render({ kommune: "0657" }, "Kommunegrænserne er ikke indlæst.");
    expect(html).toMatch(/^<!doctype html>\n<html lang="da">/);
    expect(html).toMatch(/<p class="national-line"><strong>Hele landet:<\/strong> Omgørelsesprocent \d+,\d pct\./);
    expect(html).toContain(
      '<li class="active"><a href="/kort?kort=socialomraadet&amp;aar=2024&amp;omraade=i-alt&amp;maal=omgoerelse&amp;visning=kort&amp;kommune=0657" aria-current="page">Kort</a></li>',
    );
    expect(html).toContain('<figure class="map-figure" data-geometry="tile"><div class="map-scroll"><svg');
    expect(html).toContain('<p class="selected-note"><strong>Herning</strong> er fremhævet med sort kant: 44,2');
    expect(html).toContain("Demodata – ikke Ankestyrelsens tal");
    // The plain name, or the hashed one once the client is built (asset-urls.ts).
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts).toHaveLength(1);
    expect(scripts[0]).toMatch(/^<script type="module" src="\/assets\/build\/map-page(-[A-Z0-9]{8})?\.js">$/);
    expect(html).not.toMatch(/<style|\sstyle=/);
  });

  it("tells an empty database apart from an empty map", () => {
    const empty: PageData = { ...DATA, totals: indexCellTotals([]), years: [], isDemo: false };
    const html = render({}, "", empty);
    expect(html).toContain(
      "Der er endnu ikke indlæst data. Indlæs Ankestyrelsens tal med <code>npm run -s cli -- import &lt;fil></code>",
    );
    expect(html).not.toContain("map-figure");
  });
});
