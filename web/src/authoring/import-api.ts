import type { ImportJobView } from "../../../src/app/import-preview.js";
import { ApiError } from "../api.js";

export type ImportJob = ImportJobView;
export type { ImportPreview, PreviewFile, PreviewQuestion } from "../../../src/app/import-preview.js";

/** Formats the import reads and the export writes, with the names authors know them by. */
export const IMPORT_FORMAT_LABELS: Record<string, string> = {
  gift: "GIFT (Moodle)",
  "moodle-xml": "Moodle XML",
  qti: "IMS QTI 2.1 / 3.0 (XML or zip package)",
  "udemy-csv": "Udemy bulk-upload CSV",
  aiken: "Aiken",
  markdown: "Markdown (checkbox lists, “Correct answer: B”)",
};
export const EXPORT_FORMAT_LABELS: Record<string, string> = {
  gift: "GIFT (Moodle)",
  "moodle-xml": "Moodle XML",
  qti: "IMS QTI 3.0 package (zip)",
  "udemy-csv": "Udemy bulk-upload CSV",
};

async function failure(res: Response): Promise<ApiError> {
  const body = (await res.json().catch(() => undefined)) as
    | { error?: { code?: string; message?: string } & Record<string, unknown> }
    | undefined;
  const { code, message, ...details } = body?.error ?? {};
  return new ApiError(res.status, code ?? "http", message ?? `The server answered ${res.status}.`, details);
}

/**
 * Uploads the files as multipart/form-data (the one upload route the server accepts it on), reporting
 * the share sent; resolves with the new job's id.
 */
export function uploadImport(form: FormData, onSent: (share: number) => void): Promise<{ id: string }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/author/imports");
    xhr.responseType = "text";
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onSent(e.loaded / e.total);
    };
    xhr.onerror = () =>
      reject(new ApiError(0, "network", "The certpath server cannot be reached. Is it still running?"));
    xhr.onload = () => {
      const res = new Response(xhr.responseText, { status: xhr.status });
      if (xhr.status === 202) res.json().then((b) => resolve(b as { id: string }), reject);
      else failure(res).then(reject, reject);
    };
    xhr.send(form);
  });
}

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { ...init, headers: { "content-type": "application/json", ...init?.headers } });
  } catch {
    throw new ApiError(0, "network", "The certpath server cannot be reached. Is it still running?");
  }
  if (!res.ok) throw await failure(res);
  return (await res.json()) as T;
}

export const importJob = (id: string) => call<ImportJob>(`/api/author/imports/${encodeURIComponent(id)}`);
export const confirmImport = (id: string) =>
  call<ImportJob>(`/api/author/imports/${encodeURIComponent(id)}/confirm`, { method: "POST" });

/** Fetches an export and hands it to the browser as a download under the server's file name. */
export async function downloadExport(exam: string, format: string): Promise<string> {
  let res: Response;
  try {
    res = await fetch(`/api/author/exports?${new URLSearchParams({ exam, format })}`);
  } catch {
    throw new ApiError(0, "network", "The certpath server cannot be reached. Is it still running?");
  }
  if (!res.ok) throw await failure(res);
  const name =
    /filename="([^"]+)"/.exec(res.headers.get("content-disposition") ?? "")?.[1] ?? `${exam}-${format}`;
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}
