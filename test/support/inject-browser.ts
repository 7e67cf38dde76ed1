import type { FastifyInstance, LightMyRequestResponse } from "fastify";

/**
 * A browser's part in in-process tests: keeps cookies across `app.inject` calls and reads the CSRF token out
 * of the last form it was shown, as a person's browser does when they fill in a form.
 */
export class InjectBrowser {
  readonly cookies = new Map<string, string>();
  private lastCsrf: string | null = null;

  constructor(
    private readonly app: FastifyInstance,
    private readonly headers: Record<string, string> = {},
  ) {}

  private store(response: LightMyRequestResponse): void {
    for (const c of response.cookies) {
      if (c.value === "" || (c.maxAge !== undefined && c.maxAge <= 0) || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    const token = /name="_csrf" value="([^"]+)"/.exec(response.body);
    if (token) this.lastCsrf = token[1]!;
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  async get(url: string): Promise<LightMyRequestResponse> {
    const response = await this.app.inject({ method: "GET", url, headers: { ...this.headers, cookie: this.cookieHeader() } });
    this.store(response);
    return response;
  }

  /** Posts a form as the browser would: with the CSRF token of the last page shown, unless `csrf: false`. */
  async post(url: string, fields: Record<string, string>, options: { csrf?: boolean } = {}): Promise<LightMyRequestResponse> {
    const body = new URLSearchParams({ ...(options.csrf !== false && this.lastCsrf ? { _csrf: this.lastCsrf } : {}), ...fields }).toString();
    const response = await this.app.inject({
      method: "POST",
      url,
      headers: { ...this.headers, cookie: this.cookieHeader(), "content-type": "application/x-www-form-urlencoded" },
      payload: body,
    });
    this.store(response);
    return response;
  }

  /**
   * Posts a multipart/form-data form (an upload form) as the browser would: the CSRF token of the last page
   * shown, the fields, and the file under the field `fil` when one is chosen.
   */
  async postMultipart(url: string, fields: Record<string, string>, file: { name: string; type: string; bytes: Buffer } | null): Promise<LightMyRequestResponse> {
    const boundary = "----danmarkskort-test-boundary";
    const parts: Buffer[] = [];
    const all = { ...(this.lastCsrf ? { _csrf: this.lastCsrf } : {}), ...fields };
    for (const [k, v] of Object.entries(all)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
    if (file) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="fil"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`), file.bytes, Buffer.from("\r\n"));
    parts.push(Buffer.from(`--${boundary}--\r\n`));
    const response = await this.app.inject({
      method: "POST",
      url,
      headers: { ...this.headers, cookie: this.cookieHeader(), "content-type": `multipart/form-data; boundary=${boundary}` },
      payload: Buffer.concat(parts),
    });
    this.store(response);
    return response;
  }

  get csrf(): string | null {
    return this.lastCsrf;
  }

  /** Signs in through /log-ind; throws unless the server redirects onwards. */
  async signIn(email: string, password: string): Promise<void> {
    await this.get("/log-ind");
    const response = await this.post("/log-ind", { email, adgangskode: password });
    if (response.statusCode !== 303) throw new Error(`Login for ${email} gav ${response.statusCode}: ${response.body.slice(0, 300)}`);
  }
}
