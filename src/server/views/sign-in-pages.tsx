import type { JSX } from "preact";
import type { Refusal } from "../../app/use-case-result.js";
import { CsrfInput, ErrorSummary, InputField } from "./form-fields.js";
import { PageLayout, type LayoutAccount } from "./page-layout.js";
import { renderHtmlPage } from "./render-html-page.js";

export type SignInPageModel = {
  readonly account: LayoutAccount | null;
  readonly csrfToken: string;
  /** Where the browser goes after signing in (already checked to be a path on this site). */
  readonly returnTo: string;
  readonly email: string;
  readonly refusal: Refusal | null;
  /** The identity provider's button, when OpenID Connect is configured. */
  readonly oidc: { readonly buttonLabelDa: string } | null;
};

/** /log-ind: e-mail and password, or the organisation's login through OpenID Connect. */
export function SignInPage(m: SignInPageModel): JSX.Element {
  return (
    <PageLayout title="Log ind" isDemo={false} account={m.account}>
      <h1>Log ind</h1>
      {m.account && (
        <div class="alert alert-info">
          <div class="alert-body">
            <p class="alert-text">
              Du er allerede logget ind som {m.account.email} ({m.account.roleDa}).
            </p>
          </div>
        </div>
      )}
      <p>
        Kommunernes redaktører og læsere, Ankestyrelsen og administratorer logger ind her. Tallene og de offentliggjorte
        kommentarer kan alle se uden at logge ind.
      </p>
      {m.oidc && (
        <>
          <h2 class="h3">Med din organisations login</h2>
          <p>
            <a class="button button-secondary" href={`/log-ind/oidc?til=${encodeURIComponent(m.returnTo)}`}>
              {m.oidc.buttonLabelDa}
            </a>
          </p>
          <h2 class="h3">Med e-mail og adgangskode</h2>
        </>
      )}
      <ErrorSummary refusal={m.refusal} />
      <form method="post" action="/log-ind" class="sign-in-form" novalidate>
        <CsrfInput token={m.csrfToken} />
        <input type="hidden" name="til" value={m.returnTo} />
        <InputField
          id="log-ind-email"
          name="email"
          label="E-mail"
          type="email"
          autocomplete="username"
          value={m.email}
          required
        />
        <InputField
          id="log-ind-adgangskode"
          name="adgangskode"
          label="Adgangskode"
          type="password"
          autocomplete="current-password"
          required
        />
        <button class="button button-primary" type="submit">
          Log ind
        </button>
      </form>
    </PageLayout>
  );
}

export function renderSignInPage(m: SignInPageModel): string {
  return renderHtmlPage(<SignInPage {...m} />);
}

/** /log-ud: a button (a POST with CSRF token), or a word that nobody is signed in. */
export function SignOutPage({
  account,
  csrfToken,
}: {
  readonly account: LayoutAccount | null;
  readonly csrfToken: string;
}): JSX.Element {
  if (!account) {
    return (
      <PageLayout title="Log ud" isDemo={false} account={null}>
        <h1>Du er ikke logget ind</h1>
        <p>
          <a href="/log-ind">Log ind</a> · <a href="/">Gå til forsiden</a>
        </p>
      </PageLayout>
    );
  }
  return (
    <PageLayout title="Log ud" isDemo={false} account={account}>
      <h1>Log ud</h1>
      <p>Du er logget ind som {account.email}.</p>
      <form method="post" action="/log-ud">
        <CsrfInput token={csrfToken} />
        <button class="button button-primary" type="submit">
          Log ud
        </button>
      </form>
    </PageLayout>
  );
}

export function renderSignOutPage(model: {
  readonly account: LayoutAccount | null;
  readonly csrfToken: string;
}): string {
  return renderHtmlPage(<SignOutPage {...model} />);
}

/** After /log-ud: signed out, with the way back. */
export function renderSignedOutPage(): string {
  return renderHtmlPage(
    <PageLayout title="Du er logget ud" isDemo={false} account={null}>
      <h1>Du er logget ud</h1>
      <p>
        <a href="/log-ind">Log ind igen</a> · <a href="/">Gå til forsiden</a>
      </p>
    </PageLayout>,
  );
}
