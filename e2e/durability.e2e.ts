import { afterAll, describe, expect, it } from "vitest";
import { api, type Served, startServer } from "./harness.js";

// Kill the server with SIGKILL in the middle of an exam: nothing acknowledged may be lost, and the
// attempt resumes with the time that is really left (the server's clock, not a client's).
const servers: Served[] = [];
afterAll(async () => {
  for (const s of servers) await s.stop();
});

describe("durability", () => {
  it("loses no acknowledged answer on kill -9 and resumes with the real time left", async () => {
    const first = await startServer();
    servers.push(first);
    const started = await api(first.url, "POST", "/api/attempts", {
      exam: "SAA-C03",
      mode: "exam",
      count: 10,
      seed: "crash",
    });
    expect(started.status).toBe(201);
    const a = started.body;
    const acknowledged: Record<string, string[]> = {};
    for (const q of a.questions.slice(0, 6)) {
      const choice = [q.options[1].id];
      const r = await api(first.url, "PUT", `/api/attempts/${a.id}/answers/${q.id}`, {
        selected: choice,
        flagged: q === a.questions[2],
      });
      expect(r.body).toEqual({ saved: true });
      acknowledged[q.id] = choice;
    }
    first.process.kill("SIGKILL");
    await new Promise((r) => first.process.once("exit", r));

    await new Promise((r) => setTimeout(r, 2000));
    const second = await startServer({}, first.dataDir);
    servers.push(second);
    const resumed = await api(second.url, "GET", `/api/attempts/${a.id}`);
    expect(resumed.status).toBe(200);
    expect(resumed.body.status).toBe("in-progress");
    for (const [qid, selected] of Object.entries(acknowledged))
      expect(resumed.body.answers[qid]?.selected).toEqual(selected);
    expect(resumed.body.answers[a.questions[2].id].flagged).toBe(true);
    const elapsed = (Date.now() - Date.parse(a.startedAt)) / 1000;
    const expected = Math.floor((Date.parse(a.endsAt) - Date.now()) / 1000);
    expect(resumed.body.secondsRemaining).toBeLessThanOrEqual(a.secondsRemaining - Math.floor(elapsed) + 1);
    expect(Math.abs(resumed.body.secondsRemaining - expected)).toBeLessThanOrEqual(2);
    // And the exam goes on: another answer and the submission work after the restart.
    const more = await api(second.url, "PUT", `/api/attempts/${a.id}/answers/${a.questions[7].id}`, {
      selected: [a.questions[7].options[0].id],
    });
    expect(more.body.saved).toBe(true);
    const report = await api(second.url, "POST", `/api/attempts/${a.id}/submit`);
    expect(report.body.total).toBe(10);
  });
});
