import type { IsoDate } from "../dates.js";

export const LEVELS = ["foundational", "associate", "professional", "specialty"] as const;
export type Level = (typeof LEVELS)[number];

export const STATUSES = ["active", "beta", "retired"] as const;
/** `upcoming` is internal: a certification that does not exist yet on the asked date is left out of lists. */
export type Status = (typeof STATUSES)[number] | "upcoming";

export const FOCUS_AREAS = [
  "cloud",
  "ai",
  "architecture",
  "development",
  "operations",
  "data",
  "machine-learning",
  "devops",
  "generative-ai",
  "networking",
  "security",
  "database",
  "sap",
] as const;
export type Focus = (typeof FOCUS_AREAS)[number];

export const QUESTION_TYPES = [
  "multiple-choice",
  "multiple-response",
  "ordering",
  "matching",
  "case-study",
] as const;
export type QuestionTypeName = (typeof QUESTION_TYPES)[number];

export interface Domain {
  id: string;
  name: string;
  weight: number;
  /** The exam guide's task statements for this domain, where the catalog has them. */
  tasks?: string[] | undefined;
}

export interface ExamVersion {
  code: string;
  availableFrom?: IsoDate | undefined;
  availableUntil?: IsoDate | undefined;
  betaFrom?: IsoDate | undefined;
  questions?: number | undefined;
  scoredQuestions?: number | undefined;
  durationMinutes?: number | undefined;
  priceUsd?: number | undefined;
  passingScore?: number | undefined;
  questionTypes: QuestionTypeName[];
  domains: Domain[];
  notes: string[];
  sources: string[];
}

export interface Successor {
  slug: string;
  official: boolean;
  note?: string | undefined;
}

export interface Certification {
  slug: string;
  name: string;
  shortName: string;
  level: Level;
  focus: Focus;
  summary: string;
  recommendedExperience: string;
  recertification: string;
  aliases: string[];
  formerNames: { name: string; until: IsoDate }[];
  successors: Successor[];
  notes: string[];
  sources: string[];
  verifiedOn: IsoDate;
  /** Oldest first. */
  versions: ExamVersion[];
}

export interface Service {
  slug: string;
  name: string;
  aliases: string[];
}

/** All catalog data, as loaded and validated from `content/`. */
export interface Catalog {
  certifications: Certification[];
  services: Service[];
}
