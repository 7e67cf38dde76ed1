import type { MunicipalityCode } from "./municipality.js";

/**
 * The bodies (udvalg, råd, kommunalbestyrelse) a municipality keeps on its list, from which an editor picks
 * the body of each meeting in the treatment record. The kind says what the body is in law and in the
 * yearly cycle (domain.md §6): the council's own meeting is what § 79 b stk. 1 asks for.
 */
export type BodyKind = "committee" | "finance-committee" | "council" | "disability-council" | "senior-council" | "psychiatry-council" | "other";

export const BODY_KINDS: readonly BodyKind[] = ["committee", "finance-committee", "council", "disability-council", "senior-council", "psychiatry-council", "other"];

export const BODY_KIND_NAMES_DA: Readonly<Record<BodyKind, string>> = {
  committee: "fagudvalg",
  "finance-committee": "økonomiudvalg",
  council: "byråd/kommunalbestyrelse",
  "disability-council": "handicapråd",
  "senior-council": "ældre-/seniorråd",
  "psychiatry-council": "psykiatriråd",
  other: "andet organ",
};

export type CouncilBodyEntry = {
  /** Stable within the municipality: "byraadet", "boerne-og-familieudvalget". */
  readonly id: string;
  readonly nameDa: string;
  readonly kind: BodyKind;
};

export function isBodyKind(value: string): value is BodyKind {
  return (BODY_KINDS as readonly string[]).includes(value);
}

/** "Børne- og Familieudvalget" → "boerne-og-familieudvalget": the Danish letters spelled as in addresses. */
export function bodyIdFromName(nameDa: string): string {
  const folded = nameDa
    .toLowerCase()
    .replace(/æ/g, "ae")
    .replace(/ø/g, "oe")
    .replace(/å/g, "aa")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "");
  const id = folded.replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  return id.length > 0 ? id.slice(0, 60) : "organ";
}

const entry = (nameDa: string, kind: BodyKind): CouncilBodyEntry => ({ id: bodyIdFromName(nameDa), nameDa, kind });

/**
 * The list every municipality starts with. The council is called "Kommunalbestyrelsen" here because that is
 * the law's word (§ 79 b); many municipalities call it "Byrådet", and an editor renames it on the list.
 */
export const GENERIC_BODIES: readonly CouncilBodyEntry[] = [
  entry("Økonomiudvalget", "finance-committee"),
  entry("Kommunalbestyrelsen", "council"),
  entry("Handicaprådet", "disability-council"),
  entry("Ældrerådet", "senior-council"),
  entry("Psykiatrirådet", "psychiatry-council"),
];

/**
 * Lists known from the seeds, so the municipalities in them start with their own names. Each cites where
 * the names come from; a municipality not listed starts from GENERIC_BODIES and adds its committees.
 */
export const KNOWN_BODY_LISTS: Readonly<Record<string, { readonly bodies: readonly CouncilBodyEntry[]; readonly source: string }>> = {
  // Herning, Handicaprådet 28.8.2025 punkt 42: the case went through BFU, SOS, ØKE and BYR.
  "0657": {
    bodies: [
      entry("Børne- og Familieudvalget", "committee"),
      entry("Social- og Sundhedsudvalget", "committee"),
      entry("Økonomiudvalget", "finance-committee"),
      entry("Byrådet", "council"),
      entry("Handicaprådet", "disability-council"),
      entry("Ældrerådet", "senior-council"),
      entry("Psykiatrirådet", "psychiatry-council"),
    ],
    source: "seeds/herning-handicapraad-referat-2025-08-28.txt",
  },
  // Ballerup, Socialudvalget 30.9.2025 punkt 7: Socialudvalget, Børne- og Skoleudvalget, Økonomiudvalget,
  // Kommunalbestyrelsen, and for orientering Handicaprådet, Seniorrådet og Psykiatrirådet.
  "0151": {
    bodies: [
      entry("Socialudvalget", "committee"),
      entry("Børne- og Skoleudvalget", "committee"),
      entry("Økonomiudvalget", "finance-committee"),
      entry("Kommunalbestyrelsen", "council"),
      entry("Handicaprådet", "disability-council"),
      entry("Seniorrådet", "senior-council"),
      entry("Psykiatrirådet", "psychiatry-council"),
    ],
    source: "seeds/ballerup-socialudvalg-referat-2025-09-30.txt",
  },
};

/** The list a municipality starts with, before any editor has changed it. */
export function defaultBodyList(code: MunicipalityCode): readonly CouncilBodyEntry[] {
  return KNOWN_BODY_LISTS[code]?.bodies ?? GENERIC_BODIES;
}

export const MAX_BODY_NAME_LENGTH = 120;
export const MAX_BODIES = 40;

export type BodyListProblem = { readonly field: string; readonly messageDa: string };

/**
 * A list an editor saves: names unique (ids follow the names), at most one council — the status sentence
 * names it — and exactly one, because § 79 b asks the council to treat the map.
 */
export function validateBodyList(bodies: readonly { nameDa: string; kind: string }[]): { ok: true; bodies: CouncilBodyEntry[] } | { ok: false; problem: BodyListProblem } {
  if (bodies.length === 0) return { ok: false, problem: { field: "Organer", messageDa: "Listen over organer er tom; kommunalbestyrelsen/byrådet skal mindst være med." } };
  if (bodies.length > MAX_BODIES) return { ok: false, problem: { field: "Organer", messageDa: `Listen har ${bodies.length} organer; højst ${MAX_BODIES} er tilladt.` } };
  const out: CouncilBodyEntry[] = [];
  const seen = new Set<string>();
  for (const [i, b] of bodies.entries()) {
    const nameDa = b.nameDa.trim();
    const field = `Organ ${i + 1}`;
    if (nameDa.length === 0) return { ok: false, problem: { field, messageDa: `Organ ${i + 1} har intet navn.` } };
    if (nameDa.length > MAX_BODY_NAME_LENGTH) return { ok: false, problem: { field, messageDa: `Navnet på organ ${i + 1} er på ${nameDa.length} tegn; højst ${MAX_BODY_NAME_LENGTH} er tilladt.` } };
    if (!isBodyKind(b.kind)) return { ok: false, problem: { field, messageDa: `Ukendt slags organ "${b.kind}" for ${nameDa}. Brug en af: ${BODY_KINDS.join(", ")}.` } };
    const id = bodyIdFromName(nameDa);
    if (seen.has(id)) return { ok: false, problem: { field, messageDa: `${nameDa} står to gange på listen.` } };
    seen.add(id);
    out.push({ id, nameDa, kind: b.kind });
  }
  const councils = out.filter((b) => b.kind === "council");
  if (councils.length !== 1) {
    return { ok: false, problem: { field: "Organer", messageDa: `Listen skal have præcis ét byråd/én kommunalbestyrelse, ikke ${councils.length}.` } };
  }
  return { ok: true, bodies: out };
}

/** The council on a list (validated lists have exactly one; a stored list without one falls back to the law's word). */
export function councilOf(bodies: readonly CouncilBodyEntry[]): CouncilBodyEntry {
  return bodies.find((b) => b.kind === "council") ?? entry("Kommunalbestyrelsen", "council");
}
