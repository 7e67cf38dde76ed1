import type { JSX } from "preact";
import { PageLayout, type LayoutAccount } from "./page-layout.js";
import { renderHtmlPage } from "./render-html-page.js";

export type RefusalPageModel = {
  readonly account: LayoutAccount | null;
  readonly title: string;
  readonly messageDa: string;
  /** 401: the sign-in page, coming back to this path afterwards; otherwise null (the front page). */
  readonly signInReturnTo: string | null;
};

/** A use case's refusal: what may not be done, by whom, and the way on (sign in, or the front page). */
export function RefusalPage(m: RefusalPageModel): JSX.Element {
  return (
    <PageLayout title={m.title} isDemo={false} account={m.account}>
      <h1>{m.title}</h1>
      <p class="refusal-message">{m.messageDa}</p>
      {m.signInReturnTo !== null ? (
        <p>
          <a class="button button-primary" href={`/log-ind?til=${encodeURIComponent(m.signInReturnTo)}`}>
            Log ind
          </a>
        </p>
      ) : (
        <p>
          <a href="/">Gå til forsiden</a>
        </p>
      )}
    </PageLayout>
  );
}

export function renderRefusalPage(m: RefusalPageModel): string {
  return renderHtmlPage(<RefusalPage {...m} />);
}
