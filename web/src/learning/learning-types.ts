// Shapes of the learning-loop API (src/server/learning-routes.ts); the web app talks to the API only.
import type { Readiness as CoreReadiness, DomainReadiness } from "../../../src/core/learning/readiness.js";

/** `GET /api/readiness/{exam}`: the core's estimate with the exam's name and one sentence of advice. */
export type Readiness = CoreReadiness & { name: string; advice: string };
export type { DomainReadiness };

export type Activity = "study" | "review" | "practice-exam" | "drill";

export interface PlanSession {
  key: string;
  date: string;
  minutes: number;
  activity: Activity;
  exam: string;
  domains: string[];
  questions?: number;
  title: string;
  tasks: string[];
  references: string[];
  /** The body of POST /api/attempts that starts this session's attempt. */
  start?: { exam: string; mode: "exam" | "drill" | "review"; domains?: string[]; count?: number };
  command?: string;
  done: boolean;
}

/** `POST /api/plans`, `GET /api/plans/{id}`. */
export interface Plan {
  id: string;
  version: number;
  createdAt: string;
  exams: string[];
  startDate: string;
  targetDate: string;
  hoursPerWeek: number;
  feasible: boolean;
  neededHoursPerWeek: number;
  examDates: { exam: string; date: string }[];
  weeks: { start: string; minutes: number; sessions: PlanSession[] }[];
  warnings: string[];
}

export interface PlanSummary {
  id: string;
  exams: string[];
  targetDate: string;
  hoursPerWeek: number;
  createdAt: string;
}

export interface PlanRequest {
  exam?: string;
  path?: string[];
  targetDate: string;
  hoursPerWeek: number;
  startDate?: string;
}

/** `GET /api/reviews?exam=`. */
export interface Reviews {
  exam: string;
  today: string;
  examDate: string | null;
  due: number;
  cards: { questionId: string; domain: string; due: string; dueNow: boolean }[];
}
