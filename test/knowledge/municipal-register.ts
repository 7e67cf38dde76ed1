import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * A municipality's own register of Ankestyrelsen decisions, in a layout unlike ours: a merged title row,
 * an empty row, Danish headings in another order ("Dato", "Sagsnr.", "Sagsemne/paragraf" …), Excel dates
 * (date-formatted cells, stored as serial numbers), reasons as the municipality words them, and one
 * column of its own ("Drøftet i ledergruppen") that no rule knows. Shaped after the registers the seeds
 * describe (Allerød's departments, Fredericia's "efter genbehandling").
 */
export type RegisterRow = {
  readonly date: Date;
  readonly caseNo: string;
  readonly department: string;
  readonly law: string;
  readonly subject: string;
  readonly outcome: string;
  readonly reasons: string;
  readonly description: string;
  readonly learning: string;
  readonly newDecision: string;
  readonly newDecisionDate: Date | null;
  readonly discussed: string;
};

export const REGISTER_HEADINGS = ["Dato", "Sagsnr.", "Afdeling", "Lov", "Sagsemne/paragraf", "Udfald", "Årsag", "Beskrivelse", "Læring", "Ny afgørelse", "Dato for ny afgørelse", "Drøftet i ledergruppen"];

export function herningRegisterRows(): RegisterRow[] {
  const d = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
  return [
    { date: d("2024-02-08"), caseNo: "27.24.00-G01-11-24", department: "Børneområdet", law: "Serviceloven", subject: "Merudgiftydelse §41 + tilbagebetaling", outcome: "Hjemvist", reasons: "Oplysningsgrundlag, begrundelse", description: "Der manglede oplysninger fra egen læge om merudgifternes størrelse.", learning: "Indhent lægelige oplysninger før afgørelse.", newDecision: "Bevilget", newDecisionDate: d("2024-04-02"), discussed: "ja" },
    { date: d("2024-03-21"), caseNo: "27.24.00-G01-11-24", department: "Børneområdet", law: "Serviceloven", subject: "Tabt arbejdsfortjeneste §§ 42,43 + tilbagebetaling", outcome: "Ændret", reasons: "Forkert vurdering", description: "Ankestyrelsen vurderede, at betingelserne for tabt arbejdsfortjeneste var opfyldt.", learning: "Vurder omfanget af pasningsbehovet konkret.", newDecision: "", newDecisionDate: null, discussed: "nej" },
    { date: d("2024-05-30"), caseNo: "27.36.04-G01-7-24", department: "Voksenhandicap", law: "Serviceloven", subject: "Voksne - borgerstyret personlig assistance - § 96", outcome: "Hjemvist", reasons: "Partshøring", description: "Borgeren var ikke partshørt over den nye funktionsbeskrivelse.", learning: "Partshør altid over nye oplysninger.", newDecision: "Afslag igen", newDecisionDate: d("2024-08-15"), discussed: "ja" },
    { date: d("2024-09-12"), caseNo: "27.12.04-G01-30-24", department: "Ældre og Sundhed", law: "Serviceloven", subject: "Voksne - ledsageordning - § 97", outcome: "Hjemvist", reasons: "Begrundelsesmangel", description: "Afgørelsen henviste ikke til de kriterier, der var lagt vægt på.", learning: "Skriv hovedhensynene i afgørelsen.", newDecision: "Verserer", newDecisionDate: null, discussed: "" },
  ];
}

/** Writes the register as an XLSX workbook; returns its path. */
export async function writeRegisterXlsx(rows: readonly RegisterRow[], fileName = "omgjorte-sager-2024.xlsx"): Promise<string> {
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Omgørelser 2024");
  sheet.addRow(["Herning Kommune – afgørelser fra Ankestyrelsen 2024 (omgjorte og hjemviste sager)"]);
  sheet.mergeCells(1, 1, 1, REGISTER_HEADINGS.length);
  sheet.addRow([]);
  sheet.addRow(REGISTER_HEADINGS);
  for (const r of rows) {
    const added = sheet.addRow([r.date, r.caseNo, r.department, r.law, r.subject, r.outcome, r.reasons, r.description, r.learning, r.newDecision, r.newDecisionDate ?? "", r.discussed]);
    added.getCell(1).numFmt = "dd-mm-yyyy";
    if (r.newDecisionDate) added.getCell(11).numFmt = "dd-mm-yyyy";
  }
  const dir = await mkdtemp(join(tmpdir(), "vidensbank-"));
  const path = join(dir, fileName);
  await writeFile(path, Buffer.from(await workbook.xlsx.writeBuffer()));
  return path;
}

/** The same register as the `;`-separated CSV a municipality saves from Excel (Danish dates). */
export async function writeRegisterCsv(rows: readonly RegisterRow[], fileName = "omgjorte-sager-2024.csv"): Promise<string> {
  const dk = (d: Date | null) => (d ? `${String(d.getUTCDate()).padStart(2, "0")}-${String(d.getUTCMonth() + 1).padStart(2, "0")}-${d.getUTCFullYear()}` : "");
  const q = (s: string) => (/[;"\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = ["Afgørelser fra Ankestyrelsen 2024", REGISTER_HEADINGS.join(";"), ...rows.map((r) => [dk(r.date), r.caseNo, r.department, r.law, r.subject, r.outcome, r.reasons, r.description, r.learning, r.newDecision, dk(r.newDecisionDate), r.discussed].map(q).join(";"))];
  const dir = await mkdtemp(join(tmpdir(), "vidensbank-"));
  const path = join(dir, fileName);
  await writeFile(path, `${lines.join("\r\n")}\r\n`, "utf8");
  return path;
}
