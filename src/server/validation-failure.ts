import type { FastifyRequest } from "fastify";
import type { FastifySchemaValidationError, SchemaErrorDataVar } from "fastify/types/schema.js";
import { listDa, parseArea, parseFormat, parseMap, parseYear } from "../app/params.js";
import { queryProblemDa } from "./request-guard.js";
import { UserFacingError } from "../app/user-facing-error.js";

/** What Fastify attaches to a request (attachValidation) or throws when a part fails its route schema. */
export type SchemaFailure = Error & { readonly validation?: readonly FastifySchemaValidationError[]; readonly validationContext?: SchemaErrorDataVar | string };

/**
 * A parameter whose schema failed, said by its shared parser (params.ts), so the API's year error reads the
 * same whether a schema or a handler caught it ("Året skal være fire cifre, fx 2024, ikke …").
 */
const PARAMETER_PARSERS: Readonly<Record<string, (value: string, issue: FastifySchemaValidationError) => unknown>> = {
  year: (value) => parseYear(value),
  map: (value) => parseMap(value),
  // Every area is on socialomraadet: only an unknown area fails here; "not split" is the handler's to say.
  area: (value) => parseArea("socialomraadet", value),
  format: (value, issue) => {
    const allowed = issue.params.allowedValues;
    return Array.isArray(allowed) && allowed.length > 0 ? parseFormat(value, allowed as [string, ...string[]]) : undefined;
  },
};

/** "actions.0.dueDate" for "/actions/0/dueDate", with the missing or extra property a required/closed object names. */
function fieldOf(issue: FastifySchemaValidationError): string {
  const path = issue.instancePath.replace(/^\//, "").replaceAll("/", ".");
  const child = issue.params.missingProperty ?? issue.params.additionalProperty;
  return [path, typeof child === "string" ? child : ""].filter((part) => part !== "").join(".");
}

function valueOf(request: FastifyRequest, part: "params" | "query", field: string): string | undefined {
  const value = (request[part] as Record<string, unknown> | undefined)?.[field];
  return typeof value === "string" ? value : undefined;
}

/**
 * A schema failure as the one error type users see, naming the field in Danish: a body that does not fit
 * (400 ugyldigt-indhold), or an address parameter (its shared parser's message, else 400 ugyldig-forespoergsel).
 */
export function userFacingErrorOfSchemaFailure(request: FastifyRequest, failure: SchemaFailure): UserFacingError {
  // A repeated or badly encoded parameter fails its schema too; the guard's message says what is wrong.
  const problem = queryProblemDa(request.url);
  if (problem !== null) return new UserFacingError("ugyldig-forespoergsel", problem, 400);
  const issue = failure.validation?.[0];
  const field = issue ? fieldOf(issue) : "";
  if (failure.validationContext === "body" || failure.validationContext === undefined) {
    return new UserFacingError(
      "ugyldigt-indhold",
      `Indholdet passer ikke til skemaet i /api/v1/openapi.json (${field === "" ? "indholdet" : `feltet ${field}`}). Se dokumentet for felterne og deres typer.`,
      400,
    );
  }
  const part = failure.validationContext === "params" ? "params" : "query";
  const value = valueOf(request, part, field);
  if (issue && value !== undefined) {
    try {
      PARAMETER_PARSERS[field]?.(value, issue);
    } catch (error) {
      if (error instanceof UserFacingError) return error;
      throw error;
    }
  }
  const allowed = issue?.params.allowedValues;
  const hint = Array.isArray(allowed) ? ` Brug ${listDa(allowed.map(String))}.` : "";
  const shown = value === undefined ? "mangler eller er ugyldig" : `har den ugyldige værdi "${value.slice(0, 40)}"`;
  return new UserFacingError("ugyldig-forespoergsel", `Parameteren "${field || failure.validationContext}" ${shown}.${hint}`, 400);
}
