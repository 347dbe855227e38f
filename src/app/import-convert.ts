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
