import type { Advice } from "../../src/core/advisor/advisor-types.js";
import type { CertificationDetail, CertificationSummary } from "../../src/core/catalog/catalog-view.js";
import type {
  AuthorItems,
  FiledReport,
  QuestionReport,
  ReportInput,
  ReportStatus,
  ResolveInput,
} from "./author/author-types.js";
import type {
  AnswerInput,
  AttemptView,
  Feedback,
  HistoryItem,
  Report,
  Review,
  StartInput,
} from "./exam/exam-types.js";
import type { Plan, PlanRequest, PlanSummary, Readiness, Reviews } from "./learning/learning-types.js";

export type { Advice, CertificationDetail, CertificationSummary };

export interface Vocabulary {
  roles: { id: string; label: string; synonyms: string[] }[];
  services: { slug: string; name: string }[];
  certifications: { code: string; shortName: string; level: string; status: string }[];
}

/** An API error as the server sends it: `{"error": {"code", "message"}}`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Whatever else the error carried: `suggestions`, `field`, `exam`, `successors`… */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }

  /** The input field a 400 names, when it names one. */
  get field(): string | undefined {
    return typeof this.details.field === "string" ? this.details.field : undefined;
  }

  /** Suggested names (e.g. "SAA-C03 (Solutions Architect – Associate)"), when the server gave some. */
  get suggestions(): string[] {
    const s = this.details.suggestions;
    return Array.isArray(s) ? s.filter((x): x is string => typeof x === "string") : [];
  }
}

export async function request<T>(path: string, init?: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { ...init, headers: { "content-type": "application/json", ...init?.headers } });
  } catch {
    throw new ApiError(0, "network", "The certpath server cannot be reached. Is it still running?");
  }
  const body = await res.json().catch(() => undefined);
  if (!res.ok) {
    const err = (
      body as { error?: { code?: string; message?: string } & Record<string, unknown> } | undefined
    )?.error;
    const { code, message, ...details } = err ?? {};
    throw new ApiError(res.status, code ?? "http", message ?? `The server answered ${res.status}.`, details);
  }
  return body as T;
}

export const api = {
  certifications: (query: Record<string, string | undefined> = {}) => {
    const params = new URLSearchParams(
      Object.entries(query).filter((e): e is [string, string] => Boolean(e[1])),
    );
    const qs = params.toString();
    return request<{ certifications: CertificationSummary[] }>(`/api/certifications${qs ? `?${qs}` : ""}`);
  },
  certification: (id: string) =>
    request<CertificationDetail & { matchNote?: string }>(`/api/certifications/${encodeURIComponent(id)}`),
  vocabulary: () => request<Vocabulary>("/api/advisor/vocabulary"),
  advice: (profile: Record<string, unknown>) =>
    request<Advice>("/api/advice", { method: "POST", body: JSON.stringify(profile) }),
  // Practice exams (src/server/attempt-routes.ts).
  exams: () => request<{ exams: { code: string; name: string; bankSize: number }[] }>("/api/exams"),
  startAttempt: (input: StartInput) =>
    request<AttemptView>("/api/attempts", { method: "POST", body: JSON.stringify(input) }),
  attempt: (id: string) => request<AttemptView>(`/api/attempts/${encodeURIComponent(id)}`),
  saveAnswer: (id: string, questionId: string, input: AnswerInput) =>
    request<Feedback>(`/api/attempts/${encodeURIComponent(id)}/answers/${encodeURIComponent(questionId)}`, {
      method: "PUT",
      body: JSON.stringify(input),
    }),
  submit: (id: string) =>
    request<Report>(`/api/attempts/${encodeURIComponent(id)}/submit`, { method: "POST" }),
  review: (id: string) => request<Review>(`/api/attempts/${encodeURIComponent(id)}/review`),
  history: () => request<{ attempts: HistoryItem[] }>("/api/attempts"),
  // Learning loop (src/server/learning-routes.ts).
  readiness: (exam: string) => request<Readiness>(`/api/readiness/${encodeURIComponent(exam)}`),
  reviews: (exam: string) => request<Reviews>(`/api/reviews?exam=${encodeURIComponent(exam)}`),
  plans: () => request<{ plans: PlanSummary[] }>("/api/plans"),
  plan: (id: string) => request<Plan>(`/api/plans/${encodeURIComponent(id)}`),
  createPlan: (input: PlanRequest) =>
    request<Plan>("/api/plans", { method: "POST", body: JSON.stringify(input) }),
  // Question reports and item statistics (src/server/item-routes.ts).
  reportQuestion: (attemptId: string, questionId: string, input: ReportInput) =>
    request<FiledReport>(
      `/api/attempts/${encodeURIComponent(attemptId)}/questions/${encodeURIComponent(questionId)}/reports`,
      { method: "POST", body: JSON.stringify(input) },
    ),
  authorItems: (exam: string | undefined, all: boolean) =>
    request<AuthorItems>(`/api/author/items?all=${all}${exam ? `&exam=${encodeURIComponent(exam)}` : ""}`),
  authorReports: (status: ReportStatus, exam?: string) =>
    request<{ reports: QuestionReport[] }>(
      `/api/author/reports?status=${status}${exam ? `&exam=${encodeURIComponent(exam)}` : ""}`,
    ),
  resolveReport: (id: string, input: ResolveInput) =>
    request<QuestionReport>(`/api/author/reports/${encodeURIComponent(id)}/resolve`, {
      method: "POST",
      body: JSON.stringify(input),
    }),
};

/** Where a plan's iCalendar file downloads from. */
export const planCalendarUrl = (id: string) => `/api/plans/${encodeURIComponent(id)}/calendar.ics`;
