import type { MeetingBodyKind } from "./minutes-item.js";

/**
 * The kind of a body from its name as minutes write it ("Social- og Sundhedsudvalget", "Byrådet",
 * "Kommunalbestyrelsen", "Ældre- og Seniorrådet"). Order matters: "Økonomiudvalget" is an udvalg but
 * its own kind, and "Handicaprådet" a råd but not the council. Names not known here are `andet`, never
 * guessed into a kind that could make a treatment look finished.
 */
export function classifyMeetingBody(name: string): MeetingBodyKind {
  const n = name.toLowerCase().replace(/\s+/g, " ").trim();
  if (/^(byråd(et)?|kommunalbestyrelse(n)?|borgerrepræsentation(en)?)$/.test(n) || /\bbyrådsmøde\b/.test(n)) return "byraad";
  if (/økonomiudvalg/.test(n)) return "oekonomiudvalg";
  if (/handicapråd/.test(n)) return "handicapraad";
  if (/(ældre|senior)[- ]?(og [a-zæøå]+)?råd/.test(n) || /^(ældre|senior)-/.test(n)) return "aeldreraad";
  if (/psykiatriråd/.test(n)) return "psykiatriraad";
  if (/udvalg(et)?$/.test(n)) return "fagudvalg";
  return "andet";
}
