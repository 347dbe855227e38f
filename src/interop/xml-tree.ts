import { XMLParser, XMLValidator } from "fast-xml-parser";

// A small element tree over fast-xml-parser (preserveOrder keeps mixed HTML content in order; captureMetaData gives
// each element's offset, turned into a 1-based line so every problem can name its line). Shared by the Moodle XML
// and QTI readers.

export interface XmlElement {
  /** Local name (namespace prefix removed). */
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  /** 1-based line of the element's start tag. */
  line: number;
}
export type XmlNode = XmlElement | string;

/** Bytes of XML one reader accepts in one file (base64 images included). */
export const XML_MAX_CHARS = 32 * 1024 * 1024;

type Ordered = Record<string, unknown> & { ":@"?: Record<string, string> };

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  captureMetaData: true,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  removeNSPrefix: true,
  processEntities: true,
  htmlEntities: true,
});
const META = XMLParser.getMetaDataSymbol() as unknown as string;

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

function lineAt(starts: number[], index: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= index) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

function convert(nodes: Ordered[], starts: number[]): XmlNode[] {
  const out: XmlNode[] = [];
  for (const node of nodes) {
    const name = Object.keys(node).find((k) => k !== ":@");
    if (name === undefined) continue;
    const value = node[name];
    if (name === "#text") {
      out.push(String(value ?? ""));
      continue;
    }
    if (name.startsWith("?") || name === "#comment") continue;
    const meta = (node as unknown as Record<string, { startIndex?: number } | undefined>)[META];
    out.push({
      name,
      attrs: { ...(node[":@"] ?? {}) },
      children: Array.isArray(value) ? convert(value as Ordered[], starts) : [],
      line: lineAt(starts, meta?.startIndex ?? 0),
    });
  }
  return out;
}

export type XmlParse = { root: XmlElement } | { error: { line: number; message: string } };

/** Parses XML into a tree with lines; broken XML gives the line and the parser's message instead (never throws). */
export function parseXml(source: string): XmlParse {
  const text = source.replace(/^\uFEFF/, "");
  if (text.length > XML_MAX_CHARS)
    return {
      error: {
        line: 1,
        message: `the file has ${text.length} characters; at most ${XML_MAX_CHARS} are read`,
      },
    };
  const entity = /<!ENTITY/i.exec(text);
  if (entity) {
    const starts = lineStarts(text);
    return {
      error: {
        line: lineAt(starts, entity.index),
        message: "the file declares XML entities (<!ENTITY …>), which are not accepted in imported files",
      },
    };
  }
  const valid = XMLValidator.validate(text, { allowBooleanAttributes: true });
  if (valid !== true) return { error: { line: valid.err.line, message: valid.err.msg.replace(/\.+$/, "") } };
  try {
    const starts = lineStarts(text);
    const root = convert(parser.parse(text) as Ordered[], starts).find(
      (n): n is XmlElement => typeof n !== "string",
    );
    if (!root) return { error: { line: 1, message: "the file has no XML element" } };
    return { root };
  } catch (e) {
    return { error: { line: 1, message: e instanceof Error ? e.message : String(e) } };
  }
}

export const isElement = (n: XmlNode): n is XmlElement => typeof n !== "string";

/** Child elements, optionally only those with one of the given local names. */
export function elements(el: XmlElement | undefined, ...names: string[]): XmlElement[] {
  if (!el) return [];
  return el.children.filter(
    (c): c is XmlElement => isElement(c) && (names.length === 0 || names.includes(c.name)),
  );
}

/** The first child element with that name. */
export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  return elements(el, name)[0];
}

/** Every descendant element (depth first, document order) with one of the names. */
export function descendants(el: XmlElement, ...names: string[]): XmlElement[] {
  const out: XmlElement[] = [];
  const visit = (e: XmlElement) => {
    for (const c of e.children)
      if (isElement(c)) {
        if (names.includes(c.name)) out.push(c);
        visit(c);
      }
  };
  visit(el);
  return out;
}

/** All text inside an element, entities decoded. */
export function textOf(el: XmlElement | undefined): string {
  if (!el) return "";
  return el.children.map((c) => (typeof c === "string" ? c : textOf(c))).join("");
}

const escapeText = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const escapeAttr = (s: string) => escapeText(s).replace(/"/g, "&quot;");

const VOID = new Set(["br", "hr", "img", "input", "col", "area", "wbr", "source"]);

/**
 * Serialises an element's children back to (X)HTML markup. `replace` may give the markup for a child element
 * instead of serialising it ("" drops it).
 */
export function innerXml(
  el: XmlElement,
  replace: (e: XmlElement) => string | undefined = () => undefined,
): string {
  return el.children
    .map((c) => {
      if (typeof c === "string") return escapeText(c);
      const replaced = replace(c);
      if (replaced !== undefined) return replaced;
      const attrs = Object.entries(c.attrs)
        .map(([k, v]) => ` ${k}="${escapeAttr(v)}"`)
        .join("");
      if (VOID.has(c.name.toLowerCase())) return `<${c.name}${attrs}/>`;
      return `<${c.name}${attrs}>${innerXml(c, replace)}</${c.name}>`;
    })
    .join("");
}

/** Every element of a tree, depth first, the root included. */
export function walk(el: XmlElement, visit: (e: XmlElement) => void): void {
  visit(el);
  for (const c of el.children) if (isElement(c)) walk(c, visit);
}

/** Text made safe inside XML element content or a double-quoted attribute. */
export function xmlEscape(s: string): string {
  return escapeAttr(s);
}

/** Text as a CDATA section (a "]]>" inside the text is split across two sections). */
export function cdata(s: string): string {
  return `<![CDATA[${s.replace(/]]>/g, "]]]]><![CDATA[>")}]]>`;
}
