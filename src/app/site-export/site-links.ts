import { findMunicipalityByCode } from "../../domain/municipality.js";
import { mapPageQuery, parseMapPageState, type GeometryChoice } from "../../viz/page-state.js";
import { normalizeUrl } from "./site-paths.js";

/**
 * What a link on a public page is, for the static export: left alone (a fragment, another site), only on
 * the server (sign-in, the account, tilsyn, the agenda-item generator, forms that write), or an address of
 * the site. The pages with a selection (the map, a profile, the compliance view) form families the export
 * enumerates; any other address is fetched as an anonymous caller and kept when it answers 200.
 */
export type SiteLink =
  | { readonly kind: "outside" }
  | { readonly kind: "server-only" }
  /** `seeded`: one of the enumerated families; exported only when the enumeration has it, never discovered. */
  | { readonly kind: "site"; readonly url: string; readonly fragment: string; readonly seeded: boolean };

/** What the canonical form of a map or profile address needs: the default year and map type of the pages. */
export type SiteShape = { readonly latestYear: number | null; readonly defaultGeometry: GeometryChoice };

/**
 * Addresses that need a server or a person signed in: sign-in and the account, the supervisors' and
 * administrators' pages, a municipality's own editing pages, the agenda item (made to order from a form)
 * and the probes. Checked before anything is fetched, so the export never asks for them.
 */
const SERVER_ONLY: readonly RegExp[] = [
  /^\/(log-ind|log-ud|konto|tilsyn|brugere|lovregler|revisionsspor)(\/|$)/,
  /^\/(healthz|readyz|metrics)$/,
  /^\/kommuner\/[^/]+\/(dagsordenpunkt|kommentar|omraader|skabelon|organer|behandling|vidensbank)(\/|\.|$)/,
  /^\/kommuner\/[^/]+\/handleplaner\/(ny|[^/]+\/rediger)$/,
  /^\/api\/v1\/(tokens|audit-trail|users)(\/|$)/,
  /^\/api\/v1\/municipalities\/[^/]+\/(agenda-item|comments|docx-template|subject-areas|knowledge)(\/|$)/,
];

const SITE_ORIGIN = "http://side.invalid";

export function isServerOnly(pathname: string): boolean {
  return SERVER_ONLY.some((pattern) => pattern.test(pathname));
}

/**
 * The one address a family page is exported under: a map page with every parameter spelled out (the
 * highlighted municipality dropped: the export has each map once, not once per municipality), a profile
 * with its year and nothing else, the municipality list without a search. null: not a valid address.
 */
export function canonicalPageUrl(url: string, shape: SiteShape): string | null {
  const parsed = new URL(url, SITE_ORIGIN);
  const query = Object.fromEntries(parsed.searchParams);
  const path = parsed.pathname;
  if (path === "/kort" || (path === "/" && parsed.search !== "")) {
    if (shape.latestYear === null) return path;
    try {
      const state = parseMapPageState(query, { year: shape.latestYear });
      return `/kort?${mapPageQuery({ ...state, municipality: null, geometry: state.geometry ?? shape.defaultGeometry })}`;
    } catch {
      return null;
    }
  }
  if (path === "/") return "/";
  if (path === "/kommuner") return "/kommuner";
  const profile = /^\/kommuner\/([^/]+)$/.exec(path);
  if (profile) {
    const municipality = findMunicipalityByCode(profile[1]!);
    const year = query.aar ?? (shape.latestYear === null ? undefined : String(shape.latestYear));
    if (!municipality || (year !== undefined && !/^\d{4}$/.test(year))) return null;
    return year === undefined ? `/kommuner/${municipality.code}` : `/kommuner/${municipality.code}?aar=${year}`;
  }
  if (path === "/behandling") return normalizeUrl(url);
  return normalizeUrl(url);
}

const SEEDED_FAMILY = /^\/(kort|kommuner|kommuner\/[^/]+|behandling)?$/;

/** Classifies an href, src or action as the page at `fromUrl` has it (root-relative, with entities decoded). */
export function classifyLink(href: string, shape: SiteShape): SiteLink {
  if (href === "" || href.startsWith("#") || /^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith("//")) return { kind: "outside" };
  if (!href.startsWith("/")) return { kind: "outside" };
  const parsed = new URL(href, SITE_ORIGIN);
  if (isServerOnly(parsed.pathname)) return { kind: "server-only" };
  const seeded = SEEDED_FAMILY.test(parsed.pathname);
  const url = seeded ? canonicalPageUrl(href, shape) : normalizeUrl(href);
  if (url === null) return { kind: "server-only" };
  // A fragment is an element id of the server's own pages; anything unusual is dropped rather than escaped.
  return { kind: "site", url, fragment: /^#[A-Za-z0-9_.:-]*$/.test(parsed.hash) ? parsed.hash : "", seeded };
}
