import { createHash } from "node:crypto";
import { accessSync, constants, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve as resolvePath } from "node:path";
import { MUNICIPALITIES } from "../../domain/municipality.js";
import type { Queryable } from "../../storage/database.js";
import { selectVersionsByYear } from "../../storage/version-selection.js";
import type { GeometryChoice } from "../../viz/page-state.js";
import type { Caller } from "../caller.js";
import { refuse, type Refusal } from "../use-case-result.js";
import { checkExportLinks, type BrokenLink } from "./check-links.js";
import { buildAboutExportModel, buildExportManifest, type AboutExportModel, type ExportedFile, type ExportManifest } from "./export-manifest.js";
import { extractLinks, rewriteHtml } from "./rewrite-html.js";
import { enumerateSitePages } from "./site-pages.js";
import { classifyLink, type SiteShape } from "./site-links.js";
import { filePathFor, relativeHref } from "./site-paths.js";

/** One answer of the site to an anonymous GET: what the server sends, byte for byte. */
export type SiteResponse = { readonly status: number; readonly contentType: string; readonly body: Buffer };
/** The site, asked in-process (the CLI wires the real app's inject); never a network request. */
export type SiteSource = { get(url: string): Promise<SiteResponse> };

export type ExportSiteRequest = {
  readonly target: string;
  readonly source: SiteSource;
  /** The map types the map page offers (geographic only when boundaries are loaded), the default first. */
  readonly geometries: readonly GeometryChoice[];
  /** Only these data years (--aar); all shown years when absent. */
  readonly years?: readonly number[];
  /** Only these municipalities' profiles (--kommuner); all 98 when absent. */
  readonly municipalityCodes?: readonly string[];
  /** Folders copied as they are: /assets/ (public/) and /assets/dkfds/ (the design system's fonts and images). */
  readonly assetDirs: readonly { readonly urlPrefix: string; readonly dir: string; readonly only?: readonly string[] }[];
  /** om-eksporten.html in the site's page frame, so the note page looks like the rest. */
  readonly renderAboutPage: (model: AboutExportModel) => string;
  readonly now: Date;
  readonly onProgress?: (messageDa: string) => void;
};

export type ExportSiteResult = {
  readonly kind: "exported";
  readonly target: string;
  readonly pages: number;
  readonly files: number;
  readonly bytes: number;
  readonly manifest: ExportManifest;
  readonly broken: readonly BrokenLink[];
};

export const ABOUT_FILE = "om-eksporten.html";
const NOTE_FRAGMENT = "#kun-paa-serveren";
const CONCURRENT_REQUESTS = 4;

/** A target folder the export may write to: new (its parent writable), or empty and writable. Checked before anything is written. */
function refuseTarget(target: string): Refusal | null {
  if (existsSync(target)) {
    if (!statSync(target).isDirectory()) return refuse(400, `${target} findes og er ikke en mappe. Angiv en ny eller tom mappe.`);
    if (readdirSync(target).length > 0) return refuse(409, `Mappen ${target} er ikke tom. Eksporten skriver kun i en ny eller tom mappe, så intet gammelt blandes med det nye; angiv en anden mappe, eller tøm den først.`);
    try {
      accessSync(target, constants.W_OK);
    } catch {
      return refuse(400, `Der kan ikke skrives i mappen ${target} (ingen skriveadgang).`);
    }
    return null;
  }
  let parent = dirname(resolvePath(target));
  while (!existsSync(parent)) parent = dirname(parent);
  try {
    accessSync(parent, constants.W_OK);
  } catch {
    return refuse(400, `Mappen ${target} kan ikke oprettes: der kan ikke skrives i ${parent} (ingen skriveadgang).`);
  }
  return null;
}

function writeFile(root: string, file: string, body: Buffer | string): void {
  const full = join(root, file);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, body);
}

/**
 * `danmarkskort eksport-site <mappe>`: the public site as static files any web server or CDN can serve.
 * Asks the site itself as an anonymous caller, the pages from `enumerateSitePages` and every same-origin
 * address they link to that answers 200 (downloads, the API documents, /data), writes each under
 * `filePathFor`, rewrites every link to a relative one (`rewriteHtml`; what only works on the server leads
 * to the note page), copies /assets/, writes om-eksporten.html and manifest.json, and checks every link.
 */
export async function exportSite(caller: Caller, db: Queryable, request: ExportSiteRequest): Promise<ExportSiteResult | Refusal> {
  // The export is the operator's, on the server's command line: it reads every public page at once.
  const refusal = caller.actor.kind === "operator" ? refuseTarget(request.target) : refuse(403, "Kun operatøren kan eksportere sitet (på serverens kommandolinje).");
  if (refusal) return refusal;
  const progress = request.onProgress ?? (() => undefined);
  const versions = await selectVersionsByYear(db);
  const shownYears = [...versions.keys()].sort((a, b) => a - b);
  const unknownYear = request.years?.find((y) => !versions.has(y));
  if (unknownYear !== undefined) return refuse(400, `Der er ingen tal for ${unknownYear} i databasen (--aar). Årene med tal er ${shownYears.join(", ") || "ingen"}.`);
  const unknownCode = request.municipalityCodes?.find((c) => !MUNICIPALITIES.some((m) => m.code === c));
  if (unknownCode !== undefined) return refuse(400, `Ukendt kommunekode "${unknownCode}" (--kommuner). Brug firecifrede koder, fx 0657 for Herning.`);
  const years = request.years ? shownYears.filter((y) => request.years!.includes(y)) : shownYears;
  const codes = request.municipalityCodes ?? MUNICIPALITIES.map((m) => m.code);
  const shape: SiteShape = { latestYear: shownYears.at(-1) ?? null, defaultGeometry: request.geometries[0] ?? "felter" };
  const target = request.target;
  mkdirSync(target, { recursive: true });

  for (const assets of request.assetDirs) {
    const into = join(target, assets.urlPrefix.replace(/^\/|\/$/g, ""));
    progress(`Kopierer ${assets.urlPrefix} …`);
    for (const entry of assets.only ?? readdirSync(assets.dir)) cpSync(join(assets.dir, entry), join(into, entry), { recursive: true });
  }

  const seeds = enumerateSitePages({ years, geometries: request.geometries, municipalityCodes: codes });
  const seeded = new Set(seeds);
  const queue = [...seeds];
  const queued = new Set(seeds);
  const exported = new Map<string, { file: string; isHtml: boolean }>();
  progress(`Henter ${seeds.length} sider og de filer, de linker til …`);
  const fetchOne = async (url: string) => {
    // The front page is the map of the newest year; limited to earlier years, it is the newest of those.
    const asked = url === "/" && request.years && years.length > 0 && years.at(-1) !== shownYears.at(-1) ? `/?aar=${years.at(-1)}` : url;
    const answer = await request.source.get(asked);
    if (answer.status !== 200) return;
    const file = filePathFor(url, answer.contentType);
    const isHtml = answer.contentType.startsWith("text/html");
    exported.set(url, { file, isHtml });
    writeFile(target, file, answer.body);
    if (!isHtml) return;
    for (const href of extractLinks(answer.body.toString("utf8"))) {
      const link = classifyLink(href, shape);
      if (link.kind !== "site" || queued.has(link.url) || (link.seeded && !seeded.has(link.url))) continue;
      queued.add(link.url);
      queue.push(link.url);
    }
  };
  // A few requests at a time: the app builds figures off its main thread and waits between slices, so one
  // at a time leaves the CPU idle; more than a few only queue behind each other.
  let done = 0;
  let reported = 0;
  while (done < queue.length) {
    const batch = queue.slice(done, done + CONCURRENT_REQUESTS);
    await Promise.all(batch.map(fetchOne));
    done += batch.length;
    if (done - reported >= 250) {
      reported = done;
      progress(`… ${done} af ${queue.length} adresser hentet`);
    }
  }

  const resolverFor = (fromFile: string) => (href: string) => {
    const link = classifyLink(href, shape);
    if (link.kind !== "site") return null;
    const found = exported.get(link.url);
    return found ? relativeHref(fromFile, found.file, link.fragment) : null;
  };
  const madeDa = request.now.toISOString().slice(0, 10);
  const finish = (fromFile: string, html: string) =>
    rewriteHtml(html, {
      resolve: resolverFor(fromFile),
      noteHref: relativeHref(fromFile, ABOUT_FILE, NOTE_FRAGMENT),
      exportNote: { madeDa, aboutHref: relativeHref(fromFile, ABOUT_FILE) },
    });

  const pages = [...exported.values()].filter((e) => e.isHtml);
  progress(`Omskriver links i ${pages.length} sider …`);
  for (const page of pages) writeFile(target, page.file, finish(page.file, readFileSync(join(target, page.file), "utf8")));

  const limits = { years: request.years ? years : null, municipalityCodes: request.municipalityCodes ? codes : null };
  writeFile(target, ABOUT_FILE, finish(ABOUT_FILE, request.renderAboutPage(buildAboutExportModel({ versions, years, limits, madeAt: request.now, pages: pages.length }))));

  const files = listWritten(target);
  const manifest = buildExportManifest({ versions, years, limits, madeAt: request.now, files, urlByFile: new Map([...exported].map(([url, e]) => [e.file, url])) });
  writeFile(target, "manifest.json", `${JSON.stringify(manifest, null, 2)}\n`);
  progress("Kontrollerer alle links …");
  const check = checkExportLinks(target);
  return { kind: "exported", target, pages: pages.length + 1, files: files.length + 1, bytes: files.reduce((n, f) => n + f.bytes, 0), manifest, broken: check.broken };
}

function listWritten(root: string, dir = ""): ExportedFile[] {
  return readdirSync(join(root, dir), { withFileTypes: true })
    .flatMap((entry) => {
      const file = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) return listWritten(root, file);
      const body = readFileSync(join(root, file));
      return [{ path: file, bytes: body.length, sha256: createHash("sha256").update(body).digest("hex") }];
    })
    .sort((a, b) => (a.path < b.path ? -1 : 1));
}
