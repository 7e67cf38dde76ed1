import type { FastifyInstance } from "fastify";
import type { MunicipalityCode } from "../../domain/municipality.js";
import { areaProfilesOf, buildMunicipalityProfile, mapProfilesOf, type MunicipalityProfile } from "../../domain/municipality-profile.js";
import { withReasonRecords } from "../../domain/missing-reason-record.js";
import type { AppContext } from "../app-context.js";
import type { MunicipalityProfileResponse } from "../api-types.js";
import { recipientsForMap } from "../../domain/context/map-recipients.js";
import { toPerCapitaRecord } from "../../domain/context/per-capita-record.js";
import { selectPopulationDenominator } from "../../domain/context/population-denominator.js";
import { requireYear, sendCachedJson } from "./api-request.js";
import { parseMunicipality, parseOptionalYear } from "../../app/params.js";
import { FIGURE_ROUTES } from "../api-schemas/figures-routes.js";
import type { TypedRequests } from "../api-schemas/schema-kit.js";

/** The codes of `?compare=0101,0751` (a user-chosen comparison group), each checked. */
function parseCompare(value: string | undefined): MunicipalityCode[] | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  return value.split(",").map((part) => parseMunicipality(part.trim()).code);
}

/**
 * The profile as the API sends it: the maps (MAP_IDS order) and each map's areas (its definition's order) as
 * arrays, where the domain keys them by id so a lookup cannot miss; and each missing value's reason as its
 * sentence and code (reasonDa, reasonCode).
 */
function profileAnswer(profile: MunicipalityProfile): MunicipalityProfileResponse["profile"] {
  return withReasonRecords({ ...profile, maps: mapProfilesOf(profile).map((m) => ({ ...m, areas: areaProfilesOf(m) })) });
}

/** GET /api/v1/municipalities/{code}?year=&compare=: one municipality's profile (three maps, areas, years, comparisons). */
export function registerApiMunicipalities(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<TypedRequests>();
  const cache = ctx.figures;
  api.get("/api/v1/municipalities/:code", { schema: FIGURE_ROUTES["GET /api/v1/municipalities/:code"] }, async (request, reply) => {
    const municipality = parseMunicipality(request.params.code);
    const year = parseOptionalYear(request.query.year);
    const compare = parseCompare(request.query.compare);
    const data = await cache.current();
    if (year !== undefined) requireYear(data, year);
    const versions = [...data.versionsByYear.values()].filter((v) => year === undefined || v.year <= year).sort((a, b) => a.year - b.year);
    return sendCachedJson(request, reply, data, compare ? null : `municipality|${municipality.code}|${year ?? ""}`, (): MunicipalityProfileResponse => {
      const profile = buildMunicipalityProfile(data.totals, municipality.code, {
        revised: data.revisedTotals,
        ...(year !== undefined ? { year } : {}),
        ...(compare ? { chosenGroup: { labelDa: "Valgte kommuner", codes: compare } } : {}),
      });
      // Each year divides by its own population (1 January of that year) in the map's band (issue 18).
      const perTenThousand = mapProfilesOf(profile).flatMap((m) =>
        areaProfilesOf(m).flatMap((a) =>
          a.years.map((y) => {
            const denominator = selectPopulationDenominator(data.context, m.map, a.area, y.year);
            return { map: m.map, area: a.area, year: y.year, municipality: toPerCapitaRecord(denominator, municipality.code, y.municipality.estimate), national: toPerCapitaRecord(denominator, null, y.national.estimate) };
          }),
        ),
      );
      const focus = profile.focusYear;
      const recipients = focus === null ? [] : mapProfilesOf(profile).flatMap((m) =>
        recipientsForMap(data.context, m.map, municipality.code, focus).map((r) => ({
          map: m.map,
          year: focus,
          lines: r.lines.map((l) => ({ table: r.table, period: r.period, labelDa: l.labelDa, unit: r.unit, status: l.value.kind, count: l.value.kind === "value" ? l.value.value : null, contextVersionId: r.provenance?.contextVersionId ?? null })),
        })),
      );
      return { profile: profileAnswer(profile), perTenThousand, recipients, datasetVersions: versions, isDemo: versions.some((v) => v.isDemo) };
    });
  });
}
