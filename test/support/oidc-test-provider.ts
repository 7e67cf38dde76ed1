import { generateKeyPairSync, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Provider, { type Configuration } from "oidc-provider";

/**
 * A real OpenID Connect provider (the `oidc-provider` package, certified by the OpenID Foundation) on a
 * random loopback port, for the sign-in tests: discovery, authorization code with PKCE, token, userinfo and
 * signed ID tokens are the provider's own code, not a mock. Only the interaction (the IdP's own login
 * page) is ours: a one-field form where the test names the account, consent granted at once, and no
 * external fonts (the package's development pages load some from the internet).
 */
export type TestAccount = { readonly email: string; readonly claims?: Readonly<Record<string, unknown>> };

export type OidcTestProvider = {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  stop(): Promise<void>;
};

export async function startOidcTestProvider(options: {
  readonly redirectUris: readonly string[];
  /** Accounts by subject; `claims` go to the userinfo endpoint (e.g. `{ kommunekode: "0657" }`). */
  readonly accounts: Readonly<Record<string, TestAccount>>;
  /** Names of the extra claims, released with the scope `kommune`. */
  readonly extraClaims?: readonly string[];
}): Promise<OidcTestProvider> {
  let handler: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.writeHead(503).end();
  const server: Server = createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const clientId = "danmarkskort-test";
  const clientSecret = randomBytes(24).toString("hex");
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: "jwk" }), kid: "test-key", alg: "RS256", use: "sig" };

  const configuration: Configuration = {
    clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: [...options.redirectUris], grant_types: ["authorization_code"], response_types: ["code"] }],
    jwks: { keys: [jwk as never] },
    cookies: { keys: [randomBytes(16).toString("hex")] },
    claims: { openid: ["sub"], email: ["email", "email_verified"], kommune: [...(options.extraClaims ?? [])] },
    features: { devInteractions: { enabled: false } },
    // Explicit lifetimes (the provider warns about its defaults); a test run is over long before they end.
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx, sub) {
      const account = options.accounts[sub];
      if (!account) return undefined;
      return { accountId: sub, claims: async () => ({ sub, email: account.email, email_verified: true, ...account.claims }) };
    },
  };
  const provider = new Provider(issuer, configuration);
  const callback = provider.callback();

  const interaction = async (req: IncomingMessage, res: ServerResponse) => {
    const details = await provider.interactionDetails(req, res);
    if (details.prompt.name === "login") {
      if (req.method === "POST") {
        const body = new URLSearchParams(await readBody(req));
        const login = body.get("login") ?? "";
        if (!options.accounts[login]) return void res.writeHead(400, { "content-type": "text/plain; charset=utf-8" }).end("Ukendt testkonto");
        return provider.interactionFinished(req, res, { login: { accountId: login } }, { mergeWithLastSubmission: false });
      }
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      return void res.end(`<!doctype html><html lang="da"><title>Test-IdP</title><form method="post" action="/interaction/${details.uid}"><label>Konto <input name="login"></label><button>Log ind hos test-IdP</button></form></html>`);
    }
    // Consent: grant what the client asked for, as a municipality's IdP does for its own applications.
    const grant = details.grantId ? await provider.Grant.find(details.grantId) : new provider.Grant({ accountId: details.session!.accountId, clientId: details.params.client_id as string });
    const missing = details.prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[] };
    if (missing.missingOIDCScope) grant!.addOIDCScope(missing.missingOIDCScope.join(" "));
    if (missing.missingOIDCClaims) grant!.addOIDCClaims(missing.missingOIDCClaims);
    const grantId = await grant!.save();
    return provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
  };

  handler = (req, res) => {
    if (req.url?.startsWith("/interaction/")) {
      interaction(req, res).catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
        res.end(String(error));
      });
      return;
    }
    callback(req, res);
  };

  return {
    issuer,
    clientId,
    clientSecret,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * A minimal browser for redirect chains across two origins: follows Location headers by hand and keeps
 * each origin's cookies, so a test can walk the authorization code flow without Chromium.
 */
export class CookieJar {
  private readonly byOrigin = new Map<string, Map<string, string>>();

  store(url: string, response: Response): void {
    const origin = new URL(url).origin;
    const jar = this.byOrigin.get(origin) ?? new Map<string, string>();
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(";");
      const eq = pair!.indexOf("=");
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(header) || value === "") jar.delete(name);
      else jar.set(name, value);
    }
    this.byOrigin.set(origin, jar);
  }

  header(url: string): string {
    return [...(this.byOrigin.get(new URL(url).origin) ?? new Map<string, string>())].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  get(url: string, name: string): string | undefined {
    return this.byOrigin.get(new URL(url).origin)?.get(name);
  }
}

/**
 * Walks the browser's part of the authorization code flow: from the IdP's authorization URL, through its
 * login page (signing in as `account`), to the redirect back to us. Returns that callback URL.
 */
export async function walkOidcLogin(authorizationUrl: string, account: string, redirectPrefix: string, jar = new CookieJar()): Promise<string> {
  let url = authorizationUrl;
  let method: "GET" | "POST" = "GET";
  let body: string | undefined;
  for (let step = 0; step < 20; step++) {
    if (url.startsWith(redirectPrefix)) return url;
    const response = await fetch(url, {
      method,
      redirect: "manual",
      headers: { cookie: jar.header(url), ...(body ? { "content-type": "application/x-www-form-urlencoded" } : {}) },
      body,
    });
    jar.store(url, response);
    method = "GET";
    body = undefined;
    const location = response.headers.get("location");
    if (location) {
      url = new URL(location, url).href;
      continue;
    }
    const html = await response.text();
    const action = /<form method="post" action="([^"]+)"/.exec(html);
    if (response.status !== 200 || !action) throw new Error(`Uventet svar fra test-IdP (${response.status}) på ${url}: ${html.slice(0, 300)}`);
    url = new URL(action[1]!, url).href;
    method = "POST";
    body = new URLSearchParams({ login: account }).toString();
  }
  throw new Error("For mange omdirigeringer i OIDC-forløbet");
}
