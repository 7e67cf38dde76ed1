import { hash, verify } from "@node-rs/argon2";

/**
 * Passwords are stored only as argon2id hashes (issue 12; OWASP Password Storage Cheat Sheet: argon2id with
 * at least 19 MiB memory, 2 iterations, 1 lane — the parameters below). `@node-rs/argon2` ships a prebuilt
 * binary inside its npm packages, so nothing is compiled or downloaded at install.
 */
// `Algorithm.Argon2id` is 2; the package exports it as a const enum, which verbatimModuleSyntax cannot import.
const PARAMETERS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 12;
/** Hashing cost grows with the input; a cap keeps one request from tying up a core. */
export const MAX_PASSWORD_LENGTH = 256;

export async function hashPassword(password: string): Promise<string> {
  return hash(password, PARAMETERS);
}

/** Constant-time comparison inside argon2; a malformed stored hash counts as a mismatch. */
export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

/**
 * A hash of nothing in particular, verified when the e-mail is unknown, so a wrong address takes as long as
 * a wrong password and the response time does not tell which addresses have accounts.
 */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  return (dummyHash ??= hashPassword("ingen-bruger-har-denne-adgangskode"));
}

/** Danish reasons a new password is refused, or null when it is acceptable. */
export function checkNewPassword(password: string, email: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Adgangskoden skal være på mindst ${MIN_PASSWORD_LENGTH} tegn.`;
  if (password.length > MAX_PASSWORD_LENGTH) return `Adgangskoden må højst være på ${MAX_PASSWORD_LENGTH} tegn.`;
  if (password.trim().toLowerCase() === email.trim().toLowerCase()) return "Adgangskoden må ikke være din e-mailadresse.";
  return null;
}
