import type { ExportFormat, SourceFile } from "../interop/interop-model.js";
import type { BankWriter } from "./bank-export.js";
import type { ConvertedFile } from "./import-preview.js";
import type { ImportOptions } from "./import-service.js";

// Placeholder until the import pipeline (branch import-core) lands: every file is refused, said plainly.
export function convertFile(source: SourceFile, _options: ImportOptions): ConvertedFile {
  return {
    file: source.file,
    status: "refused",
    fatal: [
      {
        location: { file: source.file },
        message: "the import pipeline is not built yet",
        hint: "use a later version",
      },
    ],
    unsupported: [],
    questions: [],
  };
}

const none: BankWriter = () => ({ files: [], dropped: ["export is not built yet"] });
export const BANK_WRITERS: Record<ExportFormat, BankWriter> = {
  gift: none,
  "moodle-xml": none,
  qti: none,
  "udemy-csv": none,
};
