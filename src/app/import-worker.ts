import { parentPort, workerData } from "node:worker_threads";
import type { SourceFile } from "../interop/interop-model.js";
import { convertFile } from "./import-convert.js";
import type { ImportOptions } from "./import-service.js";

// Converts one source file off the server's event loop (import jobs): the server keeps answering and
// renews the job's lease while a big file converts, and can stop a conversion that takes too long.
const { source, options } = workerData as { source: SourceFile; options: ImportOptions };
parentPort?.postMessage(convertFile(source, options));
