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

/** Breaks a line at spaces so it fits `maxChars` characters (SVG text does not wrap by itself). */
export function wrapText(text: string, maxChars: number): string[] {
  const lines: string[] = [];
  let current = "";
  for (const word of text.split(" ")) {
    if (current && current.length + 1 + word.length > maxChars) {
      lines.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  if (current) lines.push(current);
  return lines;
}
