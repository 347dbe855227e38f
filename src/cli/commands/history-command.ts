import { cliContext, cliExamContext } from "../cli-context.js";
import { SHORT_ID } from "../exam/attempt-id.js";
import { printJson, style, table } from "../terminal.js";

/** "2026-03-01T14:03:27.000Z" → "2026-03-01 15:03" in the local time zone. */
function localMinute(iso: string): string {
  const d = new Date(iso);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

/** The learner's attempts, newest first. */
export async function historyCommand(opts: { json?: boolean; db?: string; as?: string }) {
  const ctx = await cliContext();
  const exam = await cliExamContext(ctx, { databaseUrl: opts.db, readOnly: true, as: opts.as });
  try {
    const history = await exam.exams.history(exam.learner);
    if (opts.json) return printJson(history);
    if (history.attempts.length === 0) {
      console.log(
        "No attempts yet. Start one with `certpath exam CLF-C02` (or any exam code from `certpath catalog`).",
      );
      return;
    }
    const rows = history.attempts.map((a) => [
      a.id.slice(0, SHORT_ID),
      a.exam,
      a.mode,
      localMinute(a.startedAt),
      a.status === "in-progress" ? style.yellow("in progress") : a.status,
      a.scaledScore === null ? "" : String(a.scaledScore),
      a.correct === null ? `-/${a.questions}` : `${a.correct}/${a.questions} (${a.percent}%)`,
      a.passed === null
        ? a.status === "submitted"
          ? style.dim("no verdict")
          : ""
        : a.passed
          ? style.green("pass")
          : style.red("fail"),
      a.timedOut ? "time ran out" : "",
    ]);
    console.log(table(["ID", "Exam", "Mode", "Started", "Status", "Score", "Correct", "Result", ""], rows));
    const open = history.attempts.find((a) => a.status === "in-progress");
    console.log(
      style.dim(
        `\n${open ? `Resume: certpath exam ${open.exam} --resume ${open.id.slice(0, SHORT_ID)} · ` : ""}Details: certpath review <ID>`,
      ),
    );
  } finally {
    await exam.close();
  }
}
