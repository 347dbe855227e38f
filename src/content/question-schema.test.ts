import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { packageRoot } from "./content-root.js";
import { questionBankJsonSchema } from "./question-schema.js";

describe("published JSON Schema", () => {
  it("docs/question-bank.schema.json is generated from the zod schema and up to date", () => {
    const published = JSON.parse(
      readFileSync(join(packageRoot(), "docs", "question-bank.schema.json"), "utf8"),
    );
    // Regenerate with: node dist/tools/write-json-schema.js
    expect(published).toEqual(questionBankJsonSchema());
  });
});
