import type { ComponentChildren, JSX } from "preact";

/**
 * A wide table in a horizontally scrollable box that a keyboard can reach and scroll (axe
 * scrollable-region-focusable, WCAG 2.1.1): focusable, and named by the table's caption (issue 9, point 7).
 */
export function ScrollableTable({
  captionDa,
  children,
}: {
  captionDa: string;
  children: ComponentChildren;
}): JSX.Element {
  return (
    <div class="table-scroll" tabindex={0} role="region" aria-label={captionDa}>
      {children}
    </div>
  );
}
