import { defineConfig } from "vitest/config";
import { ALL_TESTS, E2E_TESTS, STORAGE_TESTS } from "./test/lanes.js";

// Three lanes (test/lanes.ts): `npx vitest run --project unit` runs the pure tests in seconds;
// `npm test` runs all three.
export default defineConfig({
  test: {
    // Storage, browser and LibreOffice tests start real processes; two cores do not run many at once well.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: [...ALL_TESTS],
          exclude: [...STORAGE_TESTS, ...E2E_TESTS],
          // Worker threads, each file still isolated: pure tests need no process of their own, and a
          // thread starts faster than a forked process (the lane ran in 0,70 of the wall time and 0,86 of
          // the CPU time with forks, median of three paired runs).
          pool: "threads",
          // Each file keeps its own module graph: with one shared graph per worker (isolate: false) the XLSX
          // import tests failed now and then when the whole lane ran.
        },
      },
      {
        extends: true,
        test: { name: "storage", include: [...STORAGE_TESTS], exclude: [...E2E_TESTS] },
      },
      {
        extends: true,
        test: { name: "e2e", include: [...E2E_TESTS] },
      },
    ],
  },
});
