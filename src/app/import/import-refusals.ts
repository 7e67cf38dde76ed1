import { MUNICIPALITIES } from "../../domain/municipality.js";
import type { CoverageLoss, MetadataConflictError } from "../../storage/complaint-store.js";

const NAME_BY_CODE = new Map<string, string>(MUNICIPALITIES.map((m) => [m.code, m.name]));
/** Names listed per year before "og N andre". */
const LISTED = 8;

/** Why a version that lacks places of the shown version is refused, and how to store it anyway. */
export function coverageLossMessageDa(losses: readonly CoverageLoss[]): string {
  const parts = losses.map((l) => {
    const names = l.missingCodes.slice(0, LISTED).map((c) => `${NAME_BY_CODE.get(c) ?? c} (${c})`);
    const more = l.missingCodes.length > LISTED ? ` og ${l.missingCodes.length - LISTED} andre` : "";
    const what = [
      ...(l.missingCodes.length > 0 ? [`${l.missingCodes.length} ${l.missingCodes.length === 1 ? "kommune" : "kommuner"}: ${names.join(", ")}${more}`] : []),
      ...(l.missingNational ? ["landsrækkerne"] : []),
    ].join(", samt ");
    return `${l.year} mangler ${what}, som version ${l.previousVersionId} har`;
  });
  return (
    `Filen er ikke gemt: den ville erstatte fyldigere tal. ${parts.join("; ")}. ` +
    "En fil, der er hentet halvt, ser sådan ud; hent den igen. Er det meningen (fx et udtræk for færre kommuner), så indlæs den med --accept-missing."
  );
}

const FIELD_DA = { extractedOn: "--extracted", source: "--source" } as const;

/** The same file again with other metadata: named, never dropped. */
export function metadataConflictMessageDa(error: MetadataConflictError): string {
  const parts = error.conflicts.map((c) => `${FIELD_DA[c.field]} "${c.given.slice(0, 80)}", men versionen har "${c.stored.slice(0, 80)}"`);
  return `Filen er allerede indlæst som datasætversion ${error.datasetVersionId}, og oplysningerne passer ikke: ${parts.join("; ")}. Intet er ændret. Udelad tilvalget, eller indlæs en ny fil for et nyt udtræk.`;
}
