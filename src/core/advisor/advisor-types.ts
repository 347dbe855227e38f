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
  formerly: string[];
  paths: RolePath[];
}

export interface ExamRule {
  minAwsYears: number;
  services: string[];
  prerequisites: string[];
  impliedBy: string[];
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
}

export interface Recommendation {
  title: string;
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
