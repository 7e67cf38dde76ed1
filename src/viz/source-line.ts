import type { DatasetProvenance } from "../domain/complaint-cell.js";
import { DEMO_NOTICE_DA } from "../domain/complaint-cell.js";

/**
 * The source line every download and chart carries (style.md habit 5): Ankestyrelsen's statistics, the
 * dataset version and file, the extraction date, and the demo flag.
 */
export function buildSourceLineDa(provenance: DatasetProvenance | undefined): string {
  if (!provenance) return "Kilde: ingen data indlæst for det valgte år.";
  const extracted = provenance.extractedOn ? `udtrukket ${provenance.extractedOn}` : "udtræksdato ukendt";
  const demo = provenance.isDemo ? ` ${DEMO_NOTICE_DA.toUpperCase()}.` : "";
  return `Kilde: Ankestyrelsens ankestatistik, datasætversion ${provenance.datasetVersionId} (${provenance.fileName}), ${extracted}.${demo}`;
}
