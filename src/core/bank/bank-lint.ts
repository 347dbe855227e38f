import { findCertification } from "../catalog/catalog.js";
import type { Catalog } from "../catalog/catalog-types.js";
import type { IsoDate } from "../dates.js";
import { blueprintFor, largestRemainder } from "../exam/blueprint.js";
import type { Question } from "./question-types.js";

/** A question with its location, for file:line messages. */
export interface LocatedQuestion {
  question: Question;
  file: string;
  line: number;
}

export interface LintProblem {
  file: string;
  line: number;
  message: string;
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
}

const WORDS: Record<string, number> = { two: 2, three: 3, four: 4, five: 5 };
/** Similarity above which two stems of one exam count as near-duplicates. */
export const NEAR_DUPLICATE_THRESHOLD = 0.6;

function shingles(text: string): Set<string> {
  const words = text
    .toLowerCase()
    .replace(/[^a-z0-9 ]+/g, " ")
    .split(/\s+/)
    .filter((w) => w.length > 2);
  const out = new Set<string>();
  for (let i = 0; i + 2 < words.length; i++) out.add(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
  return out;
}

function jaccard(x: ReadonlySet<string>, y: ReadonlySet<string>): number {
  if (x.size === 0 || y.size === 0) return 0;
  let inter = 0;
  for (const s of x) if (y.has(s)) inter++;
  return inter / (x.size + y.size - inter);
}

/** Jaccard similarity of word 3-grams: 1 for the same text, near 0 for unrelated stems. */
export function stemSimilarity(a: string, b: string): number {
  return jaccard(shingles(a), shingles(b));
}

/** Content rules over a whole bank: structure, blueprint fit, unique ids, near-duplicate stems, known services. */
export function lintBank(
  located: readonly LocatedQuestion[],
  catalog: Catalog,
  on: IsoDate,
  emphasis: Record<string, string[]> = {},
): { problems: LintProblem[]; summaries: ExamSummary[] } {
  const problems: LintProblem[] = [];
  const services = new Set(catalog.services.map((s) => s.slug));
  const ids = new Map<string, LocatedQuestion>();
  const byExam = new Map<string, LocatedQuestion[]>();

  for (const lq of located) {
    const { question: q, file, line } = lq;
    const at = (message: string) => problems.push({ file, line, message: `${q.id}: ${message}` });
    const other = ids.get(q.id);
    if (other) at(`duplicate id (also at ${other.file}:${other.line})`);
    else ids.set(q.id, lq);
    const list = byExam.get(q.exam) ?? [];
    list.push(lq);
    byExam.set(q.exam, list);
    for (const s of q.services)
      if (!services.has(s)) at(`unknown service "${s}" (see content/services.yaml)`);

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
          message: `${q.id}: domain "${q.domain}" is not in the ${bp.exam} blueprint (domains ${[...domainIds].join(", ")})`,
        });
      const allowed = bp.questionTypes as string[];
      if (allowed.length > 0 && !allowed.includes(q.type))
        problems.push({
          file: lq.file,
          line: lq.line,
          message: `${q.id}: ${bp.exam} does not use ${q.type} questions (${allowed.join(", ")})`,
        });
    }
    // Near-duplicates: compare every pair of stems of one exam.
    const sh = list.map((lq) => shingles(lq.question.stem));
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++) {
        const sim = jaccard(sh[i] as Set<string>, sh[j] as Set<string>);
        if (sim >= NEAR_DUPLICATE_THRESHOLD) {
          const a = list[i] as LocatedQuestion;
          const b = list[j] as LocatedQuestion;
          problems.push({
            file: b.file,
            line: b.line,
            message: `${b.question.id}: stem is a near-duplicate of ${a.question.id} (${a.file}:${a.line}, similarity ${sim.toFixed(2)})`,
          });
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
    if (emphasised.length > 0)
      summary.serviceCoverage = {
        covered: emphasised.filter((s) => tagged.has(s)),
        missing: emphasised.filter((s) => !tagged.has(s)),
      };
    summaries.push(summary);
  }
  problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  return { problems, summaries };
}
