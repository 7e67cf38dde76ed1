import fastifySwagger from "@fastify/swagger";
import type { FastifyInstance } from "fastify";
import { API_SCHEMAS } from "../api-schemas/api-schema-groups.js";
import { FIGURE_ROUTES } from "../api-schemas/figures-routes.js";

/** The document's title and introduction, in Danish like everything a user reads. */
const INFO = {
  title: "Danmarkskort over omgørelsesprocenter – API",
  version: "1",
  description:
    "Ankestyrelsens omgørelsesprocenter for de 98 kommuner på de tre danmarkskort, med antal sager, 95 %-interval (Wilson), " +
    "tragtplot mod landsprocenten (Spiegelhalter 2005), placering og sammenligninger. Omgørelsesprocenten siger kun noget om " +
    "de påklagede og realitetsbehandlede sager, ikke om de sager, der ikke blev påklaget.",
};

const SECURITY_SCHEMES = {
  apiToken: { type: "http", scheme: "bearer", description: "En personlig API-nøgle (dkt_…) fra /konto/api-noegler eller danmarkskort bruger token; den har brugerens rolle" },
} as const;

/**
 * The shared schemas and the OpenAPI generator, before any route is declared (the generator learns each
 * route from Fastify's onRoute). The document is made from the very route schemas Fastify validates
 * requests and serialises answers with, so the two cannot differ; only /api/v1 is described.
 */
export async function registerApiSchemas(app: FastifyInstance): Promise<void> {
  for (const schema of API_SCHEMAS) app.addSchema(schema);
  await app.register(fastifySwagger, {
    openapi: { openapi: "3.1.0", info: INFO, components: { securitySchemes: SECURITY_SCHEMES } },
    // A component keeps its own name (FigureRecord), not def-0.
    // OpenAPI 3.1 is JSON Schema 2020-12: const stays const.
    convertConstToEnum: false,
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === "string" ? json.$id : `def-${i}`) },
    transform: ({ schema, url }) => ({ schema: url.startsWith("/api/v1/") ? schema : { ...schema, hide: true }, url }),
  });
}

/** GET /api/v1/openapi.json: the generated description, serialised once, on first request (after ready). */
export function registerApiOpenApi(app: FastifyInstance): void {
  let body: string | undefined;
  app.get("/api/v1/openapi.json", { schema: FIGURE_ROUTES["GET /api/v1/openapi.json"] }, async (_request, reply) => {
    body ??= JSON.stringify(app.swagger());
    return reply.type("application/json; charset=utf-8").send(body);
  });
}
