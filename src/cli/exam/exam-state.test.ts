import { describe, expect, it } from "vitest";
import type { QuestionView } from "../../core/exam/attempt.js";
import { paint, renderScreen } from "./exam-screen.js";
import { type AttemptView, handleKey, initialState, summary } from "./exam-state.js";

// Issue 7 items 12 and 13 in the terminal exam, on a hand-made attempt (no server needed).
const questions: QuestionView[] = [
  {
    id: "mr",
    type: "multiple-response",
    domain: "1",
    stem: "Pick two.",
    select: 2,
    options: ["a", "b", "c", "d"].map((id) => ({ id, text: `Option ${id}` })),
  },
  {
    id: "m",
    type: "matching",
    domain: "1",
    stem: "Match them.",
    options: ["x", "y", "z"].map((id) => ({ id, text: `Choice ${id}` })),
    prompts: ["p1", "p2", "p3"].map((id) => ({ id, text: `Prompt ${id}` })),
  },
  {
    id: "mc",
    type: "multiple-choice",
    domain: "2",
    stem: "Pick one.",
    options: ["a", "b"].map((id) => ({ id, text: `Option ${id}` })),
  },
];

function attempt(mode: AttemptView["mode"], answers: AttemptView["answers"] = {}): AttemptView {
  return {
    id: "t",
    exam: "CLF-C02",
    mode,
    status: "in-progress",
    startedAt: "2026-11-30T10:00:00.000Z",
    endsAt: null,
    submittedAt: null,
    secondsRemaining: null,
    questions,
    answers,
  } as AttemptView;
}
const screen = (s: ReturnType<typeof initialState>) => renderScreen(s, 100, 40, paint(false)).join("\n");

describe("terminal exam: incomplete answers look incomplete", () => {
  it("one of two choices, or one of three matches, is incomplete in the counters and the submit summary", () => {
    const s = initialState(attempt("exam"));
    handleKey(s, { sequence: "1" }); // one of the two required choices
    expect(summary(s)).toMatchObject({ unanswered: [2, 3], incomplete: [1] });
    expect(screen(s)).toMatch(/Answered 0 of 3 {2}· {2}Incomplete 1/);
    expect(screen(s)).toMatch(/Incomplete: it counts as wrong until finished/);
    handleKey(s, { name: "n" });
    handleKey(s, { sequence: "1" }); // matches the first prompt only
    expect(summary(s).incomplete).toEqual([1, 2]);
    handleKey(s, { name: "s" });
    const text = screen(s);
    expect(text).toMatch(/Answered 0 of 3\./);
    expect(text).toMatch(/Incomplete \(2\), count as wrong until finished: 1, 2/);
    expect(text).toMatch(/Unanswered \(1\): 3/);
  });

  it("a complete answer counts as answered", () => {
    const s = initialState(attempt("exam"));
    handleKey(s, { sequence: "1" });
    handleKey(s, { sequence: "2" });
    expect(summary(s)).toMatchObject({ incomplete: [], unanswered: [2, 3] });
    expect(screen(s)).toMatch(/Answered 1 of 3 {2}· {2}Flagged 0/);
  });
});

describe("terminal practice: the first complete answer is locked", () => {
  it("after a complete answer, choosing, clearing or changing it does nothing but say why", () => {
    const s = initialState(attempt("practice"));
    expect(handleKey(s, { sequence: "1" })).toHaveLength(1);
    expect(handleKey(s, { sequence: "2" })).toHaveLength(1); // complete: the server gives feedback and locks
    expect(handleKey(s, { sequence: "2" })).toEqual([]);
    expect(s.message?.text).toMatch(/first complete answer counts/);
    expect(handleKey(s, { name: "x" })).toEqual([]);
    expect(screen(s)).not.toMatch(/x clears the answer/);
    // The flag still works, and exam mode is never locked.
    expect(handleKey(s, { name: "f" })).toEqual([
      { kind: "save", questionId: "mr", input: { flagged: true } },
    ]);
    const e = initialState(attempt("exam"));
    handleKey(e, { sequence: "1" });
    handleKey(e, { sequence: "2" });
    expect(handleKey(e, { sequence: "2" })).toHaveLength(1);
  });

  it("a locked answer from the server comes back locked, with its feedback, after a resume", () => {
    const s = initialState(
      attempt("practice", {
        mc: {
          selected: ["b"],
          flagged: false,
          locked: true,
          feedback: {
            correct: false,
            correctOptions: { selected: ["a"] },
            explanations: { a: "Because A.", b: "Not B." },
          },
        },
      }),
    );
    s.index = 2;
    expect(handleKey(s, { sequence: "1" })).toEqual([]);
    expect(screen(s)).toMatch(/Incorrect\./);
  });
});
