import { findCertification } from "../catalog/catalog.js";
import type { Catalog } from "../catalog/catalog-types.js";
import type { IsoDate } from "../dates.js";
import { blueprintFor, largestRemainder } from "../exam/blueprint.js";
import { examRealism, type RealismFigures } from "./bank-realism.js";
import { isServed, type Question } from "./question-types.js";
import { unsafeFields } from "./text-safety.js";

/** A question with its location, for file:line messages. */
export interface LocatedQuestion {
  question: Question;
  file: string;
  line: number;
  /** The line of a field inside the question (e.g. ["options", 2, "text"]), when the source is known. */
  lineOf?: (path: readonly (string | number)[]) => number;
  /** A draft's problems with the full question schema (what the loader found), reported with its lint findings. */
  draftProblems?: string[];
}

/** A lint finding at file:line; `line` 0 means the whole file or folder (an exam-level finding). */
export interface LintProblem {
  file: string;
  line: number;
  message: string;
}

/** A draft question: loaded and linted, never served; `problems` are what keep it a draft. */
export interface DraftReport {
  file: string;
  line: number;
  id: string;
  exam: string;
  problems: string[];
}

export interface LintOptions {
  /** Services each certification emphasises (advisor data), for the coverage figure. */
  emphasis?: Record<string, string[]>;
  /**
   * Run the realism checks (length and echo strategies, stem length, same-question pairs) and flag raw HTML;
   * default true. Without them (the build's check) only structure and dangerous text are refused.
   */
  realism?: boolean;
}

/** The folder (or file) all of an exam's questions come from, for exam-level findings. */
function commonPath(files: readonly string[]): string {
  const parts = files.map((f) => f.split("/"));
  const first = parts[0] ?? [];
  let n = 0;
  while (n < first.length - 1 && parts.every((p) => p[n] === first[n])) n++;
  return files.length === 1 || new Set(files).size === 1
    ? (files[0] ?? "")
    : first.slice(0, n).join("/") || ".";
}

export interface DomainCoverage {
  id: string;
  name: string;
  weight: number;
  count: number;
  /** Questions one full exam draws from this domain. */
  perForm: number;
  /** Enough for two full forms without a repeat. */
  twoForms: number;
}

export interface ExamSummary {
  exam: string;
  count: number;
  reviewed: number;
  fullFormSize: number;
  domains: DomainCoverage[];
  types: Record<string, number>;
  /** Services the exam emphasises (advisor data) and whether the bank tags any question with each. */
  serviceCoverage?: { covered: string[]; missing: string[] };
  /** What a test-wise candidate could score without knowledge, stem length, same-question pairs. */
  realism?: RealismFigures;
}

const WORDS: Record<string, number> = { two: 2, three: 3, four: 4, five: 5 };

/**
 * Content rules over a whole bank: structure, safe text, blueprint fit, unique ids, known services, and the
 * realism checks (errors in `problems`, per-question cues in `warnings`).
 */
export function lintBank(
  located: readonly LocatedQuestion[],
  catalog: Catalog,
  on: IsoDate,
  options: LintOptions = {},
): { problems: LintProblem[]; warnings: LintProblem[]; summaries: ExamSummary[]; drafts: DraftReport[] } {
  const { emphasis = {}, realism = true } = options;
  const problems: LintProblem[] = [];
  const warnings: LintProblem[] = [];
  const services = new Set(catalog.services.map((s) => s.slug));
  const ids = new Map<string, LocatedQuestion>();
  const byExam = new Map<string, LocatedQuestion[]>();

  const drafts: DraftReport[] = [];

  for (const lq of located) {
    const { question: q, file, line } = lq;
    // A draft's findings describe what keeps it a draft; they do not fail the bank (it is never served).
    const draft: DraftReport | undefined = isServed(q)
      ? undefined
      : { file, line, id: q.id, exam: q.exam, problems: [...(lq.draftProblems ?? [])] };
    if (draft) drafts.push(draft);
    const at = (message: string) =>
      draft ? draft.problems.push(message) : problems.push({ file, line, message: `${q.id}: ${message}` });
    const other = ids.get(q.id);
    if (other) at(`duplicate id (also at ${other.file}:${other.line})`);
    else ids.set(q.id, lq);
    if (!draft) {
      const list = byExam.get(q.exam) ?? [];
      list.push(lq);
      byExam.set(q.exam, list);
    } else draftFit(draft, q, catalog, on);
    for (const s of q.services)
      if (!services.has(s)) at(`unknown service "${s}" (see content/services.yaml)`);
    for (const u of unsafeFields(q))
      if (draft && u.kind !== "danger") draft.problems.push(u.message);
      else if (realism || u.kind === "danger")
        problems.push({ file, line: lq.lineOf?.(u.path) ?? line, message: `${q.id}: ${u.message}` });

    if (q.type === "multiple-choice" || q.type === "multiple-response") {
      const optionIds = q.options.map((o) => o.id);
      if (new Set(optionIds).size !== optionIds.length) at("two options share an id");
      const correct = q.options.filter((o) => o.correct).length;
      if (q.type === "multiple-choice") {
        if (q.options.length < 4) at(`multiple choice needs at least 4 options, has ${q.options.length}`);
        if (correct !== 1) at(`multiple choice needs exactly 1 correct option, has ${correct}`);
      } else {
        if (q.options.length < 5) at(`multiple response needs at least 5 options, has ${q.options.length}`);
        if (correct !== q.select) at(`select is ${q.select} but ${correct} options are marked correct`);
        const m = /choose\s+(two|three|four|five|\d)/i.exec(q.stem);
        const n = m?.[1] ? (WORDS[m[1].toLowerCase()] ?? Number(m[1])) : undefined;
        if (n !== q.select)
          at(
            `the stem must say how many to choose ("Choose ${["", "", "TWO", "THREE", "FOUR", "FIVE"][q.select] ?? q.select}.")`,
          );
      }
    } else if (q.type === "ordering") {
      if (q.items.length < 3 || q.items.length > 5) at(`ordering needs 3 to 5 items, has ${q.items.length}`);
      if (new Set(q.items.map((i) => i.id)).size !== q.items.length) at("two items share an id");
    } else {
      if (q.prompts.length < 3 || q.prompts.length > 7)
        at(`matching needs 3 to 7 prompts, has ${q.prompts.length}`);
      const opts = new Set(q.options.map((o) => o.id));
      if (opts.size !== q.options.length) at("two options share an id");
      for (const p of q.prompts)
        if (!opts.has(p.match)) at(`prompt "${p.id}" matches unknown option "${p.match}"`);
    }
  }

  problems.push(...caseStudyProblems(located.filter((lq) => isServed(lq.question))));

  const summaries: ExamSummary[] = [];
  for (const [exam, list] of [...byExam].sort(([a], [b]) => a.localeCompare(b))) {
    const match = findCertification(catalog, exam);
    if (!match) {
      for (const lq of list)
        problems.push({ file: lq.file, line: lq.line, message: `${lq.question.id}: unknown exam ${exam}` });
      continue;
    }
    const bp = blueprintFor(match.certification, on);
    if (bp.exam !== exam)
      for (const lq of list)
        problems.push({
          file: lq.file,
          line: lq.line,
          message: `${lq.question.id}: ${exam} is not the current exam version (${bp.exam})`,
        });
    const domainIds = new Set(bp.domains.map((d) => d.id));
    for (const lq of list) {
      const q = lq.question;
      if (!domainIds.has(q.domain))
        problems.push({
          file: lq.file,
          line: lq.line,
          message: q.domain
            ? `${q.id}: domain "${q.domain}" is not in the ${bp.exam} blueprint (domains ${[...domainIds].join(", ")})`
            : `${q.id}: no domain: set domain to one of ${[...domainIds].join(", ")} (certpath show ${bp.exam})`,
        });
      const allowed = bp.questionTypes as string[];
      if (allowed.length > 0 && !allowed.includes(q.type))
        problems.push({
          file: lq.file,
          line: lq.line,
          message: `${q.id}: ${bp.exam} does not use ${q.type} questions (${allowed.join(", ")})`,
        });
    }
    let figures: RealismFigures | undefined;
    if (realism) {
      const r = examRealism(
        list.map((lq) => lq.question),
        match.certification.level,
      );
      figures = r.figures;
      const folder = commonPath(list.map((lq) => lq.file));
      for (const f of r.findings) {
        const lq = f.index === undefined ? undefined : list[f.index];
        const to = f.severity === "error" ? problems : warnings;
        to.push(
          lq
            ? { file: lq.file, line: lq.line, message: `${lq.question.id}: ${f.message}` }
            : { file: folder, line: 0, message: `${exam}: ${f.message}` },
        );
      }
    }
    const perForm = largestRemainder(bp.questionCount, bp.domains);
    const types: Record<string, number> = {};
    for (const lq of list) types[lq.question.type] = (types[lq.question.type] ?? 0) + 1;
    const tagged = new Set(list.flatMap((lq) => lq.question.services));
    const emphasised = emphasis[match.certification.slug] ?? [];
    const summary: ExamSummary = {
      exam,
      count: list.length,
      reviewed: list.filter((lq) => lq.question.reviewedOn).length,
      fullFormSize: bp.questionCount,
      domains: bp.domains.map((d) => {
        const n = perForm.get(d.id) ?? 0;
        return {
          id: d.id,
          name: d.name,
          weight: d.weight,
          count: list.filter((lq) => lq.question.domain === d.id).length,
          perForm: n,
          twoForms: 2 * n,
        };
      }),
      types,
    };
    if (figures) summary.realism = figures;
    if (emphasised.length > 0)
      summary.serviceCoverage = {
        covered: emphasised.filter((s) => tagged.has(s)),
        missing: emphasised.filter((s) => !tagged.has(s)),
      };
    summaries.push(summary);
  }
  const order = (a: LintProblem, b: LintProblem) => a.file.localeCompare(b.file) || a.line - b.line;
  return {
    problems: problems.sort(order),
    warnings: warnings.sort(order),
    summaries,
    drafts: drafts.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line),
  };
}

/** A draft against its exam's current blueprint: known exam, a domain of the blueprint, a type the exam uses. */
function draftFit(draft: DraftReport, q: Question, catalog: Catalog, on: IsoDate): void {
  const match = findCertification(catalog, q.exam);
  if (!match) {
    draft.problems.push(`unknown exam ${q.exam}`);
    return;
  }
  const bp = blueprintFor(match.certification, on);
  const domains = bp.domains.map((d) => d.id);
  if (!domains.includes(q.domain))
    draft.problems.push(
      q.domain
        ? `domain "${q.domain}" is not in the ${bp.exam} blueprint (domains ${domains.join(", ")})`
        : `no domain: set domain to one of ${domains.join(", ")} (certpath show ${bp.exam})`,
    );
  const allowed = bp.questionTypes as string[];
  if (allowed.length > 0 && !allowed.includes(q.type))
    draft.problems.push(`${bp.exam} does not use ${q.type} questions (${allowed.join(", ")})`);
}

/** Case studies: one id names one scenario in a bank, and a case study is a set (at least two questions). */
function caseStudyProblems(located: readonly LocatedQuestion[]): LintProblem[] {
  const groups = new Map<string, LocatedQuestion[]>();
  for (const lq of located) {
    const c = lq.question.caseStudy;
    if (!c) continue;
    const key = `${lq.question.exam}/${c.id}`;
    groups.set(key, [...(groups.get(key) ?? []), lq]);
  }
  const problems: LintProblem[] = [];
  for (const list of groups.values()) {
    const first = list[0] as LocatedQuestion;
    const id = first.question.caseStudy?.id ?? "";
    const other = list.find((lq) => lq.question.caseStudy !== first.question.caseStudy);
    if (other)
      problems.push({
        file: other.file,
        line: other.line,
        message: `${other.question.id}: case study "${id}" is also defined in ${first.file}; give each case study its own id`,
      });
    if (list.length < 2)
      problems.push({
        file: first.file,
        line: first.line,
        message: `${first.question.id}: case study "${id}" has only this question; a case study shares its scenario with at least two`,
      });
  }
  return problems;
}
