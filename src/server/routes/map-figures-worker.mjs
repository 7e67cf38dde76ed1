// The entry of the map-figures thread (map-figures-worker.ts). A worker thread does not inherit the loader hooks
// that bin/danmarkskort.mjs registers, so it registers tsx itself before it loads the TypeScript module.
import { register } from "tsx/esm/api";

register();
await import(new URL("./map-figures-worker-main.ts", import.meta.url).href);
