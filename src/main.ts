// The program's entry point and its composition root (docs/architecture.md): the one module that knows both doors.
// The commands (src/cli) reach the web server only through the ServerDoors given here, so src/cli never imports
// src/server (eslint.config.js). `npm start`, `npm run cli -- …` and bin/danmarkskort.mjs run this file.
import type { ServerDoors } from "./cli/cli-context.js";
import { endQuietlyWhenReaderCloses, exitAfterOutput } from "./cli/exit-after-output.js";
import { main as runCommand } from "./cli/main.js";
import { buildApp } from "./server/app.js";
import { startServer } from "./server/start-server.js";
import { renderExportAboutPage } from "./server/views/export-about-page.js";

export const SERVER_DOORS: ServerDoors = {
  startServer,
  async openSite(db, storageDescription, config) {
    const app = await buildApp({ db, storageDescription, config });
    return {
      async get(url) {
        const answer = await app.inject({ method: "GET", url });
        return { status: answer.statusCode, contentType: String(answer.headers["content-type"] ?? ""), body: answer.rawPayload };
      },
      close: () => app.close(),
    };
  },
  renderExportAboutPage,
};

/** Runs one command (src/cli/main.ts) with the server's doors; answers the exit code. */
export function main(argv: readonly string[]): Promise<number> {
  return runCommand(argv, SERVER_DOORS);
}

// Run when executed directly (tsx src/main.ts), not when imported by tests or bin/danmarkskort.mjs.
if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  endQuietlyWhenReaderCloses();
  const code = await main(process.argv.slice(2));
  // The server keeps the event loop alive on purpose; every other command ends here.
  // Not before stdout has reached a pipe whole (exit-after-output.ts).
  if (code !== 0 || !process.argv.includes("serve")) await exitAfterOutput(code);
}
