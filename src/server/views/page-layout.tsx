import type { ComponentChildren, JSX } from "preact";
import { DEMO_NOTICE_DA } from "../../domain/complaint-cell.js";
import { assetUrl, preloadedFontUrls, SITE_STYLESHEET } from "../asset-urls.js";

/** The signed-in person, shown in the header with links to the account and sign-out. */
export type LayoutAccount = {
  readonly email: string;
  readonly roleDa: string;
  readonly isAdmin: boolean;
  readonly mayReadAudit: boolean;
};

export type PageShell = {
  readonly title: string;
  readonly isDemo: boolean;
  /**
   * Module scripts from /assets/build/ by their plain name ("/assets/build/map-page.js"); the page links the
   * hashed file the build made (the Content-Security-Policy allows no inline script).
   */
  readonly scripts?: readonly string[];
  /** null or absent: the header offers "Log ind". */
  readonly account?: LayoutAccount | null;
};

const SITE_NAME_DA = "Danmarkskort over omgørelsesprocenter";

/** The page frame every HTML page shares: Danish, skip link, landmarks, and the demo notice when it applies. */
export function PageLayout({
  title,
  isDemo,
  scripts = [],
  account,
  children,
}: PageShell & { children?: ComponentChildren }): JSX.Element {
  return (
    <html lang="da">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} – ${SITE_NAME_DA}`}</title>
        {preloadedFontUrls().map((href) => (
          // Fonts are fetched in CORS mode even from the same origin; without crossorigin the preload is not used.
          <link rel="preload" href={href} as="font" type="font/woff2" crossorigin="anonymous" />
        ))}
        <link rel="stylesheet" href={assetUrl(SITE_STYLESHEET)} />
      </head>
      <body>
        <a class="skipnav" href="#main-content">
          Gå til sidens indhold
        </a>
        <header class="header site-header">
          <div class="portal-header">
            <div class="container portal-header-inner">
              <a href="/" class="site-title">
                {SITE_NAME_DA}
              </a>
              <nav aria-label="Hovedmenu" class="site-nav">
                <a href="/kort">Kortet</a> <a href="/kommuner">Kommuner</a>{" "}
                <a href="/tilgaengelighed">Tilgængelighed</a>
                <AccountNav account={account ?? null} />
              </nav>
            </div>
          </div>
        </header>
        <main id="main-content" class="container page-container">
          {isDemo && <DemoNotice />}
          {children}
        </main>
        <footer class="footer">
          <div class="container">
            <p>
              Kilde: Ankestyrelsens ankestatistik. <a href="/tilgaengelighed">Tilgængelighedserklæring</a>
            </p>
          </div>
        </footer>
        {scripts.map((src) => (
          <script type="module" src={assetUrl(src)} />
        ))}
      </body>
    </html>
  );
}

function AccountNav({ account }: { account: LayoutAccount | null }): JSX.Element {
  if (!account) {
    return (
      <>
        {" "}
        <a href="/log-ind">Log ind</a>
      </>
    );
  }
  return (
    <>
      {account.isAdmin && (
        <>
          {" "}
          <a href="/brugere">Brugere</a> <a href="/lovregler">Lovregler</a>
        </>
      )}
      {account.mayReadAudit && (
        <>
          {" "}
          <a href="/revisionsspor">Revisionsspor</a>
        </>
      )}{" "}
      <a href="/konto" title={account.roleDa}>
        Konto: {account.email}
      </a>{" "}
      <a href="/log-ud">Log ud</a>
    </>
  );
}

function DemoNotice(): JSX.Element {
  return (
    <div class="alert alert-warning demo-notice" role="status">
      <div class="alert-body">
        <p class="alert-text">
          <strong>{DEMO_NOTICE_DA}.</strong> Tallene er syntetiske og må ikke bruges som Ankestyrelsens statistik.
        </p>
      </div>
    </div>
  );
}
