import type { Level } from "../catalog/catalog-types.js";
import type { IsoDate } from "../dates.js";

export interface RolePath {
  name: string;
  /** Certification slugs; a trailing "?" marks an optional on-ramp. */
  steps: string[];
  why: string;
}

export interface Role {
  id: string;
  label: string;
  synonyms: string[];
  technical: boolean;
  /** The field the role works in (networking, security…), so its years can stand in for field experience. */
  field?: string | undefined;
  formerly: string[];
  paths: RolePath[];
}

/** A replacement for a retired certification chosen by who the person is (a manager is not sent to an engineering exam). */
export interface Replacement {
  roles: string[];
  slug: string;
  why: string;
}

export interface ExamRule {
  minAwsYears: number;
  /** The field whose own experience the exam guide asks for, and how many years. */
  field?: string | undefined;
  minFieldYears?: number | undefined;
  /** What this step adds to a path, finishing "… adds …" (e.g. "how services combine into resilient designs"). */
  adds?: string | undefined;
  services: string[];
  prerequisites: string[];
  impliedBy: string[];
  /** Certifications whose pass also renews this one (AWS's recertification table), besides itself. */
  renewedBy: string[];
  replacements: Replacement[];
}

export interface StudyHoursRules {
  baseHours: Record<Level, number>;
  experience: { below: number; factor: number; label: string }[];
  noItBackgroundFactor: number;
  overlapFactor: number;
  ranking: {
    goalPath: number;
    rolePath: number;
    wantedCertification: number;
    stackServiceCovered: number;
    missesTargetDate: number;
  };
  minimumHoursPerWeek: number;
  recertifyWithinDays: number;
  validityYears: number;
}

/** The advisor's rules, as loaded from `content/advisor/`. */
export interface AdvisorRules {
  roles: Role[];
  exams: Record<string, ExamRule>;
  hours: StudyHoursRules;
}

/** A certification the person holds, with the date it was earned when known. */
export interface HeldCertification {
  code: string;
  earnedOn?: IsoDate | undefined;
}

/** A learner's profile, already parsed: role ids resolved, numbers checked. */
export interface Profile {
  role: string;
  awsExperienceYears: number;
  /** Years in the field itself; null when not given (unknown, never 0). */
  fieldExperienceYears: number | null;
  itBackground: boolean;
  stack: string[];
  goal?: string | undefined;
  hoursPerWeek: number;
  held: HeldCertification[];
  want: string[];
  targetDate?: IsoDate | undefined;
}

export interface AdviceStep {
  code: string;
  slug: string;
  name: string;
  level: Level;
  reasons: string[];
  studyHours: number;
  weeks: number;
  startBy: IsoDate;
  finishBy: IsoDate;
  /** Where the certification is described, and its practice exam in the web app. */
  links: { certification: string; practice: string };
}

export interface Recommendation {
  title: string;
  /** Why this path, in a sentence (the path's own rationale). */
  rationale: string;
  /** Whether the path ends by the target date; absent without a target date. */
  meetsTargetDate?: boolean;
  path: AdviceStep[];
  totalHours: number;
  totalWeeks: number;
  finishBy?: IsoDate;
  summary: string;
}

export interface Advice {
  profile: Profile & { goal: string; today: IsoDate };
  recommendations: Recommendation[];
  warnings: string[];
  notes: string[];
}
