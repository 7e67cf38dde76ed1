import { defaultTreeAdapter as tree, html, parse, parseFragment, serialize, type DefaultTreeAdapterTypes } from "parse5";

/**
 * The slice of parse5 (the WHATWG HTML parser and serializer jsdom uses) the static export works with: a
 * page read as a browser reads it, walked, changed and written back. The serializer does every bit of
 * escaping; nothing here writes markup as text.
 */
export type HtmlElement = DefaultTreeAdapterTypes.Element;
export type HtmlNode = DefaultTreeAdapterTypes.ChildNode;
export type HtmlRoot = DefaultTreeAdapterTypes.Document | DefaultTreeAdapterTypes.DocumentFragment;

/**
 * Parsed as with scripting off, so what a browser without JavaScript shows (a <noscript>'s content) is
 * markup with links, not text; written back the same way.
 */
const SCRIPTING = { scriptingEnabled: false } as const;

/**
 * A whole page (it has a doctype, as every page of the server) as a document; anything else, as a snippet
 * in a test, as a fragment, so it is written back without the <html>, <head> and <body> a document adds.
 */
export function parseHtml(source: string): HtmlRoot {
  const document = parse(source, SCRIPTING);
  return document.childNodes.some((node) => tree.isDocumentTypeNode(node)) ? document : parseFragment(source, SCRIPTING);
}

export function serializeHtml(root: HtmlRoot): string {
  return serialize(root, SCRIPTING);
}

/** Every element below `root`, in document order, a <template>'s content included. */
export function elementsOf(root: HtmlRoot | HtmlElement): HtmlElement[] {
  const found: HtmlElement[] = [];
  const visit = (parent: HtmlRoot | HtmlElement) => {
    for (const node of parent.childNodes) {
      if (!tree.isElementNode(node)) continue;
      found.push(node);
      visit(node.nodeName === "template" ? tree.getTemplateContent(node as DefaultTreeAdapterTypes.Template) : node);
    }
  };
  visit(root);
  return found;
}

/** An element of HTML itself (not of an inline SVG) with this tag name. */
export function isHtmlElement(element: HtmlElement, tagName: string): boolean {
  return element.tagName === tagName && element.namespaceURI === html.NS.HTML;
}

/** The attribute's value as the browser sees it (entities decoded), or null when the element lacks it. */
export function attributeOf(element: HtmlElement, name: string): string | null {
  return element.attrs.find((a) => a.name === name && a.namespace === undefined)?.value ?? null;
}

/** The text of an element and all below it, as textContent has it. */
export function textOf(element: HtmlElement): string {
  return element.childNodes.map((node) => (tree.isTextNode(node) ? node.value : tree.isElementNode(node) ? textOf(node) : "")).join("");
}

/** An HTML element with these attributes and children; a string child is a text node, escaped when written. */
export function buildElement(tagName: string, attributes: Readonly<Record<string, string>>, ...children: readonly (HtmlNode | string)[]): HtmlElement {
  const element = tree.createElement(
    tagName,
    html.NS.HTML,
    Object.entries(attributes).map(([name, value]) => ({ name, value })),
  );
  for (const child of children) tree.appendChild(element, typeof child === "string" ? tree.createTextNode(child) : child);
  return element;
}

/** Puts `replacement` where `node` was. */
export function replaceNode(node: HtmlNode, replacement: HtmlNode): void {
  const parent = node.parentNode;
  if (parent === null) throw new Error(`${node.nodeName} has no parent to be replaced in`);
  tree.insertBefore(parent, replacement, node);
  tree.detachNode(node);
}

export function appendChild(parent: HtmlElement, child: HtmlNode): void {
  tree.appendChild(parent, child);
}
