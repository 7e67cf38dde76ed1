import { basename } from "node:path";

/**
 * Why the municipality boundaries could not be fetched or read, in Danish. The runtime's own words
 * ("TypeError: fetch failed", "ENOENT: no such file or directory", "Unexpected token < in JSON") reached the
 * map page before (issue 9, point 6); a person reads this sentence, so it names the cause and what to do.
 */

type ErrorLike = { readonly name?: unknown; readonly code?: unknown; readonly cause?: unknown; readonly message?: unknown };

function codeOf(error: unknown): string | undefined {
  const e = error as ErrorLike | null;
  if (e && typeof e === "object") {
    if (typeof e.code === "string") return e.code;
    if (e.cause) return codeOf(e.cause);
  }
  return undefined;
}

const NETWORK_CAUSES_DA: Readonly<Record<string, string>> = {
  ENOTFOUND: "adressen kunne ikke slås op (ingen forbindelse til internettet, eller navnet findes ikke)",
  EAI_AGAIN: "adressen kunne ikke slås op lige nu (navneopslaget svarede ikke)",
  ECONNREFUSED: "serveren afviste forbindelsen",
  ECONNRESET: "forbindelsen blev afbrudt undervejs",
  ETIMEDOUT: "forbindelsen fik intet svar i tide",
  EHOSTUNREACH: "serveren kan ikke nås fra denne maskine",
  ENETUNREACH: "der er ingen netværksforbindelse",
  UND_ERR_CONNECT_TIMEOUT: "forbindelsen fik intet svar i tide",
  UND_ERR_SOCKET: "forbindelsen blev afbrudt undervejs",
  CERT_HAS_EXPIRED: "serverens certifikat er udløbet",
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: "serverens certifikat kunne ikke kontrolleres",
  SELF_SIGNED_CERT_IN_CHAIN: "serverens certifikat kunne ikke kontrolleres",
};

/** A failed download: "Kunne ikke hente kommunegrænser fra <url>: <årsag>." */
export function describeFetchFailure(url: string, error: unknown, timeoutMs: number): string {
  const name = (error as ErrorLike | null)?.name;
  const code = codeOf(error);
  const cause =
    name === "TimeoutError" || name === "AbortError"
      ? `intet svar inden for ${timeoutMs / 1000} sekunder`
      : code && NETWORK_CAUSES_DA[code]
        ? NETWORK_CAUSES_DA[code]
        : "forbindelsen mislykkedes (ingen forbindelse til internettet, eller adressen er forkert)";
  return `Kunne ikke hente kommunegrænser fra ${url}: ${cause}. Sæt DANMARKSKORT_BOUNDARIES til en fil med kommunegrænser, eller prøv igen senere.`;
}

/** A configured boundary file that cannot be read; named by its file name only, as the page's status line names it. */
export function describeReadFailure(path: string, error: unknown): string {
  const code = codeOf(error);
  const cause =
    code === "ENOENT"
      ? "filen findes ikke"
      : code === "EACCES" || code === "EPERM"
        ? "programmet har ikke lov at læse filen"
        : code === "EISDIR"
          ? "stien er en mappe, ikke en fil"
          : "filen kunne ikke læses";
  return `Kunne ikke læse kommunegrænserne i filen ${basename(path)}: ${cause}. Ret DANMARKSKORT_BOUNDARIES, eller sæt den til none for kun feltkort.`;
}

/** A boundary source that could not be fetched or read; its message is one of the Danish sentences above. */
export class BoundaryLoadError extends Error {}
