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

  /** Seconds the server asks to wait before trying again (429 Retry-After), when it said. */
  get retryAfter(): number | undefined {
    return typeof this.details.retryAfter === "number" ? this.details.retryAfter : undefined;
  }

  /** Suggested names (e.g. "SAA-C03 (Solutions Architect – Associate)"), when the server gave some. */
  get suggestions(): string[] {
    const s = this.details.suggestions;
    return Array.isArray(s) ? s.filter((x): x is string => typeof x === "string") : [];
  }
}

/** Any failure as an ApiError (a thrown non-API error becomes code "client"). */
export function asApiError(e: unknown): ApiError {
  return e instanceof ApiError ? e : new ApiError(0, "client", String(e));
}

/**
 * What a 401 means for one call. "sign-in" (the default): the session is missing or over, so the
 * browser goes to the sign-in page. "answer": the 401 is this call's own answer (wrong password, a
 * probe of who is signed in). "answer-unless-expired": its own answer, unless the server says the
 * session itself is gone (`auth.required`).
 */
export type On401 = "sign-in" | "answer" | "answer-unless-expired";

export interface RequestOptions extends RequestInit {
  on401?: On401;
}

let unauthorized: (() => void) | undefined;

/** Who handles "the session is gone" (the app sends the browser to sign-in); returns the undo. */
export function setUnauthorizedHandler(handler: () => void): () => void {
  unauthorized = handler;
  return () => {
    if (unauthorized === handler) unauthorized = undefined;
  };
}

/** Calls the API; a 4xx/5xx becomes an ApiError (with `retryAfter` seconds when the server sent one). */
export async function request<T>(path: string, init: RequestOptions = {}): Promise<T> {
  const { on401 = "sign-in", ...rest } = init;
  let res: Response;
  try {
    res = await fetch(path, { ...rest, headers: { "content-type": "application/json", ...rest.headers } });
  } catch {
    throw new ApiError(0, "network", "The certpath server cannot be reached. Is it still running?");
  }
  const body = res.status === 204 ? undefined : await res.json().catch(() => undefined);
  if (!res.ok) {
    const err = (
      body as { error?: { code?: string; message?: string } & Record<string, unknown> } | undefined
    )?.error;
    const { code, message, ...details } = err ?? {};
    const retryAfter = Number(res.headers.get("retry-after"));
    if (Number.isFinite(retryAfter) && retryAfter > 0) details.retryAfter = retryAfter;
    if (
      res.status === 401 &&
      (on401 === "sign-in" || (on401 === "answer-unless-expired" && code === "auth.required"))
    )
      unauthorized?.();
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
  /** `on401: "answer"` where the list only decorates a page a visitor may see (catalog, advisor). */
  exams: (on401?: On401) =>
    request<{ exams: { code: string; name: string; bankSize: number }[] }>("/api/exams", { on401 }),
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
