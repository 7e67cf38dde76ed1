import { MAP_DEFINITIONS, type MapId } from "../../domain/map-definition.js";
import type { ReportContext } from "../report-context.js";
import type { ReportBlock } from "../report-document.js";
import { ministryName } from "../report-phrases.js";
import { ministryMapPage } from "./ministry-map-pages.js";

/** "Danmarkskortet kan ses på Social- og Boligministeriets hjemmeside: <address>" (seeds: Herning, Ballerup 2025). */
export function mapLinkBlock(ctx: ReportContext, map: MapId): ReportBlock {
  const url = ministryMapPage(ctx.year, map, ctx.mapLinks);
  // Genitive of the ministry's name where the name is confirmed (report-phrases.ts), else neutrally.
  const named = ministryName(ctx.treatment.publicationYear);
  const site = named.endsWith("ministeriet") ? `${named}s` : "ministeriets";
  const name = `Omgørelsesprocenter på ${MAP_DEFINITIONS[map].shortNameDa} i ${ctx.year}`;
  return url
    ? { kind: "paragraph", text: `Kortet kan ses på ${site} hjemmeside: ${name}, ${url}` }
    : { kind: "paragraph", text: `Kortet kan ses på ${site} hjemmeside, sm.dk, under »${name}«.` };
}
