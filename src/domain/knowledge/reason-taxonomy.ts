/**
 * The reasons Ankestyrelsen gives when it changes or remits a municipality's decision, as codes with a
 * Danish definition and a source (issue 14). The taxonomy is data, dated like the map rules: a reason is
 * valid for the data years `validFrom`–`validTo` (null: open-ended), so a category can be retired or split
 * without rewriting the entries of earlier years. These are the defaults the database starts with; the
 * stored taxonomy is editable (src/app/knowledge/save-reason.ts).
 *
 * Sources: the eight legal defects Ankestyrelsen's handicapsagsbarometer looks for (named in issue 14),
 * the provisions of forvaltningsloven and retssikkerhedsloven each defect is a breach of, and the two
 * further reasons the seeds give (new information, changed practice; domain.md §6).
 */
export type ReasonDefinition = {
  /** Stable code, kebab-case, never shown. */
  readonly code: string;
  readonly labelDa: string;
  readonly definitionDa: string;
  readonly source: string;
  readonly validFrom: number;
  readonly validTo: number | null;
};

const BAROMETER = "Ankestyrelsen, handicapsagsbarometeret (de retlige mangler, det ser efter)";

export const DEFAULT_REASONS: readonly ReasonDefinition[] = [
  {
    code: "sagsoplysning",
    labelDa: "Utilstrækkelig sagsoplysning",
    definitionDa: "Afgørelsen bygger ikke på de oplysninger, der var nødvendige for at træffe den (officialprincippet): fx mangler lægelige oplysninger, en funktionsbeskrivelse eller borgerens egne oplysninger.",
    source: `Retssikkerhedsloven § 10; ${BAROMETER}`,
    validFrom: 2016,
    validTo: null,
  },
  {
    code: "begrundelse",
    labelDa: "Begrundelse",
    definitionDa: "Afgørelsen er ikke begrundet, som loven kræver: den henviser ikke til reglerne, nævner ikke de hovedhensyn, skønnet bygger på, eller redegør ikke for de faktiske forhold.",
    source: `Forvaltningsloven §§ 22–24; ${BAROMETER}`,
    validFrom: 2016,
    validTo: null,
  },
  {
    code: "hjemmelsmangel",
    labelDa: "Hjemmelsmangel",
    definitionDa: "Afgørelsen har ikke hjemmel i loven: kommunen har brugt en forkert bestemmelse, stillet krav, loven ikke giver grundlag for, eller sat et skøn under regel.",
    source: `Legalitetsprincippet; ${BAROMETER}`,
    validFrom: 2016,
    validTo: null,
  },
  {
    code: "vurdering",
    labelDa: "Vurdering",
    definitionDa: "Kommunen har på et tilstrækkeligt oplyst grundlag vurderet sagen forkert: Ankestyrelsen når til et andet resultat efter de samme regler.",
    source: BAROMETER,
    validFrom: 2016,
    validTo: null,
  },
  {
    code: "partshoering",
    labelDa: "Partshøring",
    definitionDa: "Borgeren er ikke hørt over oplysninger, der er til ugunst for borgeren og af væsentlig betydning for afgørelsen, før den blev truffet.",
    source: `Forvaltningsloven § 19; ${BAROMETER}`,
    validFrom: 2016,
    validTo: null,
  },
  {
    code: "helhedsvurdering",
    labelDa: "Helhedsvurdering",
    definitionDa: "Kommunen har ikke behandlet ansøgningen i forhold til alle de muligheder for hjælp, den sociale lovgivning giver, eller ikke set borgerens samlede situation under ét.",
    source: `Retssikkerhedsloven § 5; ${BAROMETER}`,
    validFrom: 2016,
    validTo: null,
  },
  {
    code: "klagevejledning",
    labelDa: "Klagevejledning",
    definitionDa: "Afgørelsen mangler klagevejledning, eller vejledningen er forkert (klageinstans, frist, form).",
    source: `Forvaltningsloven § 25; ${BAROMETER}`,
    validFrom: 2016,
    validTo: null,
  },
  {
    code: "sagsbehandlingsfrist",
    labelDa: "Sagsbehandlingsfrist",
    definitionDa: "Kommunen har ikke overholdt sine offentliggjorte frister for sagsbehandlingen eller ikke givet borgeren besked om, hvornår en afgørelse kan forventes.",
    source: `Retssikkerhedsloven § 3, stk. 2; ${BAROMETER}`,
    validFrom: 2016,
    validTo: null,
  },
  {
    code: "nye-oplysninger",
    labelDa: "Nye oplysninger",
    definitionDa: "Der er kommet nye oplysninger i sagen efter kommunens afgørelse (fx nye lægelige oplysninger), som kommunen skal tage stilling til.",
    source: "Seeds: kommunernes sager om danmarkskortet (domain.md §6)",
    validFrom: 2016,
    validTo: null,
  },
  {
    code: "aendret-praksis",
    labelDa: "Ændret praksis",
    definitionDa: "Ankestyrelsen har ændret praksis, fx med en ny principafgørelse, efter kommunens afgørelse.",
    source: "Seeds: kommunernes sager om danmarkskortet (domain.md §6)",
    validFrom: 2016,
    validTo: null,
  },
];

/** Whether a reason may be chosen for an entry of this data year. */
export function reasonValidFor(reason: ReasonDefinition, dataYear: number): boolean {
  return dataYear >= reason.validFrom && (reason.validTo === null || dataYear <= reason.validTo);
}

function fold(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/æ/g, "ae")
    .replace(/ø/g, "oe")
    .replace(/å/g, "aa")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** Words a municipality's spreadsheet uses for a reason, besides its label and code (domain.md §6). */
const SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  sagsoplysning: ["oplysningsgrundlag", "mangelfuld sagsoplysning", "manglende oplysninger", "oplysning", "sagsoplysning"],
  begrundelse: ["begrundelsesmangel", "manglende begrundelse", "mangelfuld begrundelse"],
  hjemmelsmangel: ["hjemmel", "manglende hjemmel"],
  vurdering: ["forkert vurdering", "skøn", "andet skøn"],
  partshoering: ["manglende partshøring"],
  helhedsvurdering: ["manglende helhedsvurdering"],
  klagevejledning: ["manglende klagevejledning"],
  sagsbehandlingsfrist: ["frist", "fristoverskridelse", "sagsbehandlingstid"],
  "nye-oplysninger": ["nye lægelige oplysninger", "nye oplysninger i sagen"],
  "aendret-praksis": ["ny praksis", "praksisændring"],
};

/**
 * Finds the reason a spreadsheet cell names: by code, label or a common wording, case and accents
 * folded ("Oplysningsgrundlag", "begrundelsesmangel"). Undefined when nothing matches.
 */
export function matchReason(text: string, reasons: readonly ReasonDefinition[]): ReasonDefinition | undefined {
  const wanted = fold(text);
  if (wanted === "") return undefined;
  return reasons.find((r) => fold(r.code) === wanted || fold(r.labelDa) === wanted || (SYNONYMS[r.code] ?? []).some((s) => fold(s) === wanted));
}
