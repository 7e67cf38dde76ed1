import { formatDanishDate } from "../../domain/council-treatment.js";
import type { ReportBlock } from "../report-document.js";

/** The municipality's own published comment on the year's figures (issue 12), as written on the web. */
export type PublishedComment = { readonly text: string; readonly publishedAt: string };

/**
 * The comment goes into the presentation as the municipality wrote it, one paragraph per paragraph of the
 * text, with a line saying whose text it is: it is not Ankestyrelsen's statistics. No comment, no section.
 */
export function buildCommentSection(municipality: string, year: number, comment: PublishedComment | null | undefined): ReportBlock[] {
  if (!comment) return [];
  const paragraphs = comment.text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, " ").trim())
    .filter((p) => p !== "");
  return [
    { kind: "heading", level: 3, text: "Kommunens kommentar til tallene" },
    ...paragraphs.map((text) => ({ kind: "paragraph" as const, text })),
    {
      kind: "paragraph",
      emphasis: "note",
      text: `Kommentaren er ${municipality}s egen om tallene for ${year}, offentliggjort ${formatDanishDate(comment.publishedAt.slice(0, 10))}. Den er ikke en del af Ankestyrelsens statistik.`,
    },
  ];
}
