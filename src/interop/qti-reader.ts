import { unzipSync, zipSync } from "fflate";
import { cleanText } from "./html-markdown.js";
import { bytesAsset, imageMediaType } from "./image-assets.js";
import type { FormatReader, ImportedAsset, ReadResult, SourceFile } from "./interop-model.js";
import { readQtiItem, toQti21 } from "./qti-item-reader.js";
import { descendants, elements, parseXml, textOf, type XmlElement } from "./xml-tree.js";

// IMS QTI 2.1 / 3.0 import: a single item file, or a content package (imsmanifest.xml with its item resources,
// and assessment tests giving the order) as a zip. Zips are bounded (entry count, total uncompressed size) so a
// zip bomb is refused before it is inflated; images of the package become assets.

/** Entries one package may have. */
export const ZIP_MAX_ENTRIES = 5_000;
/** Uncompressed bytes of the XML and image entries of one package. */
export const ZIP_MAX_BYTES = 64 * 1024 * 1024;

const decoder = new TextDecoder("utf-8");
const isZip = (b: Uint8Array) =>
  b.length > 3 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/** A package path resolved against the folder of the file that refers to it ("" for the package root). */
function resolve(base: string, href: string): string {
  const parts = base ? base.split("/") : [];
  for (const p of decodeURIComponentSafe(href.split(/[?#]/)[0] ?? "").split("/")) {
    if (p === "..") parts.pop();
    else if (p !== "." && p !== "") parts.push(p);
  }
  return parts.join("/");
}
const dirOf = (path: string) => (path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : "");
function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

type Entries = Map<string, Uint8Array>;

function unzip(file: string, bytes: Uint8Array, result: ReadResult): Entries | undefined {
  let count = 0;
  let total = 0;
  let refusal: string | undefined;
  try {
    const files = unzipSync(bytes, {
      filter: (f) => {
        count++;
        if (count > ZIP_MAX_ENTRIES) refusal = `the zip has more than ${ZIP_MAX_ENTRIES} entries`;
        const wanted = /\.xml$/i.test(f.name) || imageMediaType(f.name) !== undefined;
        if (wanted) total += f.originalSize;
        if (total > ZIP_MAX_BYTES)
          refusal = `the zip's files would take more than ${ZIP_MAX_BYTES / 1024 / 1024} MB once uncompressed`;
        if (refusal) throw new Error(refusal);
        return wanted;
      },
    });
    return new Map(Object.entries(files).map(([k, v]) => [k.replace(/\\/g, "/"), v]));
  } catch (e) {
    result.fatal.push({
      location: { file, line: 1 },
      message: refusal ?? `the zip cannot be read (${e instanceof Error ? e.message : String(e)})`,
      hint: refusal
        ? "split the package into smaller packages"
        : "export the package again from your tool, as a .zip with imsmanifest.xml at its root",
    });
    return undefined;
  }
}

/** Keywords of a manifest resource's LOM metadata: "Domain …" is the category, the others tags. */
function metadataOf(resource: XmlElement): { category?: string; tags?: string[] } {
  const words = descendants(resource, "keyword")
    .map((k) => cleanText(textOf(k)))
    .filter(Boolean);
  const category = words.find((w) => /^domain\b/i.test(w));
  const tags = words.filter((w) => w !== category);
  return { ...(category ? { category } : {}), ...(tags.length > 0 ? { tags } : {}) };
}

/** Reads the items of a package (its files by path), in the order of its test, else of its manifest. */
export function readQtiPackage(file: string, entries: Entries, single = false): ReadResult {
  const result: ReadResult = { questions: [], unsupported: [], fatal: [] };
  // Inside a package, a place is the package's file, the item file in it and its line: "pkg.zip/items/q1.xml:12".
  const at = (path: string) => (single ? file : `${file}/${path}`);
  const refuse = (message: string, hint: string, path?: string, line = 1) =>
    result.fatal.push({ location: { file: path ? at(path) : file, line }, message, hint });
  const xmlOf = (path: string) => {
    const bytes = entries.get(path);
    if (!bytes) return undefined;
    const parsed = parseXml(decoder.decode(bytes));
    if ("error" in parsed) {
      refuse(
        `the XML is broken on line ${parsed.error.line}: ${parsed.error.message}`,
        single
          ? "fix the XML there (or export the item again) and import it again"
          : "fix that file of the package (or export it again) and import the package again",
        path,
        parsed.error.line,
      );
      return undefined;
    }
    return toQti21(parsed.root);
  };
  const manifestPath = [...entries.keys()]
    .filter((p) => /(^|\/)imsmanifest\.xml$/i.test(p))
    .sort((a, b) => a.length - b.length)[0];
  const itemPaths: string[] = [];
  const meta = new Map<string, { category?: string; tags?: string[] }>();
  if (manifestPath) {
    const manifest = xmlOf(manifestPath);
    if (!manifest) return result;
    const root = dirOf(manifestPath);
    const tests: string[] = [];
    for (const r of descendants(manifest, "resource")) {
      const type = r.attrs.type ?? "";
      const href = r.attrs.href ?? elements(r, "file")[0]?.attrs.href;
      if (!href) continue;
      const path = resolve(resolve(root, r.attrs["xml:base"] ?? r.attrs.base ?? ""), href);
      if (/^imsqti_item/i.test(type)) {
        itemPaths.push(path);
        meta.set(path, metadataOf(r));
      } else if (/^imsqti_test/i.test(type)) tests.push(path);
    }
    // An assessment test gives the order of its items; items it leaves out follow in manifest order.
    const ordered: string[] = [];
    for (const t of tests) {
      const test = xmlOf(t);
      if (!test) return result;
      for (const ref of descendants(test, "assessmentItemRef"))
        if (ref.attrs.href) ordered.push(resolve(dirOf(t), ref.attrs.href));
    }
    const all = [...ordered, ...itemPaths.filter((p) => !ordered.includes(p))];
    itemPaths.splice(0, itemPaths.length, ...all.filter((p, i) => all.indexOf(p) === i));
  } else {
    itemPaths.push(...[...entries.keys()].filter((p) => /\.xml$/i.test(p)).sort());
  }
  for (const path of itemPaths) {
    if (!entries.has(path)) {
      refuse(
        `the package names ${path}, which is not in it`,
        "add the file to the package or remove it from imsmanifest.xml",
        path,
      );
      continue;
    }
    const item = xmlOf(path);
    if (!item) continue;
    if (item.name !== "assessmentItem") {
      if (!manifestPath) continue; // a loose folder may hold other XML
      refuse(
        `${path} is not an assessment item (its root is <${item.name}>)`,
        "check the manifest's resource types",
        path,
        item.line,
      );
      continue;
    }
    const itemId = item.attrs.identifier || path;
    const r = readQtiItem(item, {
      location: { file: at(path), line: item.line, itemId },
      image: (src, notes) => imageAt(resolve(dirOf(path), src), entries, notes),
      ...meta.get(path),
    });
    if ("question" in r) result.questions.push(r.question);
    else if ("unsupported" in r) result.unsupported.push(r.unsupported);
    else result.fatal.push(r.fatal);
  }
  if (itemPaths.length === 0)
    refuse(
      "the package has no QTI item",
      "export the questions as QTI 2.1 or 3.0 items (imsqti_item resources)",
    );
  return result;
}

function imageAt(path: string, entries: Entries, notes: string[]): ImportedAsset | undefined {
  const bytes = entries.get(path);
  if (!bytes) {
    notes.push(`the image "${path}" is not in the package`);
    return undefined;
  }
  return bytesAsset(path, bytes, notes);
}

/** Reads a QTI 2.1 or 3.0 item file, or a zipped content package (pure, never throws). */
export const readQti: FormatReader = (source: SourceFile) => {
  if (source.bytes && isZip(source.bytes)) {
    const result: ReadResult = { questions: [], unsupported: [], fatal: [] };
    const entries = unzip(source.file, source.bytes, result);
    return entries ? readQtiPackage(source.file, entries) : result;
  }
  const text = source.text ?? (source.bytes ? decoder.decode(source.bytes) : "");
  const name = source.file.replace(/^.*[\\/]/, "");
  const result = readQtiPackage(source.file, new Map([[name, new TextEncoder().encode(text)]]), true);
  if (result.fatal.length > 0 || result.questions.length + result.unsupported.length > 0) return result;
  const parsed = parseXml(text);
  const rootName = "root" in parsed ? toQti21(parsed.root).name : "";
  return {
    questions: [],
    unsupported: [],
    fatal: [
      {
        location: { file: source.file, line: 1 },
        message:
          rootName === "assessmentTest" || rootName === "manifest"
            ? `this ${rootName === "manifest" ? "manifest" : "assessment test"} refers to item files that are not given with it`
            : `this is not a QTI item (its root element is <${rootName || "none"}>)`,
        hint: "import the whole package: the .zip, or the folder with imsmanifest.xml",
      },
    ],
  };
};

/** A package folder's files (by path inside it) as one source: a stored zip, read like the zip it would be. */
export function qtiFolderSource(file: string, files: Record<string, Uint8Array>): SourceFile {
  return { file, bytes: zipSync(files, { level: 0, mtime: new Date("2000-01-01T00:00:00Z") }) };
}
