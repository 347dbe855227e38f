import { cpSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Question } from "../core/bank/question-types.js";
import { contentRoot } from "./content-root.js";
import { loadQuestionsFast } from "./content-snapshot.js";

const saved = { content: process.env.CERTPATH_CONTENT, cache: process.env.CERTPATH_CACHE_DIR };
const root = mkdtempSync(join(tmpdir(), "certpath-cached-content-"));
const cache = mkdtempSync(join(tmpdir(), "certpath-cache-"));
beforeAll(() => {
  cpSync(contentRoot(), root, { recursive: true });
  process.env.CERTPATH_CONTENT = root;
  process.env.CERTPATH_CACHE_DIR = cache;
});
afterAll(() => {
  for (const [k, v] of [
    ["CERTPATH_CONTENT", saved.content],
    ["CERTPATH_CACHE_DIR", saved.cache],
  ] as const)
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
});

describe("start-up cache for CERTPATH_CONTENT, keyed by the files' hashes", () => {
  it("checks the files once, reads the cache on the next start, and checks again after any change", async () => {
    let checks = 0;
    const load = async () => {
      checks++;
      return [{ id: `bank-${checks}` } as unknown as Question];
    };
    expect((await loadQuestionsFast(load))[0]?.id).toBe("bank-1");
    expect((await loadQuestionsFast(load))[0]?.id).toBe("bank-1");
    expect(checks).toBe(1);
    expect(readdirSync(cache).filter((f) => f.endsWith(".json"))).toHaveLength(1);
    // Same size, other content: a size or mtime fingerprint could miss it, a hash does not.
    const file = join(root, "questions", "CLF-C02", "d1-a.yaml");
    const { readFileSync } = await import("node:fs");
    writeFileSync(file, readFileSync(file, "utf8").replace("verifiedOn: 2026", "verifiedOn: 2025"));
    expect((await loadQuestionsFast(load))[0]?.id).toBe("bank-2");
    // A new file (even one the loader will refuse) is a change too.
    writeFileSync(join(root, "questions", "CLF-C02", "extra.YAML"), "x: 1\n");
    expect((await loadQuestionsFast(load))[0]?.id).toBe("bank-3");
    expect(checks).toBe(3);
  });

  it("caches nothing when the check fails", async () => {
    const failing = async (): Promise<Question[]> => {
      throw new Error("content problems");
    };
    writeFileSync(join(root, "questions", "CLF-C02", "another.yaml"), "broken: [\n");
    await expect(loadQuestionsFast(failing)).rejects.toThrow("content problems");
    await expect(loadQuestionsFast(failing)).rejects.toThrow("content problems");
  });
});
