import { createHash, randomBytes } from "node:crypto";

/**
 * Random secrets for session cookies and API tokens: 32 bytes from the system CSPRNG (256 bits, beyond
 * guessing). Only their SHA-256 is stored; a fast hash suffices because the secret itself has full entropy
 * (unlike a password, which is why passwords get argon2id).
 */
export function newSecret(prefix = ""): string {
  return prefix + randomBytes(32).toString("base64url");
}

export function sha256Hex(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

/** API tokens carry a prefix so a leaked one is recognisable in logs and by secret scanners. */
export const API_TOKEN_PREFIX = "dkt_";
