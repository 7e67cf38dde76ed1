/**
 * Named generators for council minutes in layouts other than the seeds', for the reader's tests and the
 * benchmark. Their shape follows agenda systems that municipalities use (the issue quotes them): an item
 * titled "Årlig behandling af omgørelsesprocenter i klagesager" or "Ankestatistik", several bodies' dated
 * decisions under one item ("Beslutning Økonomiudvalget den 30-09-2025", "Beslutning i Byrådet den
 * 07-10-2025: Sagen tilbagesendes til fagudvalgene"), numbered recommendation points, and a table with the
 * columns of the seeds' Tabel 1 (antal afgørelser, omgjort procent, omgjort antal, …). The figures are
 * Herning's 2024 figures (domain.md §7), so a check against test/rates/published-2024-cells.ts matches.
 */
export type CouncilMinutesOptions = {
  /** The council sends the case back to the committees (not finished) or approves the recommendation. */
  readonly councilOutcome: "sends-back" | "approves";
  /** Other agenda items before the Danmarkskort item, each about a page of text (for ~20-page documents). */
  readonly fillerItems?: number;
};

const FILLER_SENTENCES = [
  "Administrationen har udarbejdet et notat om status på området, som er vedlagt sagen.",
  "Udvalget orienteres om udviklingen i antallet af borgere, der modtager støtte, og om de økonomiske konsekvenser for budgettet.",
  "Der er gennemført en høring af de berørte parter, og høringssvarene er samlet i bilaget.",
  "Sagen har været drøftet i direktionen, som anbefaler, at indsatsen fortsætter i den nuværende form.",
  "Den samlede udgift holdes inden for den eksisterende ramme, og der søges ikke om tillægsbevilling.",
];

function fillerItem(n: number): { title: string; paragraphs: string[]; recommendation: string; decision: string } {
  const paragraphs = Array.from({ length: 9 }, (_, p) => Array.from({ length: 5 }, (_, s) => FILLER_SENTENCES[(n + p + s) % FILLER_SENTENCES.length]).join(" "));
  return { title: `Orientering om status for indsats nr. ${n}`, paragraphs, recommendation: "at orienteringen tages til efterretning.", decision: "Taget til efterretning." };
}

const SAGSFREMSTILLING = [
  "Social- og Boligministeriet offentliggjorde den 10. juni 2025 danmarkskortet over omgørelsesprocenter i klagesager for 2024. Byrådet skal behandle kortet inden udgangen af året, jf. retssikkerhedslovens § 79 b.",
  "I forhold til Herning Kommune har Ankestyrelsen truffet 77 afgørelser i 2024 på socialområdet. 44,2 % af afgørelserne er omgjort. På landsplan er omgørelsesprocenten 44,9 %.",
];

const COUNCIL_DECISION: Record<CouncilMinutesOptions["councilOutcome"], string> = {
  "sends-back": "Sagen tilbagesendes til fagudvalgene med henblik på en drøftelse af, om der skal udarbejdes en handleplan.",
  approves: "Indstillingen godkendt.",
};

/** The Danmarkskort item's parts, shared by the text and the HTML layout. */
function mapItem(options: CouncilMinutesOptions) {
  return {
    title: "Årlig behandling af omgørelsesprocenter i klagesager",
    intro: SAGSFREMSTILLING,
    tableCaption: "Tabel 1: Omgørelsesprocenter på socialområdet 2024",
    tableHeader: ["", "Antal afgørelser i alt", "Omgjort, procent", "Omgjort, antal"],
    tableRows: [
      ["Landsplan, i alt", "6.905", "44,9", "3.102"],
      ["Herning Kommune, i alt", "77", "44,2", "34"],
    ],
    disabilityHeading: "Børnehandicapområdet",
    disabilityText: "På børnehandicapområdet har Ankestyrelsen i 2024 truffet 27 afgørelser vedrørende Herning Kommune. 11 afgørelser er omgjort, svarende til 40,7 %. I 2023 var omgørelsesprocenten 51,5 %.",
    recommendationIntro: "Direktionen indstiller,",
    points: ["at danmarkskortet for 2024 tages til efterretning", "at der ikke udarbejdes en handleplan for 2024"],
    decisions: [
      { heading: "Beslutning Social- og Sundhedsudvalget den 10-09-2025", text: "Anbefales." },
      { heading: "Beslutning Økonomiudvalget den 30-09-2025", text: "Indstillingen anbefales over for Byrådet." },
      { heading: "Beslutning i Byrådet den 07-10-2025", text: COUNCIL_DECISION[options.councilOutcome] },
    ],
  };
}

/** Plain text with "Punkt N:" headings, as the text export of an agenda system. */
export function councilMinutesText(options: CouncilMinutesOptions): string {
  const item = mapItem(options);
  const fillers = Array.from({ length: options.fillerItems ?? 0 }, (_, i) => fillerItem(i + 1));
  const lines: string[] = ["REFERAT Byrådet d. 07-10-2025", "", "Mødedato Tirsdag d. 7. oktober 2025 kl. 17:00", ""];
  fillers.forEach((f, i) => {
    lines.push(`Punkt ${i + 1}: ${f.title}`, "", "Sagsfremstilling", "", ...f.paragraphs.flatMap((p) => [p, ""]), "Indstilling", "", f.recommendation, "", "Beslutning", "", f.decision, "");
  });
  const n = fillers.length + 1;
  lines.push(`Punkt ${n}: ${item.title}`, "", "Sagsfremstilling", "", ...item.intro.flatMap((p) => [p, ""]), item.tableCaption, "", item.tableHeader.join("\t"), ...item.tableRows.map((r) => r.join("\t")), "");
  lines.push(item.disabilityHeading, "", item.disabilityText, "", "Indstilling", "", item.recommendationIntro, "", ...item.points.flatMap((p) => [p, ""]));
  // The council's decision on its heading line, as some systems print it ("Beslutning i Byrådet den 07-10-2025: …").
  item.decisions.forEach((d, i) => lines.push(...(i === item.decisions.length - 1 ? [`${d.heading}: ${d.text}`, ""] : [d.heading, "", d.text, ""])));
  return lines.join("\n");
}

const escapeText = (s: string) => s.replace(/&/g, "&#38;").replace(/</g, "&#60;").replace(/>/g, "&#62;");

/** HTML as an agenda system's web page: "Pkt. N" headings, a real table, numbered recommendation points. */
export function councilMinutesHtml(options: CouncilMinutesOptions): string {
  const item = mapItem(options);
  const fillers = Array.from({ length: options.fillerItems ?? 0 }, (_, i) => fillerItem(i + 1));
  const e = escapeText;
  const parts: string[] = [
    '<!DOCTYPE html><html lang="da"><head><meta charset="utf-8"><title>Byrådet – referat</title><style>td{padding:2px 8px}</style></head><body>',
    "<h1>Referat Byrådet d. 07-10-2025</h1>",
    "<p>Mødedato: 7. oktober 2025 kl. 17.00, Byrådssalen</p>",
  ];
  fillers.forEach((f, i) => {
    parts.push(`<h2>Pkt. ${i + 1} ${e(f.title)}</h2>`, "<h3>Sagsfremstilling</h3>", ...f.paragraphs.map((p) => `<p>${e(p)}</p>`), "<h3>Indstilling</h3>", `<p>${e(f.recommendation)}</p>`, "<h3>Beslutning</h3>", `<p>${e(f.decision)}</p>`);
  });
  const n = fillers.length + 1;
  parts.push(`<h2>Pkt. ${n} ${e(item.title)}</h2>`, "<h3>Sagsfremstilling</h3>", ...item.intro.map((p) => `<p>${e(p)}</p>`));
  parts.push(`<p><b>${e(item.tableCaption)}</b></p>`, "<table>", `<tr>${item.tableHeader.map((h) => `<th>${e(h)}</th>`).join("")}</tr>`);
  for (const r of item.tableRows) parts.push(`<tr>${r.map((c) => `<td>${e(c)}</td>`).join("")}</tr>`);
  parts.push("</table>", `<h3>${e(item.disabilityHeading)}</h3>`, `<p>${e(item.disabilityText)}</p>`);
  parts.push("<h3>Indstilling</h3>", `<p>${e(item.recommendationIntro)}</p>`, "<ol>", ...item.points.map((p) => `<li>${e(p)}</li>`), "</ol>");
  for (const d of item.decisions) parts.push(`<h3>${e(d.heading)}</h3>`, `<p>${e(d.text)}</p>`);
  parts.push("</body></html>");
  return parts.join("\n");
}
