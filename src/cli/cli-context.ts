import {
  type AppContext,
  createContext,
  type ExamContext,
  loadQuestionBank,
  openExamContext,
} from "../compose.js";
import { terminalSafeDeep } from "./safe-text.js";

/** The CLI's context: content text (catalog, advisor rules) made terminal-safe once, at load. */
export async function cliContext(): Promise<AppContext> {
  const ctx = await createContext();
  return { ...ctx, catalog: terminalSafeDeep(ctx.catalog), rules: terminalSafeDeep(ctx.rules) };
}

/** Practice exams for the CLI, over a terminal-safe copy of the question bank. */
export async function cliExamContext(
  ctx: AppContext,
  options: { databaseUrl?: string | undefined },
): Promise<ExamContext> {
  const questions = terminalSafeDeep(await loadQuestionBank(ctx));
  return openExamContext(ctx, { ...options, questions });
}
