/**
 * The three test lanes (README, "Testbaner"). A test file belongs to exactly one lane:
 *
 * - `storage`: runs its body against PGlite and/or a real PostgreSQL server, in this process.
 * - `e2e`: starts processes (the CLI, the server, crash children), Chromium or LibreOffice.
 * - `unit`: everything else: pure modules and in-memory models, no database, no child process, no browser.
 *   A new test file is a unit test unless it is listed below; `test/foundation/test-lanes.test.ts` fails when
 *   a unit test reaches a database driver, a child process or a browser, so a slow test cannot hide there.
 *
 * Paths are globs relative to the project root.
 */
export const STORAGE_TESTS: readonly string[] = [
  "src/storage/**/*.test.ts",
  "test/backup/**/*.test.ts",
  "src/app/accounts/account-use-cases.test.ts",
  "src/app/accounts/oidc-sign-in.test.ts",
  "src/app/treatment/**/*.test.ts",
  "src/app/subject-areas/**/*.test.ts",
  "src/server/app.test.ts",
  // Issue 17's operations: logs, /metrics, /readyz and the draining stop, on a server over a real database.
  "src/server/request-log.test.ts",
  "src/server/readiness.test.ts",
  "src/server/drain.test.ts",
  "src/server/routes/metrics.test.ts",
  // Two instances on one PostgreSQL database: an import on one reaches the other by NOTIFY.
  "test/scale/instances-share-figures.test.ts",
  "src/server/page-cache.test.ts",
  // Compressed answers (issue 17 item 0): the API, pages and downloads of a server over PGlite.
  "src/server/compressed-answers.test.ts",
  "test/import/classification-report.test.ts",
  "test/import/cpr-guard.test.ts",
  "test/import/store-import.test.ts",
  "test/hostile/csv-injection.test.ts",
  "test/hostile/off-request-path.test.ts",
  "test/hostile/report-head.test.ts",
  "test/hostile/fuzz.test.ts",
  "test/rates/api.test.ts",
  "test/rates/verdict-agreement.test.ts",
  "test/rates/openapi.test.ts",
  "test/reports/profile-report-link.test.ts",
  "test/reports/subject-area-report.test.ts",
  "test/reports/treatment-route-report.test.ts",
  "test/reports/docx-template-upload.test.ts",
  // The same agenda item through the page route and through the CLI (src/app/report), on PGlite in memory.
  "test/reports/agenda-item-doors.test.ts",
  "test/context/per-capita-figures.test.ts",
  "test/signin/**/*.test.ts",
  "test/treatment/**/*.test.ts",
  "test/knowledge/**/*.test.ts",
  "src/app/minutes/read-minutes.test.ts",
  "src/app/compliance/**/*.test.ts",
  "test/compliance/**/*.test.ts",
  "test/action-plans/action-plan-storage.test.ts",
  "test/action-plans/action-plan-api.test.ts",
  "test/action-plans/action-plan-web.test.ts",
  "test/action-plans/action-plan-agenda-bilag.test.ts",
];

export const E2E_TESTS: readonly string[] = [
  // Two server processes behind HAProxy (deploy/haproxy.cfg): spread and a rolling restart.
  "test/scale/load-balancer.test.ts",
  "test/browser/**/*.test.ts",
  "test/faults/**/*.test.ts",
  "test/foundation/crash-recovery.test.ts",
  "test/foundation/pipe-output.test.ts",
  "test/foundation/server-process.test.ts",
  "test/import/import-cli.test.ts",
  "test/hostile/hostile-store.test.ts",
  // The CLI against a local HTTP server in Danmarks Statistik's API format, and PostgreSQL.
  "test/context/fetch-statbank.test.ts",
  "test/rates/published-2024-file.test.ts",
  "test/rates/rates-cli.test.ts",
  "test/reports/agenda-item-pdf.test.ts",
  "test/action-plans/action-plan-document.test.ts",
  "test/reports/agenda-item-without-chromium.test.ts",
  "test/reports/report-batch.test.ts",
  "test/reports/report-route.test.ts",
  "test/trust/published-revision.test.ts",
  "test/trust/demo-quarantine-story.test.ts",
  "test/cli/comment.test.ts",
  "src/cli/commands/knowledge.test.ts",
  "src/cli/commands/treatment.test.ts",
  // The CLI entry point in this process (test/support/run-cli.ts).
  "src/cli/danish-help.test.ts",
  // Spawns the CLI to give it a password on standard input.
  "src/cli/commands/users.test.ts",
  // The CLI in this process on minutes in every form; LibreOffice makes the PDF and DOCX, pdftotext reads them.
  "test/minutes/minutes-cli.test.ts",
  // Spawns processes that hold and lose the lock.
  "src/storage/data-dir-lock.test.ts",
];

// Views and their tests are TSX (src/server/views/).
export const ALL_TESTS: readonly string[] = ["src/**/*.test.ts", "src/**/*.test.tsx", "test/**/*.test.ts", "test/**/*.test.tsx"];
