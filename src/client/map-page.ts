// Browser wiring of the map page (/kort): the page is complete without this; it adds the tooltip,
// instant selection, table sorting and PNG download.
import { enableAutoSubmit, revealScriptControls } from "./auto-submit.js";
import { enableMunicipalityTooltip } from "./municipality-tooltip.js";
import { enablePngDownloads } from "./png-download.js";
import { enableSortableTables } from "./sortable-table.js";

enableAutoSubmit();
enableMunicipalityTooltip();
enableSortableTables();
enablePngDownloads();
revealScriptControls();
// The benchmark (bench/map-page.bench.ts) and the browser tests wait for this: all 98 municipalities
// are in the document and the page's controls are wired.
document.documentElement.dataset.mapReady = "true";
performance.mark("danmarkskort:map-ready");
