import type { TSchema } from "typebox";
import { ACTIONPLANS_SCHEMAS } from "./action-plans.js";
import { DOCXTEMPLATE_SCHEMAS } from "./docx-template.js";
import { FIGURES_SCHEMAS } from "./figures.js";
import { PROFILE_SCHEMAS } from "./profile.js";
import { KNOWLEDGE_SCHEMAS } from "./knowledge.js";
import { SUBJECTAREAS_SCHEMAS } from "./subject-areas.js";
import { TREATMENT_SCHEMAS } from "./treatment.js";
import { WRITES_SCHEMAS } from "./writes.js";

/**
 * Every shared schema of /api/v1 (each with its `$id`): registered once with app.addSchema, so route schemas
 * refer to them ("FigureRecord#") and the OpenAPI document lists them under components.schemas.
 */
export const API_SCHEMAS: readonly TSchema[] = [
  FIGURES_SCHEMAS,
  PROFILE_SCHEMAS,
  WRITES_SCHEMAS,
  TREATMENT_SCHEMAS,
  SUBJECTAREAS_SCHEMAS,
  DOCXTEMPLATE_SCHEMAS,
  ACTIONPLANS_SCHEMAS,
  KNOWLEDGE_SCHEMAS,
].flatMap((group): TSchema[] => Object.values(group));
