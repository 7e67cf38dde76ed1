import type { MunicipalityCode } from "./municipality.js";
import type { OutcomeCounts } from "./outcome.js";

/**
 * The domain's unit of data: the outcome counts of one subject (sagsemne) under one law, for one
 * municipality (or the national row as published) and one data year. Importers produce these;
 * storage keeps them per dataset version; the statistics core reads them.
 */
export type ComplaintCell = {
  /** null: a national row as published by Ankestyrelsen, kept to cross-check the sum of the 98. */
  readonly municipalityCode: MunicipalityCode | null;
  readonly subject: string;
  /** Ankestyrelsen's `Lovgivning` label as given ("" when the file has none). */
  readonly law: string;
  readonly year: number;
  readonly counts: OutcomeCounts;
};

/** Where figures came from; every derived figure carries this to its page, file or report. */
export type DatasetProvenance = {
  readonly datasetVersionId: number;
  readonly fileName: string;
  readonly sha256: string;
  readonly source: string | null;
  /** When the figures were extracted from Ankestyrelsen (ISO date), when known. */
  readonly extractedOn: string | null;
  readonly importedAt: string;
  readonly isDemo: boolean;
};

/**
 * How a data year's figures stand (issue 9): `published` when the version is marked as the map as it was
 * published for that year (the reference for a past year, domain.md §3); `extraction` when no version is,
 * so the figures are the newest extraction and must be labelled as an extraction of its date.
 */
export type DatasetStanding = "published" | "extraction";

/** The version behind one data year's figures, and how it stands for that year. */
export type YearProvenance = DatasetProvenance & { readonly standing: DatasetStanding };

export const DEMO_NOTICE_DA = "Demodata – ikke Ankestyrelsens tal";
