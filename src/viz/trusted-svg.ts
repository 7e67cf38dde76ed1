/**
 * SVG markup that this layer drew itself from a model, so a page may embed it as markup rather than text.
 * The brand is the one typed exception to "everything in a page is escaped": a view accepts raw markup only
 * as a `TrustedSvg`, and only the viz renderers make one (`trustSvg`), so a plain string — a name, a query
 * parameter, a comment — can never reach a page unescaped.
 */
export type TrustedSvg = string & { readonly __trustedSvg: unique symbol };

/** Marks a renderer's own output as trusted SVG; for the viz renderers only (see TrustedSvg). */
export function trustSvg(markup: string): TrustedSvg {
  return markup as TrustedSvg;
}
