import { afterAll, beforeAll } from "vitest";
import { localActor } from "../app/policy.js";
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
  const call = async (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: Json; headers: globalThis.Headers }> => {
    const res = await state.app.request(path, {
      method,
      headers: { "content-type": "application/json", ...headers },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
    const text = await res.text();
    return {
      status: res.status,
      body: (text ? JSON.parse(text) : {}) as Json,
      headers: res.headers as globalThis.Headers,
    };
  };
  /** Adds an account straight through the use case (as `certpath users add` does). */
  const addUser = async (
    email: string,
    role: "learner" | "lead" | "author" | "admin",
    options: { team?: string; password?: string } = {},
  ) => {
    const exam = state.exam as ExamContext;
    await exam.accounts.addUser(localActor(), {
      email,
      role,
      password: options.password ?? `${email} long password`,
      ...(options.team ? { team: options.team } : {}),
    });
  };
  /** Signs in and returns the Cookie header value for the session. */
  const signIn = async (email: string, password = `${email} long password`) => {
    const r = await call("POST", "/api/session", { email, password });
    if (r.status !== 204)
      throw new Error(`sign-in of ${email} failed: ${r.status} ${JSON.stringify(r.body)}`);
    const cookie = (r.headers.get("set-cookie") ?? "").split(";")[0] as string;
    return { cookie };
  };
  return { state, call, addUser, signIn };
}
