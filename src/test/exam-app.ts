import { afterAll, beforeAll } from "vitest";
import {
  type AppContext,
  createContext,
  type ExamContext,
  loadQuestionBank,
  openExamContext,
} from "../compose.js";
import type { Question } from "../core/bank/question-types.js";
import { createApp } from "../server/app.js";
import { content } from "./fixtures.js";

// biome-ignore lint/suspicious/noExplicitAny: JSON bodies of the API under test
export type Json = Record<string, any>;

/**
 * The HTTP API in process over an in-memory database, with a clock the test moves by hand (the
 * server's clock is the only one that counts). Started before the file's tests, closed after.
 */
export function examApp(start = "2026-11-30T10:00:00Z") {
  const state = {
    clock: new Date(start),
    ctx: undefined as unknown as AppContext,
    exam: undefined as ExamContext | undefined,
    app: undefined as unknown as ReturnType<typeof createApp>,
    bank: new Map<string, Question>(),
  };
  beforeAll(async () => {
    state.ctx = await createContext({ content, now: () => state.clock });
    const questions = await loadQuestionBank(state.ctx);
    state.bank = new Map(questions.map((q) => [q.id, q]));
    state.exam = await openExamContext(state.ctx, { databaseUrl: ":memory:", questions });
    state.app = createApp(state.ctx, { exam: state.exam });
  });
  afterAll(() => state.exam?.close());
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await state.app.request(path, {
      method,
      headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Json };
  };
  return { state, call };
}
