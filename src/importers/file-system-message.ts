import { quoteForMessage } from "./quote-for-message.js";

/** A file-system error as a Danish sentence: never "ENOENT" or "EACCES" to a user (issue 19). */
export function fileSystemMessageDa(error: unknown, path: string, what = "Filen"): string {
  const code = (error as { code?: unknown } | null)?.code;
  const named = `${what} ${quoteForMessage(path)}`;
  switch (code) {
    case "ENOENT":
      return `${named} findes ikke.`;
    case "EACCES":
    case "EPERM":
      return `${named} må ikke læses (manglende adgang).`;
    case "EISDIR":
      return `${named} er en mappe, ikke en fil. Angiv selve filen.`;
    default:
      return `${named} kan ikke læses (fejl i filsystemet${typeof code === "string" ? `: ${code}` : ""}).`;
  }
}
