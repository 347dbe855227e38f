import { afterEach, describe, expect, it } from "vitest";
import { api, browserSession, DESKTOP, PHONE } from "./harness.js";

// Case studies (issue 9): the shared scenario stays visible beside each of its questions, at both widths.
const session = browserSession();
// biome-ignore lint/suspicious/noExplicitAny: JSON bodies of the API under test
type Json = Record<string, any>;
const started: string[] = [];
afterEach(async () => {
  for (const id of started.splice(0)) await api(session.url, "POST", `/api/attempts/${id}/submit`);
});

describe.each([
  ["desktop", DESKTOP],
  ["phone", PHONE],
] as const)("case studies in the web exam (%s)", (name, viewport) => {
  it("shows the scenario above each question of the set, and fits the screen", async () => {
    let attempt: Json | undefined;
    for (let s = 0; s < 15 && !attempt; s++) {
      const r = await api(session.url, "POST", "/api/attempts", {
        exam: "MLA-C01",
        mode: "exam",
        seed: `web-${name}-${s}`,
      });
      expect(r.status).toBe(201);
      started.push(r.body.id);
      if ((r.body.questions as Json[]).some((q) => q.caseStudy)) attempt = r.body;
    }
    if (!attempt) throw new Error("no MLA-C01 form with a case study in 15 seeds");
    const qs = attempt.questions as Json[];
    const first = qs.findIndex((q) => q.caseStudy);
    const cs = qs[first]?.caseStudy as Json;
    const p = await session.open(`/attempts/${attempt.id}?q=${first + 1}`, viewport);
    const panel = p.locator("details.case-study");
    await panel.waitFor();
    expect(await panel.locator("summary").textContent()).toContain(cs.title);
    const plain = (cs.scenario as string).replace(/[*_`#]/g, "").replace(/\s+/g, " ");
    const shown = ((await panel.textContent()) ?? "").replace(/\s+/g, " ");
    expect(shown).toContain(plain.slice(20, 80));
    // The next question of the set shows the same scenario.
    await p.goto(`${session.url}/attempts/${attempt.id}?q=${first + 2}`);
    await p.locator("details.case-study").waitFor();
    expect(await p.locator("details.case-study summary").textContent()).toContain(cs.title);
    const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await p.close();
  });
});
