/** The four question types of AWS exams that certpath supports. */
export const QUESTION_KINDS = ["multiple-choice", "multiple-response", "ordering", "matching"] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

interface QuestionBase {
  id: string;
  exam: string;
  examGuide: string;
  domain: string;
  services: string[];
  stem: string;
  references: string[];
  verifiedOn: string;
  reviewedOn?: string | undefined;
  /** A deliberate variant of another question of the exam that asks something alike, and why both are kept. */
  variantOf?: { id: string; reason: string } | undefined;
  /** The case study this question belongs to: a scenario shared by several questions, each scored on its own. */
  caseStudy?: CaseStudy | undefined;
  /** For authors only (never shown to learners): an import's general feedback and what it approximated. */
  note?: string | undefined;
  /** A draft loads and is linted but is never served: not in exams, practice, drills, reviews or readiness. */
  draft?: boolean | undefined;
  /** A draft's problems as the importer wrote them (lint reports the current ones). */
  problems?: string[] | undefined;
}

/** A scenario shared by several questions (AWS case-study sets); the questions stay together in a form. */
export interface CaseStudy {
  id: string;
  title: string;
  scenario: string;
}

export interface ChoiceOption {
  id: string;
  text: string;
  correct: boolean;
  explanation: string;
}

export interface MultipleChoiceQuestion extends QuestionBase {
  type: "multiple-choice";
  options: ChoiceOption[];
}

export interface MultipleResponseQuestion extends QuestionBase {
  type: "multiple-response";
  select: number;
  options: ChoiceOption[];
}

export interface OrderingQuestion extends QuestionBase {
  type: "ordering";
  /** In the correct order. */
  items: { id: string; text: string; explanation: string }[];
}

export interface MatchingQuestion extends QuestionBase {
  type: "matching";
  prompts: { id: string; text: string; match: string; explanation: string }[];
  options: { id: string; text: string }[];
}

export type Question =
  | MultipleChoiceQuestion
  | MultipleResponseQuestion
  | OrderingQuestion
  | MatchingQuestion;

/** A learner's answer: chosen option ids (ordering: item ids in order), or prompt→option pairs for matching. */
export interface Answer {
  selected?: string[] | undefined;
  pairs?: [string, string][] | undefined;
}

/** Whether a question may be served to learners (drafts never are). */
export function isServed(q: Pick<QuestionBase, "draft">): boolean {
  return q.draft !== true;
}
