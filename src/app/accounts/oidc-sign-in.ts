import * as oidc from "openid-client";
import { describeRoleDa, ROLE_KINDS, type Role, type RoleKind } from "../../domain/access-policy.js";
import { findMunicipalityByCode } from "../../domain/municipality.js";
import { saveOidcLoginState, takeOidcLoginState } from "../../storage/oidc-login-states.js";
import { createUser, findUserByEmail, findUserByOidcSubject, linkOidcSubject, normalizeEmail, roleColumns, setUserRole, type UserAccount } from "../../storage/user-accounts.js";
import { recordAuditEvent } from "../audit/record-audit-event.js";
import { refuse, type Refusal } from "../use-case-result.js";
import type { AccountDeps } from "./account-deps.js";
import type { OidcSettings } from "./auth-settings.js";
import { sha256Hex } from "./secret-token.js";
import { startSession } from "./sessions.js";

/**
 * Sign-in through OpenID Connect (authorization code flow with PKCE, state and nonce; `openid-client`, which
 * the OpenID Foundation certifies). The IdP proves who the person is; its municipality claim decides the
 * municipality of a municipal role, and an optional role claim the role itself.
 */

/** Plain http is accepted only for an IdP on this machine (the tests' provider); anything else needs https. */
function isLoopback(url: URL): boolean {
  return url.hostname === "localhost" || url.hostname === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(url.hostname);
}

const discovered = new Map<string, Promise<oidc.Configuration>>();

/** Discovery once per issuer and process; a failed discovery is forgotten so the next sign-in tries again. */
function configuration(settings: OidcSettings): Promise<oidc.Configuration> {
  const key = `${settings.issuerUrl}|${settings.clientId}`;
  let found = discovered.get(key);
  if (!found) {
    const issuer = new URL(settings.issuerUrl);
    const auth = settings.clientAuth === "client_secret_post" ? oidc.ClientSecretPost(settings.clientSecret) : oidc.ClientSecretBasic(settings.clientSecret);
    const insecure = issuer.protocol === "http:" && isLoopback(issuer);
    found = oidc.discovery(issuer, settings.clientId, undefined, auth, insecure ? { execute: [oidc.allowInsecureRequests] } : undefined);
    found.catch(() => discovered.delete(key));
    discovered.set(key, found);
  }
  return found;
}

/** Only a path on this site may be returned to after sign-in (no open redirect to another site). */
export function safeReturnPath(value: string | undefined | null): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\") || value.length > 500) return "/konto";
  return value;
}

export const OIDC_STATE_MAX_AGE_SECONDS = 600;

/** Step 1: remember the checks and send the browser to the IdP. The state also goes into a cookie. */
export async function beginOidcSignIn(deps: Pick<AccountDeps, "db" | "now" | "auth">, input: { redirectUri: string; returnTo: string | undefined }): Promise<{ kind: "redirect"; url: string; state: string } | Refusal> {
  const settings = deps.auth.oidc;
  if (!settings) return refuse(404, "Log ind med OpenID Connect er ikke sat op på denne server.");
  let config: oidc.Configuration;
  try {
    config = await configuration(settings);
  } catch {
    return refuse(400, "Identitetsudbyderen svarer ikke lige nu. Prøv igen om lidt, eller kontakt driften.");
  }
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  await saveOidcLoginState(deps.db, { stateSha256: sha256Hex(state), codeVerifier, nonce, returnTo: safeReturnPath(input.returnTo), createdAt: deps.now().toISOString() });
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: input.redirectUri,
    scope: settings.scope,
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
    state,
    nonce,
  });
  return { kind: "redirect", url: url.href, state };
}

type Claims = Readonly<Record<string, unknown>>;

function claimText(claims: Claims, name: string): string | null {
  const value = claims[name];
  if (typeof value === "string" && value.trim() !== "") return value.trim();
  if (typeof value === "number" && Number.isInteger(value)) return String(value);
  return null;
}

/** The role the claims give, or a refusal naming what is missing. `current` is the stored role, if any. */
export function roleFromClaims(settings: OidcSettings, claims: Claims, current: Role | null): Role | Refusal {
  let kind: RoleKind = current?.kind ?? settings.defaultRole;
  if (settings.roleClaim) {
    const claimed = claimText(claims, settings.roleClaim);
    if (claimed !== null) {
      if (!(ROLE_KINDS as readonly string[]).includes(claimed)) return refuse(403, `Identitetsudbyderen angav den ukendte rolle "${claimed}" i "${settings.roleClaim}".`);
      kind = claimed as RoleKind;
    }
  }
  if (kind === "admin" || kind === "tilsyn") return { kind };
  const code = claimText(claims, settings.municipalityClaim);
  if (code === null) return refuse(403, `Identitetsudbyderen sendte ingen kommunekode i "${settings.municipalityClaim}", og rollen ${kind} gælder én kommune. Kontakt din administrator.`);
  const municipality = findMunicipalityByCode(code);
  if (!municipality) return refuse(403, `Identitetsudbyderen angav den ukendte kommunekode "${code}" i "${settings.municipalityClaim}".`);
  return { kind, municipalityCode: municipality.code };
}

function sameRole(a: Role, b: Role): boolean {
  const x = roleColumns(a);
  const y = roleColumns(b);
  return x.role === y.role && x.municipalityCode === y.municipalityCode;
}

export type OidcSignInResult = { readonly kind: "signed-in"; readonly user: UserAccount; readonly session: { secret: string; maxAgeSeconds: number }; readonly returnTo: string } | Refusal;

/**
 * Step 2: the IdP sent the browser back. Checks state (against the cookie and the database, once), PKCE
 * and nonce (openid-client), reads the claims (ID token and userinfo), finds or creates the account, and
 * lets the municipality claim set the role's municipality. Changes to an account are audited.
 */
export async function completeOidcSignIn(
  deps: AccountDeps,
  input: { callbackUrl: string; stateCookie: string | undefined; address: string },
): Promise<OidcSignInResult> {
  const settings = deps.auth.oidc;
  if (!settings) return refuse(404, "Log ind med OpenID Connect er ikke sat op på denne server.");
  const callback = new URL(input.callbackUrl);
  const error = callback.searchParams.get("error");
  if (error) return refuse(401, `Identitetsudbyderen afviste login (${error}).`);
  const state = callback.searchParams.get("state") ?? "";
  if (!input.stateCookie || state !== input.stateCookie) return refuse(400, "Login-forsøget kan ikke genkendes (det er udløbet eller startet i en anden browser). Prøv at logge ind igen.");
  const now = deps.now();
  const saved = await takeOidcLoginState(deps.db, sha256Hex(state), new Date(now.getTime() - OIDC_STATE_MAX_AGE_SECONDS * 1000).toISOString());
  if (!saved) return refuse(400, "Login-forsøget er udløbet eller allerede brugt. Prøv at logge ind igen.");

  let claims: Record<string, unknown>;
  try {
    const config = await configuration(settings);
    const tokens = await oidc.authorizationCodeGrant(config, callback, { pkceCodeVerifier: saved.codeVerifier, expectedState: state, expectedNonce: saved.nonce, idTokenExpected: true });
    const idClaims = tokens.claims()!;
    const userInfo = await oidc.fetchUserInfo(config, tokens.access_token, idClaims.sub);
    claims = { ...userInfo, ...idClaims };
  } catch (e) {
    deps.securityLog.record({ event: "oidc-refused", reason: e instanceof Error ? e.message.slice(0, 200) : "ukendt", address: input.address });
    return refuse(401, "Svaret fra identitetsudbyderen kunne ikke godkendes. Prøv at logge ind igen.");
  }
  const issuer = settings.issuerUrl;
  const subject = String(claims.sub);
  const email = claimText(claims, "email");

  const outcome = await deps.db.transaction(async (tx): Promise<{ user: UserAccount } | Refusal> => {
    let user = await findUserByOidcSubject(tx, issuer, subject);
    if (!user && email) user = await findUserByEmail(tx, email);
    if (user && user.disabledAt !== null) return refuse(403, "Din konto er spærret. Kontakt din administrator.");
    if (user?.oidc && (user.oidc.issuer !== issuer || user.oidc.subject !== subject)) return refuse(403, "E-mailadressen hører til en anden konto hos identitetsudbyderen. Kontakt din administrator.");
    const role = roleFromClaims(settings, claims, user?.role ?? null);
    if (role.kind === "refused") return role;
    const oidcCaller = (u: UserAccount) => ({ actor: { kind: "user" as const, userId: u.id, email: u.email, role }, channel: "web" as const });
    if (!user) {
      if (!email) return refuse(403, "Identitetsudbyderen sendte ingen e-mailadresse, så der kan ikke oprettes en konto.");
      const created = await createUser(tx, { email: normalizeEmail(email), role, passwordHash: null, oidc: { issuer, subject }, createdAt: now.toISOString() });
      if (created.kind === "email-taken") return refuse(409, "Der findes allerede en konto med den e-mailadresse.");
      await recordAuditEvent(tx, oidcCaller(created.user), now, {
        action: "user.create-oidc",
        municipalityCode: roleColumns(role).municipalityCode,
        subject: `bruger ${created.user.email} (${describeRoleDa(role)})`,
        before: null,
        after: { email: created.user.email, ...roleColumns(role), issuer },
      });
      return { user: created.user };
    }
    if (!user.oidc) await linkOidcSubject(tx, user.id, issuer, subject);
    if (!sameRole(user.role, role)) {
      await setUserRole(tx, user.id, role);
      await recordAuditEvent(tx, oidcCaller(user), now, {
        action: "user.role-from-idp",
        municipalityCode: roleColumns(role).municipalityCode ?? roleColumns(user.role).municipalityCode,
        subject: `bruger ${user.email}`,
        before: roleColumns(user.role),
        after: roleColumns(role),
      });
    }
    return { user: { ...user, role, oidc: { issuer, subject } } };
  });
  if ("kind" in outcome) {
    deps.securityLog.record({ event: "oidc-refused", reason: outcome.messageDa, address: input.address });
    return outcome;
  }
  const session = await startSession(deps, outcome.user, "oidc");
  deps.securityLog.record({ event: "sign-in", method: "oidc", userId: outcome.user.id, address: input.address });
  return { kind: "signed-in", user: outcome.user, session, returnTo: saved.returnTo };
}
