import type { ContextTableId } from "../../domain/context/context-figure.js";

/** Danmarks Statistik's API; a test or a mirror passes its own base URL. */
export const DEFAULT_STATBANK_API_URL = "https://api.statbank.dk";

export const DEFAULT_FETCH_TIMEOUT_MS = 30_000;

/**
 * The variables each table is fetched with: every municipality, the totals of the dimensions we do not
 * split by, and the requested periods. FOLK1A comes as codes (three-digit municipality codes, single years
 * of age); HAND07/HAND06 as labels, since the benefit's paragraph ("§ 95 i lov om social service") is only in
 * the label; HANDBU01 as codes with indsats 110 (each child once) and 100 (all indsatser).
 */
const TABLE_QUERIES: Readonly<Record<ContextTableId, { readonly presentation: "Code" | "Value"; readonly variables: readonly [string, string][] }>> = {
  FOLK1A: { presentation: "Code", variables: [["OMRÅDE", "*"], ["KØN", "TOT"], ["ALDER", "*"]] },
  HAND07: { presentation: "Value", variables: [["OMRÅDE", "*"], ["YDELSESTYPE", "*"]] },
  HAND06: { presentation: "Value", variables: [["OMRÅDE", "*"], ["YDELSESTYPE", "*"]] },
  HANDBU01: { presentation: "Code", variables: [["KOMMUNEDK", "*"], ["INDSATSER", "100,110"], ["KØN", "0"]] },
};

/** The data URL: `<base>/v1/data/<TABEL>/CSV?lang=da&valuePresentation=…&delimiter=Semicolon&<VAR>=…&Tid=…`. */
export function statbankDataUrl(baseUrl: string, table: ContextTableId, periods: readonly string[]): string {
  const q = TABLE_QUERIES[table];
  // Relative to the base, so a base with a path (a mirror, a proxy) keeps it.
  const url = new URL(`v1/data/${table}/CSV`, baseUrl.endsWith("/") ? baseUrl : `${baseUrl}/`);
  url.searchParams.set("lang", "da");
  url.searchParams.set("valuePresentation", q.presentation);
  url.searchParams.set("delimiter", "Semicolon");
  for (const [name, value] of q.variables) url.searchParams.set(name, value);
  url.searchParams.set("Tid", periods.join(","));
  return url.toString();
}

/** A fetch that did not give a file; the message is Danish and says what to do instead. */
export class StatbankFetchError extends Error {}

function offlineHintDa(url: string): string {
  return `Hent i stedet filen i en browser (${url}), gem den, og indlæs den med "danmarkskort import <fil>".`;
}

function causeCode(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: unknown } } | undefined)?.cause;
  return typeof cause?.code === "string" ? cause.code : undefined;
}

/**
 * Fetches one table as the API's CSV bytes (kept as sent: the importer detects the encoding and hashes
 * exactly what Danmarks Statistik answered). Times out after `timeoutMs`.
 */
export async function fetchStatbankCsv(options: { readonly baseUrl: string; readonly table: ContextTableId; readonly periods: readonly string[]; readonly timeoutMs?: number }): Promise<{ readonly url: string; readonly bytes: Uint8Array }> {
  const url = statbankDataUrl(options.baseUrl, options.table, options.periods);
  const timeoutMs = options.timeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS;
  let response: Response;
  let bytes: Uint8Array;
  try {
    // The timeout covers the whole answer, body included: a server that stalls mid-file is given up on too.
    response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: "text/csv" } });
    bytes = new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    if (error instanceof DOMException && (error.name === "TimeoutError" || error.name === "AbortError")) {
      const seconds = new Intl.NumberFormat("da-DK", { maximumFractionDigits: 1 }).format(timeoutMs / 1000);
      throw new StatbankFetchError(`Danmarks Statistiks API svarede ikke inden for ${seconds} sekunder. ${offlineHintDa(url)}`);
    }
    const code = causeCode(error);
    throw new StatbankFetchError(`Kan ikke nå Danmarks Statistiks API (${new URL(url).host}): ingen forbindelse${code ? ` (${code})` : ""}. Er maskinen offline? ${offlineHintDa(url)}`);
  }
  if (!response.ok) {
    // The API explains a bad request in a short JSON or text body; quote a little of it.
    const said = new TextDecoder().decode(bytes.slice(0, 300)).replace(/\s+/g, " ").trim();
    throw new StatbankFetchError(`Danmarks Statistiks API svarede ${response.status} for ${options.table} (${options.periods.join(", ")})${said ? `: "${said}"` : ""}. Tjek tabel og periode.`);
  }
  return { url, bytes };
}
