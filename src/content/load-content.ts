import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import type { AdvisorRules } from "../core/advisor/advisor-types.js";
import type { Catalog, Certification } from "../core/catalog/catalog-types.js";
import { examsFileSchema, rolesFileSchema, studyHoursFileSchema } from "./advisor-schema.js";
import { certificationSchema, servicesFileSchema } from "./catalog-schema.js";
import { ContentError, type ContentProblem } from "./content-error.js";
import { addTaskStatements } from "./task-statements.js";
import { readYaml, type YamlSource } from "./yaml-source.js";

/** Catalog and advisor rules, validated and cross-checked. */
export interface CoreContent {
  catalog: Catalog;
  rules: AdvisorRules;
}

function display(root: string, file: string): string {
  return relative(process.cwd(), file) || relative(root, file);
}

/** Files in content/ (outside questions/, which the bank loader scans) that are not YAML: an error, not silence. */
function strayFiles(root: string): ContentProblem[] {
  const out: ContentProblem[] = [];
  const visit = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      if (e.isDirectory()) {
        if (!(dir === root && e.name === "questions")) visit(path);
      } else if (!/\.ya?ml$/.test(e.name) && !e.name.startsWith(".") && !/\.md$/i.test(e.name))
        out.push({
          file: display(root, path),
          line: 1,
          message: `"${e.name}" is not a content file: content files end in .yaml (lower case); rename or remove it`,
        });
    }
  };
  visit(root);
  return out;
}

/** Loads `content/` (catalog, services, advisor rules); every problem is reported with file:line. */
export function loadCoreContent(root: string): CoreContent {
  const problems: ContentProblem[] = [];
  const attempt = <T>(fn: () => T): T | undefined => {
    try {
      return fn();
    } catch (e) {
      if (e instanceof ContentError) problems.push(...e.problems);
      else throw e;
      return undefined;
    }
  };
  const read = (file: string) => readFileSync(file, "utf8");
  problems.push(...strayFiles(root));

  const servicesFile = join(root, "services.yaml");
  const services =
    attempt(() => readYaml(display(root, servicesFile), read(servicesFile), servicesFileSchema))?.value
      .services ?? [];

  const catalogDir = join(root, "catalog");
  const certs: { cert: Certification; source: YamlSource }[] = [];
  // Slugs of files that fail validation still count as known, so one broken file gives one error, not a cascade.
  const brokenSlugs = new Set<string>();
  for (const name of readdirSync(catalogDir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()) {
    const file = join(catalogDir, name);
    const text = read(file);
    const r = attempt(() => readYaml(display(root, file), text, certificationSchema));
    if (r) certs.push({ cert: r.value as Certification, source: r.source });
    else brokenSlugs.add(/^slug:\s*([a-z0-9-]+)/m.exec(text)?.[1] ?? name.replace(/\.yaml$/, ""));
  }

  const advisorDir = join(root, "advisor");
  const rolesFile = join(advisorDir, "roles.yaml");
  const examsFile = join(advisorDir, "exams.yaml");
  const hoursFile = join(advisorDir, "study-hours.yaml");
  const roles = attempt(() => readYaml(display(root, rolesFile), read(rolesFile), rolesFileSchema));
  const exams = attempt(() => readYaml(display(root, examsFile), read(examsFile), examsFileSchema));
  const hours = attempt(() => readYaml(display(root, hoursFile), read(hoursFile), studyHoursFileSchema));

  // Cross-references: every slug, code and service named anywhere must exist, once.
  const slugs = new Set<string>(brokenSlugs);
  const codes = new Map<string, string>();
  const serviceSlugs = new Set(services.map((s) => s.slug));
  for (const { cert, source } of certs) {
    const at = (path: PropertyKey[], message: string) =>
      problems.push({ file: source.file, line: source.lineOf(path), message });
    if (slugs.has(cert.slug) && !brokenSlugs.has(cert.slug)) at(["slug"], `duplicate slug "${cert.slug}"`);
    slugs.add(cert.slug);
    if (!source.file.endsWith(`${cert.slug}.yaml`))
      at(["slug"], `slug "${cert.slug}" does not match the file name`);
    cert.versions.forEach((v, i) => {
      const other = codes.get(v.code);
      if (other) at(["versions", i, "code"], `exam code ${v.code} is also used by ${other}`);
      codes.set(v.code, cert.slug);
    });
  }
  for (const { cert, source } of certs) {
    cert.successors.forEach((s, i) => {
      if (!slugs.has(s.slug))
        problems.push({
          file: source.file,
          line: source.lineOf(["successors", i, "slug"]),
          message: `unknown successor "${s.slug}"`,
        });
    });
  }
  if (roles) {
    roles.value.roles.forEach((r, i) => {
      r.paths.forEach((p, j) => {
        p.steps.forEach((s, k) => {
          if (!slugs.has(s.replace(/\?$/, "")))
            problems.push({
              file: roles.source.file,
              line: roles.source.lineOf(["roles", i, "paths", j, "steps", k]),
              message: `unknown certification "${s}"`,
            });
        });
      });
      r.formerly.forEach((s, k) => {
        if (!slugs.has(s))
          problems.push({
            file: roles.source.file,
            line: roles.source.lineOf(["roles", i, "formerly", k]),
            message: `unknown certification "${s}"`,
          });
      });
    });
  }
  if (exams) {
    for (const [slug, rule] of Object.entries(exams.value.exams)) {
      const at = (path: PropertyKey[], message: string) =>
        problems.push({
          file: exams.source.file,
          line: exams.source.lineOf(["exams", slug, ...path]),
          message,
        });
      if (!slugs.has(slug)) at([], `unknown certification "${slug}"`);
      rule.services.forEach((s, i) => {
        if (!serviceSlugs.has(s)) at(["services", i], `unknown service "${s}"`);
      });
      rule.impliedBy.forEach((s, i) => {
        if (!serviceSlugs.has(s)) at(["impliedBy", i], `unknown service "${s}"`);
      });
      rule.prerequisites.forEach((s, i) => {
        if (!slugs.has(s)) at(["prerequisites", i], `unknown certification "${s}"`);
      });
    }
  }

  problems.push(
    ...addTaskStatements(
      root,
      certs.map((c) => c.cert),
      (f) => display(root, f),
    ),
  );

  if (problems.length > 0 || !roles || !exams || !hours) throw new ContentError(problems);
  return {
    catalog: { certifications: certs.map((c) => c.cert), services },
    rules: { roles: roles.value.roles, exams: exams.value.exams, hours: hours.value },
  };
}
