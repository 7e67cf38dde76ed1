import { vi } from "vitest";
import { main } from "../../src/main.js";

export type CliRun = { readonly code: number; readonly stdout: string; readonly stderr: string };

/**
 * Runs the real CLI entry point (`main`, as bin/danmarkskort.mjs does) in this process and captures what a
 * user would see on stdout and stderr. `env` applies to this run only (`undefined` removes a variable);
 * the environment is restored afterwards.
 */
export async function runCli(args: readonly string[], env: Readonly<Record<string, string | undefined>> = {}): Promise<CliRun> {
  const saved = Object.entries(env).map(([key]) => [key, process.env[key]] as const);
  setEnv(Object.entries(env));
  let stdout = "";
  let stderr = "";
  const out = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => ((stdout += String(chunk)), true));
  const err = vi.spyOn(process.stderr, "write").mockImplementation((chunk) => ((stderr += String(chunk)), true));
  try {
    return { code: await main([...args]), stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
    setEnv(saved);
  }
}

function setEnv(entries: readonly (readonly [string, string | undefined])[]): void {
  for (const [key, value] of entries) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
}
