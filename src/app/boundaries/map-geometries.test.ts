import { mkdtempSync, readFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BoundaryLoadError } from "../../importers/boundaries/describe-boundary-failure.js";
import { loadMapGeometries, mapGeometries, RETRY_AFTER_FAILURE_MS } from "./map-geometries.js";

const GEOJSON = readFileSync(join(import.meta.dirname, "..", "..", "..", "..", "shared", "geo", "kommuner.geojson"), "utf8");

describe("loadMapGeometries", () => {
  it("downloads once, validates, caches the file, and then reads the cache", async () => {
    const dir = mkdtempSync(join(tmpdir(), "danmarkskort-geo-"));
    const source = { kind: "dawa" as const, url: "http://dawa.test/kommuner", cacheFile: join(dir, "boundaries", "kommuner-dawa.geojson") };
    let calls = 0;
    const fetcher = async () => {
      calls++;
      return GEOJSON;
    };
    const first = await loadMapGeometries(source, fetcher);
    expect(first.geographic?.shapes).toHaveLength(98);
    expect(first.geographicStatusDa).toBe("Kommunegrænser fra Dataforsyningen (DAWA).");
    expect(existsSync(source.cacheFile)).toBe(true);
    const second = await loadMapGeometries(source, fetcher);
    expect(second.geographic?.shapes).toHaveLength(98);
    expect(calls).toBe(1);
  });

  it("falls back to the tile map with a Danish reason when the download fails, and caches nothing", async () => {
    const dir = mkdtempSync(join(tmpdir(), "danmarkskort-geo-"));
    const source = { kind: "dawa" as const, url: "http://dawa.test/kommuner", cacheFile: join(dir, "kommuner-dawa.geojson") };
    const loaded = await loadMapGeometries(source, async () => {
      throw new BoundaryLoadError("Kunne ikke hente kommunegrænser fra http://dawa.test/kommuner: serveren svarede 503");
    });
    expect(loaded.geographic).toBeNull();
    expect(loaded.tile.shapes).toHaveLength(98);
    expect(loaded.geographicStatusDa).toMatch(/^Kommunegrænserne kunne ikke indlæses, så kortet vises som feltkort\. Kunne ikke hente .* 503$/);
    expect(existsSync(source.cacheFile)).toBe(false);
  });

  it("names only the file, not the server's path, in the page's status line", async () => {
    const loaded = await loadMapGeometries({ kind: "file", path: join(import.meta.dirname, "..", "..", "..", "..", "shared", "geo", "kommuner.topojson") });
    expect(loaded.geographicStatusDa).toBe("Kommunegrænser fra filen kommuner.topojson.");
  });
});

describe("mapGeometries", () => {
  it("keeps a failed load for a while, then tries again", async () => {
    const source = { kind: "file" as const, path: join(tmpdir(), "findes-ikke-kommuner.geojson") };
    const t0 = 1_000_000_000_000;
    const first = mapGeometries(source, t0);
    expect((await first).geographic).toBeNull();
    expect(mapGeometries(source, t0 + 1000)).toBe(first);
    expect(mapGeometries(source, t0 + RETRY_AFTER_FAILURE_MS + 1)).not.toBe(first);
  });
});
