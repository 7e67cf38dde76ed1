import { formatInteger } from "../../domain/format-danish-number.js";
import { AREA_NAMES_DA, MAP_DEFINITIONS } from "../../domain/map-definition.js";
import { formatIssue } from "../../importers/import-issue.js";
import { ENCODING_NAMES_DA } from "../../importers/text/decode-text-stream.js";
import { LAYOUTS } from "../../importers/analyse-import-file.js";
import type { ImportOutcome, ImportRequest } from "../../app/import/import-file.js";

function yearsText(years: readonly number[]): string {
  if (years.length === 0) return "–";
  const sorted = [...years].sort((a, b) => a - b);
  const contiguous = sorted.every((y, i) => i === 0 || y === sorted[i - 1]! + 1);
  return contiguous && sorted.length > 2 ? `${sorted[0]}–${sorted[sorted.length - 1]}` : sorted.join(", ");
}

/** The Danish import summary a person reads after `danmarkskort import` (issue 3, point 5). */
export function renderImportReport(outcome: ImportOutcome, request: ImportRequest, where: string | null = null): string {
  const a = outcome.analysis;
  const out: string[] = [];
  out.push(`Fil: ${a.fileName} (SHA-256 ${a.sha256.slice(0, 16)}…)`);
  const layout = LAYOUTS.find((l) => l.id === a.layout);
  const how = [
    layout ? `format: ${layout.nameDa}` : "format: ukendt",
    a.format === "xlsx" ? `Excel-ark "${a.sheet ?? "?"}"` : a.encoding ? `tegnsæt: ${ENCODING_NAMES_DA[a.encoding]}` : null,
    a.separator ? `skilletegn: "${a.separator}"` : null,
  ].filter(Boolean);
  out.push(how.join("; "));
  const years = [...new Set(a.cells.map((c) => c.year))];
  out.push(`Datarækker: ${formatInteger(a.dataRowCount)}; årsceller (kommune × sagsemne × år): ${formatInteger(a.cells.length)}; år: ${yearsText(years)}`);
  if (a.issues.length > 0) {
    out.push("", `Problemer: ${formatInteger(a.errorCount)} fejl, ${formatInteger(a.warningCount)} advarsler`);
    for (const issue of a.issues) out.push(`  ${formatIssue(issue)}`);
    const left = a.errorCount + a.warningCount - a.issues.length;
    if (left > 0) out.push(`  … og ${formatInteger(left)} flere af samme slags (ikke vist).`);
  }
  if (a.errorCount === 0 && a.cells.length > 0) {
    out.push("", "Sager pr. kort, område og år (de 98 kommuner; omgjort = ændret/ophævet + hjemvist af de realitetsbehandlede):");
    for (const t of outcome.summary.totals) {
      const name = `${MAP_DEFINITIONS[t.map].nameDa}${MAP_DEFINITIONS[t.map].areas.length > 1 ? `, ${AREA_NAMES_DA[t.area]}` : ""}`;
      out.push(`  ${t.year}  ${name.padEnd(42)} ${formatInteger(t.decided).padStart(7)} realitetsbehandlede, ${formatInteger(t.reversed).padStart(6)} omgjort, ${formatInteger(t.rejected).padStart(6)} afviste`);
    }
    const { unclassified, outsideMaps } = outcome.summary;
    out.push("", unclassified.length === 0 ? "Alle sagsemner er dækket af kortreglerne." : "Sagsemner som ingen kortregel dækker (sagerne er gemt, men indgår ikke i kortene):");
    for (const u of unclassified) out.push(`  "${u.subject}" (Lovgivning: "${u.law}"), ${yearsText(u.years)}: ${formatInteger(u.cases)} sager – ${u.reasonDa}`);
    if (outsideMaps.length > 0) {
      out.push("", "Sagsemner uden for danmarkskortene efter reglerne (gemt og talt med, men ikke på et kort):");
      for (const u of outsideMaps) out.push(`  "${u.subject}" (Lovgivning: "${u.law}"), ${yearsText(u.years)}: ${formatInteger(u.cases)} sager – ${u.reasonDa}`);
    }
  }
  out.push("");
  if (a.errorCount > 0) out.push("Intet er gemt: ret fejlene og indlæs filen igen.");
  else if (request.dryRun) out.push("Prøvekørsel (--dry-run): filen er i orden, men intet er gemt.");
  else if (outcome.stored?.kind === "unchanged") {
    out.push(`Uændret: filen er allerede indlæst som datasætversion ${outcome.stored.datasetVersionId}${where ? ` i ${where}` : ""}.`);
    const recorded = outcome.stored.recorded ?? [];
    if (recorded.length > 0) out.push(`Versionen havde ${recorded.map((r) => (r === "extractedOn" ? "ingen udtræksdato" : "ingen kilde")).join(" og ")}; ${recorded.map((r) => (r === "extractedOn" ? `udtræksdatoen ${request.extractedOn}` : `kilden "${request.source}"`)).join(" og ")} er nu gemt på den.`);
  } else if (outcome.stored?.kind === "same-figures") {
    out.push(`Samme tal som version ${outcome.stored.datasetVersionId}: filen er en anden, men dens tal er præcis de samme, så intet nyt er gemt${where ? ` i ${where}` : ""}.`);
    const dropped = [...(request.extractedOn !== null ? [`udtræksdatoen ${request.extractedOn}`] : []), ...(request.source !== null ? [`kilden "${request.source}"`] : [])];
    if (dropped.length > 0) out.push(`Derfor er ${dropped.join(" og ")} heller ikke gemt; version ${outcome.stored.datasetVersionId} beholder sine egne oplysninger.`);
  }
  else if (outcome.stored?.kind === "saved") {
    out.push(`Gemt som datasætversion ${outcome.stored.datasetVersionId}${request.isDemo ? " (demodata)" : ""}${where ? ` i ${where}` : ""}. Se alle versioner med "npm run -s cli -- datasets".`);
  }
  if (outcome.publishedYears.length > 0) {
    out.push(`Markeret som kortet, som det blev offentliggjort, for ${outcome.publishedYears.join(", ")}: tallene vises for ${outcome.publishedYears.length === 1 ? "året" : "årene"}, og et nyere udtræk vises ved siden af som revision.`);
  }
  return out.join("\n") + "\n";
}
