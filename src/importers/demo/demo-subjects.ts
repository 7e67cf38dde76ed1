/**
 * Subject labels (sagsemner) for the demo data set, with a weight for how the cases of their group are
 * spread. Serviceloven labels are Ankestyrelsen's as quoted in domain.md §3; the barnets lov labels of
 * 2024 are not known to us (domain.md §3), so those are invented in the same style, with paragraph
 * references the rule table reads (barnets lov §§ 82–90 are the child disability map).
 */
export type DemoCategory = "childDisability" | "childOther" | "adultDisability" | "adultOther";

export type DemoSubject = { readonly subject: string; readonly law: string; readonly weight: number };

const SEL = "Serviceloven";
const BL = "Barnets lov";

const SEL_CHILDREN: Readonly<Record<"childDisability" | "childOther", readonly DemoSubject[]>> = {
  childDisability: [
    { subject: "Pasningstilbud, hjemmetræning m.m. §§32, 32a, 36, 39-40 + tilbagebet.", law: SEL, weight: 12 },
    { subject: "Merudgiftydelse §41 + tilbagebetaling", law: SEL, weight: 38 },
    { subject: "Tabt arbejdsfortjeneste §§ 42,43 + tilbagebetaling", law: SEL, weight: 40 },
    { subject: "Personlig hjælp og ledsagelse §§44, 45 + tilbagebetaling", law: SEL, weight: 10 },
  ],
  childOther: [
    { subject: "1.9 Børn - efterværn - §§ 68 og 76", law: SEL, weight: 20 },
    { subject: "Børn - særlig støtte til børn og unge - § 52", law: SEL, weight: 55 },
    { subject: "Børn - børnefaglig undersøgelse - § 50", law: SEL, weight: 25 },
  ],
};

const BL_CHILDREN: Readonly<Record<"childDisability" | "childOther", readonly DemoSubject[]>> = {
  childDisability: [
    { subject: "Børn - hjemmetræning og pasning - §§ 82-85", law: BL, weight: 12 },
    { subject: "Børn - merudgifter - § 86", law: BL, weight: 38 },
    { subject: "Børn - tabt arbejdsfortjeneste - §§ 87-88", law: BL, weight: 40 },
    { subject: "Børn - personlig hjælp og ledsagelse - §§ 89, 90", law: BL, weight: 10 },
  ],
  childOther: [
    { subject: "Børn - støtte til barnet eller den unge - § 32", law: BL, weight: 55 },
    { subject: "Børn - børnefaglig undersøgelse - § 20", law: BL, weight: 25 },
    { subject: "Børn - efterværn - § 114", law: BL, weight: 20 },
  ],
};

const ADULTS: Readonly<Record<"adultDisability" | "adultOther", readonly DemoSubject[]>> = {
  adultDisability: [
    { subject: "Voksne - kontante tilskud § 95", law: SEL, weight: 10 },
    { subject: "Voksne - borgerstyret personlig assistance - § 96", law: SEL, weight: 20 },
    { subject: "Voksne - ledsageordning - § 97", law: SEL, weight: 10 },
    { subject: "Voksne - merudgifter - § 100", law: SEL, weight: 60 },
  ],
  adultOther: [
    { subject: "Voksne - personlig hjælp og pleje - § 83", law: SEL, weight: 25 },
    { subject: "Voksne - socialpædagogisk støtte - § 85", law: SEL, weight: 25 },
    { subject: "Voksne - hjælpemidler - § 112", law: SEL, weight: 20 },
    { subject: "Voksne - boligindretning - § 116", law: SEL, weight: 10 },
    { subject: "Voksne - længerevarende botilbud - § 108", law: SEL, weight: 12 },
    { subject: "Voksne - midlertidigt botilbud - § 107", law: SEL, weight: 8 },
  ],
};

/** Barnets lov took over the children's provisions on 1 January 2024 (domain.md §3). */
export function demoSubjects(category: DemoCategory, year: number): readonly DemoSubject[] {
  if (category === "adultDisability" || category === "adultOther") return ADULTS[category];
  return (year >= 2024 ? BL_CHILDREN : SEL_CHILDREN)[category];
}
