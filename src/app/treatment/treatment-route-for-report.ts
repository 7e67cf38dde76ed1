import type { Queryable } from "../../storage/database.js";
import { listMeetings } from "../../storage/treatment-store.js";
import { routeFromTreatment, type TreatmentRoute } from "../../reports/treatment-route.js";

/**
 * The route of the agenda item from the municipality's treatment record of the year's map, or null when
 * nothing is recorded. Meetings, their bodies and decision texts are public on the treatment page; the
 * item uses nothing else of the record (no attachment), so no caller is needed.
 */
export async function loadTreatmentRoute(db: Queryable, municipalityCode: string, dataYear: number): Promise<TreatmentRoute | null> {
  return routeFromTreatment(await listMeetings(db, municipalityCode, dataYear));
}
