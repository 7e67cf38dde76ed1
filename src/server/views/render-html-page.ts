import type { VNode } from "preact";
import { renderToString } from "preact-render-to-string";

/**
 * The one place a page becomes text. preact-render-to-string escapes every text child and every attribute
 * value, so a view never escapes by hand; raw markup gets in only through `TrustedSvgHost`.
 */
export function renderHtmlPage(page: VNode): string {
  return `<!doctype html>\n${renderToString(page)}`;
}
