import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { packageRoot } from "../content/content-root.js";
import { questionBankJsonSchema } from "../content/question-schema.js";

// Writes docs/question-bank.schema.json from the zod schema (run after changing the question format).
const file = join(packageRoot(), "docs", "question-bank.schema.json");
writeFileSync(file, `${JSON.stringify(questionBankJsonSchema(), null, 2)}\n`);
console.log(`wrote ${file}`);
