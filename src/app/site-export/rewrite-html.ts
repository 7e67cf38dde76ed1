/**
 * Rewrites a page the server rendered into a page of the static export. Pure, and written for the server's
 * own markup (attributes in double quotes, escaped by Preact): not a general HTML parser.
 *
 * - every root-relative href, src, action and data-png-src goes through `resolve`: a relative link to the
 *   exported file, or null when the address is not in the export (the link then leads to the note page);
 * - a GET form of selections (map, year, area, …) becomes lists of links, one per choice, because a static
 *   server cannot answer a query; a choice whose page is not exported is left out;
 * - a GET form with free input (the municipality search) becomes a link to the page it opens;
 * - a form that needs the server (POST, or an address not exported) becomes a short note.
 */
export type ResolveLink = (rootRelativeHref: string) => string | null;

export type RewriteOptions = {
  readonly resolve: ResolveLink;
  /** The note page, relative to the page being rewritten (with a fragment if wanted). */
  readonly noteHref: string;
};

const LINK_ATTRIBUTE = /(\s)((?:xlink:)?href|src|action|data-png-src)="([^"]*)"/g;

export function decodeAttribute(value: string): string {
  return value.replace(/&(amp|quot|#39|lt|gt);/g, (_m, name: string) => ({ amp: "&", quot: '"', "#39": "'", lt: "<", gt: ">" })[name]!);
}

/**
 * A link the export writes: a relative file path from filePathFor (letters, digits, . - _ ~ and /) with a
 * plain fragment. Nothing in it needs escaping, and anything else is a defect, not something to escape.
 */
export function exportHref(value: string): string {
  if (!/^[A-Za-z0-9._~/-]*(#[A-Za-z0-9_.:-]*)?$/.test(value)) throw new Error(`Not an export link: ${value}`);
  return value;
}

function attribute(tag: string, name: string): string | null {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return match ? decodeAttribute(match[1]!) : null;
}

function textOf(html: string): string {
  return html.replace(/<[^>]*>/g, "").trim();
}

type FormSelect = { readonly name: string; readonly labelHtml: string; readonly options: readonly { value: string; labelHtml: string; selected: boolean }[] };

function parseForm(formHtml: string): { selects: FormSelect[]; hidden: [string, string][]; hasFreeInput: boolean } {
  const labels = new Map<string, string>();
  for (const m of formHtml.matchAll(/<label\b([^>]*)>([\s\S]*?)<\/label>/g)) {
    const target = attribute(m[1]!, "for");
    if (target) labels.set(target, textOf(m[2]!));
  }
  const selects: FormSelect[] = [];
  for (const m of formHtml.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
    const name = attribute(m[1]!, "name");
    if (!name) continue;
    const id = attribute(m[1]!, "id");
    const options = [...m[2]!.matchAll(/<option\b([^>]*)>([\s\S]*?)<\/option>/g)].map((o) => ({
      value: attribute(o[1]!, "value") ?? decodeAttribute(textOf(o[2]!)),
      labelHtml: textOf(o[2]!),
      selected: /\sselected(=|\s|>|$)/.test(`${o[1]!} `),
    }));
    selects.push({ name, labelHtml: (id && labels.get(id)) || name, options });
  }
  const hidden: [string, string][] = [];
  let hasFreeInput = /<textarea\b/.test(formHtml);
  for (const m of formHtml.matchAll(/<input\b([^>]*)>/g)) {
    const type = attribute(m[1]!, "type") ?? "text";
    const name = attribute(m[1]!, "name");
    if (type === "hidden") {
      if (name) hidden.push([name, attribute(m[1]!, "value") ?? ""]);
    } else if (type !== "submit" && type !== "button") hasFreeInput = true;
  }
  return { selects, hidden, hasFreeInput };
}

/** The choices as links, or null when the page of the current choice is not exported (the form is then server-only). */
function selectionLinks(action: string, form: ReturnType<typeof parseForm>, resolve: ResolveLink): string | null {
  const current = (): [string, string][] => [...form.selects.map((s): [string, string] => [s.name, (s.options.find((o) => o.selected) ?? s.options[0])?.value ?? ""]), ...form.hidden];
  if (resolve(`${action}?${new URLSearchParams(current()).toString()}`) === null) return null;
  const fields = form.selects.map((select) => {
    const choices = select.options
      .map((option) => {
        if (option.selected) return `<strong aria-current="page">${option.labelHtml}</strong>`;
        const params = new URLSearchParams(current().map(([k, v]) => [k, k === select.name ? option.value : v]));
        const href = resolve(`${action}?${params.toString()}`);
        return href === null ? null : `<a href="${exportHref(href)}">${option.labelHtml}</a>`;
      })
      .filter((c) => c !== null);
    return `<li><span class="static-selection-label">${select.labelHtml}:</span> ${choices.join(" · ")}</li>`;
  });
  return `<nav class="static-selection" aria-label="Vælg ${form.selects.map((s) => textOf(s.labelHtml).toLowerCase()).join(", ")}"><ul class="nobullet-list no-max-width">${fields.join("")}</ul></nav>`;
}

function formNote(noteHref: string): string {
  return `<p class="static-note">Denne formular virker kun på sitets server, ikke i den statiske udgave. <a href="${exportHref(noteHref)}">Om den statiske udgave</a></p>`;
}

/** The forms of a page: selections as links, a search as a link to the page it searches, the rest as a note. */
export function rewriteForms(html: string, options: RewriteOptions): string {
  return html.replace(/<form\b([^>]*)>([\s\S]*?)<\/form>/g, (_whole, attrs: string, inner: string) => {
    const method = (attribute(attrs, "method") ?? "get").toLowerCase();
    const action = attribute(attrs, "action") ?? "";
    if (method !== "get" || !action.startsWith("/")) return formNote(options.noteHref);
    const form = parseForm(inner);
    if (!form.hasFreeInput && form.selects.length > 0) {
      const links = selectionLinks(action, form, options.resolve);
      return links ?? formNote(options.noteHref);
    }
    const page = options.resolve(action);
    if (page === null) return formNote(options.noteHref);
    const label = form.selects.length === 0 ? textOf(/<label\b[^>]*>([\s\S]*?)<\/label>/.exec(inner)?.[1] ?? "") : "";
    return `<p class="static-search"><a href="${exportHref(page)}">${label ? `${label}: ` : ""}se hele listen</a></p>`;
  });
}

/** Every root-relative link attribute, resolved to the export's relative link or to the note page. */
export function rewriteLinks(html: string, options: RewriteOptions): string {
  return html.replace(LINK_ATTRIBUTE, (whole, space: string, name: string, value: string) => {
    const href = decodeAttribute(value);
    if (!href.startsWith("/") || href.startsWith("//")) return whole;
    return `${space}${name}="${exportHref(options.resolve(href) ?? options.noteHref)}"`;
  });
}

export function rewriteHtml(html: string, options: RewriteOptions): string {
  return rewriteLinks(rewriteForms(html, options), options);
}

/** The root-relative addresses a page links to (href, src, data-png-src; forms' actions too), entities decoded. */
export function extractLinks(html: string): string[] {
  return [...html.matchAll(LINK_ATTRIBUTE)].map((m) => decodeAttribute(m[3]!)).filter((href) => href.startsWith("/") && !href.startsWith("//"));
}
