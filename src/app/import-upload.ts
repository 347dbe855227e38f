import type { SourceFile } from "../interop/interop-model.js";
import type { StoredUpload } from "../store/import-job-repository.js";
import type { ConvertedFile } from "./import-preview.js";

// How an import job's files are kept in the database: uploads as text or base64, outcomes with their
// assets as base64 (JSON holds no bytes).

/** Upload bounds (docs/interop.md): the whole upload, and how many files. */
export const UPLOAD_LIMITS = { totalBytes: 10 * 1024 * 1024, files: 50, nameChars: 200 } as const;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** Text files are kept as text, zip packages (QTI) as bytes. */
export function toUpload(name: string, bytes: Uint8Array): Omit<StoredUpload, "position"> {
  if (ZIP_MAGIC.every((b, i) => bytes[i] === b))
    return { name, encoding: "base64", content: Buffer.from(bytes).toString("base64") };
  return { name, encoding: "utf8", content: new TextDecoder("utf-8").decode(bytes).replace(/^\uFEFF/, "") };
}

export function toSource(u: StoredUpload): SourceFile {
  return u.encoding === "base64"
    ? { file: u.name, bytes: new Uint8Array(Buffer.from(u.content, "base64")) }
    : { file: u.name, text: u.content };
}

/** A file name as the author gave it, without folders or control characters, bounded. */
export function cleanName(name: string, i: number): string {
  const base = (name.split(/[\\/]/).pop() ?? "")
    .replace(/[\p{Cc}\p{Cf}]/gu, "")
    .trim()
    .slice(0, UPLOAD_LIMITS.nameChars);
  return base || `file-${i + 1}`;
}

/** A converted file as stored: its assets' bytes as base64. */
export function storedAssets(f: ConvertedFile): unknown {
  return { ...f, assets: f.assets?.map((a) => ({ ...a, bytes: Buffer.from(a.bytes).toString("base64") })) };
}

/** A stored file outcome with its assets' bytes back. */
export function reviveAssets(f: ConvertedFile): ConvertedFile {
  const assets = (f.assets ?? []) as unknown as { name: string; mediaType: string; bytes: string }[];
  return {
    ...f,
    assets: assets.map((a) => ({ ...a, bytes: new Uint8Array(Buffer.from(a.bytes, "base64")) })),
  };
}
