import { assertNever } from "../../domain/assert-never.js";
import type { CouncilBody } from "../../domain/council-treatment.js";
import type { ReportContext } from "../report-context.js";
import type { ReportBlock } from "../report-document.js";

/** One sentence per body, saying what it does with the case (its role), not repeating its name. */
function bodySentence(b: CouncilBody): string {
  switch (b.id) {
    case "udvalg":
      return "De fagudvalg, der har socialområdet og børnehandicapområdet (fx social-, sundheds-, børne- og familieudvalg), drøfter sagen.";
    case "handicapraad":
      return "Handicaprådet får sagen i høring, ofte sammen med Ældre- eller Seniorrådet og Psykiatrirådet.";
    case "oekonomiudvalg":
      return "Økonomiudvalget indstiller sagen til Byrådet.";
    case "byraad":
      return "Byrådet behandler danmarkskortet på et møde og træffer beslutning.";
    default:
      return assertNever(b.id);
  }
}

/** Where the case goes: the bodies that usually treat it (domain/council-treatment.ts) and the deadline. */
export function buildProcessSection(ctx: ReportContext): ReportBlock[] {
  const t = ctx.treatment;
  return [
    { kind: "heading", level: 3, text: "Sagens videre behandling" },
    {
      kind: "paragraph",
      text: `Sagen behandles normalt i denne rækkefølge, så Byrådet kan behandle danmarkskortet inden fristen den ${t.deadlineDa}. Rækkefølgen og udvalgene tilpasses kommunens egen udvalgsstruktur:`,
    },
    { kind: "bullets", items: t.bodies.map(bodySentence) },
  ];
}
