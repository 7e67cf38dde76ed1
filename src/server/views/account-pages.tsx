import type { JSX } from "preact";
import type { NewApiToken } from "../../app/accounts/api-tokens.js";
import type { Refusal } from "../../app/use-case-result.js";
import { formatDateTimeDa } from "../../domain/format-danish-date.js";
import type { ApiTokenInfo } from "../../storage/api-tokens.js";
import { CsrfInput, ErrorSummary, errorFor, InputField, SuccessNotice } from "./form-fields.js";
import { PageLayout, type LayoutAccount } from "./page-layout.js";
import { renderHtmlPage } from "./render-html-page.js";

export type AccountPageModel = {
  readonly account: LayoutAccount;
  readonly csrfToken: string;
  readonly email: string;
  readonly roleDa: string;
  readonly oidc: boolean;
  readonly hasPassword: boolean;
  readonly minPasswordLength: number;
  readonly refusal: Refusal | null;
  readonly done: string | null;
};

/** /konto: who am I, and the password change (for an account that has a password). */
export function AccountPage(m: AccountPageModel): JSX.Element {
  return (
    <PageLayout title="Din konto" isDemo={false} account={m.account}>
      <h1>Din konto</h1>
      <SuccessNotice textDa={m.done} />
      <dl class="account-facts">
        <dt>E-mail</dt>
        <dd>{m.email}</dd>
        <dt>Rolle</dt>
        <dd>{m.roleDa}</dd>
        <dt>Logget ind med</dt>
        <dd>{m.oidc ? "organisationens login (OpenID Connect)" : "e-mail og adgangskode"}</dd>
      </dl>
      <p>
        <a href="/konto/api-noegler">Dine API-nøgler</a> (til scripts og dagsordensystemer)
      </p>
      {m.hasPassword ? (
        <>
          <h2 class="h3" id="h-adgangskode">
            Skift adgangskode
          </h2>
          <ErrorSummary refusal={m.refusal} />
          <form method="post" action="/konto/adgangskode" novalidate>
            <CsrfInput token={m.csrfToken} />
            <InputField
              id="nuvaerende"
              name="nuvaerende"
              label="Nuværende adgangskode"
              type="password"
              autocomplete="current-password"
              error={errorFor(m.refusal, "nuvaerende")}
            />
            <InputField
              id="ny"
              name="ny"
              label="Ny adgangskode"
              type="password"
              autocomplete="new-password"
              hint={`Mindst ${m.minPasswordLength} tegn. En sætning af flere ord er let at huske og svær at gætte.`}
              error={errorFor(m.refusal, "ny")}
            />
            <InputField
              id="gentag"
              name="gentag"
              label="Gentag ny adgangskode"
              type="password"
              autocomplete="new-password"
              error={errorFor(m.refusal, "gentag")}
            />
            <button class="button button-primary" type="submit">
              Skift adgangskode
            </button>
          </form>
        </>
      ) : (
        <p>Du logger ind gennem din organisations login (OpenID Connect) og har ingen adgangskode her.</p>
      )}
    </PageLayout>
  );
}

export function renderAccountPage(m: AccountPageModel): string {
  return renderHtmlPage(<AccountPage {...m} />);
}

export type TokensPageModel = {
  readonly account: LayoutAccount;
  readonly csrfToken: string;
  readonly roleDa: string;
  readonly tokens: readonly ApiTokenInfo[];
  readonly now: Date;
  readonly refusal: Refusal | null;
  /** A token just made: its secret is shown this once. */
  readonly created: NewApiToken | null;
  readonly revoked: string | null;
  readonly name: string;
  readonly days: string;
  readonly maxDays: number;
};

function TokenRow({
  t,
  now,
  csrfToken,
}: {
  readonly t: ApiTokenInfo;
  readonly now: Date;
  readonly csrfToken: string;
}): JSX.Element {
  const expired = Date.parse(t.expiresAt) <= now.getTime();
  return (
    <tr>
      <td>{t.name}</td>
      <td>{formatDateTimeDa(t.createdAt)}</td>
      <td>{formatDateTimeDa(t.expiresAt)}</td>
      <td>{t.lastUsedAt ? formatDateTimeDa(t.lastUsedAt) : "Aldrig"}</td>
      <td>{t.revokedAt ? `Tilbagekaldt ${formatDateTimeDa(t.revokedAt)}` : expired ? "Udløbet" : "Aktiv"}</td>
      <td>
        {!t.revokedAt && !expired && (
          <form method="post" action={`/konto/api-noegler/${t.id}/tilbagekald`}>
            <CsrfInput token={csrfToken} />
            <button class="button button-secondary button-small" type="submit">
              Tilbagekald<span class="sr-only"> {t.name}</span>
            </button>
          </form>
        )}
      </td>
    </tr>
  );
}

/** /konto/api-noegler: personal API tokens, shown once, revocable, with an expiry. */
export function TokensPage(m: TokensPageModel): JSX.Element {
  return (
    <PageLayout title="Dine API-nøgler" isDemo={false} account={m.account}>
      <h1>Dine API-nøgler</h1>
      <p>
        En API-nøgle lader et script eller et dagsordensystem skrive gennem /api/v1 med din rolle, fx kommunens
        kommentar. Se <a href="/api/v1/openapi.json">API-beskrivelsen</a>.
      </p>
      {m.created && (
        <div class="alert alert-success" role="status">
          <div class="alert-body">
            <p class="alert-heading">API-nøglen "{m.created.token.name}" er lavet</p>
            <p class="alert-text">
              Kopier den nu: den vises kun denne ene gang, og vi gemmer kun et fingeraftryk af den. Den udløber{" "}
              {formatDateTimeDa(m.created.token.expiresAt)}.
            </p>
            <p class="alert-text">
              <code class="api-token-secret" id="ny-api-noegle">
                {m.created.secret}
              </code>
            </p>
            <p class="alert-text">
              Brug den i overskriften <code>Authorization: Bearer …</code> mod /api/v1. Den har din rolle: {m.roleDa}.
            </p>
          </div>
        </div>
      )}
      <SuccessNotice textDa={m.revoked} />
      {m.tokens.length === 0 ? (
        <p>Du har ingen API-nøgler.</p>
      ) : (
        <div class="table-scroll" tabindex={0} role="region" aria-label="Dine API-nøgler">
          <table class="table table--compact">
            <caption>Dine API-nøgler</caption>
            <thead>
              <tr>
                <th scope="col">Navn</th>
                <th scope="col">Lavet</th>
                <th scope="col">Udløber</th>
                <th scope="col">Sidst brugt</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span class="sr-only">Handling</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {m.tokens.map((t) => (
                <TokenRow t={t} now={m.now} csrfToken={m.csrfToken} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2 class="h3">Lav en ny API-nøgle</h2>
      <ErrorSummary refusal={m.refusal} />
      <form method="post" action="/konto/api-noegler" novalidate>
        <CsrfInput token={m.csrfToken} />
        <InputField
          id="navn"
          name="navn"
          label="Navn"
          hint="Hvad nøglen bruges til, fx dagsordensystemet."
          value={m.name}
          error={errorFor(m.refusal, "navn")}
        />
        <InputField
          id="dage"
          name="dage"
          label="Gyldig i antal dage"
          type="number"
          value={m.days}
          hint={`Højst ${m.maxDays} dage.`}
          error={errorFor(m.refusal, "dage")}
          min={1}
          max={m.maxDays}
          inputMode="numeric"
        />
        <button class="button button-primary" type="submit">
          Lav API-nøgle
        </button>
      </form>
      <p>
        <a href="/konto">Tilbage til din konto</a>
      </p>
    </PageLayout>
  );
}

export function renderTokensPage(m: TokensPageModel): string {
  return renderHtmlPage(<TokensPage {...m} />);
}
