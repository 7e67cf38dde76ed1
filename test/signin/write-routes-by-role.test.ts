import { Document, Packer, Paragraph } from "docx";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueApiTokenForUser } from "../../src/app/accounts/api-tokens.js";
import { createUserAccount } from "../../src/app/accounts/manage-users.js";
import { OPERATOR } from "../../src/app/caller.js";
import { addAttachment } from "../../src/app/treatment/attachments.js";
import { addMeeting } from "../../src/app/treatment/save-meeting.js";
import { buildApp, listRoutes } from "../../src/server/app.js";
import { loadCommentRecord } from "../../src/storage/municipality-comments.js";
import { InjectBrowser } from "../support/inject-browser.js";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "../support/test-databases.js";
import { ACCOUNTS, createAccounts, PASSWORD, testAccountDeps, type AccountName } from "./sign-in-fixtures.js";
import { tinyPdf } from "../support/tiny-pdf.js";

type Who = AccountName | "public";
const EVERYONE: readonly Who[] = ["public", "admin", "tilsyn", "herningEditor", "herningReader", "copenhagenEditor"];
const SIGNED_IN = EVERYONE.filter((w) => w !== "public");

type Actors = {
  web(who: Who): InjectBrowser;
  fresh(): Promise<InjectBrowser>;
  api(who: Who, method: "POST" | "PUT" | "DELETE", url: string, payload?: object): Promise<LightMyRequestResponse>;
  /** A body that is not JSON (a spreadsheet), with its content type. */
  apiRaw(who: Who, method: "PUT", url: string, body: string | Buffer, contentType: string): Promise<LightMyRequestResponse>;
  ids: { webRevoke: string; apiRevoke: string; meeting: string; meetingToDelete: string; attachment: string; attachmentToDelete: string; webMeetingToDelete: string; webAttachment: string; webAttachmentToDelete: string };
  counter: () => number;
};

/**
 * Every write route, how each role calls it, and the status each role gets. Allowed roles get the route's
 * success (or, for the own-account routes, a validation answer that proves the role check passed); every
 * other signed-in role gets 403, and the public 401. The list must name exactly the routes the server has.
 */
type WriteRoute = { method: string; url: string; variants: { label: string; call(a: Actors, who: Who): Promise<LightMyRequestResponse>; expected(who: Who): number }[] };

/** A meeting of the 2024 map's treatment, for the treatment record's routes (issue 13). */
const treatmentMeeting = (bodyId: string) => ({ bodyId, date: "2025-09-24", agendaItemTitle: "Danmarkskortet 2024", role: "decision", state: "held" });

const webMeeting = { organ: "byraadet", dato: "2025-09-24", titel: "Danmarkskortet 2024", rolle: "decision", status: "held" };

const onlyFor = (allowed: readonly Who[], ok: number) => (who: Who) => (allowed.includes(who) ? ok : who === "public" ? 401 : 403);

/** A valid action plan body for the action-plan routes (issue 13). */
const PLAN_BODY = { title: "Handleplan", dataYears: [2024], goal: "Færre omgjorte sager", focusAreas: [{ kind: "group", groupId: "sel-96" }], status: "published" } as const;
const PLANS_URL = "/api/v1/municipalities/0657/action-plans";
/** The same plan as the web form sends it. */
const PLAN_FORM = { titel: "Handleplan", dataaar: "2024", maal: "Færre omgjorte sager", fokus: "sel-96", status: "offentliggjort" };
/** A plan of Herning's, made by its editor, for the role under test to change or delete. */
const herningPlanId = async (a: Actors): Promise<number> => (await a.api("herningEditor", "POST", PLANS_URL, PLAN_BODY)).json().id;

/** A knowledge-bank entry (issue 14): notes on a citizen's case, written by the municipality's editors only. */
const KNOWLEDGE_ENTRY = { decisionDate: "2024-05-14", outcome: "remitted", subject: "Merudgiftsydelse § 41", reasonCodes: ["sagsoplysning"], summary: "Sagen var ikke oplyst.", status: "draft" } as const;
const KNOWLEDGE_URL = "/api/v1/municipalities/0657/knowledge";
const herningEntryId = async (a: Actors): Promise<number> => (await a.api("herningEditor", "POST", KNOWLEDGE_URL, KNOWLEDGE_ENTRY)).json().id;
/** The municipality's own spreadsheet, checked only (dryRun), so every role's call leaves the bank as it was. */
const KNOWLEDGE_CSV = "Dato;Udfald;Sagsemne;Årsag\r\n14-05-2024;Hjemvist;Merudgiftsydelse § 41;Begrundelse\r\n";

/** A municipality's Word template with one known placeholder (issue 16, point 2). */
const DOCX_TEMPLATE = () => Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph("{@indhold}")] }] }));

const WRITE_ROUTES: readonly WriteRoute[] = [
  {
    method: "POST",
    url: "/log-ind",
    variants: [{ label: "egne oplysninger", call: async (a, who) => (await a.fresh()).post("/log-ind", { email: who === "public" ? "ingen@example.test" : ACCOUNTS[who].email, adgangskode: PASSWORD }), expected: (who) => (who === "public" ? 401 : 303) }],
  },
  { method: "POST", url: "/log-ud", variants: [{ label: "egen session", call: async (a) => (await a.fresh()).post("/log-ud", {}), expected: () => 200 }] },
  {
    method: "POST",
    url: "/konto/adgangskode",
    // A wrong current password: 400 proves the role check let the caller through, and nothing changes.
    variants: [{ label: "egen konto", call: (a, who) => a.web(who).post("/konto/adgangskode", { nuvaerende: "forkert", ny: "x", gentag: "x" }), expected: (who) => (who === "public" ? 401 : 400) }],
  },
  { method: "POST", url: "/konto/api-noegler", variants: [{ label: "egen nøgle", call: (a, who) => a.web(who).post("/konto/api-noegler", { navn: `web-${who}`, dage: "7" }), expected: onlyFor(SIGNED_IN, 200) }] },
  {
    method: "POST",
    url: "/konto/api-noegler/:id/tilbagekald",
    // Herning's editor's token: only its owner revokes it; to everyone else it does not exist.
    variants: [{ label: "Hernings redaktørs nøgle", call: (a, who) => a.web(who).post(`/konto/api-noegler/${a.ids.webRevoke}/tilbagekald`, {}), expected: (who) => (who === "herningEditor" ? 200 : who === "public" ? 401 : 404) }],
  },
  {
    method: "POST",
    url: "/brugere",
    variants: [{ label: "ny læser", call: (a, who) => a.web(who).post("/brugere", { email: `ny-${a.counter()}@example.test`, rolle: "laeser", kommune: "0657", adgangskode: PASSWORD }), expected: onlyFor(["admin"], 200) }],
  },
  { method: "POST", url: "/brugere/spaer", variants: [{ label: "spær en anden", call: (a, who) => a.web(who).post("/brugere/spaer", { email: "spaerres@example.test", spaerret: "ja" }), expected: onlyFor(["admin"], 200) }] },
  {
    method: "POST",
    url: "/kommuner/:code/kommentar",
    variants: [
      { label: "Herning", call: (a, who) => a.web(who).post("/kommuner/0657/kommentar", { aar: "2024", kommentar: `Herning ${who}`, status: "offentliggjort" }), expected: onlyFor(["herningEditor"], 303) },
      { label: "København", call: (a, who) => a.web(who).post("/kommuner/0101/kommentar", { aar: "2024", kommentar: `København ${who}`, status: "kladde" }), expected: onlyFor(["copenhagenEditor"], 303) },
    ],
  },
  {
    method: "PUT",
    url: "/api/v1/municipalities/:code/comments/:year",
    variants: [
      { label: "Herning", call: (a, who) => a.api(who, "PUT", "/api/v1/municipalities/0657/comments/2023", { text: `Herning ${who}`, status: "published" }), expected: onlyFor(["herningEditor"], 200) },
      { label: "København", call: (a, who) => a.api(who, "PUT", "/api/v1/municipalities/0101/comments/2023", { text: `København ${who}`, status: "draft" }), expected: onlyFor(["copenhagenEditor"], 200) },
    ],
  },
  {
    method: "POST",
    url: "/api/v1/users",
    variants: [{ label: "ny læser", call: (a, who) => a.api(who, "POST", "/api/v1/users", { email: `api-${a.counter()}@example.test`, role: "laeser", municipalityCode: "0101", password: PASSWORD }), expected: onlyFor(["admin"], 201) }],
  },
  { method: "PUT", url: "/api/v1/users/:email/disabled", variants: [{ label: "spær en anden", call: (a, who) => a.api(who, "PUT", "/api/v1/users/spaerres@example.test/disabled", { disabled: true }), expected: onlyFor(["admin"], 200) }] },
  { method: "POST", url: "/api/v1/tokens", variants: [{ label: "egen nøgle", call: (a, who) => a.api(who, "POST", "/api/v1/tokens", { name: `api-${who}`, days: 7 }), expected: onlyFor(SIGNED_IN, 201) }] },
  {
    method: "DELETE",
    url: "/api/v1/tokens/:id",
    variants: [{ label: "Hernings redaktørs nøgle", call: (a, who) => a.api(who, "DELETE", `/api/v1/tokens/${a.ids.apiRevoke}`), expected: (who) => (who === "herningEditor" ? 200 : who === "public" ? 401 : 404) }],
  },
  {
    method: "POST",
    url: "/api/v1/municipalities/:code/treatment/:year/meetings",
    variants: [
      { label: "Herning", call: (a, who) => a.api(who, "POST", "/api/v1/municipalities/0657/treatment/2024/meetings", treatmentMeeting("byraadet")), expected: onlyFor(["herningEditor"], 201) },
      { label: "København", call: (a, who) => a.api(who, "POST", "/api/v1/municipalities/0101/treatment/2024/meetings", treatmentMeeting("kommunalbestyrelsen")), expected: onlyFor(["copenhagenEditor"], 201) },
    ],
  },
  {
    method: "PUT",
    url: "/api/v1/municipalities/:code/treatment/:year/meetings/:id",
    variants: [{ label: "Herning", call: (a, who) => a.api(who, "PUT", `/api/v1/municipalities/0657/treatment/2024/meetings/${a.ids.meeting}`, treatmentMeeting("byraadet")), expected: onlyFor(["herningEditor"], 200) }],
  },
  {
    method: "DELETE",
    url: "/api/v1/municipalities/:code/treatment/:year/meetings/:id",
    variants: [{ label: "Herning", call: (a, who) => a.api(who, "DELETE", `/api/v1/municipalities/0657/treatment/2024/meetings/${a.ids.meetingToDelete}`), expected: onlyFor(["herningEditor"], 200) }],
  },
  {
    method: "POST",
    url: "/api/v1/municipalities/:code/treatment/:year/meetings/:id/attachments",
    variants: [
      {
        label: "Herning",
        call: (a, who) => a.api(who, "POST", `/api/v1/municipalities/0657/treatment/2024/meetings/${a.ids.meeting}/attachments`, { fileName: "referat.pdf", contentBase64: tinyPdf("Referat").toString("base64"), isPublic: true }),
        expected: onlyFor(["herningEditor"], 201),
      },
    ],
  },
  {
    method: "PUT",
    url: "/api/v1/municipalities/:code/treatment/:year/attachments/:attachmentId",
    variants: [{ label: "Herning", call: (a, who) => a.api(who, "PUT", `/api/v1/municipalities/0657/treatment/2024/attachments/${a.ids.attachment}`, { isPublic: false }), expected: onlyFor(["herningEditor"], 200) }],
  },
  {
    method: "DELETE",
    url: "/api/v1/municipalities/:code/treatment/:year/attachments/:attachmentId",
    variants: [{ label: "Herning", call: (a, who) => a.api(who, "DELETE", `/api/v1/municipalities/0657/treatment/2024/attachments/${a.ids.attachmentToDelete}`), expected: onlyFor(["herningEditor"], 200) }],
  },
  {
    method: "PUT",
    url: "/api/v1/municipalities/:code/treatment/:year/plan-decision",
    variants: [{ label: "Herning 2023", call: (a, who) => a.api(who, "PUT", "/api/v1/municipalities/0657/treatment/2023/plan-decision", { decision: "yes" }), expected: onlyFor(["herningEditor"], 200) }],
  },
  {
    method: "DELETE",
    url: "/api/v1/municipalities/:code/treatment/:year/plan-decision",
    variants: [{ label: "Herning 2023", call: (a, who) => a.api(who, "DELETE", "/api/v1/municipalities/0657/treatment/2023/plan-decision"), expected: onlyFor(["herningEditor"], 200) }],
  },
  {
    method: "PUT",
    url: "/api/v1/municipalities/:code/treatment/:year/order",
    variants: [{ label: "Herning 2023", call: (a, who) => a.api(who, "PUT", "/api/v1/municipalities/0657/treatment/2023/order", { orderedOn: "2025-02-10", deadline: "2025-06-30" }), expected: onlyFor(["tilsyn"], 200) }],
  },
  {
    method: "DELETE",
    url: "/api/v1/municipalities/:code/treatment/:year/order",
    variants: [{ label: "Herning 2023", call: (a, who) => a.api(who, "DELETE", "/api/v1/municipalities/0657/treatment/2023/order"), expected: onlyFor(["tilsyn"], 200) }],
  },
  {
    method: "PUT",
    url: "/api/v1/municipalities/:code/bodies",
    variants: [{ label: "Herning", call: (a, who) => a.api(who, "PUT", "/api/v1/municipalities/0657/bodies", { bodies: [{ name: "Byrådet", kind: "council" }, { name: "Handicaprådet", kind: "disability-council" }] }), expected: onlyFor(["herningEditor"], 200) }],
  },
  {
    method: "PUT",
    url: "/api/v1/legal-rules/:id",
    variants: [
      {
        label: "handleplansreglen",
        call: (a, who) => a.api(who, "PUT", "/api/v1/legal-rules/action-plan-decision", { validFrom: "2022-07-01", validTo: "2024-12-31", summary: "Stillingtagen til handleplan.", source: `rolletest ${who}` }),
        expected: onlyFor(["admin"], 200),
      },
    ],
  },
  {
    method: "POST",
    url: "/kommuner/:code/behandling/:year/moeder",
    variants: [{ label: "Herning", call: (a, who) => a.web(who).post("/kommuner/0657/behandling/2024/moeder", webMeeting), expected: onlyFor(["herningEditor"], 303) }],
  },
  {
    method: "POST",
    url: "/kommuner/:code/behandling/:year/moeder/:id",
    variants: [{ label: "Herning", call: (a, who) => a.web(who).post(`/kommuner/0657/behandling/2024/moeder/${a.ids.meeting}`, webMeeting), expected: onlyFor(["herningEditor"], 303) }],
  },
  {
    method: "POST",
    url: "/kommuner/:code/behandling/:year/moeder/:id/slet",
    variants: [{ label: "Herning", call: (a, who) => a.web(who).post(`/kommuner/0657/behandling/2024/moeder/${a.ids.webMeetingToDelete}/slet`, {}), expected: onlyFor(["herningEditor"], 303) }],
  },
  {
    method: "POST",
    url: "/kommuner/:code/behandling/:year/moeder/:id/bilag",
    // Without a file: 400 proves the role check let the editor through, and nothing is stored.
    variants: [{ label: "Herning, ingen fil", call: (a, who) => a.web(who).post(`/kommuner/0657/behandling/2024/moeder/${a.ids.meeting}/bilag`, {}), expected: onlyFor(["herningEditor"], 400) }],
  },
  {
    method: "POST",
    url: "/kommuner/:code/behandling/:year/bilag/:attachmentId/synlighed",
    variants: [{ label: "Herning", call: (a, who) => a.web(who).post(`/kommuner/0657/behandling/2024/bilag/${a.ids.webAttachment}/synlighed`, { offentligt: "nej" }), expected: onlyFor(["herningEditor"], 303) }],
  },
  {
    method: "POST",
    url: "/kommuner/:code/behandling/:year/bilag/:attachmentId/slet",
    variants: [{ label: "Herning", call: (a, who) => a.web(who).post(`/kommuner/0657/behandling/2024/bilag/${a.ids.webAttachmentToDelete}/slet`, {}), expected: onlyFor(["herningEditor"], 303) }],
  },
  {
    method: "POST",
    url: "/kommuner/:code/behandling/:year/referat",
    // No file and no address: 400 proves the role check let the caller through, and nothing is read.
    variants: [{ label: "Herning, intet dokument", call: (a, who) => a.web(who).post("/kommuner/0657/behandling/2024/referat", {}), expected: onlyFor(["tilsyn", "herningEditor"], 400) }],
  },
  {
    method: "POST",
    url: "/kommuner/:code/behandling/:year/referat/bekraeft",
    variants: [
      {
        label: "Herning, et bekræftet møde",
        call: (a, who) => a.web(who).post("/kommuner/0657/behandling/2024/referat/bekraeft", { kilde: "rolletest.txt", antal: "1", "valgt-0": "ja", "organ-0": "byraadet", "dato-0": "2025-09-25", "titel-0": "Danmarkskortet 2024", "rolle-0": "decision", "status-0": "held" }),
        expected: onlyFor(["tilsyn", "herningEditor"], 303),
      },
    ],
  },
  {
    method: "POST",
    url: "/kommuner/:code/behandling/:year/handleplan",
    variants: [{ label: "Herning 2023", call: (a, who) => a.web(who).post("/kommuner/0657/behandling/2023/handleplan", { beslutning: "no", underrettet: "2024-10-02" }), expected: onlyFor(["herningEditor"], 303) }],
  },
  {
    method: "POST",
    url: "/kommuner/:code/behandling/:year/handleplan/slet",
    variants: [{ label: "Herning 2023", call: (a, who) => a.web(who).post("/kommuner/0657/behandling/2023/handleplan/slet", {}), expected: onlyFor(["herningEditor"], 303) }],
  },
  {
    method: "POST",
    url: "/kommuner/:code/behandling/:year/paabud",
    variants: [{ label: "Herning 2023", call: (a, who) => a.web(who).post("/kommuner/0657/behandling/2023/paabud", { paabudt: "2025-02-10", frist: "2025-06-30" }), expected: onlyFor(["tilsyn"], 303) }],
  },
  {
    method: "POST",
    url: "/kommuner/:code/behandling/:year/paabud/slet",
    variants: [{ label: "Herning 2023", call: (a, who) => a.web(who).post("/kommuner/0657/behandling/2023/paabud/slet", {}), expected: onlyFor(["tilsyn"], 303) }],
  },
  {
    method: "POST",
    url: "/tilsyn/behandling/:year/:code",
    variants: [{ label: "Herning 2024", call: (a, who) => a.web(who).post("/tilsyn/behandling/2024/0657", { kategori: "none", note: `rolletest ${who}` }), expected: onlyFor(["tilsyn"], 303) }],
  },
  {
    method: "POST",
    url: "/kommuner/:code/organer",
    variants: [{ label: "Herning", call: (a, who) => a.web(who).post("/kommuner/0657/organer", { "navn-0": "Byrådet", "slags-0": "council", "navn-1": "Handicaprådet", "slags-1": "disability-council" }), expected: onlyFor(["herningEditor"], 303) }],
  },
  {
    method: "PUT",
    url: "/api/v1/municipalities/:code/subject-areas",
    variants: [
      { label: "Herning", call: (a, who) => a.api(who, "PUT", "/api/v1/municipalities/0657/subject-areas", { rows: [{ subject: "Sygedagpenge", area: `Jobcenter ${who}` }] }), expected: onlyFor(["herningEditor"], 200) },
      { label: "København", call: (a, who) => a.api(who, "PUT", "/api/v1/municipalities/0101/subject-areas", { rows: [{ subject: "Sygedagpenge", area: "Beskæftigelse" }] }), expected: onlyFor(["copenhagenEditor"], 200) },
    ],
  },
  {
    method: "POST",
    url: "/kommuner/:code/omraader",
    variants: [{ label: "Herning", call: (a, who) => a.web(who).post("/kommuner/0657/omraader", { antal: "1", "emne-0": "Sygedagpenge", "omraade-0": `Jobcenter ${who}` }), expected: onlyFor(["herningEditor"], 303) }],
  },
  {
    method: "PUT",
    url: "/api/v1/municipalities/:code/docx-template",
    variants: [
      {
        label: "Herning",
        call: async (a, who) => a.apiRaw(who, "PUT", "/api/v1/municipalities/0657/docx-template?fileName=skabelon.docx", await DOCX_TEMPLATE(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        expected: onlyFor(["herningEditor"], 200),
      },
    ],
  },
  {
    method: "POST",
    url: "/kommuner/:code/skabelon",
    // No file: the role check comes first, then the editor is told to choose a file.
    variants: [{ label: "Herning, ingen fil", call: (a, who) => a.web(who).post("/kommuner/0657/skabelon", {}), expected: onlyFor(["herningEditor"], 400) }],
  },
  { method: "DELETE", url: "/api/v1/legal-rules/:id", variants: [{ label: "handleplansreglen", call: (a, who) => a.api(who, "DELETE", "/api/v1/legal-rules/action-plan-decision"), expected: onlyFor(["admin"], 200) }] },
  {
    method: "POST",
    url: "/lovregler/:id",
    variants: [
      {
        label: "handleplansreglen",
        call: (a, who) => a.web(who).post("/lovregler/action-plan-decision", { fra: "2022-07-01", til: "2024-12-31", indhold: "Stillingtagen til handleplan.", kilde: `rolletest ${who}` }),
        expected: onlyFor(["admin"], 303),
      },
    ],
  },
  { method: "POST", url: "/lovregler/:id/standard", variants: [{ label: "handleplansreglen", call: (a, who) => a.web(who).post("/lovregler/action-plan-decision/standard", {}), expected: onlyFor(["admin"], 303) }] },
  {
    method: "POST",
    url: "/api/v1/municipalities/:code/action-plans",
    variants: [{ label: "Herning", call: (a, who) => a.api(who, "POST", PLANS_URL, PLAN_BODY), expected: onlyFor(["herningEditor"], 201) }],
  },
  {
    method: "PUT",
    url: "/api/v1/municipalities/:code/action-plans/:id",
    variants: [{ label: "Hernings plan", call: async (a, who) => a.api(who, "PUT", `${PLANS_URL}/${await herningPlanId(a)}`, { ...PLAN_BODY, title: `Ændret af ${who}` }), expected: onlyFor(["herningEditor"], 200) }],
  },
  {
    method: "DELETE",
    url: "/api/v1/municipalities/:code/action-plans/:id",
    variants: [{ label: "Hernings plan", call: async (a, who) => a.api(who, "DELETE", `${PLANS_URL}/${await herningPlanId(a)}`), expected: onlyFor(["herningEditor"], 200) }],
  },
  {
    method: "POST",
    url: "/api/v1/municipalities/:code/knowledge",
    variants: [
      { label: "Herning", call: (a, who) => a.api(who, "POST", KNOWLEDGE_URL, KNOWLEDGE_ENTRY), expected: onlyFor(["herningEditor"], 201) },
      { label: "København", call: (a, who) => a.api(who, "POST", "/api/v1/municipalities/0101/knowledge", KNOWLEDGE_ENTRY), expected: onlyFor(["copenhagenEditor"], 201) },
    ],
  },
  {
    method: "PUT",
    url: "/api/v1/municipalities/:code/knowledge/:id",
    variants: [{ label: "Hernings afgørelse", call: async (a, who) => a.api(who, "PUT", `${KNOWLEDGE_URL}/${await herningEntryId(a)}`, { ...KNOWLEDGE_ENTRY, summary: `Ændret af ${who}` }), expected: onlyFor(["herningEditor"], 200) }],
  },
  {
    method: "PUT",
    url: "/api/v1/municipalities/:code/knowledge/import",
    variants: [{ label: "Herning, kun kontrol", call: (a, who) => a.apiRaw(who, "PUT", `${KNOWLEDGE_URL}/import?dryRun=1&fileName=register.csv`, KNOWLEDGE_CSV, "text/csv"), expected: onlyFor(["herningEditor"], 200) }],
  },
  {
    method: "POST",
    url: "/kommuner/:code/vidensbank",
    variants: [
      {
        label: "Herning",
        call: (a, who) => a.web(who).post("/kommuner/0657/vidensbank", { afgoerelsesdato: "2024-05-14", udfald: "remitted", sagsemne: "Merudgiftsydelse § 41", resume: `Fra ${who}`, status: "draft" }),
        expected: onlyFor(["herningEditor"], 303),
      },
    ],
  },
  {
    method: "POST",
    url: "/kommuner/:code/vidensbank/:id",
    variants: [
      {
        label: "Hernings afgørelse",
        call: async (a, who) => a.web(who).post(`/kommuner/0657/vidensbank/${await herningEntryId(a)}`, { afgoerelsesdato: "2024-05-14", udfald: "remitted", sagsemne: "Merudgiftsydelse § 41", resume: `Ændret af ${who}`, status: "draft" }),
        expected: onlyFor(["herningEditor"], 303),
      },
    ],
  },
  {
    method: "POST",
    url: "/kommuner/:code/vidensbank/:id/slet",
    variants: [{ label: "Hernings afgørelse", call: async (a, who) => a.web(who).post(`/kommuner/0657/vidensbank/${await herningEntryId(a)}/slet`, { bekraeft: "ja" }), expected: onlyFor(["herningEditor"], 303) }],
  },
  {
    method: "POST",
    url: "/kommuner/:code/vidensbank/afdelinger",
    variants: [{ label: "Herning", call: (a, who) => a.web(who).post("/kommuner/0657/vidensbank/afdelinger", { afdelinger: "Børneområdet" }), expected: onlyFor(["herningEditor"], 303) }],
  },
  {
    method: "POST",
    url: "/kommuner/:code/vidensbank/indstillinger",
    variants: [{ label: "Herning", call: (a, who) => a.web(who).post("/kommuner/0657/vidensbank/indstillinger", { opbevaring: "5" }), expected: onlyFor(["herningEditor"], 303) }],
  },
  {
    method: "POST",
    url: "/kommuner/:code/vidensbank/sletning",
    variants: [{ label: "Herning, intet gammelt", call: (a, who) => a.web(who).post("/kommuner/0657/vidensbank/sletning", { bekraeft: "ja" }), expected: onlyFor(["herningEditor"], 303) }],
  },
  {
    method: "POST",
    url: "/kommuner/:code/vidensbank/indlaes",
    variants: [{ label: "Herning, ingen fil", call: (a, who) => a.web(who).post("/kommuner/0657/vidensbank/indlaes", { handling: "tjek" }), expected: onlyFor(["herningEditor"], 400) }],
  },
  {
    method: "POST",
    url: "/kommuner/:code/handleplaner",
    variants: [{ label: "Herning", call: (a, who) => a.web(who).post("/kommuner/0657/handleplaner", PLAN_FORM), expected: onlyFor(["herningEditor"], 303) }],
  },
  {
    method: "POST",
    url: "/kommuner/:code/handleplaner/:id",
    variants: [{ label: "Hernings plan", call: async (a, who) => a.web(who).post(`/kommuner/0657/handleplaner/${await herningPlanId(a)}`, PLAN_FORM), expected: onlyFor(["herningEditor"], 303) }],
  },
  {
    method: "POST",
    url: "/kommuner/:code/handleplaner/:id/slet",
    variants: [{ label: "Hernings plan", call: async (a, who) => a.web(who).post(`/kommuner/0657/handleplaner/${await herningPlanId(a)}/slet`, {}), expected: onlyFor(["herningEditor"], 303) }],
  },
];

describe.each(DATABASE_KINDS)("every write route with every role on %s", (kind) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let actors: Actors;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    const deps = testAccountDeps(t.db);
    await createAccounts(deps);
    await createUserAccount(deps, OPERATOR, { email: "spaerres@example.test", role: { kind: "laeser", municipalityCode: "0657" }, password: PASSWORD });
    app = await buildApp({ db: t.db, storageDescription: kind, securityLog: deps.securityLog });
    const browsers = new Map<Who, InjectBrowser>();
    const tokens = new Map<Who, string>();
    for (const who of EVERYONE) {
      const browser = new InjectBrowser(app);
      await browser.get("/log-ind");
      if (who !== "public") {
        await browser.signIn(ACCOUNTS[who].email, PASSWORD);
        const issued = await issueApiTokenForUser(deps, OPERATOR, { email: ACCOUNTS[who].email, name: "rolletest" });
        if (issued.kind !== "created") throw new Error(issued.messageDa);
        tokens.set(who, issued.secret);
      }
      browsers.set(who, browser);
    }
    const revocable = async () => {
      const issued = await issueApiTokenForUser(deps, OPERATOR, { email: ACCOUNTS.herningEditor.email, name: "tilbagekaldes" });
      if (issued.kind !== "created") throw new Error(issued.messageDa);
      return issued.token.id;
    };
    // Meetings and attachments the treatment routes edit and delete, written as the operator would.
    const treatmentFixtures = async () => {
      const meeting = async () => {
        const added = await addMeeting(deps, OPERATOR, { municipalityCode: "0657", dataYear: 2024, ...treatmentMeeting("byraadet"), agendaItemNumber: null, outcome: null, decisionText: null, minutesUrl: null });
        if (added.kind !== "saved") throw new Error(added.messageDa);
        return added.meeting.id;
      };
      const m = await meeting();
      const attachment = async () => {
        const added = await addAttachment(deps, OPERATOR, { municipalityCode: "0657", dataYear: 2024, meetingId: m, fileName: "a.pdf", content: tinyPdf("Referat"), isPublic: true });
        if (added.kind !== "saved") throw new Error(added.messageDa);
        return added.attachment.id;
      };
      return {
        meeting: m,
        meetingToDelete: await meeting(),
        attachment: await attachment(),
        attachmentToDelete: await attachment(),
        webMeetingToDelete: await meeting(),
        webAttachment: await attachment(),
        webAttachmentToDelete: await attachment(),
      };
    };
    let n = 0;
    actors = {
      web: (who) => browsers.get(who)!,
      fresh: async () => {
        const b = new InjectBrowser(app);
        await b.get("/log-ind");
        return b;
      },
      api: (who, method, url, payload) => app.inject({ method, url, headers: tokens.has(who) ? { authorization: `Bearer ${tokens.get(who)}` } : {}, ...(payload ? { payload } : {}) }),
      apiRaw: (who, method, url, body, contentType) => app.inject({ method, url, headers: { "content-type": contentType, ...(tokens.has(who) ? { authorization: `Bearer ${tokens.get(who)}` } : {}) }, payload: body }),
      ids: { webRevoke: await revocable(), apiRevoke: await revocable(), ...(await treatmentFixtures()) },
      counter: () => ++n,
    };
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it("has an entry here for every write route the server registers", () => {
    const writes = listRoutes(app)
      .filter((r) => r.method !== "GET" && r.method !== "OPTIONS")
      .map((r) => `${r.method} ${r.url}`)
      .sort();
    expect(writes).toEqual(WRITE_ROUTES.map((r) => `${r.method} ${r.url}`).sort());
  });

  for (const route of WRITE_ROUTES) {
    for (const variant of route.variants) {
      it(`${route.method} ${route.url} (${variant.label}): allowed roles succeed, the rest get 403 (or 401 without sign-in)`, async () => {
        const got: Record<string, number> = {};
        const want: Record<string, number> = {};
        // The allowed role last, so a success cannot hide what the others would have been refused.
        const succeeds = (who: Who) => variant.expected(who) < 400;
        const order = [...EVERYONE].sort((x, y) => Number(succeeds(x)) - Number(succeeds(y)));
        for (const who of order) {
          const response = await variant.call(actors, who);
          got[who] = response.statusCode;
          want[who] = variant.expected(who);
          if (response.statusCode === 403 && !route.url.startsWith("/api/")) expect(response.body, `${who}`).toContain("Du har ikke adgang");
        }
        expect(got).toEqual(want);
      });
    }
  }

  it("stored only the allowed editors' comments", async () => {
    expect(await loadCommentRecord(t.db, "0657", 2024)).toMatchObject({ text: "Herning herningEditor", status: "published" });
    expect(await loadCommentRecord(t.db, "0101", 2024)).toMatchObject({ text: "København copenhagenEditor", status: "draft" });
    expect(await loadCommentRecord(t.db, "0657", 2023)).toMatchObject({ text: "Herning herningEditor" });
    expect(await loadCommentRecord(t.db, "0101", 2023)).toMatchObject({ text: "København copenhagenEditor" });
  });
});
