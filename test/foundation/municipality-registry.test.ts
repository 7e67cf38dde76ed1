import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { MUNICIPALITIES, resolveMunicipality } from "../../src/domain/municipality.js";

/** The DAGI list every developer and CI run has at ../shared (shared/README.md). */
const source = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "shared", "data", "kommuner-dagi.csv");

function readDagiRows(): { code: string; name: string; region: string }[] {
  const [header, ...lines] = readFileSync(source, "utf8").trim().split(/\r?\n/);
  expect(header).toBe("kommunekode;navn;region");
  return lines.map((line) => {
    const [code = "", name = "", region = ""] = line.split(";");
    return { code, name, region };
  });
}

describe("the generated municipality registry against shared/data/kommuner-dagi.csv", () => {
  it("holds every municipality of the source with the same code, name and region, and nothing else", () => {
    const expected = readDagiRows().filter((r) => r.code !== "0411");
    expect(MUNICIPALITIES.map(({ code, name, region }) => ({ code, name, region }))).toEqual(expected);
  });

  it("resolves every source name to its code", () => {
    for (const row of readDagiRows().filter((r) => r.code !== "0411")) expect(resolveMunicipality(row.name)?.code).toBe(row.code);
  });

  it("finds Christiansø (0411) in the source but not in the registry", () => {
    expect(readDagiRows().some((r) => r.code === "0411")).toBe(true);
    expect(MUNICIPALITIES.some((m) => m.code === "0411")).toBe(false);
  });
});
