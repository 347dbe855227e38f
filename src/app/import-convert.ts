import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { importSources } from "../interop/import-pipeline.js";
import type { SourceFile } from "../interop/interop-model.js";
import type { ConvertedFile } from "./import-preview.js";
import type { ImportOptions } from "./import-service.js";

export { WRITERS as BANK_WRITERS } from "../interop/writers.js";

/** One chunk of an import job: one source file through the import pipeline (the CLI's importSources). */
export function convertFile(source: SourceFile, options: ImportOptions): ConvertedFile {
  const outcome = importSources([source], options).files[0];
  if (!outcome) throw new Error(`the import pipeline returned nothing for ${source.file}`);
  return outcome;
}

// Built, this module sits in dist/app/ or in a shared chunk (dist/chunks/); the worker is dist/app/import-worker.js.
const workerFile = ["../app/import-worker.js", "./import-worker.js"]
  .map((p) => fileURLToPath(new URL(p, import.meta.url)))
  .find((f) => existsSync(f));

/**
 * Converts one file in a worker thread when the built worker exists (dist/), so a large file never
 * blocks the server; `signal` stops it. From the TypeScript sources (tests) it converts in-process.
 */
export function convertFileOffThread(
  source: SourceFile,
  options: ImportOptions,
  signal?: AbortSignal,
): Promise<ConvertedFile> {
  if (!workerFile) return Promise.resolve(convertFile(source, options));
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerFile, { workerData: { source, options } });
    const stop = () => void worker.terminate();
    signal?.addEventListener("abort", stop, { once: true });
    let done = false;
    worker.once("message", (m: ConvertedFile) => {
      done = true;
      resolve(m);
      void worker.terminate();
    });
    worker.once("error", (e) => {
      done = true;
      reject(e);
    });
    worker.once("exit", () => {
      signal?.removeEventListener("abort", stop);
      if (!done) reject(signal?.aborted ? signal.reason : new Error("the import worker stopped"));
    });
  });
}
