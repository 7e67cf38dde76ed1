import type { FastifyInstance } from "fastify";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OPERATOR } from "../../src/app/caller.js";
import { memorySecurityLog } from "../../src/app/security-log.js";
import { editLegalRule, resetLegalRule } from "../../src/app/treatment/bodies-and-rules.js";
import { runReport } from "../../src/app/report/write-agenda-item-files.js";
import { parseReportOptions } from "../../src/cli/commands/report.js";
import { buildApp } from "../../src/server/app.js";
import type { Database } from "../../src/storage/database.js";
import { openReferenceDatabase } from "../reports/support/reference-database.js";

/**
 * Issue 13: whether retssikkerhedsloven § 79 b stk. 2–3 applies to a year is dated data an administrator can
 * correct. The agenda item (API, page door and CLI), the profile page and the treatment status must all judge
 * by the same, edited rule and name its source. The built-in rule ends on 31 December 2024, so the 2024 map
 * (treated in 2025) needs no plan decision; an edit that extends it to 2025 must bring the decision back.
 */
const PLAN_DUTY = "skal Byrådet ved behandlingen tage stilling til, om der er behov for en handleplan";
const PLAN_POINT = "jf. retssikkerhedslovens § 79 b, stk. 2";
const LAPSED = "Bestemmelsen var tidsbegrænset og gælder ikke for behandlingen af danmarkskortet for 2024";
const SOURCE = "Allerød Kommune, Social- og Sundhedsudvalget 2025, punkt om danmarkskortet";

/** Markdown escapes the source address's underscores and writes it as an autolink; the words are what is compared. */
const unescapeMarkdown = (md: string) => md.replace(/<(https?:[^>\s]+)>/g, "$1").replace(/\\([\\`*_{}[\]()#+\-.!>])/g, "$1");

describe("an administrator's edit of the action-plan rule reaches the agenda item, the profile and the status", () => {
  let db: Database;
  let app: FastifyInstance;
  let out: string;
  const deps = () => ({ db, now: () => new Date("2025-09-01T10:00:00Z"), securityLog: memorySecurityLog() });

  beforeAll(async () => {
    process.env.DANMARKSKORT_BOUNDARIES = "none";
    db = await openReferenceDatabase();
    app = await buildApp({ db, storageDescription: "test" });
    out = await mkdtemp(join(tmpdir(), "legal-rule-agenda-"));
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
    if (out) await rm(out, { recursive: true, force: true });
  });

  const apiItem = async () => {
    const r = await app.inject({ url: "/api/v1/municipalities/0657/agenda-item?year=2024&format=md&sections=lovgrundlag" });
    expect(r.statusCode, r.body).toBe(200);
    return unescapeMarkdown(r.body);
  };
  const pageItem = async () => {
    const r = await app.inject({ url: "/kommuner/0657/dagsordenpunkt?aar=2024&format=html&afsnit=lovgrundlag" });
    expect(r.statusCode, r.body).toBe(200);
    return r.body.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
  };
  const cliItem = async (name: string) => {
    const path = join(out, `${name}.md`);
    await runReport(db, parseReportOptions({ municipality: "0657", year: "2024", format: "md", out: path, sections: "lovgrundlag", images: false }));
    return unescapeMarkdown(await readFile(path, "utf8"));
  };
  const profile = async () => {
    const r = await app.inject({ url: "/kommuner/0657?aar=2024" });
    expect(r.statusCode).toBe(200);
    return r.body.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
  };
  const status = async () => (await app.inject({ url: "/api/v1/municipalities/0657/treatment/2024" })).json() as { actionPlan: { kind: string } };

  it("with the built-in rule, the 2024 item says the plan decision has lapsed, and names the rule's end and source", async () => {
    for (const text of [await apiItem(), await pageItem(), await cliItem("default")]) {
      expect(text).not.toContain(PLAN_DUTY);
      expect(text).not.toContain(PLAN_POINT);
      expect(text).toContain(LAPSED);
      expect(text).toContain("gælder fra den 1. juli 2022 til og med den 31. december 2024. Kilde: https://eu.dk/samling/20211/lovforslag/l151/20211_l151_som_fremsat.htm");
    }
    expect((await status()).actionPlan.kind).toBe("not-applicable");
    expect(await profile()).toContain("til 31. december 2024. Kilde: https://eu.dk/");
  });

  it("after the edit, every door's item asks for the plan decision and names the edited period and its source", async () => {
    const edited = await editLegalRule(deps(), OPERATOR, "action-plan-decision", {
      validFrom: "2022-07-01",
      validTo: "2025-12-31",
      summaryDa: "Kommunalbestyrelsen tager stilling til, om der er behov for en handleplan.",
      source: SOURCE,
    });
    expect(edited.kind).toBe("saved");
    for (const text of [await apiItem(), await pageItem(), await cliItem("edited")]) {
      expect(text).toContain(PLAN_DUTY);
      expect(text).toContain(PLAN_POINT);
      expect(text).not.toContain(LAPSED);
      expect(text).toContain(`gælder fra den 1. juli 2022 til og med den 31. december 2025. Kilde: ${SOURCE}`);
    }
    expect((await status()).actionPlan.kind).not.toBe("not-applicable");
    const page = await profile();
    expect(page).toContain(`til 31. december 2025. Kilde: ${SOURCE}`);
    expect(page).not.toContain("gælder ikke længere for dette år");
  });

  it("resetting the rule brings the default back everywhere", async () => {
    expect((await resetLegalRule(deps(), OPERATOR, "action-plan-decision")).kind).toBe("saved");
    expect(await apiItem()).toContain(LAPSED);
    expect((await status()).actionPlan.kind).toBe("not-applicable");
  });
});
