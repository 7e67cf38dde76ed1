// Writes templates/dagsordenpunkt-skabelon.docx, the sample template that ships (README, "Kommunens egen Word-skabelon").
// Run: npx tsx scripts/make-sample-docx-template.ts
import { mkdir, writeFile } from "node:fs/promises";
import { buildSampleDocxTemplate } from "../src/reports/sample-docx-template.js";

await mkdir("templates", { recursive: true });
await writeFile("templates/dagsordenpunkt-skabelon.docx", await buildSampleDocxTemplate());
process.stdout.write("Skrev templates/dagsordenpunkt-skabelon.docx\n");
