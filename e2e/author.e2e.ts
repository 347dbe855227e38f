import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  api,
  axeViolations,
  browserSession,
  DESKTOP,
  firstOptionsAnswer,
  PHONE,
  type ShownQuestion,
} from "./harness.js";

// Issue 14: a learner reports a question from the review; an author sees it in the queue and resolves it.
const SHOT = process.env.CERTPATH_SHOTS;
const session = browserSession();

/** A practice attempt answered through the API (first options) and submitted; returns it. */
async function practised(count: number) {
  const started = await api(session.url, "POST", "/api/attempts", {
    exam: "CLF-C02",
    mode: "practice",
    count,
  });
  expect(started.status).toBe(201);
  for (const q of started.body.questions as ShownQuestion[]) {
    await api(session.url, "PUT", `/api/attempts/${started.body.id}/answers/${q.id}`, firstOptionsAnswer(q));
  }
  expect((await api(session.url, "POST", `/api/attempts/${started.body.id}/submit`)).status).toBe(200);
  return started.body as { id: string; questions: ShownQuestion[] };
}

async function fitsAndAccessible(p: Page, what: string) {
  await p.waitForLoadState("networkidle");
  expect(await axeViolations(p), what).toEqual([]);
  const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${what}: horizontal overflow`).toBeLessThanOrEqual(0);
}

describe.each([
  ["desktop", DESKTOP],
  ["phone", PHONE],
])("question reports on %s", (name, viewport) => {
  it("report from the review, see it in the author queue, resolve it", async () => {
    const attempt = await practised(3);
    const qid = attempt.questions[0]?.id as string;
    const note = `The stem says "cheapest" but option 2 is cheaper (${name}).`;

    const review = await session.open(`/attempts/${attempt.id}/review`, viewport);
    const first = review.locator(".review-item").first();
    await first.getByRole("button", { name: "Report this question" }).click();
    const dialog = review.getByRole("dialog", { name: "Report question 1" });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await dialog.getByLabel(/Unclear/).check();
    await dialog.getByLabel(/Note/).fill(note);
    if (SHOT) await review.screenshot({ path: `${SHOT}/report-dialog-${name}.png` });
    await fitsAndAccessible(review, "report dialog");
    await dialog.getByRole("button", { name: "Send report" }).click();
    await expect.poll(() => review.getByRole("dialog", { name: "Thank you" }).isVisible()).toBe(true);
    await review.getByRole("button", { name: "Close" }).click();
    await expect.poll(() => first.getByText("Reported: unclear.").isVisible()).toBe(true);
    await review.close();

    const author = await session.open("/author?exam=CLF-C02", viewport);
    const card = author.locator(".report-card", { hasText: note });
    await expect.poll(() => card.isVisible()).toBe(true);
    expect(await card.textContent()).toContain(qid);
    // The item's row carries the open report.
    const row = author.locator(".items-table tbody tr", { hasText: qid });
    await expect.poll(() => row.textContent()).toContain("Open: 1 unclear");
    if (SHOT) await author.screenshot({ path: `${SHOT}/author-queue-${name}.png`, fullPage: true });
    await fitsAndAccessible(author, "author page");

    await card.getByLabel("What changed").fill("Option 2 now costs more; the stem names the Region.");
    await card.getByRole("button", { name: "Resolve report" }).click();
    const done = author.getByRole("status").filter({ hasText: qid });
    await expect.poll(() => done.textContent()).toMatch(/resolved \(verified \d{4}-\d{2}-\d{2}\)/);
    await expect.poll(() => author.locator(".report-card", { hasText: note }).count()).toBe(0);
    await expect.poll(() => row.textContent()).not.toContain("Open: 1 unclear");
    if (SHOT) await author.screenshot({ path: `${SHOT}/author-resolved-${name}.png`, fullPage: true });

    const stored = await api(session.url, "GET", "/api/author/reports?status=resolved");
    expect(stored.body.reports.some((r: { note: string }) => r.note === note)).toBe(true);
    await author.close();
  });
});
