import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fetchBoundaries, loadMapGeometries } from "../../src/app/boundaries/map-geometries.js";

/**
 * Issue 9, point 6: a user saw "TypeError: fetch failed" on the map page when the boundary download failed.
 * Real failures (a refused connection, a missing file, a download that is not JSON) through the real loader:
 * the page's status line is Danish and carries none of the runtime's English.
 */
const ENGLISH = /TypeError|fetch failed|ENOENT|ECONNREFUSED|no such file|Unexpected token|is not valid JSON|Error:/;

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe("boundary failures are said in Danish", () => {
  it("a refused download", async () => {
    const url = `http://127.0.0.1:${await closedPort()}/kommuner?format=geojson`;
    const dir = mkdtempSync(join(tmpdir(), "danmarkskort-geo-fail-"));
    const loaded = await loadMapGeometries({ kind: "dawa", url, cacheFile: join(dir, "kommuner-dawa.geojson") }, fetchBoundaries);
    expect(loaded.geographic).toBeNull();
    expect(loaded.geographicStatusDa).toBe(
      `Kommunegrænserne kunne ikke indlæses, så kortet vises som feltkort. Kunne ikke hente kommunegrænser fra ${url}: serveren afviste forbindelsen. Sæt DANMARKSKORT_BOUNDARIES til en fil med kommunegrænser, eller prøv igen senere.`,
    );
    expect(loaded.geographicStatusDa).not.toMatch(ENGLISH);
  });

  it("a configured file that does not exist", async () => {
    const loaded = await loadMapGeometries({ kind: "file", path: join(tmpdir(), "findes-ikke", "kommuner.geojson") });
    expect(loaded.geographicStatusDa).toContain("Kunne ikke læse kommunegrænserne i filen kommuner.geojson: filen findes ikke.");
    expect(loaded.geographicStatusDa).not.toMatch(ENGLISH);
  });

  it("a download that is not JSON (a proxy's HTML page)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "danmarkskort-geo-fail-"));
    const loaded = await loadMapGeometries({ kind: "dawa", url: "http://dawa.test/kommuner", cacheFile: join(dir, "k.geojson") }, async () => "<html>Forbindelsen kræver login</html>");
    expect(loaded.geographicStatusDa).toContain("http://dawa.test/kommuner: er ikke gyldig JSON (GeoJSON eller TopoJSON forventet).");
    expect(loaded.geographicStatusDa).not.toMatch(ENGLISH);
  });

  it("a file that is not JSON", async () => {
    const dir = mkdtempSync(join(tmpdir(), "danmarkskort-geo-fail-"));
    const path = join(dir, "kommuner.geojson");
    writeFileSync(path, "{ ikke json");
    const loaded = await loadMapGeometries({ kind: "file", path });
    expect(loaded.geographicStatusDa).toMatch(/er ikke gyldig JSON \(GeoJSON eller TopoJSON forventet\)\.$/);
    expect(loaded.geographicStatusDa).not.toMatch(ENGLISH);
  });
});
