import type { FastifyInstance } from "fastify";
import { loadSubjectAreaTable, saveSubjectAreaTable, type SubjectAreaTableView } from "../../app/subject-areas/subject-area-table.js";
import { PUBLIC_WEB } from "../../app/caller.js";
import { accountDepsOf, type AppContext } from "../app-context.js";
import { sendRefusal, writeCaller } from "./api-writes.js";
import { SUBJECT_AREA_ROUTES } from "../api-schemas/subject-areas-routes.js";
import type { TypedRequests } from "../api-schemas/schema-kit.js";

export function subjectAreaTableJson(v: SubjectAreaTableView) {
  const areaOf = new Map(v.rows.map((r) => [r.subject, r.area]));
  return {
    municipalityCode: v.municipalityCode,
    rows: v.rows.map((r) => ({ subject: r.subject, area: r.area })),
    departments: [...v.departments],
    subjects: v.subjects.map((s) => ({ subject: s.subject, law: s.law, years: [...s.years], decided: s.decided, area: areaOf.get(s.subject) ?? null })),
  };
}

/** GET and PUT /api/v1/municipalities/{code}/subject-areas: the subject → area table (issue 16, point 4). */
export function registerApiSubjectAreas(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<TypedRequests>();
  const deps = accountDepsOf(ctx);
  api.get("/api/v1/municipalities/:code/subject-areas", { schema: SUBJECT_AREA_ROUTES["GET /api/v1/municipalities/:code/subject-areas"] }, async (request, reply) => {
    const view = await loadSubjectAreaTable(deps, { ...PUBLIC_WEB, channel: "api" }, request.params.code);
    if (view.kind === "refused") return sendRefusal(reply, view);
    return reply.send(subjectAreaTableJson(view));
  });

  api.put(
    "/api/v1/municipalities/:code/subject-areas",
    { schema: SUBJECT_AREA_ROUTES["PUT /api/v1/municipalities/:code/subject-areas"], attachValidation: true },
    async (request, reply) => {
      const caller = await writeCaller(ctx, request, reply);
      if (!caller) return reply;
      const saved = await saveSubjectAreaTable(deps, caller, request.params.code, request.body.rows);
      if (saved.kind === "refused") return sendRefusal(reply, saved);
      const view = await loadSubjectAreaTable(deps, caller, request.params.code);
      if (view.kind === "refused") return sendRefusal(reply, view);
      return reply.send(subjectAreaTableJson(view));
    },
  );
}
