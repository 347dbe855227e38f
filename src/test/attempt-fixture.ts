import type { Attempt } from "../core/exam/attempt.js";

/** A stored attempt for store tests: learner "ana", a timed CLF-C02 exam of three questions, in progress. */
export function attemptFixture(id: string, over: Partial<Attempt> = {}): Attempt {
  return {
    id,
    learner: "ana",
    exam: "CLF-C02",
    mode: "exam",
    status: "in-progress",
    seed: "s",
    idKey: `key-${id}`,
    startedAt: "2026-11-26T10:00:00.000Z",
    endsAt: "2026-11-26T11:30:00.000Z",
    submittedAt: null,
    questionIds: ["q1", "q2", "q3"],
    optionOrder: { q1: ["b", "a", "c", "d"], q2: ["a", "b", "c", "d"], q3: ["d", "c", "b", "a"] },
    promptOrder: {},
    notice: null,
    retakeOf: null,
    result: null,
    ...over,
  };
}
