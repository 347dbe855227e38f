import type { Level } from "../catalog/catalog-types.js";
import type { Question } from "./question-types.js";
import { median, wordCount } from "./text-tokens.js";

/** Median stem words an exam's bank should reach, per certification level (real exams' scenario length). */
export const STEM_WORD_TARGETS: Record<Level, number> = {
  foundational: 40,
  associate: 65,
  professional: 100,
  specialty: 100,
};

/** A stated constraint: what makes one plausible option the best ("LEAST operational overhead", compliance, latency…). */
const CONSTRAINT =
  /\b(least|most|lowest|highest|minimi[sz]e|maximi[sz]e|fewest|cost-effective|operational (overhead|effort)|without|must|comply|compliance|complian|latency|within|no more than|at most|at least|regulat\w*|encrypt\w*|highly available|downtime|rto|rpo|existing)\b/i;

/** True when a stem states a requirement that ranks otherwise plausible options. */
export function statesConstraint(stem: string): boolean {
  return CONSTRAINT.test(stem);
}

export interface StemFigures {
  medianWords: number;
  target: number;
  /** Share of questions whose stem states a constraint. */
  constraintShare: number;
}

/** Median stem length against the level's target, and the share of stems with a stated constraint. */
export function stemFigures(questions: readonly Question[], level: Level): StemFigures {
  const n = questions.length;
  return {
    medianWords: median(questions.map((q) => wordCount(q.stem))),
    target: STEM_WORD_TARGETS[level],
    constraintShare: n ? questions.filter((q) => statesConstraint(q.stem)).length / n : 0,
  };
}
