/**
 * The rules every request's query string meets before any route sees it (issue 19): each parameter at
 * most once, properly %-encoded, without control characters, and the whole query of a sane length. A route
 * reads `request.query.kommune` as one string; a repeated parameter arrived as an array and ended in a 500.
 */
export const MAX_QUERY_LENGTH = 4096;

/** Cuts a text a user sent before it goes into a message, so an error never echoes kilobytes back. */
export function capForMessage(text: string, max = 80): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length} tegn)`;
}

function decodeQueryPart(text: string): string | null {
  // Most parameters are plain words and digits (kort=socialomraadet, aar=2024): nothing to decode.
  if (PLAIN.test(text)) return text;
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    return null;
  }
}

const PLAIN = /^[A-Za-z0-9._~-]*$/;

// C0 and C1 controls and DEL: never part of a parameter a person or our own forms send.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
// eslint-disable-next-line no-control-regex -- as above
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;

/** The Danish reason a query string is refused, or null when it is fine. */
export function queryProblemDa(url: string): string | null {
  const start = url.indexOf("?");
  if (start < 0) return null;
  const query = url.slice(start + 1);
  if (query.length > MAX_QUERY_LENGTH) return `Adressens parametre er for lange (${query.length} tegn; højst ${MAX_QUERY_LENGTH}).`;
  const seen = new Set<string>();
  for (const part of query.split("&")) {
    if (part === "") continue;
    const eq = part.indexOf("=");
    const rawName = eq < 0 ? part : part.slice(0, eq);
    const name = decodeQueryPart(rawName);
    const value = eq < 0 ? "" : decodeQueryPart(part.slice(eq + 1));
    if (name === null || value === null) return `Parameteren "${capForMessage(rawName)}" er ikke gyldigt kodet (et %-tegn skal følges af to hexcifre).`;
    if (CONTROL.test(name) || CONTROL.test(value)) return `Parameteren "${capForMessage(name.replace(CONTROLS, "?"))}" indeholder styretegn.`;
    if (seen.has(name)) return `Parameteren "${capForMessage(name)}" står mere end én gang i adressen; angiv den kun én gang.`;
    seen.add(name);
  }
  return null;
}

/** Danish text for the HTTP errors Fastify and its plugins raise themselves (their own messages are English). */
export function statusMessageDa(status: number): string {
  switch (status) {
    case 400:
      return "Forespørgslen kan ikke læses.";
    case 401:
      return "Du skal logge ind for at se dette.";
    case 403:
      return "Der er ikke adgang til denne adresse.";
    case 404:
      return "Siden findes ikke.";
    case 405:
      return "Metoden er ikke tilladt på denne adresse.";
    case 406:
      return "Serveren kan ikke svare i det ønskede format.";
    case 408:
      return "Forespørgslen tog for lang tid.";
    case 413:
      return "Forespørgslen er for stor.";
    case 414:
      return "Adressen er for lang.";
    case 415:
      return "Indholdstypen understøttes ikke.";
    case 416:
      return "Det ønskede udsnit af filen findes ikke.";
    case 429:
      return "For mange forespørgsler lige nu; prøv igen om lidt.";
    case 431:
      return "Forespørgslens overskrifter er for store.";
    case 503:
      return "Tjenesten er midlertidigt utilgængelig; prøv igen om lidt.";
    default:
      return status >= 500 ? "Der opstod en fejl på serveren." : "Forespørgslen kan ikke behandles.";
  }
}
