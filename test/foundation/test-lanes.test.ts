import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ALL_TESTS, E2E_TESTS, STORAGE_TESTS } from "../lanes.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");

// The glob forms test/lanes.ts uses: a double star and slash for any run of folders, one star within a name.
function globToRegExp(glob: string): RegExp {
  let body = "";
  for (let i = 0; i < glob.length; i++) {
    if (glob.startsWith("**/", i)) {
      body += "(?:.+/)?";
      i += 2;
    } else if (glob[i] === "*") body += "[^/]*";
    else body += glob[i]!.replace(/[.+?^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${body}$`);
}

const matchesAny = (path: string, globs: readonly string[]) => globs.some((g) => globToRegExp(g).test(path));

function filesUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return entry.name === "fixtures" ? [] : filesUnder(path);
    return [path];
  });
}

const allTestFiles = () => [...filesUnder("src"), ...filesUnder("test")].filter((f) => matchesAny(f, ALL_TESTS)).sort();

function laneOf(path: string): "unit" | "storage" | "e2e" {
  if (matchesAny(path, E2E_TESTS)) return "e2e";
  if (matchesAny(path, STORAGE_TESTS)) return "storage";
  return "unit";
}

/** What a unit test must not reach, directly or through the modules it imports. */
const FORBIDDEN_PACKAGES = ["pg", "@electric-sql/pglite", "playwright-core", "node:child_process", "child_process"];
const FORBIDDEN_FILES = ["src/storage/open-database.ts", "test/support/test-databases.ts", "test/support/run-cli.ts"];

/** Value imports only: `import type` and `export type` vanish when compiled and load nothing. */
const IMPORT = /(?:^|\n)\s*(?:import(?!\s+type\b)[^"'`;]*?from\s*|import\s*\(\s*|export(?!\s+type\b)[^"'`;]*?from\s*|import\s+)["']([^"']+)["']/g;

function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), "utf8");
  return [...text.matchAll(IMPORT)].map((m) => m[1]!);
}

/** Resolves "./x.js" from `from` to the project file it names (TypeScript sources are written with .js). */
function resolveLocal(from: string, specifier: string): string | null {
  const target = relative(ROOT, resolve(ROOT, dirname(from), specifier));
  for (const candidate of [target.replace(/\.js$/, ".ts"), target.replace(/\.js$/, ".tsx"), target, `${target}.ts`, `${target}/index.ts`]) {
    if (existsSync(join(ROOT, candidate)) && candidate.match(/\.(ts|tsx|js|mjs)$/)) return candidate;
  }
  return null;
}

/** The first chain of imports from `start` to something a unit test must not load, or null. */
function forbiddenReach(start: string): string[] | null {
  const seen = new Set<string>([start]);
  const queue: string[][] = [[start]];
  while (queue.length > 0) {
    const chain = queue.shift()!;
    const file = chain.at(-1)!;
    for (const specifier of importsOf(file)) {
      if (FORBIDDEN_PACKAGES.includes(specifier)) return [...chain, specifier];
      if (!specifier.startsWith(".")) continue;
      const next = resolveLocal(file, specifier);
      if (next === null || seen.has(next)) continue;
      if (FORBIDDEN_FILES.includes(next)) return [...chain, next];
      seen.add(next);
      queue.push([...chain, next]);
    }
  }
  return null;
}

describe("test lanes (test/lanes.ts)", () => {
  it("matches lane globs the way vitest does for the forms used", () => {
    expect(globToRegExp("test/browser/**/*.test.ts").test("test/browser/map-page.test.ts")).toBe(true);
    expect(globToRegExp("test/browser/**/*.test.ts").test("test/browser/a/b/c.test.ts")).toBe(true);
    expect(globToRegExp("src/**/*.test.ts").test("src/domain/x.ts")).toBe(false);
    expect(globToRegExp("test/rates/api.test.ts").test("test/rates/apiXtest.ts")).toBe(false);
  });

  it("names in the storage and e2e lanes only files that exist", () => {
    const files = allTestFiles();
    for (const glob of [...STORAGE_TESTS, ...E2E_TESTS]) {
      expect(files.some((f) => globToRegExp(glob).test(f)), `${glob} matcher ingen testfil`).toBe(true);
    }
  });

  it("keeps every unit test away from databases, child processes and browsers, also through its imports", () => {
    const offenders = allTestFiles()
      .filter((f) => laneOf(f) === "unit")
      .map((f) => forbiddenReach(f))
      .filter((chain): chain is string[] => chain !== null)
      .map((chain) => chain.join(" → "));
    expect(offenders).toEqual([]);
  });

  it("catches a storage test or a process test that would be left in the unit lane", () => {
    expect(forbiddenReach("test/rates/api.test.ts")?.at(-1)).toBe("test/support/test-databases.ts");
    expect(forbiddenReach("test/rates/rates-cli.test.ts")?.at(-1)).toMatch(/run-cli\.ts|open-database\.ts/);
    expect(forbiddenReach("test/browser/map-page.test.ts")).not.toBeNull();
    expect(laneOf("test/rates/api.test.ts")).toBe("storage");
    expect(laneOf("src/storage/data-dir-lock.test.ts")).toBe("e2e");
    expect(laneOf("src/domain/rate-estimate.test.ts")).toBe("unit");
  });
});
