// Browser wiring of the comment form on its own page (/kommuner/0657/kommentar): the length counter.
import { enableLengthCounters } from "./length-counter.js";

enableLengthCounters();
document.documentElement.dataset.pageReady = "true";
