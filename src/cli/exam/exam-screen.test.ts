import { describe, expect, it } from "vitest";
import type { QuestionView } from "../../core/exam/attempt.js";
import { paint, renderFeedback } from "./exam-screen.js";

const q: QuestionView = {
  id: "clf-c02-d1-001",
  type: "multiple-choice",
  domain: "1",
  stem: "Which service?",
  options: [
    { id: "k2mf7qaz", text: "Amazon S3" },
    { id: "b7xq3lne", text: "Amazon EBS" },
  ],
};

describe("terminal practice feedback", () => {
  it("says why feedback is withheld while an exam holding the question runs, and shows no key", () => {
    const lines = renderFeedback(
      q,
      {
        saved: true,
        withheld: {
          code: "exam.in_progress",
          attempt: "0b1c2d3e-aaaa",
          message:
            "This question is in an exam you have in progress (attempt 0b1c2d3e): the key shows once it is submitted.",
        },
      },
      { selected: ["k2mf7qaz"], pairs: [], flagged: false },
      60,
      paint(false),
    ).join("\n");
    expect(lines).toMatch(/^ Saved\. This question is in an exam you have in progress/);
    expect(lines).not.toMatch(/Correct answer|✓|✗/);
    expect(lines.split("\n").every((l) => l.length <= 60)).toBe(true);
  });
});
