// Browser wiring of a municipality profile (/kommuner/0657): instant year choice, PNG download, and the
// comment form's length counter for the municipality's editors.
import { enableAutoSubmit, revealScriptControls } from "./auto-submit.js";
import { enableLengthCounters } from "./length-counter.js";
import { enablePngDownloads } from "./png-download.js";

enableAutoSubmit();
enablePngDownloads();
enableLengthCounters();
revealScriptControls();
document.documentElement.dataset.pageReady = "true";
