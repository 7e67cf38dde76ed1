import type { RoleKind } from "../../domain/access-policy.js";

/** OpenID Connect (issue 12): how MitID Erhverv brokers and municipal IdPs are reached. */
export type OidcSettings = {
  readonly issuerUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** The claim that names the user's municipality code ("0657"); it decides a municipal role's municipality. */
  readonly municipalityClaim: string;
  /** Optional claim carrying the role (admin, tilsyn, redaktoer, laeser); without it an account keeps its role. */
  readonly roleClaim: string | null;
  /** The role a first-time OIDC user gets when no role claim says otherwise. */
  readonly defaultRole: RoleKind;
  readonly scope: string;
  /** How the client authenticates at the token endpoint (RFC 6749 § 2.3.1: servers must support basic). */
  readonly clientAuth: "client_secret_basic" | "client_secret_post";
  /** The button text on /log-ind, e.g. "Log ind med MitID Erhverv". */
  readonly buttonLabelDa: string;
};

export type AuthSettings = {
  /** A session unused this long ends (minutes). */
  readonly sessionIdleMinutes: number;
  /** A session ends this long after sign-in, however active (hours). */
  readonly sessionMaxHours: number;
  /** Failed sign-ins allowed per account and per address within the window; the next gets 429. */
  readonly signInFailuresPerAccount: number;
  readonly signInFailuresPerAddress: number;
  readonly signInWindowSeconds: number;
  /** Default and longest lifetime of a personal API token (days). */
  readonly apiTokenDefaultDays: number;
  readonly apiTokenMaxDays: number;
  /** The server's public address (https://…), for the OIDC redirect URI; null: taken from the request. */
  readonly publicUrl: string | null;
  readonly oidc: OidcSettings | null;
};

export const DEFAULT_AUTH_SETTINGS: AuthSettings = {
  sessionIdleMinutes: 60,
  sessionMaxHours: 12,
  signInFailuresPerAccount: 10,
  signInFailuresPerAddress: 50,
  signInWindowSeconds: 60,
  apiTokenDefaultDays: 90,
  apiTokenMaxDays: 366,
  publicUrl: null,
  oidc: null,
};
