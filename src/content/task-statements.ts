import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import type { Certification } from "../core/catalog/catalog-types.js";
import { isoDate } from "./catalog-schema.js";
import { ContentError, type ContentProblem } from "./content-error.js";
import { readYaml } from "./yaml-source.js";

/** `content/task-statements/<EXAM>.yaml`: the exam guide's task statements per domain of one exam version. */
export const taskStatementsFileSchema = z.strictObject({
  exam: z.string().regex(/^[A-Z]{3}-[A-Z][0-9]{2}$/, "an exam code such as SAA-C03"),
  source: z.url({ protocol: /^https$/, message: "must be an https URL of the AWS exam guide" }),
  verifiedOn: isoDate,
  domains: z.record(z.string().regex(/^[0-9]+$/), z.array(z.string().min(5).max(300)).min(1).max(20)),
});

/**
 * Reads the task-statement files and adds each statement list to its exam version's domain (in place),
 * reporting unknown exams and domains with file:line. A missing folder is no error: statements are optional.
 */
export function addTaskStatements(
  root: string,
  certs: readonly Certification[],
  display: (file: string) => string,
): ContentProblem[] {
  const dir = join(root, "task-statements");
  if (!existsSync(dir)) return [];
  const problems: ContentProblem[] = [];
  const versions = new Map(certs.flatMap((c) => c.versions.map((v) => [v.code, v] as const)));
  for (const name of readdirSync(dir).sort()) {
    const file = join(dir, name);
    if (!name.endsWith(".yaml")) {
      problems.push({
        file: display(file),
        line: 1,
        message: "only .yaml files belong in content/task-statements",
      });
      continue;
    }
    try {
      const { value, source } = readYaml(display(file), readFileSync(file, "utf8"), taskStatementsFileSchema);
      const version = versions.get(value.exam);
      if (!version) {
        problems.push({
          file: source.file,
          line: source.lineOf(["exam"]),
          message: `unknown exam code "${value.exam}"`,
        });
        continue;
      }
      if (name !== `${value.exam}.yaml`)
        problems.push({
          file: source.file,
          line: source.lineOf(["exam"]),
          message: `exam ${value.exam} belongs in ${value.exam}.yaml`,
        });
      for (const [id, tasks] of Object.entries(value.domains)) {
        const domain = version.domains.find((d) => d.id === id);
        if (domain) domain.tasks = tasks;
        else
          problems.push({
            file: source.file,
            line: source.lineOf(["domains", id]),
            message: `${value.exam} has no domain "${id}" (domains: ${version.domains.map((d) => d.id).join(", ")})`,
          });
      }
    } catch (e) {
      if (e instanceof ContentError) problems.push(...e.problems);
      else throw e;
    }
  }
  return problems;
}
