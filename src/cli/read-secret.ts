import { createInterface } from "node:readline";
import { Writable } from "node:stream";

/**
 * A password from standard input, never from an argument (arguments end up in shell history and in every
 * user's `ps`). Piped: the first line. At a terminal: asked twice without echo.
 */
export async function readPasswordFromStdin(input: NodeJS.ReadStream = process.stdin, prompt: NodeJS.WriteStream = process.stderr): Promise<string> {
  if (!input.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of input) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
    return Buffer.concat(chunks).toString("utf8").split(/\r?\n/)[0] ?? "";
  }
  const first = await askHidden(input, prompt, "Adgangskode: ");
  const second = await askHidden(input, prompt, "Gentag adgangskoden: ");
  if (first !== second) throw new PasswordMismatchError();
  return first;
}

export class PasswordMismatchError extends Error {
  constructor() {
    super("De to adgangskoder er ikke ens.");
  }
}

function askHidden(input: NodeJS.ReadStream, prompt: NodeJS.WriteStream, question: string): Promise<string> {
  prompt.write(question);
  // The typed characters go to a stream that drops them: nothing of the password reaches the screen.
  const muted = new Writable({ write: (_chunk, _encoding, done) => done() });
  const rl = createInterface({ input, output: muted, terminal: true });
  return new Promise((resolve) => {
    rl.question("", (answer) => {
      rl.close();
      prompt.write("\n");
      resolve(answer);
    });
  });
}
