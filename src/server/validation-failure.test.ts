import type { FastifyRequest } from "fastify";
import { describe, expect, it } from "vitest";
import { userFacingErrorOfSchemaFailure, type SchemaFailure } from "./validation-failure.js";

/** The parts of a request the mapping reads: its address and parsed parameters. */
function requestOf(url: string, params: Record<string, string> = {}, query: Record<string, unknown> = {}): FastifyRequest {
  return { url, params, query } as unknown as FastifyRequest;
}

function failure(validationContext: string, issue: { keyword: string; instancePath: string; params?: Record<string, unknown> }): SchemaFailure {
  return Object.assign(new Error("schema"), { validationContext, validation: [{ schemaPath: "#", message: "must …", params: {}, ...issue }] });
}

describe("userFacingErrorOfSchemaFailure", () => {
  it("says a path parameter with its shared parser's message", () => {
    const error = userFacingErrorOfSchemaFailure(requestOf("/api/v1/maps/socialomraadet/tyve", { year: "tyve" }), failure("params", { keyword: "pattern", instancePath: "/year" }));
    expect(error).toMatchObject({ code: "ugyldigt-aar", httpStatus: 400, messageDa: 'Året skal være fire cifre, fx 2024, ikke "tyve".' });
    const map = userFacingErrorOfSchemaFailure(requestOf("/api/v1/maps/kortet/2024", { map: "kortet" }), failure("params", { keyword: "enum", instancePath: "/map" }));
    expect(map).toMatchObject({ code: "ukendt-kort", httpStatus: 404 });
  });

  it("says a query parameter the same way, a format with the route's own choices", () => {
    const area = userFacingErrorOfSchemaFailure(requestOf("/x?area=unge", {}, { area: "unge" }), failure("querystring", { keyword: "enum", instancePath: "/area" }));
    expect(area).toMatchObject({ code: "ukendt-omraade", messageDa: 'Ukendt område "unge". Brug total, children eller adults.' });
    const format = userFacingErrorOfSchemaFailure(
      requestOf("/x?format=xml", {}, { format: "xml" }),
      failure("querystring", { keyword: "enum", instancePath: "/format", params: { allowedValues: ["json", "csv", "xlsx"] } }),
    );
    expect(format).toMatchObject({ code: "ukendt-format", messageDa: 'Ukendt format "xml"; brug json, csv eller xlsx.' });
  });

  it("names any other parameter in Danish, with its choices", () => {
    const error = userFacingErrorOfSchemaFailure(requestOf("/x?dryRun=ja", {}, { dryRun: "ja" }), failure("querystring", { keyword: "enum", instancePath: "/dryRun", params: { allowedValues: ["1", "true"] } }));
    expect(error).toMatchObject({ code: "ugyldig-forespoergsel", httpStatus: 400, messageDa: 'Parameteren "dryRun" har den ugyldige værdi "ja". Brug 1 eller true.' });
  });

  it("names the field of a body that does not fit, a missing one and an undocumented one", () => {
    const request = requestOf("/api/v1/tokens");
    expect(userFacingErrorOfSchemaFailure(request, failure("body", { keyword: "type", instancePath: "/actions/0/dueDate" })).messageDa).toBe(
      "Indholdet passer ikke til skemaet i /api/v1/openapi.json (feltet actions.0.dueDate). Se dokumentet for felterne og deres typer.",
    );
    expect(userFacingErrorOfSchemaFailure(request, failure("body", { keyword: "required", instancePath: "", params: { missingProperty: "name" } })).messageDa).toContain("(feltet name)");
    expect(userFacingErrorOfSchemaFailure(request, failure("body", { keyword: "additionalProperties", instancePath: "", params: { additionalProperty: "extra" } }))).toMatchObject({
      code: "ugyldigt-indhold",
      httpStatus: 400,
    });
  });

  it("lets the query guard say what is wrong with a repeated parameter", () => {
    const error = userFacingErrorOfSchemaFailure(requestOf("/api/v1/municipalities/0657?compare=0101&compare=0751"), failure("querystring", { keyword: "type", instancePath: "/compare" }));
    expect(error.messageDa).toBe('Parameteren "compare" står mere end én gang i adressen; angiv den kun én gang.');
  });
});
