// Browser wiring of a municipality profile (/kommuner/0657): instant year choice and PNG download.
import { enableAutoSubmit, revealScriptControls } from "./auto-submit.js";
import { enablePngDownloads } from "./png-download.js";

enableAutoSubmit();
enablePngDownloads();
revealScriptControls();
document.documentElement.dataset.pageReady = "true";
