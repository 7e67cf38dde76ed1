import { KNOWLEDGE_FIELD_NAMES_DA, type KnowledgeField } from "../../domain/knowledge/knowledge-entry.js";

/** A column of a municipality's spreadsheet is one entry field, or deliberately ignored. */
export type SheetField = KnowledgeField | "ignore";

/** How a heading is written in mapping files and error messages: the Danish field name, or "ignorer". */
export const SHEET_FIELD_NAMES_DA: Readonly<Record<SheetField, string>> = { ...KNOWLEDGE_FIELD_NAMES_DA, ignore: "Ignorer" };

/** A heading folded for comparison: case, accents, punctuation and spacing do not matter; § does. */
export function foldHeading(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/æ/g, "ae")
    .replace(/ø/g, "oe")
    .replace(/å/g, "aa")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9§]+/g, " ")
    .trim();
}

/**
 * The headings municipalities use for each field, as seen in their own registers (issue 14: "dato /
 * afgørelsesdato, sagsnr., afdeling, lov, sagsemne/paragraf, udfald, årsag, læring, ny afgørelse"), plus
 * our own export's headings (the Danish field names), so an export reads back in.
 */
const KNOWN: Readonly<Record<KnowledgeField, readonly string[]>> = {
  decisionDate: ["dato", "afgørelsesdato", "afgørelsens dato", "ankestyrelsens afgørelsesdato", "dato for ankestyrelsens afgørelse", "afgørelse dato", "dato for afgørelse", "ast dato", "modtaget afgørelse"],
  dataYear: ["år", "dataår", "statistikår", "afgørelsesår"],
  outcome: ["udfald", "resultat", "ankestyrelsens afgørelse", "afgørelse", "afgørelsestype", "omgørelse", "udfald i ankestyrelsen"],
  law: ["lov", "lovgrundlag", "lovgivning", "lovområde"],
  subject: ["sagsemne", "emne", "sagsemne/paragraf", "sagsemne og paragraf", "sagstype", "ydelse"],
  provision: ["paragraf", "§", "bestemmelse", "lovparagraf", "lov §"],
  department: ["afdeling", "område", "afdeling/område", "forvaltning", "fagområde", "team", "center"],
  reasonCodes: ["årsag", "årsager", "årsag til omgørelse", "årsag til hjemvisning", "årsagskode", "årsagskoder", "begrundelse for omgørelse", "kategori"],
  summary: ["resumé", "resume", "resumé af årsagen", "beskrivelse", "begrundelse", "ankestyrelsens begrundelse", "kort beskrivelse", "bemærkning", "bemærkninger"],
  learningPoint: ["læring", "læringspunkt", "læringspunkter", "hvad har vi lært", "læring til fremtiden"],
  links: ["link", "links", "principafgørelse", "principafgørelser", "praksisundersøgelse", "henvisning"],
  caseReference: ["sagsnr", "sagsnr.", "sagsnummer", "j.nr.", "jnr", "journalnummer", "intern reference", "intern sagsreference", "reference", "sags id"],
  newDecisionResult: ["ny afgørelse", "resultat efter ny afgørelse", "resultat af genbehandling", "genbehandling", "resultat efter hjemvisning"],
  newDecisionDate: ["dato for ny afgørelse", "ny afgørelse dato", "dato ny afgørelse", "genbehandlet dato"],
  status: ["status"],
};

const BY_HEADING: ReadonlyMap<string, KnowledgeField> = new Map(
  (Object.entries(KNOWN) as [KnowledgeField, readonly string[]][]).flatMap(([field, names]) => [...names, KNOWLEDGE_FIELD_NAMES_DA[field]].map((n) => [foldHeading(n), field] as const)),
);

/** Columns our own export adds that are derived or kept by the database, so an export reads back in. */
export const EXPORT_ONLY_HEADINGS_DA = ["Nr.", "Kort", "Oprettet", "Ændret"] as const;
const IGNORED: ReadonlySet<string> = new Set(EXPORT_ONLY_HEADINGS_DA.map(foldHeading));

export function recognisedField(heading: string): SheetField | undefined {
  const folded = foldHeading(heading);
  return IGNORED.has(folded) ? "ignore" : BY_HEADING.get(folded);
}

/** Reads a field named in a mapping ("Læring", "læring", "summary", "ignorer"); undefined when none matches. */
export function parseSheetFieldName(text: string): SheetField | undefined {
  const wanted = foldHeading(text);
  if (wanted === "ignorer" || wanted === "ignore") return "ignore";
  for (const [field, name] of Object.entries(SHEET_FIELD_NAMES_DA) as [SheetField, string][]) {
    if (foldHeading(name) === wanted || foldHeading(field) === wanted) return field;
  }
  return recognisedField(text);
}

/**
 * A mapping file: one heading per line, `Overskrift = felt` (or `;` between them), `#` for comments. The
 * heading is the municipality's own, the field a Danish field name or "ignorer". Problems name the line.
 */
export function parseHeadingMapping(text: string): { mappings: Map<string, SheetField>; problemsDa: string[] } {
  const mappings = new Map<string, SheetField>();
  const problemsDa: string[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) return;
    const at = line.search(/[=;]/);
    if (at < 0) {
      problemsDa.push(`Linje ${i + 1}: skriv "Overskrift = felt", fx "Bemærkning = Resumé af årsagen" eller "Kolonne X = ignorer".`);
      return;
    }
    const heading = line.slice(0, at).trim();
    const field = parseSheetFieldName(line.slice(at + 1).trim());
    if (heading === "") problemsDa.push(`Linje ${i + 1}: overskriften mangler.`);
    else if (!field) problemsDa.push(`Linje ${i + 1}: ukendt felt "${line.slice(at + 1).trim().slice(0, 60)}". Felterne er: ${Object.values(SHEET_FIELD_NAMES_DA).join(", ")}.`);
    else mappings.set(foldHeading(heading), field);
  });
  return { mappings, problemsDa };
}
