/**
 * The laws whose provisions make up the maps (domain.md §3). Everything else Ankestyrelsen decides
 * (employment, pensions, …) is `other`: stored and counted, but outside the three maps.
 */
export type LawId = "SEL" | "BL" | "AEL" | "other";

export const LAW_NAMES_DA: Readonly<Record<LawId, string>> = {
  SEL: "Serviceloven",
  BL: "Barnets lov",
  AEL: "Ældreloven",
  other: "Anden lovgivning",
};

/**
 * Reads Ankestyrelsen's `Lovgivning` label (or a law named in a cross-reference such as
 * "servicelovens"). Returns undefined for an empty label: the law is then unknown, which is
 * not the same as `other`.
 */
export function identifyLaw(label: string): LawId | undefined {
  const s = label.trim().toLowerCase();
  if (s === "") return undefined;
  if (/servicelov|lov om social service|^sel$/.test(s)) return "SEL";
  if (/barnets lov|^bl$/.test(s)) return "BL";
  if (/ældrelov|^æl$/.test(s)) return "AEL";
  return "other";
}
