import type { JSX } from "preact";
import { PageLayout, type LayoutAccount } from "./page-layout.js";
import { renderHtmlPage } from "./render-html-page.js";

/** Where a message page sends the reader on: the front page or the map. */
export type MessagePageLink = "forside" | "kort";

/** A page that only says something: an error, a page not found, a request that cannot be answered. */
export type MessagePageModel = {
  readonly title: string;
  /** The page's heading, when it says more than the title. */
  readonly heading?: string;
  readonly messageDa?: string;
  /** The message as the alert text of dkfds (the map page's bad address). */
  readonly messageIsAlert?: boolean;
  readonly link: MessagePageLink;
  readonly isDemo: boolean;
  /** The signed-in person for the header; null or absent: "Log ind". */
  readonly account?: LayoutAccount | null;
};

const LINKS: Readonly<Record<MessagePageLink, { href: string; labelDa: string }>> = {
  forside: { href: "/", labelDa: "Gå til forsiden" },
  kort: { href: "/kort", labelDa: "Gå til kortet" },
};

export function MessagePage(model: MessagePageModel): JSX.Element {
  const link = LINKS[model.link];
  return (
    <PageLayout title={model.title} isDemo={model.isDemo} account={model.account ?? null}>
      <h1>{model.heading ?? model.title}</h1>
      {model.messageDa !== undefined && (
        <p class={model.messageIsAlert ? "alert-text" : undefined}>{model.messageDa}</p>
      )}
      <p>
        <a href={link.href}>{link.labelDa}</a>
      </p>
    </PageLayout>
  );
}

export function renderMessagePage(model: MessagePageModel): string {
  return renderHtmlPage(<MessagePage {...model} />);
}
