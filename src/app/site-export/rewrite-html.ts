import { appendChild, attributeOf, buildElement, elementsOf, isHtmlElement, parseHtml, replaceNode, serializeHtml, textOf, type HtmlElement, type HtmlNode, type HtmlRoot } from "./html-tree.js";

/**
 * Rewrites a page the server rendered into a page of the static export. Pure: the page is parsed as a
 * browser parses it (parse5, html-tree.ts), changed as a tree and serialized again, so every attribute is
 * read with its entities decoded and every text the export adds is escaped by the serializer.
 *
 * - every root-relative href, src, action and data-png-src goes through `resolve`: a relative link to the
 *   exported file, or null when the address is not in the export (the link then leads to the note page);
 * - a GET form of selections (map, year, area, …) becomes lists of links, one per choice, because a static
 *   server cannot answer a query; a choice whose page is not exported is left out;
 * - a GET form with free input (the municipality search) becomes a link to the page it opens;
 * - a form that needs the server (POST, or an address not exported) becomes a short note;
 * - the page's footer ends with a line saying it is the static edition, when `exportNote` is given.
 */
export type ResolveLink = (rootRelativeHref: string) => string | null;

export type RewriteOptions = {
  readonly resolve: ResolveLink;
  /** The note page, relative to the page being rewritten (with a fragment if wanted). */
  readonly noteHref: string;
  /** The line the first <footer> ends with: the export's date (yyyy-mm-dd) and the about page, relative. */
  readonly exportNote?: { readonly madeDa: string; readonly aboutHref: string };
};

/** The attributes that hold an address, by their qualified name (an SVG's xlink:href included). */
const LINK_ATTRIBUTES: ReadonlySet<string> = new Set(["href", "xlink:href", "src", "action", "data-png-src"]);

const isRootRelative = (href: string) => href.startsWith("/") && !href.startsWith("//");

/**
 * A link the export writes: a relative file path from filePathFor (letters, digits, . - _ ~ and /) with a
 * plain fragment. Anything else is a defect of the resolver, not something to pass on.
 */
export function exportHref(value: string): string {
  if (!/^[A-Za-z0-9._~/-]*(#[A-Za-z0-9_.:-]*)?$/.test(value)) throw new Error(`Not an export link: ${value}`);
  return value;
}

/** Each link attribute of the page, in document order, with its value as the browser reads it. */
function linkAttributesOf(root: HtmlRoot): { readonly value: string; set(value: string): void }[] {
  return elementsOf(root).flatMap((element) =>
    element.attrs
      .filter((a) => LINK_ATTRIBUTES.has(a.prefix ? `${a.prefix}:${a.name}` : a.name))
      .map((a) => ({
        value: a.value,
        set: (value: string) => {
          a.value = value;
        },
      })),
  );
}

type FormChoice = { readonly value: string; readonly label: string; readonly selected: boolean };
type FormSelect = { readonly name: string; readonly label: string; readonly options: readonly FormChoice[] };
type ParsedForm = { readonly selects: readonly FormSelect[]; readonly hidden: readonly [string, string][]; readonly hasFreeInput: boolean; readonly firstLabel: string };

/** Input types that hold no value a person types or picks. */
const NO_INPUT_TYPES: ReadonlySet<string> = new Set(["hidden", "submit", "button"]);

/** The text a label, option or link shows: as textContent, white space at its ends dropped. */
const shownText = (element: HtmlElement) => textOf(element).trim();

function parseForm(form: HtmlElement): ParsedForm {
  const inside = elementsOf(form);
  const labels = inside.filter((e) => isHtmlElement(e, "label"));
  const labelFor = new Map(labels.flatMap((label) => (attributeOf(label, "for") ? [[attributeOf(label, "for")!, shownText(label)] as const] : [])));
  const selects = inside.flatMap((select): FormSelect[] => {
    const name = attributeOf(select, "name");
    if (!isHtmlElement(select, "select") || !name) return [];
    const id = attributeOf(select, "id");
    const options = elementsOf(select)
      .filter((e) => isHtmlElement(e, "option"))
      .map((option) => ({
        // An option without a value attribute submits its text, white space collapsed (the HTML standard).
        value: attributeOf(option, "value") ?? textOf(option).replace(/[\t\n\f\r ]+/g, " ").trim(),
        label: shownText(option),
        selected: attributeOf(option, "selected") !== null,
      }));
    return [{ name, label: (id !== null && labelFor.get(id)) || name, options }];
  });
  const hidden: [string, string][] = [];
  let hasFreeInput = inside.some((e) => isHtmlElement(e, "textarea"));
  for (const input of inside.filter((e) => isHtmlElement(e, "input"))) {
    const type = (attributeOf(input, "type") ?? "text").toLowerCase();
    const name = attributeOf(input, "name");
    if (type === "hidden") {
      if (name) hidden.push([name, attributeOf(input, "value") ?? ""]);
    } else if (!NO_INPUT_TYPES.has(type)) hasFreeInput = true;
  }
  return { selects, hidden, hasFreeInput, firstLabel: labels[0] ? shownText(labels[0]) : "" };
}

/** Nodes with `separator` text between them. */
function joined(nodes: readonly HtmlNode[], separator: string): (HtmlNode | string)[] {
  return nodes.flatMap((node, i) => (i === 0 ? [node] : [separator, node]));
}

/** The choices as links, or null when the page of the current choice is not exported (the form is then server-only). */
function selectionLinks(action: string, form: ParsedForm, resolve: ResolveLink): HtmlElement | null {
  const current = (): [string, string][] => [...form.selects.map((s): [string, string] => [s.name, (s.options.find((o) => o.selected) ?? s.options[0])?.value ?? ""]), ...form.hidden];
  if (resolve(`${action}?${new URLSearchParams(current()).toString()}`) === null) return null;
  const fields = form.selects.map((select) => {
    const choices = select.options.flatMap((option): HtmlElement[] => {
      if (option.selected) return [buildElement("strong", { "aria-current": "page" }, option.label)];
      const params = new URLSearchParams(current().map(([k, v]) => [k, k === select.name ? option.value : v]));
      const href = resolve(`${action}?${params.toString()}`);
      return href === null ? [] : [buildElement("a", { href: exportHref(href) }, option.label)];
    });
    return buildElement("li", {}, buildElement("span", { class: "static-selection-label" }, `${select.label}:`), " ", ...joined(choices, " · "));
  });
  const ariaLabel = `Vælg ${form.selects.map((s) => s.label.toLowerCase()).join(", ")}`;
  return buildElement("nav", { class: "static-selection", "aria-label": ariaLabel }, buildElement("ul", { class: "nobullet-list no-max-width" }, ...fields));
}

function formNote(noteHref: string): HtmlElement {
  return buildElement(
    "p",
    { class: "static-note" },
    "Denne formular virker kun på sitets server, ikke i den statiske udgave. ",
    buildElement("a", { href: exportHref(noteHref) }, "Om den statiske udgave"),
  );
}

/** What a form becomes: selections as links, a search as a link to the page it searches, the rest as a note. */
function staticFormFor(form: HtmlElement, options: RewriteOptions): HtmlElement {
  const method = (attributeOf(form, "method") ?? "get").toLowerCase();
  const action = attributeOf(form, "action") ?? "";
  if (method !== "get" || !action.startsWith("/")) return formNote(options.noteHref);
  const parsed = parseForm(form);
  if (!parsed.hasFreeInput && parsed.selects.length > 0) return selectionLinks(action, parsed, options.resolve) ?? formNote(options.noteHref);
  const page = options.resolve(action);
  if (page === null) return formNote(options.noteHref);
  const label = parsed.selects.length === 0 ? parsed.firstLabel : "";
  return buildElement("p", { class: "static-search" }, buildElement("a", { href: exportHref(page) }, `${label ? `${label}: ` : ""}se hele listen`));
}

/** The forms of a page, each replaced by what it becomes in the export. */
function rewriteForms(root: HtmlRoot, options: RewriteOptions): void {
  for (const form of elementsOf(root).filter((e) => isHtmlElement(e, "form"))) replaceNode(form, staticFormFor(form, options));
}

/** Every root-relative link attribute, resolved to the export's relative link or to the note page. */
function rewriteLinks(root: HtmlRoot, options: RewriteOptions): void {
  for (const link of linkAttributesOf(root)) if (isRootRelative(link.value)) link.set(exportHref(options.resolve(link.value) ?? options.noteHref));
}

/** The static edition's line, at the end of the first footer. */
function appendExportNote(root: HtmlRoot, note: NonNullable<RewriteOptions["exportNote"]>): void {
  const footer = elementsOf(root).find((e) => isHtmlElement(e, "footer"));
  if (!footer) return;
  const text = buildElement("p", {}, `Statisk udgave af sitet, lavet ${note.madeDa}. `, buildElement("a", { href: exportHref(note.aboutHref) }, "Om den statiske udgave"));
  appendChild(footer, buildElement("div", { class: "container static-export-note" }, text));
}

export function rewriteHtml(html: string, options: RewriteOptions): string {
  const root = parseHtml(html);
  rewriteForms(root, options);
  rewriteLinks(root, options);
  if (options.exportNote) appendExportNote(root, options.exportNote);
  return serializeHtml(root);
}

/** The root-relative addresses a page links to (href, src, data-png-src; forms' actions too), as the browser reads them. */
export function extractLinks(html: string): string[] {
  return listLinks(html).filter(isRootRelative);
}

/** Every address in a link attribute of the page (href, src, action, data-png-src), as the browser reads it. */
export function listLinks(html: string): string[] {
  return linkAttributesOf(parseHtml(html)).map((link) => link.value);
}
