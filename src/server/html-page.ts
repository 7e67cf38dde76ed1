import { DEMO_NOTICE_DA } from "../domain/complaint-cell.js";
import { assetUrl, preloadedFontUrls, SITE_STYLESHEET } from "./asset-urls.js";

export type PageOptions = {
  readonly title: string;
  readonly body: string;
  readonly isDemo: boolean;
  readonly scripts?: readonly string[];
  /** The signed-in person, shown in the header with links to the account and sign-out; null or absent: "Log ind". */
  readonly account?: PageAccount | null;
};

export type PageAccount = { readonly email: string; readonly roleDa: string; readonly isAdmin: boolean; readonly mayReadAudit: boolean };

function accountNav(account: PageAccount | null | undefined): string {
  if (!account) return ` <a href="/log-ind">Log ind</a>`;
  const admin = account.isAdmin ? ` <a href="/brugere">Brugere</a> <a href="/lovregler">Lovregler</a>` : "";
  const audit = account.mayReadAudit ? ` <a href="/revisionsspor">Revisionsspor</a>` : "";
  return `${admin}${audit} <a href="/konto" title="${escapeHtml(account.roleDa)}">Konto: ${escapeHtml(account.email)}</a> <a href="/log-ud">Log ud</a>`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** The page frame every HTML page shares: Danish, skip link, landmarks, and the demo notice when it applies. */
export function renderPage({ title, body, isDemo, scripts = [], account }: PageOptions): string {
  const demo = isDemo
    ? `<div class="alert alert-warning demo-notice" role="status"><div class="alert-body"><p class="alert-text"><strong>${DEMO_NOTICE_DA}.</strong> Tallene er syntetiske og må ikke bruges som Ankestyrelsens statistik.</p></div></div>`
    : "";
  return `<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} – Danmarkskort over omgørelsesprocenter</title>
${preloadedFontUrls().map((href) => `<link rel="preload" href="${href}" as="font" type="font/woff2" crossorigin="anonymous">\n`).join("")}<link rel="stylesheet" href="${assetUrl(SITE_STYLESHEET)}">
</head>
<body>
<a class="skipnav" href="#main-content">Gå til sidens indhold</a>
<header class="header site-header"><div class="portal-header"><div class="container portal-header-inner">
<a href="/" class="site-title">Danmarkskort over omgørelsesprocenter</a>
<nav aria-label="Hovedmenu" class="site-nav"><a href="/kort">Kortet</a> <a href="/kommuner">Kommuner</a> <a href="/tilgaengelighed">Tilgængelighed</a>${accountNav(account)}</nav>
</div></div></header>
<main id="main-content" class="container page-container">
${demo}
${body}
</main>
<footer class="footer"><div class="container">
<p>Kilde: Ankestyrelsens ankestatistik. <a href="/tilgaengelighed">Tilgængelighedserklæring</a></p>
</div></footer>
${scripts.map((s) => `<script type="module" src="${escapeHtml(assetUrl(s))}"></script>`).join("\n")}
</body>
</html>`;
}
