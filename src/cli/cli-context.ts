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
  options: { databaseUrl?: string | undefined; readOnly?: boolean; as?: string | undefined },
): Promise<ExamContext> {
  const questions = terminalSafeDeep(await loadQuestionBank(ctx));
  const exam = await openExamContext(ctx, { ...options, questions });
  try {
    // With accounts, the CLI works on one account's records (the operator can open the database anyway).
    const actor = await exam.accounts.cliActor(options.as ?? (process.env.CERTPATH_USER || undefined));
    return { ...exam, actor, learner: actor.learner };
  } catch (e) {
    await exam.close();
    throw e;
  }
}
