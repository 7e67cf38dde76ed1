import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import { BlockList, isIP, type LookupFunction } from "node:net";
import { MinutesReadError } from "./minutes-read-error.js";

/**
 * Fetches a council's published minutes from the address a person gives (issue 15 item 3). The server
 * makes the request, so the address is someone else's input aimed at our network: only http(s), at most a
 * few redirects, a size cap and a time limit, and no connection to a loopback, private or link-local
 * address unless the operator allows it (a municipality's own intranet, or a test). The check sits in the
 * socket's name lookup, so a name that resolves differently the second time (DNS rebinding) is caught on
 * the address actually connected to.
 */
export type MinutesDownloadOptions = {
  readonly maxBytes: number;
  readonly timeoutMs?: number;
  readonly maxRedirects?: number;
  /** Allow loopback and private addresses (DANMARKSKORT_REFERAT_PRIVATE_ADRESSER=1). */
  readonly allowPrivateAddresses?: boolean;
};

export type DownloadedMinutes = { readonly bytes: Uint8Array; readonly finalUrl: string; readonly fileName: string };

const PRIVATE = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.168.0.0", 16],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const)
  PRIVATE.addSubnet(net, prefix, "ipv4");
for (const [net, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const)
  PRIVATE.addSubnet(net, prefix, "ipv6");

export function isPrivateAddress(address: string): boolean {
  // An IPv4-mapped IPv6 address (::ffff:127.0.0.1) is the IPv4 address it carries.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return isPrivateAddress(mapped[1]!);
  const family = isIP(address);
  if (family === 0) return true;
  return PRIVATE.check(address, family === 4 ? "ipv4" : "ipv6");
}

function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, "", 0);
      const list = addresses as LookupAddress[];
      const refused = allowPrivate ? undefined : list.find((a) => isPrivateAddress(a.address));
      if (refused || list.length === 0) {
        const e = Object.assign(new Error("private address"), { code: "EPRIVATEADDRESS" });
        return callback(e, "", 0);
      }
      if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
      return callback(null, list[0]!.address, list[0]!.family);
    });
  };
}

export function parseMinutesUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new MinutesReadError(`"${text.trim().slice(0, 80)}" er ikke en gyldig adresse; skriv den hele, fx https://kommune.dk/referat.pdf.`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new MinutesReadError(`Adressen skal begynde med https:// eller http://, ikke ${url.protocol}`);
  if (url.username || url.password) throw new MinutesReadError("Adressen må ikke indeholde brugernavn eller adgangskode.");
  return url;
}

/** The file name the readers see: the last path segment, so "referat.pdf" and "punkt.html" choose their reader. */
function fileNameOf(url: URL, contentType: string | undefined): string {
  const last = decodeURIComponent(url.pathname.split("/").pop() ?? "") || "referat";
  if (/\.[a-z0-9]{2,5}$/i.test(last)) return last;
  return contentType?.includes("html") ? `${last}.html` : last;
}

function requestOnce(url: URL, options: MinutesDownloadOptions): Promise<{ redirect: string } | DownloadedMinutes> {
  // An address written as an IP is connected to without a name lookup, so it is checked here.
  const literal = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(literal) !== 0 && !options.allowPrivateAddresses && isPrivateAddress(literal)) return Promise.reject(new MinutesReadError(`${url.hostname} er en adresse i et lokalt eller privat net; serveren henter kun referater fra offentlige adresser.`));
  const client = url.protocol === "https:" ? https : http;
  const label = url.host;
  return new Promise((resolve, reject) => {
    const request = client.get(url, { lookup: guardedLookup(options.allowPrivateAddresses === true), timeout: options.timeoutMs ?? 15_000, headers: { "user-agent": "danmarkskort (referatlæser)", accept: "application/pdf, text/html, application/vnd.openxmlformats-officedocument.wordprocessingml.document, text/plain;q=0.8, */*;q=0.5" } }, (response) => {
      const status = response.statusCode ?? 0;
      if (status >= 300 && status < 400 && response.headers.location) {
        response.resume();
        return resolve({ redirect: new URL(response.headers.location, url).toString() });
      }
      if (status !== 200) {
        response.resume();
        return reject(new MinutesReadError(`${label} svarede ${status} for adressen; referatet kunne ikke hentes.`));
      }
      const declared = Number(response.headers["content-length"] ?? "NaN");
      if (Number.isFinite(declared) && declared > options.maxBytes) {
        response.destroy();
        return reject(new MinutesReadError(`Dokumentet på adressen er for stort (${Math.ceil(declared / 1024 / 1024)} MB); højst ${Math.floor(options.maxBytes / 1024 / 1024)} MB.`));
      }
      const chunks: Buffer[] = [];
      let size = 0;
      response.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > options.maxBytes) {
          response.destroy();
          reject(new MinutesReadError(`Dokumentet på adressen er for stort; højst ${Math.floor(options.maxBytes / 1024 / 1024)} MB.`));
          return;
        }
        chunks.push(chunk);
      });
      response.on("end", () => resolve({ bytes: Buffer.concat(chunks), finalUrl: url.toString(), fileName: fileNameOf(url, response.headers["content-type"]) }));
      response.on("error", () => reject(new MinutesReadError(`Forbindelsen til ${label} blev afbrudt; referatet kunne ikke hentes.`)));
    });
    request.on("timeout", () => request.destroy(Object.assign(new Error("timeout"), { code: "ETIMEDOUT" })));
    request.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EPRIVATEADDRESS") return reject(new MinutesReadError(`${url.hostname} er en adresse i et lokalt eller privat net; serveren henter kun referater fra offentlige adresser.`));
      if (error.code === "ENOTFOUND" || error.code === "EAI_AGAIN") return reject(new MinutesReadError(`Serveren ${url.hostname} findes ikke (eller kan ikke slås op lige nu).`));
      if (error.code === "ETIMEDOUT") return reject(new MinutesReadError(`${label} svarede ikke inden for ${Math.round((options.timeoutMs ?? 15_000) / 1000)} sekunder.`));
      return reject(new MinutesReadError(`Referatet kunne ikke hentes fra ${label} (${error.code ?? error.message}).`));
    });
  });
}

export async function downloadMinutes(text: string, options: MinutesDownloadOptions): Promise<DownloadedMinutes> {
  let url = parseMinutesUrl(text);
  const maxRedirects = options.maxRedirects ?? 3;
  for (let hop = 0; ; hop++) {
    const answer = await requestOnce(url, options);
    if (!("redirect" in answer)) return answer;
    if (hop >= maxRedirects) throw new MinutesReadError(`Adressen sender videre mere end ${maxRedirects} gange; referatet kunne ikke hentes.`);
    url = parseMinutesUrl(answer.redirect);
  }
}
