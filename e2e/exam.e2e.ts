import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { axeViolations, browserSession, DESKTOP, PHONE, startServerWithBanks } from "./harness.js";

const session = browserSession();
const open = session.open;

interface StartedAttempt {
  id: string;
  questions: { id: string; type: string; domain: string }[];
}

async function startViaApi(body: Record<string, unknown>): Promise<StartedAttempt> {
  const res = await fetch(`${session.url}/api/attempts`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as StartedAttempt;
}

const mapCell = (p: Page, n: number) =>
  p
    .getByRole("navigation", { name: "Question map" })
    .getByRole("button", { name: new RegExp(`^Question ${n},`) });

/** Reads the countdown (m:ss or h:mm:ss) as seconds. */
async function secondsLeft(p: Page): Promise<number> {
  const text = (await p.getByRole("timer").textContent()) ?? "";
  return text.split(":").reduce((acc, part) => acc * 60 + Number(part), 0);
}

let examAttempt = "";

/** Completes a multiple-response answer by keyboard: after the first choice, the next options up to `select`. */
async function completeByKeys(p: Page, after: number) {
  const legend = (await p.locator(".answer-legend").first().textContent()) ?? "";
  const k = Number(/Choose (\d)/.exec(legend)?.[1] ?? 1);
  for (let i = 1; i < k; i++) await p.keyboard.press(String(after + i));
}

describe("web: timed exam, end to end", () => {
  it("starts from the exam list, answers by keyboard, survives a reload, submits via the dialog and shows the report", async () => {
    const p = await open("/exams");
    await p.getByRole("link", { name: "Cloud Practitioner" }).click();
    await p.getByRole("heading", { level: 1, name: /Cloud Practitioner: practice exam/ }).waitFor();
    await p.getByLabel("Length (exam and practice)").selectOption("5");
    await p.getByRole("button", { name: "Start exam" }).click();
    await p.getByRole("heading", { name: "Question 1 of 5" }).waitFor();
    examAttempt = new URL(p.url()).pathname.split("/")[2] ?? "";
    expect(await secondsLeft(p)).toBeGreaterThan(0);

    // Keyboard only: 1 picks option A, N moves on, F flags.
    await p.keyboard.press("1");
    await completeByKeys(p, 1);
    await p.getByText("✓ Saved").waitFor();
    await expect.poll(() => mapCell(p, 1).getAttribute("aria-label")).toBe("Question 1, answered");
    await p.keyboard.press("n");
    await p.getByRole("heading", { name: "Question 2 of 5" }).waitFor();
    // Focus moves to the new question's heading for screen readers.
    expect(await p.evaluate(() => document.activeElement?.id)).toBe("question-heading");
    await p.keyboard.press("2");
    await completeByKeys(p, 2);
    await p.getByText("✓ Saved").waitFor();
    await p.keyboard.press("f");
    await p.getByRole("button", { name: "Flagged for review", exact: true }).waitFor();
    await expect
      .poll(() => mapCell(p, 2).getAttribute("aria-label"))
      .toBe("Question 2, answered, flagged for review");
    await p.getByText("✓ Saved").waitFor();
    await p.keyboard.press("n");
    await p.getByRole("heading", { name: "Question 3 of 5" }).waitFor();
    // Tab to the first option and choose it with Space, as a screen-reader user would.
    await p.locator(".answer-options input").first().focus();
    await p.keyboard.press("Space");
    await completeByKeys(p, 1);
    await p.getByText("✓ Saved").waitFor();
    const before = await secondsLeft(p);

    // Reload mid-exam: answers, flag, position and time come back from the server.
    await p.reload();
    await p.getByRole("heading", { name: "Question 3 of 5" }).waitFor();
    expect(await mapCell(p, 1).getAttribute("aria-label")).toBe("Question 1, answered");
    expect(await mapCell(p, 2).getAttribute("aria-label")).toBe("Question 2, answered, flagged for review");
    expect(await mapCell(p, 3).getAttribute("aria-label")).toBe("Question 3, answered");
    expect(await mapCell(p, 4).getAttribute("aria-label")).toBe("Question 4, unanswered");
    const after = await secondsLeft(p);
    expect(after).toBeLessThanOrEqual(before);
    expect(after).toBeGreaterThan(before - 30);
    await mapCell(p, 1).click();
    await p.getByRole("heading", { name: "Question 1 of 5" }).waitFor();
    expect(await p.locator(".answer-options input").first().isChecked()).toBe(true);

    // The confirm dialog lists what is open, with links back.
    await p.getByRole("button", { name: "Submit…" }).click();
    const dialog = p.getByRole("dialog", { name: "Submit your answers?" });
    await dialog.waitFor();
    expect(await dialog.getByRole("heading", { name: "Unanswered (2)" }).count()).toBe(1);
    expect(await dialog.getByRole("heading", { name: "Flagged for review (1)" }).count()).toBe(1);
    await dialog.getByRole("button", { name: "Question 4" }).click();
    await p.getByRole("heading", { name: "Question 4 of 5" }).waitFor();
    await p.getByRole("button", { name: "Submit…" }).click();
    await dialog.getByRole("button", { name: "Submit now" }).click();

    await p.getByRole("heading", { level: 1, name: /Your result/ }).waitFor();
    // Five questions are no exam form: a percentage and the domains, no pass/fail (issue 7 item 14).
    const result = (await p.locator("#result-heading").textContent()) ?? "";
    expect(result).toMatch(/^\d+% correct \(\d of 5 questions\)/);
    expect(await p.locator(".result-card").textContent()).toContain("No pass/fail verdict");
    expect(await p.locator(".score-mark").count()).toBe(0);
    expect(await p.locator(".domain-results li").count()).toBeGreaterThan(0);
    expect(await p.locator(".domain-results").textContent()).toMatch(/Meets competencies|Needs improvement/);

    // Review: explanations for every option, and the flagged filter.
    await p.getByRole("link", { name: "Review every question" }).click();
    await p.getByRole("heading", { level: 1, name: /Review/ }).waitFor();
    expect(await p.locator(".review-item").count()).toBe(5);
    expect(await p.locator(".review-item").first().locator(".explanations li").count()).toBeGreaterThan(1);
    expect(
      await p.locator(".review-item").first().getByRole("heading", { name: "Correct answer" }).count(),
    ).toBe(1);
    await p.getByRole("button", { name: /^Flagged/ }).click();
    await expect.poll(() => p.locator(".review-item").count()).toBe(1);
    expect(await p.locator(".review-item").textContent()).toContain("Flagged");

    // A submitted attempt's exam screen goes to the report.
    await p.goto(`${session.url}/attempts/${examAttempt}`);
    await p.getByRole("heading", { level: 1, name: /Your result/ }).waitFor();
    await p.close();
  });

  it("lists the attempt in the history with its score and a link to the report", async () => {
    const p = await open("/history");
    const row = p.locator("tbody tr", { hasText: "CLF-C02" }).first();
    await row.waitFor();
    expect(await row.textContent()).toMatch(/Exam.*\d+% \(\d\/5\).*No verdict/);
    await row.getByRole("link", { name: /Report/ }).click();
    await p.getByRole("heading", { level: 1, name: /Your result/ }).waitFor();
    await p.close();
  });
});

describe("web: practice and drills", () => {
  it("practice mode shows whether the answer is right, the correct answer and every explanation", async () => {
    const a = await startViaApi({ exam: "CLF-C02", mode: "practice", count: 3, seed: "practice-feedback" });
    // Feedback comes once an answer is complete: one click completes a multiple-choice answer.
    const mc = a.questions.findIndex((q) => q.type === "multiple-choice");
    expect(mc).toBeGreaterThanOrEqual(0);
    const p = await open(`/attempts/${a.id}?q=${mc + 1}`);
    await p.getByRole("heading", { name: `Question ${mc + 1} of 3` }).waitFor();
    expect(await p.getByText("Untimed").count()).toBe(1);
    await p.locator(".answer-options label").first().click();
    const feedback = p.locator(".feedback");
    await feedback.waitFor();
    expect(await feedback.getByRole("heading").first().textContent()).toMatch(/Correct|Not quite/);
    expect(await feedback.textContent()).toContain("The correct answer");
    expect(await feedback.locator(".explanations li").count()).toBeGreaterThan(1);
    await p.close();
  });

  it("an AIF-C01 drill handles ordering (keyboard Up/Down) and matching (a select per item)", async () => {
    const a = await startViaApi({ exam: "AIF-C01", mode: "drill", domains: ["2"], count: 50 });
    const ordering = a.questions.findIndex((q) => q.type === "ordering");
    const matching = a.questions.findIndex((q) => q.type === "matching");
    expect(ordering).toBeGreaterThanOrEqual(0);
    expect(matching).toBeGreaterThanOrEqual(0);

    const p = await open(`/attempts/${a.id}?q=${ordering + 1}`);
    await p.getByRole("heading", { name: `Question ${ordering + 1} of ${a.questions.length}` }).waitFor();
    const items = p.locator(".ordering-item .option-text");
    const first = await items.first().textContent();
    await p
      .getByRole("button", { name: /^Move down:/ })
      .first()
      .focus();
    await p.keyboard.press("Enter");
    expect(await items.nth(1).textContent()).toBe(first);
    // Focus stays with the moved item's button, so the learner can keep moving it.
    expect(await p.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe(
      `Move down: ${first}`,
    );
    // In a drill the order is checked once, when the learner says so: that answer is the one scored.
    await p.getByRole("button", { name: "Check this order" }).click();
    await p.getByText("✓ Saved").waitFor();
    await p.locator(".feedback").waitFor();
    expect(await p.locator(".feedback ol.plain-list li").count()).toBe(await items.count());

    await mapCell(p, matching + 1).click();
    await p.getByRole("heading", { name: `Question ${matching + 1} of ${a.questions.length}` }).waitFor();
    const selects = p.locator(".matching select");
    const n = await selects.count();
    expect(n).toBeGreaterThan(1);
    for (let i = 0; i < n; i++) await selects.nth(i).selectOption({ index: 1 });
    await p.getByText("✓ Saved").waitFor();
    await p.locator(".feedback").waitFor();
    expect(await p.locator(".feedback .match-table tbody tr").count()).toBe(n);
    await p.reload();
    await p.getByRole("heading", { name: `Question ${matching + 1} of ${a.questions.length}` }).waitFor();
    for (let i = 0; i < n; i++) expect(await selects.nth(i).inputValue()).not.toBe("");
    await p.close();
  });

  it("while an exam holding the question runs, practice feedback is withheld and says why", async () => {
    const practice = await startViaApi({ exam: "DVA-C02", mode: "practice", count: 3, seed: "withheld" });
    const exam = await startViaApi({ exam: "DVA-C02", mode: "exam", count: 3, seed: "withheld" });
    expect(exam.questions.map((q) => q.id).sort()).toEqual(practice.questions.map((q) => q.id).sort());
    const mc = practice.questions.findIndex((q) => q.type === "multiple-choice");
    const p = await open(`/attempts/${practice.id}?q=${mc + 1}`);
    await p.getByRole("heading", { name: `Question ${mc + 1} of 3` }).waitFor();
    await p.locator(".answer-options label").first().click();
    const note = p.getByRole("status").filter({ hasText: "in an exam you have in progress" });
    await note.waitFor();
    expect(await note.textContent()).toContain(exam.id.slice(0, 8));
    expect(await p.locator(".feedback").count()).toBe(0);
    await p.close();
    await fetch(`${session.url}/api/attempts/${exam.id}/submit`, { method: "POST" });
  });

  it("a closed attempt or an exam without questions gives a clear message", async () => {
    // SAA-C03 on a server whose bank holds CLF-C02 only: no Start button, and the API says why.
    const onlyClf = await startServerWithBanks(["CLF-C02"]);
    try {
      const p = await open("/");
      await p.goto(`${onlyClf.url}/exams/SAA-C03`);
      await p.getByRole("heading", { name: "No practice questions yet" }).waitFor();
      expect(await p.getByRole("button", { name: "Start practice" }).count()).toBe(0);
      const r = await fetch(`${onlyClf.url}/api/attempts`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ exam: "SAA-C03", mode: "practice" }),
      });
      expect(r.status).toBe(422);
      expect(await r.text()).toContain("no questions for SAA-C03");
      await p.close();
    } finally {
      await onlyClf.stop();
    }
    const p = await open("/");
    await p.goto(`${session.url}/attempts/no-such-attempt`);
    await p.getByRole("heading", { level: 1, name: /Not found/ }).waitFor();
    expect(await p.getByText('No attempt has the id "no-such-attempt"').count()).toBe(1);
    await p.close();
  });
});

describe("web: practice exams accessibility and layout", () => {
  for (const [name, viewport] of [
    ["desktop", DESKTOP],
    ["phone", PHONE],
  ] as const) {
    it(`has no serious or critical axe violations (${name})`, async () => {
      const open1 = await startViaApi({ exam: "AIF-C01", mode: "exam", count: 5 });
      const submitted = examAttempt || (await startViaApi({ exam: "CLF-C02", mode: "exam", count: 5 })).id;
      await fetch(`${session.url}/api/attempts/${submitted}/submit`, { method: "POST" });
      const pages: [string, string][] = [
        ["/exams", "main h1"],
        ["/exams/CLF-C02", "main h1"],
        [`/attempts/${open1.id}`, "#question-heading"],
        [`/attempts/${submitted}/report`, "main h1"],
        [`/attempts/${submitted}/review`, "main h1"],
        ["/history", "main h1"],
        ["/exams/MLS-C01", "main h1"],
        ["/no/such/page", "main h1"],
      ];
      for (const [path, ready] of pages) {
        const p = await open(path, viewport);
        await p.locator(ready).waitFor();
        await p.waitForLoadState("networkidle");
        expect(await axeViolations(p), path).toEqual([]);
        const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${path} horizontal overflow`).toBeLessThanOrEqual(0);
        if (path.startsWith("/attempts/") && !path.includes("/re")) {
          // The confirm dialog too.
          await p.getByRole("button", { name: "Submit…" }).click();
          await p.getByRole("dialog").waitFor();
          expect(await axeViolations(p), `${path} dialog`).toEqual([]);
        }
        await p.close();
      }
    });
  }
});
