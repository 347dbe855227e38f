import { performance } from "node:perf_hooks";
import { emitKeypressEvents } from "node:readline";
import type { ExamService } from "../../app/exam-service.js";
import { ConflictError, DomainError } from "../../core/errors.js";
import { paint, renderScreen } from "./exam-screen.js";
import { type AttemptView, type Effect, handleKey, initialState, type Key } from "./exam-state.js";
import type { ScoreReportView } from "./report-text.js";

export type SessionOutcome =
  | { kind: "submitted"; report: ScoreReportView; timedOut: boolean }
  | { kind: "left"; secondsLeft: number | null; pendingError?: string };

export interface SessionStreams {
  input: NodeJS.ReadStream;
  output: NodeJS.WriteStream;
}

// Alternate screen, hidden cursor; restored on every way out.
const ENTER = "\x1b[?1049h\x1b[?25l\x1b[2J";
const LEAVE = "\x1b[0m\x1b[?25h\x1b[?1049l";
// Terminals that know synchronized output paint a frame at once; others ignore the mode.
const BEGIN_FRAME = "\x1b[?2026h";
const END_FRAME = "\x1b[?2026l";
/** How often the time left is checked against the server (which owns the clock). */
const RESYNC_SECONDS = 30;

/**
 * Runs the interactive exam until the learner submits, leaves, or the time runs out. Every change is
 * saved through `exams.answer` at once, in order, so leaving or a crash loses nothing.
 */
export function runExamSession(
  exams: ExamService,
  attempt: AttemptView,
  { input, output }: SessionStreams = { input: process.stdin, output: process.stdout },
): Promise<SessionOutcome> {
  const state = initialState(attempt);
  const p = paint(!process.env.NO_COLOR);
  // The server's seconds left, counted down on a monotonic clock (a changed wall clock changes nothing).
  let deadline =
    attempt.secondsRemaining === null ? null : performance.now() + attempt.secondsRemaining * 1000;
  let saves: Promise<void> = Promise.resolve();
  let lastSaveError: string | undefined;
  let previous: string[] = [];
  let finishing = false;
  let closed = false;
  let ticks = 0;

  return new Promise<SessionOutcome>((resolve, reject) => {
    const draw = (full = false) => {
      if (closed) return;
      const lines = renderScreen(state, output.columns || 80, output.rows || 24, p);
      let out = BEGIN_FRAME + (full ? "\x1b[2J" : "");
      const n = Math.max(lines.length, previous.length);
      for (let i = 0; i < n; i++) {
        const line = lines[i] ?? "";
        if (!full && line === previous[i]) continue;
        out += `\x1b[${i + 1};1H${line}\x1b[0m\x1b[K`;
      }
      previous = lines;
      output.write(out + END_FRAME);
    };

    const secondsLeft = () =>
      deadline === null ? null : Math.max(0, Math.ceil((deadline - performance.now()) / 1000));

    const enqueue = (e: Extract<Effect, { kind: "save" }>) => {
      state.pendingSaves++;
      if (e.input.selected !== undefined || e.input.pairs !== undefined) state.feedback.delete(e.questionId);
      saves = saves.then(async () => {
        try {
          const r = await exams.answer(attempt.id, e.questionId, e.input);
          if ("correct" in r || "withheld" in r) {
            state.feedback.set(e.questionId, r);
            state.locked.add(e.questionId);
            state.follow = "feedback";
          }
        } catch (err) {
          if (err instanceof ConflictError && err.code === "attempt.closed") {
            void finish("timeout");
            return;
          }
          if (err instanceof ConflictError && err.code === "attempt.answer_locked") {
            state.locked.add(e.questionId);
            state.message = { text: err.message, tone: "info" };
            return;
          }
          lastSaveError = err instanceof Error ? err.message : String(err);
          state.message = { text: `Not saved: ${lastSaveError}`, tone: "error" };
        } finally {
          state.pendingSaves--;
          draw();
        }
      });
    };

    const cleanup = () => {
      closed = true;
      clearInterval(timer);
      input.off("keypress", onKey);
      output.off("resize", onResize);
      for (const sig of SIGNALS) process.off(sig, onSignal);
      if (input.isTTY) input.setRawMode(false);
      input.pause();
      output.write(LEAVE);
    };

    const finish = async (how: "submit" | "timeout" | "quit") => {
      if (finishing) return;
      finishing = true;
      try {
        state.message = {
          text:
            how === "quit"
              ? "Saving…"
              : how === "timeout"
                ? "Time is up: submitting your saved answers…"
                : "Submitting…",
          tone: "info",
        };
        draw();
        await saves;
        if (how === "quit") {
          cleanup();
          resolve({
            kind: "left",
            secondsLeft: secondsLeft(),
            ...(lastSaveError ? { pendingError: lastSaveError } : {}),
          });
          return;
        }
        const report = await exams.submit(attempt.id);
        cleanup();
        resolve({ kind: "submitted", report, timedOut: how === "timeout" });
      } catch (err) {
        cleanup();
        reject(err);
      }
    };

    const onKey = (str: string | undefined, key: Key | undefined) => {
      if (finishing) return;
      try {
        const effects = handleKey(state, key ?? { sequence: str });
        for (const e of effects) {
          if (e.kind === "save") enqueue(e);
          else if (e.kind === "submit") void finish("submit");
          else void finish("quit");
        }
        draw();
      } catch (err) {
        finishing = true;
        cleanup();
        reject(err);
      }
    };

    const onResize = () => draw(true);
    const SIGNALS = ["SIGTERM", "SIGHUP", "SIGINT"] as const;
    const onSignal = () => void finish("quit");

    const tick = async () => {
      if (finishing) return;
      ticks++;
      const left = secondsLeft();
      if (left !== null) {
        state.secondsLeft = left;
        if (left <= 0) return void finish("timeout");
      }
      if (ticks % RESYNC_SECONDS === 0) {
        try {
          // Another client (the web app) may have submitted, or the server's clock may differ.
          const fresh = await exams.get(attempt.id);
          if (fresh.status === "submitted") return void finish("timeout");
          if (fresh.secondsRemaining !== null) deadline = performance.now() + fresh.secondsRemaining * 1000;
        } catch (err) {
          if (!(err instanceof DomainError)) throw err;
        }
      }
      draw();
    };
    const timer = setInterval(() => {
      tick().catch((err) => {
        if (finishing) return;
        finishing = true;
        cleanup();
        reject(err);
      });
    }, 1000);

    emitKeypressEvents(input);
    if (input.isTTY) input.setRawMode(true);
    input.on("keypress", onKey);
    input.resume();
    output.on("resize", onResize);
    for (const sig of SIGNALS) process.on(sig, onSignal);
    output.write(ENTER);
    draw(true);
  });
}
