import type { JSX } from "preact";
import type { TrustedSvg } from "../../viz/trusted-svg.js";

type HostProps = {
  readonly svg: TrustedSvg;
  readonly as?: "div" | "figure";
  readonly class?: string;
  readonly id?: string;
  readonly "data-geometry"?: string;
};

/**
 * An element whose only content is an SVG the viz layer drew. This file is the only one allowed to use
 * `dangerouslySetInnerHTML` (eslint.config.js), and it takes nothing but a `TrustedSvg`.
 */
export function TrustedSvgHost({ svg, as: Tag = "div", ...attributes }: HostProps): JSX.Element {
  return <Tag {...attributes} dangerouslySetInnerHTML={{ __html: svg }} />;
}
