import { api } from "./api.js";
import { useApi } from "./use-api.js";

/**
 * Exam codes that have a practice question bank, with their sizes; undefined while loading or when
 * unknown (a visitor who is not signed in on a server with accounts), so pages say nothing rather
 * than "no practice questions".
 */
export function usePracticeBanks(): Map<string, number> | undefined {
  // Only decorates the public catalog and advisor: a visitor without a session simply sees no bank sizes.
  const exams = useApi("exams", () => api.exams("answer"));
  return exams.state === "ready" ? new Map(exams.data.exams.map((e) => [e.code, e.bankSize])) : undefined;
}

/** The user's calendar date (the browser's time zone), as YYYY-MM-DD. */
export function localToday(): string {
  const d = new Date();
  const two = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}
