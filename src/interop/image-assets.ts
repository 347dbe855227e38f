import type { ImportedAsset } from "./interop-model.js";

// Images that come with imported questions (base64 in Moodle XML, files in QTI packages) are kept as assets
// when they are a raster image of a bounded size; anything else is dropped with a note. SVG is dropped: it can
// carry scripts.

/** Bytes one imported image may have. */
export const ASSET_MAX_BYTES = 5 * 1024 * 1024;

const MEDIA_TYPES: Record<string, string> = {
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  webp: "image/webp",
};

/** A file name safe to write next to the YAML: its last path part, letters, digits, dot, dash, underscore. */
export function assetName(raw: string): string {
  let name = raw.split(/[\\/]/).pop() ?? "";
  try {
    name = decodeURIComponent(name);
  } catch {
    // keep the raw name
  }
  return name
    .replace(/[^\w.-]+/g, "-")
    .replace(/^[.-]+/, "")
    .slice(-100);
}

/** The media type of an image name, or undefined when it is not an image certpath keeps. */
export function imageMediaType(name: string): string | undefined {
  return MEDIA_TYPES[name.split(".").pop()?.toLowerCase() ?? ""];
}

/** An asset from raw bytes, or undefined (with a note) when it is not a kept image or is too big. */
export function bytesAsset(rawName: string, bytes: Uint8Array, notes: string[]): ImportedAsset | undefined {
  const name = assetName(rawName);
  const mediaType = imageMediaType(name);
  if (!name || !mediaType) {
    notes.push(`the file "${name || rawName}" was dropped: only PNG, JPEG, GIF and WebP images are kept`);
    return undefined;
  }
  if (bytes.length > ASSET_MAX_BYTES) {
    notes.push(`the image "${name}" was dropped: it has more than ${ASSET_MAX_BYTES / 1024 / 1024} MB`);
    return undefined;
  }
  return { name, mediaType, bytes };
}

/** An asset from base64 text (Moodle's <file encoding="base64">). */
export function imageAsset(rawName: string, base64: string, notes: string[]): ImportedAsset | undefined {
  const compact = base64.replace(/\s+/g, "");
  if (compact.length > (ASSET_MAX_BYTES * 4) / 3 + 4)
    return bytesAsset(rawName, new Uint8Array(ASSET_MAX_BYTES + 1), notes);
  return bytesAsset(rawName, new Uint8Array(Buffer.from(compact, "base64")), notes);
}
