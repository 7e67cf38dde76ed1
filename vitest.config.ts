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
    // The unit lane is the only one on worker threads (the others fork): there, one module graph per thread,
    // not one per file. Pure tests share nothing but immutable modules, so a fresh graph per file bought
    // nothing but loading the same modules 122 times (the lane took 32 s on this machine, 14 s shared). Once,
    // with fewer and different files, the XLSX import tests failed now and then this way; the lane passed 13
    // runs in a row shared, five of them with the files shuffled (--sequence.shuffle). Vitest takes the
    // threads pool's options from the root config only: the pool is one for all projects.
    poolOptions: { threads: { isolate: false } },
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: [...ALL_TESTS],
          exclude: [...STORAGE_TESTS, ...E2E_TESTS],
          // Worker threads: pure tests need no process of their own, and a thread starts faster than a forked
          // process (the lane ran in 0,70 of the wall time and 0,86 of the CPU time with forks, median of three
          // paired runs). Files share a thread's module graph: see poolOptions above.
          pool: "threads",
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
