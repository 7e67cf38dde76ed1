/** Escapes text for SVG/XML content and attribute values (the renderers build markup as strings). */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!);
}

/** Coordinates with one decimal keep SVG small and output stable for golden tests. */
export function r1(n: number): number {
  return Math.round(n * 10) / 10;
}

/** The font stack of Det Fælles Designsystem, so exported SVGs look like the page. */
export const SVG_FONT = "IBM Plex Sans, Arial, sans-serif";
