import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { api, browserSession, DESKTOP, PHONE, type Served, startServerWithBanks } from "./harness.js";

// Issue 7 items 12–18 in the browser, at desktop and phone width.
const session = browserSession();
const open = session.open;
const VIEWPORTS = [
  ["desktop", DESKTOP],
  ["phone", PHONE],
] as const;

// biome-ignore lint/suspicious/noExplicitAny: JSON bodies of the API under test
type Json = Record<string, any>;
const started: string[] = [];
async function start(body: Json): Promise<Json> {
  const r = await api(session.url, "POST", "/api/attempts", body);
  expect(r.status).toBe(201);
  started.push(r.body.id);
  return r.body;
}
// An exam left running keeps its questions out of practice and drills: submit what each test started.
afterEach(async () => {
  for (const id of started.splice(0)) await api(session.url, "POST", `/api/attempts/${id}/submit`);
});
// A server whose bank holds CLF-C02 only: every other active exam has no questions there.
let onlyClf: Served | undefined;
beforeAll(async () => {
  onlyClf = await startServerWithBanks(["CLF-C02"]);
}, 120_000);
afterAll(async () => onlyClf?.stop());
const mapCell = (p: Page, n: number) =>
  p
    .getByRole("navigation", { name: "Question map" })
    .getByRole("button", { name: new RegExp(`^Question ${n},`) });
const heading = (p: Page, n: number, of: number) =>
  p.getByRole("heading", { name: `Question ${n} of ${of}` });

describe.each(VIEWPORTS)("web exam screens (%s)", (_name, viewport) => {
  it("incomplete answers look incomplete in the map, the counters and the submit dialog (item 12)", async () => {
    const a = await start({
      exam: "AIF-C01",
      mode: "exam",
      domains: ["2"],
      count: 40,
      seed: `incomplete-${_name}`,
    });
    const n = a.questions.length;
    const mr = a.questions.findIndex((q: Json) => q.type === "multiple-response");
    const m = a.questions.findIndex((q: Json) => q.type === "matching");
    expect(mr).toBeGreaterThanOrEqual(0);
    expect(m).toBeGreaterThanOrEqual(0);
    const p = await open(`/attempts/${a.id}?q=${mr + 1}`, viewport);
    await heading(p, mr + 1, n).waitFor();
    await p.locator(".answer-options label").first().click();
    await p.getByText("✓ Saved").waitFor();
    expect(await mapCell(p, mr + 1).getAttribute("aria-label")).toBe(`Question ${mr + 1}, incomplete`);
    expect(await p.locator(".exam-title").textContent()).toMatch(/0 of \d+ answered · 1 incomplete/);
    await p.getByText(/Incomplete: finish this answer/).waitFor();
    await mapCell(p, m + 1).click();
    await heading(p, m + 1, n).waitFor();
    await p.locator(".matching select").first().selectOption({ index: 1 });
    await p.getByText("✓ Saved").waitFor();
    expect(await mapCell(p, m + 1).getAttribute("aria-label")).toBe(`Question ${m + 1}, incomplete`);
    expect(await p.locator(".qmap-summary").textContent()).toContain("◐ 2 incomplete");
    await p.getByRole("button", { name: "Submit…" }).click();
    const dialog = p.getByRole("dialog", { name: "Submit your answers?" });
    await dialog.waitFor();
    expect(await dialog.getByRole("heading", { name: "Incomplete (2)" }).count()).toBe(1);
    expect(await dialog.getByRole("heading", { name: `Unanswered (${n - 2})` }).count()).toBe(1);
    expect(await dialog.textContent()).toContain(`0 of ${n} answered, 2 incomplete`);
    await p.close();
  });

  it("practice locks the first complete answer: the inputs, a reload and the API agree (item 13)", async () => {
    const a = await start({ exam: "CLF-C02", mode: "practice", count: 4, seed: `lock-${_name}` });
    const mc = a.questions.findIndex((q: Json) => q.type === "multiple-choice");
    const q = a.questions[mc];
    const p = await open(`/attempts/${a.id}?q=${mc + 1}`, viewport);
    await heading(p, mc + 1, 4).waitFor();
    await p.locator(".answer-options label").first().click();
    await p.locator(".feedback").waitFor();
    await p.getByText(/first complete answer is the one that counts/).waitFor();
    expect(
      await p.locator(".answer-options input").evaluateAll((els) => els.every((e) => e.matches(":disabled"))),
    ).toBe(true);
    // The keyboard shortcut does not change it either.
    await p.keyboard.press("2");
    expect(await p.locator(".answer-options input").first().isChecked()).toBe(true);
    await p.reload();
    await heading(p, mc + 1, 4).waitFor();
    await p.locator(".feedback").waitFor();
    expect(await p.locator(".answer-options input").first().isDisabled()).toBe(true);
    const other = q.options[1].id;
    const r = await api(session.url, "PUT", `/api/attempts/${a.id}/answers/${q.id}`, { selected: [other] });
    expect([r.status, r.body.error.code]).toEqual([409, "attempt.answer_locked"]);
    await p.close();
  });

  it("a short form or a drill gets a percentage and the domains, no pass/fail (item 14)", async () => {
    const a = await start({ exam: "CLF-C02", mode: "exam", count: 5, seed: `short-${_name}` });
    await api(session.url, "POST", `/api/attempts/${a.id}/submit`);
    const p = await open(`/attempts/${a.id}/report`, viewport);
    await p.locator("#result-heading").waitFor();
    expect(await p.locator("#result-heading").textContent()).toMatch(/^\d+% correct/);
    expect(await p.locator(".result-card").textContent()).toContain("No pass/fail verdict");
    expect(await p.locator(".score-mark").count()).toBe(0);
    expect(await p.locator(".result-card").textContent()).not.toMatch(/Did not pass|Pass:/);
    expect(await p.locator(".domain-results li").count()).toBeGreaterThan(0);
    await p.goto(`${session.url}/history`);
    const row = p.locator("tbody tr", { hasText: "5 q" }).first();
    await row.waitFor();
    expect(await row.textContent()).toMatch(/\d+% \(\d\/5\).*No verdict/);
    await p.close();
  });

  it("the report says when the time ran out (item 15)", async () => {
    const a = await start({ exam: "CLF-C02", mode: "exam", count: 2, seed: `timeout-${_name}` });
    await api(session.url, "POST", `/api/attempts/${a.id}/submit`);
    const p = await open("/", viewport);
    // The server decides; here its answer is replayed as if the time had run out.
    await p.route(`**/api/attempts/${a.id}/review`, async (route) => {
      const res = await route.fetch();
      await route.fulfill({ response: res, json: { ...(await res.json()), timedOut: true } });
    });
    await p.goto(`${session.url}/attempts/${a.id}/report`);
    await p.getByText("Time ran out.").waitFor();
    await p.close();
  });

  it("leaving a running exam through the site navigation asks first (item 15)", async () => {
    const a = await start({ exam: "CLF-C02", mode: "exam", count: 3, seed: `leave-${_name}` });
    const p = await open(`/attempts/${a.id}`, viewport);
    await heading(p, 1, 3).waitFor();
    await p.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Catalog" }).click();
    const dialog = p.getByRole("dialog", { name: "Leave this attempt?" });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain("clock keeps running");
    await dialog.getByRole("button", { name: "Stay" }).click();
    expect(new URL(p.url()).pathname).toBe(`/attempts/${a.id}`);
    await heading(p, 1, 3).waitFor();
    await p.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Catalog" }).click();
    await dialog.getByRole("button", { name: "Leave" }).click();
    await p.waitForURL(/\/catalog$/);
    await p.close();
  });

  it("pressing Back after submitting never shows a live exam (item 15)", async () => {
    const p = await open("/exams/CLF-C02", viewport);
    await p.getByLabel("Length (exam and practice)").selectOption("5");
    await p.getByRole("button", { name: "Start exam" }).click();
    await heading(p, 1, 5).waitFor();
    await p.keyboard.press("1");
    await p.getByText("✓ Saved").waitFor();
    await p.getByRole("button", { name: "Next →" }).click();
    await heading(p, 2, 5).waitFor();
    await p.getByRole("button", { name: "Next →" }).click();
    await heading(p, 3, 5).waitFor();
    await p.getByRole("button", { name: "Submit…" }).click();
    await p.getByRole("dialog").getByRole("button", { name: "Submit now" }).click();
    await p.getByRole("heading", { level: 1, name: /Your result/ }).waitFor();
    await p.goBack();
    await p.waitForLoadState("networkidle");
    await p.waitForTimeout(300);
    expect(await p.locator("#question-heading").count()).toBe(0);
    expect(await p.getByRole("timer").count()).toBe(0);
    await p.close();
  });

  it("the countdown re-syncs with the server when the tab is shown or focused again (item 15)", async () => {
    const a = await start({ exam: "CLF-C02", mode: "exam", count: 5, seed: `sync-${_name}` });
    const p = await open(`/attempts/${a.id}`, viewport);
    await heading(p, 1, 5).waitFor();
    // The server now says 0:42 are left (as after a laptop slept through most of the exam).
    await p.route(`**/api/attempts/${a.id}`, async (route) => {
      const res = await route.fetch();
      await route.fulfill({ response: res, json: { ...(await res.json()), secondsRemaining: 42 } });
    });
    await p.evaluate(() => document.dispatchEvent(new Event("visibilitychange")));
    await expect
      .poll(async () => (await p.getByRole("timer").textContent()) ?? "")
      .toMatch(/^0:(4[0-2]|39)$/);
    await p.route(`**/api/attempts/${a.id}`, async (route) => {
      const res = await route.fetch();
      await route.fulfill({ response: res, json: { ...(await res.json()), secondsRemaining: 1000 } });
    });
    await p.evaluate(() => window.dispatchEvent(new Event("focus")));
    await expect.poll(async () => (await p.getByRole("timer").textContent()) ?? "").toMatch(/^16:[34]\d$/);
    await p.close();
  });

  it("the question map keeps the current question in view (item 15)", async () => {
    const a = await start({ exam: "SAA-C03", mode: "exam", seed: `map-${_name}` });
    const p = await open(`/attempts/${a.id}?q=62`, viewport);
    await heading(p, 62, 65).waitFor();
    const visible = async (n: number) =>
      mapCell(p, n).evaluate((cell) => {
        const grid = cell.closest("ol") as HTMLElement;
        const c = cell.getBoundingClientRect();
        const g = grid.getBoundingClientRect();
        return c.top >= g.top - 1 && c.bottom <= g.bottom + 1;
      });
    await expect.poll(() => visible(62)).toBe(true);
    await mapCell(p, 62).focus();
    await p.keyboard.press("Home");
    for (let i = 0; i < 3; i++) await p.getByRole("button", { name: "← Previous" }).click();
    await heading(p, 59, 65).waitFor();
    expect(await visible(59)).toBe(true);
    await mapCell(p, 59).evaluate((cell) => cell.closest("ol")?.scrollTo(0, 0));
    await p.getByRole("button", { name: "Next →" }).click();
    await heading(p, 60, 65).waitFor();
    await expect.poll(() => visible(60)).toBe(true);
    await p.close();
  });
});

describe.each(VIEWPORTS)("web content rendering (%s)", (_name, viewport) => {
  it("inline code in matching labels, code blocks that fit a phone, matching feedback side by side, steady checkboxes (item 16)", async () => {
    const a = await start({
      exam: "AIF-C01",
      mode: "drill",
      domains: ["2"],
      count: 40,
      seed: `render-${_name}`,
    });
    const m = a.questions.findIndex((q: Json) => q.type === "matching");
    const mr = a.questions.findIndex((q: Json) => q.type === "multiple-response");
    const p = await open("/", viewport);
    const longCode = `aws s3api put-bucket-policy --bucket ${"example-".repeat(20)} --policy file://policy.json`;
    await p.route(`**/api/attempts/${a.id}`, async (route) => {
      const res = await route.fetch();
      const body = await res.json();
      const q = body.questions[m];
      q.stem = `Match each task.\n\n\`\`\`\n${longCode}\n\`\`\``;
      q.options[0].text = "Use `aws s3 sync` with `--delete`";
      const r = body.questions[mr];
      r.options[0].text = `A very long option that wraps over several lines on a phone: ${"words ".repeat(40)}`;
      await route.fulfill({ response: res, json: body });
    });
    await p.goto(`${session.url}/attempts/${a.id}?q=${m + 1}`);
    await heading(p, m + 1, a.questions.length).waitFor();
    // Markdown: the option list shows code, the select shows no backticks.
    expect(await p.locator(".matching-options code").first().textContent()).toBe("aws s3 sync");
    expect(await p.locator(".matching select").first().locator("option").nth(1).textContent()).toBe(
      "A. Use aws s3 sync with --delete",
    );
    // The fenced block scrolls inside itself; the page is never wider than the screen (360 px included).
    await p.setViewportSize({ width: 360, height: 800 });
    expect(
      await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
    await p.setViewportSize(viewport);
    // Matching feedback: each prompt with the learner's match, the right one and ✓/✗.
    const selects = p.locator(".matching select");
    const n = await selects.count();
    for (let i = 0; i < n; i++) await selects.nth(i).selectOption({ index: 1 });
    await p.locator(".feedback .match-table").waitFor();
    expect(await p.locator(".feedback .match-table tbody tr").count()).toBe(n);
    const row = await p
      .locator(".feedback .match-table tbody tr")
      .first()
      .locator("th, td")
      .allTextContents();
    expect(row).toHaveLength(4);
    expect(row[3]).toMatch(/[✓✗]/);
    expect(await p.locator(".feedback .match-table").textContent()).toContain("aws s3 sync");
    // Checkboxes keep their size when a label wraps.
    await mapCell(p, mr + 1).click();
    await heading(p, mr + 1, a.questions.length).waitFor();
    const sizes = await p
      .locator(".answer-options input")
      .evaluateAll((els) =>
        els.map(
          (e) =>
            `${Math.round(e.getBoundingClientRect().width)}x${Math.round(e.getBoundingClientRect().height)}`,
        ),
      );
    expect(new Set(sizes).size).toBe(1);
    expect(sizes[0]).toMatch(/^(1[4-9]|2[0-4])x(1[4-9]|2[0-4])$/);
    expect(
      await p
        .locator(".answer-options label")
        .first()
        .evaluate((l) => l.getBoundingClientRect().height),
    ).toBeGreaterThan(60);
    await p.close();
  });
});

describe.each(VIEWPORTS)("web start page and honest pages (%s)", (_name, viewport) => {
  it("a retired exam or one without a bank shows no Start button and says why (item 17)", async () => {
    const p = await open("/exams/MLS-C01", viewport);
    await p.getByRole("heading", { name: "This exam is retired" }).waitFor();
    expect(await p.getByRole("button", { name: /^Start/ }).count()).toBe(0);
    await p.getByRole("link", { name: /MLA-C01/ }).click();
    await p.waitForURL(/\/exams\/MLA-C01$/);
    await p.getByRole("heading", { level: 1, name: /Machine Learning Engineer/ }).waitFor();
    // An active exam without a bank.
    await p.goto(`${onlyClf?.url}/exams/SAA-C03`);
    await p.getByRole("heading", { name: "No practice questions yet" }).waitFor();
    expect(await p.getByRole("button", { name: /^Start/ }).count()).toBe(0);
    await p
      .getByRole("link", { name: /CLF-C02/ })
      .first()
      .click();
    await p.getByRole("button", { name: "Start exam" }).waitFor();
    await p.close();
  });

  it("an unknown page is helpful; a missing attempt says so; no mistakes yet is a normal state (item 18)", async () => {
    const p = await open("/no/such/page", viewport);
    await p.getByRole("heading", { level: 1, name: "Page not found" }).waitFor();
    expect(await p.getByRole("main").getByRole("link", { name: "The catalog" }).count()).toBe(1);
    await p.goto(`${session.url}/saa-c03`);
    await p.getByRole("main").getByRole("link", { name: "SAA-C03" }).waitFor();
    await p.goto(`${session.url}/attempts/no-such-attempt`);
    await p.getByRole("heading", { level: 1, name: /Not found/ }).waitFor();
    expect(await p.getByText("Something went wrong").count()).toBe(0);
    await p.goto(`${session.url}/exams/SAA-C3`);
    await p.getByRole("heading", { level: 1, name: /Not found/ }).waitFor();
    await p
      .getByRole("link", { name: /SAA-C03/ })
      .first()
      .waitFor();
    // A fresh learner on DVA-C02 has no mistakes: said plainly, with the next step as a link.
    await p.goto(`${session.url}/exams/DVA-C02`);
    await p.getByRole("button", { name: "Drill my past mistakes" }).click();
    await p.getByText("No mistakes to drill yet.").waitFor();
    expect(await p.getByText("Something went wrong").count()).toBe(0);
    expect(await p.getByRole("link", { name: /Take a practice exam/ }).count()).toBe(1);
    await p.close();
  });
});
