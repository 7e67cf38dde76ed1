import { ROLE_KINDS, type RoleKind } from "../../domain/access-policy.js";
import { DEFAULT_AUTH_SETTINGS, type AuthSettings, type OidcSettings } from "./auth-settings.js";

/** A setting that cannot be used; the message names the variable and what it should be. */
export class AuthSettingsError extends Error {}

type Env = Readonly<Record<string, string | undefined>>;

function positiveInteger(env: Env, name: string, fallback: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  if (!/^\d+$/.test(raw.trim()) || Number(raw) < 1 || Number(raw) > max) throw new AuthSettingsError(`${name} skal være et helt tal mellem 1 og ${max}, ikke "${raw}".`);
  return Number(raw);
}

function url(env: Env, name: string): string | null {
  const raw = env[name]?.trim();
  if (!raw) return null;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new AuthSettingsError(`${name} skal være en adresse som https://…, ikke "${raw}".`);
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") throw new AuthSettingsError(`${name} skal begynde med https://, ikke "${raw}".`);
  return raw.replace(/\/+$/, "");
}

/**
 * The sign-in settings from the environment (documented in the README, "Brugere og roller"). OpenID
 * Connect is on when DANMARKSKORT_OIDC_ISSUER is set, and then needs the client id and secret.
 */
export function authSettingsFromEnv(env: Env): AuthSettings {
  const issuerUrl = url(env, "DANMARKSKORT_OIDC_ISSUER");
  let oidc: OidcSettings | null = null;
  if (issuerUrl) {
    const clientId = env.DANMARKSKORT_OIDC_CLIENT_ID?.trim();
    const clientSecret = env.DANMARKSKORT_OIDC_CLIENT_SECRET;
    if (!clientId) throw new AuthSettingsError("DANMARKSKORT_OIDC_ISSUER er sat, men DANMARKSKORT_OIDC_CLIENT_ID mangler.");
    if (!clientSecret) throw new AuthSettingsError("DANMARKSKORT_OIDC_ISSUER er sat, men DANMARKSKORT_OIDC_CLIENT_SECRET mangler.");
    const defaultRole = (env.DANMARKSKORT_OIDC_DEFAULT_ROLE?.trim() || "laeser") as RoleKind;
    if (!ROLE_KINDS.includes(defaultRole)) throw new AuthSettingsError(`DANMARKSKORT_OIDC_DEFAULT_ROLE skal være en af ${ROLE_KINDS.join(", ")}, ikke "${defaultRole}".`);
    const clientAuth = env.DANMARKSKORT_OIDC_CLIENT_AUTH?.trim() || "client_secret_basic";
    if (clientAuth !== "client_secret_basic" && clientAuth !== "client_secret_post") {
      throw new AuthSettingsError(`DANMARKSKORT_OIDC_CLIENT_AUTH skal være client_secret_basic eller client_secret_post, ikke "${clientAuth}".`);
    }
    oidc = {
      issuerUrl,
      clientId,
      clientSecret,
      municipalityClaim: env.DANMARKSKORT_OIDC_MUNICIPALITY_CLAIM?.trim() || "kommunekode",
      roleClaim: env.DANMARKSKORT_OIDC_ROLE_CLAIM?.trim() || null,
      defaultRole,
      scope: env.DANMARKSKORT_OIDC_SCOPE?.trim() || "openid email",
      clientAuth,
      buttonLabelDa: env.DANMARKSKORT_OIDC_BUTTON?.trim() || "Log ind med din organisations login",
    };
  }
  return {
    ...DEFAULT_AUTH_SETTINGS,
    sessionIdleMinutes: positiveInteger(env, "DANMARKSKORT_SESSION_IDLE_MINUTES", DEFAULT_AUTH_SETTINGS.sessionIdleMinutes, 24 * 60),
    sessionMaxHours: positiveInteger(env, "DANMARKSKORT_SESSION_MAX_HOURS", DEFAULT_AUTH_SETTINGS.sessionMaxHours, 7 * 24),
    publicUrl: url(env, "DANMARKSKORT_PUBLIC_URL"),
    oidc,
  };
}
