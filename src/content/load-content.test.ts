import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ContentError } from "./content-error.js";
import { contentRoot } from "./content-root.js";
import { loadCoreContent } from "./load-content.js";

function brokenCopy(file: string, edit: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), "certpath-content-"));
  for (const sub of ["catalog", "advisor"])
    cpSync(join(contentRoot(), sub), join(dir, sub), { recursive: true });
  cpSync(join(contentRoot(), "services.yaml"), join(dir, "services.yaml"));
  const target = join(dir, file);
  writeFileSync(target, edit(readFileSync(target, "utf8")));
  return dir;
}

function problemsOf(dir: string): string[] {
  try {
    loadCoreContent(dir);
  } catch (e) {
    if (e instanceof ContentError)
      return e.problems.map((p) => `${p.file.split("/").slice(-2).join("/")}:${p.line}: ${p.message}`);
    throw e;
  }
  return [];
}

describe("content loading", () => {
  it("loads the shipped content without problems", () => {
    const c = loadCoreContent(contentRoot());
    expect(c.catalog.certifications).toHaveLength(16);
    expect(c.rules.roles.length).toBeGreaterThanOrEqual(15);
  });

  it("reports a wrong domain weight with file and line", () => {
    const dir = brokenCopy("catalog/solutions-architect-associate.yaml", (t) =>
      t.replace("weight: 30", "weight: 31"),
    );
    const problems = problemsOf(dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^catalog\/solutions-architect-associate\.yaml:\d+: versions\.\d+\.domains: domain weights sum to 101, not 100$/,
    );
  });

  it("reports a YAML syntax error and an unknown key with their lines", () => {
    const syntax = problemsOf(
      brokenCopy("catalog/cloud-practitioner.yaml", (t) =>
        t.replace("level: foundational", "level: [foundational"),
      ),
    );
    expect(syntax[0]).toMatch(/^catalog\/cloud-practitioner\.yaml:\d+: /);
    const dir = brokenCopy("catalog/cloud-practitioner.yaml", (t) => `${t}\ncolour: blue\n`);
    const unknown = problemsOf(dir);
    const line =
      readFileSync(join(dir, "catalog/cloud-practitioner.yaml"), "utf8").split("\n").indexOf("colour: blue") +
      1;
    expect(unknown).toEqual([`catalog/cloud-practitioner.yaml:${line}: unknown key(s) "colour"`]);
  });

  it("reports an advisor path naming a certification that does not exist", () => {
    const dir = brokenCopy("advisor/roles.yaml", (t) =>
      t.replace("steps: [cloud-practitioner]", "steps: [cloud-practishioner]"),
    );
    const problems = problemsOf(dir);
    const line =
      readFileSync(join(dir, "advisor/roles.yaml"), "utf8")
        .split("\n")
        .findIndex((l) => l.includes("cloud-practishioner")) + 1;
    expect(problems).toEqual([`advisor/roles.yaml:${line}: unknown certification "cloud-practishioner"`]);
  });
});
