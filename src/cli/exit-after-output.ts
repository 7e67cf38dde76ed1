/**
 * Ends the process only after stdout and stderr have handed everything to the operating system.
 *
 * On a pipe, Node writes stdout asynchronously: `process.exit()` right after a large write drops what the
 * pipe had not yet taken (a reader slower than us, e.g. `rates --format json | jq`, got exactly 65.536 bytes,
 * one pipe buffer). A write with a callback is called back once it, and so every write before it, has been
 * flushed; waiting for that on both streams makes the output whole whatever the reader's pace.
 */
export async function flushStandardStreams(): Promise<void> {
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
}

function flushed(stream: NodeJS.WriteStream): Promise<void> {
  if (stream.destroyed || stream.writableEnded) return Promise.resolve();
  return new Promise((resolve) => {
    // A reader that went away (`| head -1`) ends the wait with EPIPE instead of a crash: nobody is left to read.
    const done = () => {
      stream.off("error", done);
      resolve();
    };
    stream.once("error", done);
    stream.write("", done);
  });
}

/**
 * A reader that stops early (`| head -1`) closes the pipe; the next write fails with EPIPE. That is the
 * reader's choice, not our error: end quietly, as Unix tools do, instead of printing a Node stack trace.
 */
export function endQuietlyWhenReaderCloses(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EPIPE") process.exit(0);
      throw error;
    });
  }
}

/** `process.exit(code)` once the output is flushed: the CLI's one way out (src/cli/main.ts, bin/danmarkskort.mjs). */
export async function exitAfterOutput(code: number): Promise<never> {
  await flushStandardStreams();
  process.exit(code);
}
