import type { DatasetProvenance } from "../../domain/complaint-cell.js";
import { formatDateDa } from "../../domain/format-danish-date.js";
import type { DatasetVersionSummary } from "../../storage/dataset-versions.js";
import type { YearVersions } from "../../storage/version-selection.js";

export type ExportedFile = { readonly path: string; readonly bytes: number; readonly sha256: string };

/** A dataset version as the manifest names it: its provenance, as every figure carries it. */
type VersionJson = DatasetProvenance;

/** manifest.json: what the export holds and where its figures came from (house style, habit 5). */
export type ExportManifest = {
  readonly format: "danmarkskort-statisk-eksport";
  readonly formatVersion: 1;
  readonly madeAt: string;
  /** null: not limited (every shown year, all 98 municipalities). */
  readonly limits: { readonly years: readonly number[] | null; readonly municipalityCodes: readonly string[] | null };
  /** Per data year: the version the pages show, whether it is the published map or an extraction, and a newer revision. */
  readonly datasetVersions: readonly (VersionJson & { readonly year: number; readonly standing: "published" | "extraction"; readonly revision: VersionJson | null })[];
  /** Every file but this one; `url` is the address the server answers it under, for files fetched from it. */
  readonly files: readonly (ExportedFile & { readonly url?: string })[];
};

function versionJson(v: DatasetVersionSummary): VersionJson {
  return { datasetVersionId: v.datasetVersionId, fileName: v.fileName, sha256: v.sha256, source: v.source, extractedOn: v.extractedOn, importedAt: v.importedAt, isDemo: v.isDemo };
}

export function buildExportManifest(input: {
  readonly versions: ReadonlyMap<number, YearVersions>;
  readonly years: readonly number[];
  readonly limits: ExportManifest["limits"];
  readonly madeAt: Date;
  readonly files: readonly ExportedFile[];
  readonly urlByFile: ReadonlyMap<string, string>;
}): ExportManifest {
  return {
    format: "danmarkskort-statisk-eksport",
    formatVersion: 1,
    madeAt: input.madeAt.toISOString(),
    limits: input.limits,
    datasetVersions: input.years.map((year) => {
      const v = input.versions.get(year)!;
      return { year, ...versionJson(v.shown), standing: v.shown.standing, revision: v.revision ? versionJson(v.revision) : null };
    }),
    files: input.files.map((f) => {
      const url = input.urlByFile.get(f.path);
      return url === undefined ? f : { ...f, url };
    }),
  };
}

/** What om-eksporten.html says: when the export was made, from which versions, what it holds (src/server/views/export-about-page.tsx). */
export type AboutExportModel = {
  readonly isDemo: boolean;
  readonly madeAt: string;
  readonly pages: number;
  /** The limits in words, or empty when the export has every year and all 98 profiles. */
  readonly limitsDa: readonly string[];
  readonly versions: readonly { readonly year: number; readonly datasetVersionId: number; readonly fileName: string; readonly standingDa: string; readonly revisionDa: string; readonly sha256: string }[];
};

export function buildAboutExportModel(input: {
  readonly versions: ReadonlyMap<number, YearVersions>;
  readonly years: readonly number[];
  readonly limits: ExportManifest["limits"];
  readonly madeAt: Date;
  readonly pages: number;
}): AboutExportModel {
  return {
    isDemo: [...input.versions.values()].some((v) => v.shown.isDemo),
    madeAt: input.madeAt.toISOString(),
    pages: input.pages,
    limitsDa: [
      input.limits.years ? `kun årene ${input.limits.years.join(", ")}` : null,
      input.limits.municipalityCodes ? `kun profilerne for kommunerne med kode ${input.limits.municipalityCodes.join(", ")}` : null,
    ].filter((t) => t !== null),
    versions: input.years.map((year) => {
      const { shown, revision } = input.versions.get(year)!;
      const standingDa = shown.standing === "published" ? "offentliggjort kort" : `udtræk${shown.extractedOn ? ` af ${formatDateDa(shown.extractedOn)}` : ""}`;
      return {
        year,
        datasetVersionId: shown.datasetVersionId,
        fileName: shown.fileName,
        standingDa: `${standingDa}${shown.isDemo ? " (demodata)" : ""}`,
        revisionDa: revision ? `nyere udtræk: version ${revision.datasetVersionId}${revision.extractedOn ? ` af ${formatDateDa(revision.extractedOn)}` : ""}` : "",
        sha256: shown.sha256,
      };
    }),
  };
}
