import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  api,
  axeViolations,
  DESKTOP,
  launchBrowser,
  PHONE,
  practise,
  type Served,
  startServer,
  watchCsp,
} from "./harness.js";

// A lead and two members created with the CLI, the members' practice through the API, then the lead's
// dashboard and the member's home page in the browser at desktop and phone width.
const root = join(import.meta.dirname, "..");
const PASSWORD = "correct horse battery staple";
const shots = join(root, "test-results", "teams");
let server: Served;
let browser: Browser;
const blocked: string[] = [];

function addUser(email: string, role: string, team: string) {
  const r = spawnSync(
    "node",
    [
      join(root, "dist", "cli", "main.js"),
      "users",
      "add",
      email,
      "--role",
      role,
      "--team",
      team,
      "--db",
      join(server.dataDir, "certpath.db"),
    ],
    { input: `${PASSWORD}\n`, encoding: "utf8" },
  );
  expect(r.status, r.stderr).toBe(0);
}

async function signIn(email: string): Promise<string> {
  const res = await fetch(`${server.url}/api/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  expect(res.status).toBe(204);
  const cookie = res.headers.get("set-cookie") ?? "";
  const token = /certpath_session=([^;]+)/.exec(cookie)?.[1];
  expect(token).toBeTruthy();
  return token as string;
}

const call = (token: string, method: string, path: string, body?: unknown) =>
  api(server.url, method, path, body, { cookie: `certpath_session=${token}` });

async function as(token: string, viewport = DESKTOP): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport });
  await context.addCookies([{ name: "certpath_session", value: token, url: server.url }]);
  const page = await context.newPage();
  watchCsp(page, blocked);
  return { context, page };
}

async function expectAccessibleAndFitting(p: Page, what: string) {
  await p.waitForLoadState("networkidle");
  expect(await axeViolations(p), what).toEqual([]);
  const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${what} horizontal overflow`).toBeLessThanOrEqual(0);
}

let lead: string;
let ana: string;

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  server = await startServer();
  browser = await launchBrowser();
  addUser("lead@example.com", "lead", "Platform");
  addUser("ana@example.com", "learner", "Platform");
  addUser("bo@example.com", "learner", "Platform");
  lead = await signIn("lead@example.com");
  ana = await signIn("ana@example.com");
  await practise(server.url, "CLF-C02", 30, { cookie: `certpath_session=${ana}` });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (blocked.length > 0) throw new Error(`The CSP blocked:\n${blocked.join("\n")}`);
});

describe("web: team dashboard and assignments", () => {
  it("a lead opens the team from the home page, assigns an exam and sees each member's readiness", async () => {
    const { context, page } = await as(lead);
    await page.goto(`${server.url}/`);
    await page.getByRole("link", { name: /Platform: dashboard/ }).click();
    await page.getByRole("heading", { level: 1, name: "Team Platform" }).waitFor();
    await page.getByText("No one has an assignment yet").waitFor();

    await page.getByLabel("Exam", { exact: true }).selectOption("CLF-C02");
    await page.getByRole("button", { name: "Assign" }).click();
    await page.getByText(/Assigned CLF-C02 by .* to the whole team/).waitFor();
    const rows = page.getByTestId("dashboard-row");
    await rows.first().waitFor();
    expect(await rows.count()).toBe(2);
    const anaRow = rows.filter({ hasText: "ana@example.com" });
    expect(await anaRow.textContent()).toMatch(/On track|At risk/);
    expect(await anaRow.textContent()).toMatch(/\d+%/);
    const boRow = rows.filter({ hasText: "bo@example.com" });
    expect(await boRow.textContent()).toMatch(/No data|At risk/);
    expect(await boRow.textContent()).toMatch(/more answers needed/);
    expect(await page.getByRole("link", { name: "Download CSV" }).getAttribute("href")).toMatch(
      /^\/api\/teams\/[^/]+\/dashboard\.csv$/,
    );

    await page.getByLabel("AWS services, separated by commas").fill("lambda, dynamo, lamda2");
    await page.getByRole("button", { name: "Save stack" }).click();
    await page
      .getByRole("alert")
      .filter({ hasText: /lamda2/ })
      .waitFor();
    await page.getByLabel("AWS services, separated by commas").fill("lambda, dynamo, api gateway");
    await page.getByRole("button", { name: "Save stack" }).click();
    await page.getByText("Saved: AWS Lambda, Amazon DynamoDB, Amazon API Gateway.").waitFor();
    await page
      .getByText(/covers 3 of 3/)
      .first()
      .waitFor();

    await expectAccessibleAndFitting(page, "team page at 1280");
    await page.screenshot({ path: join(shots, "team-1280.png"), fullPage: true });
    await context.close();

    const phone = await as(lead, PHONE);
    await phone.page.goto(page.url());
    await phone.page.getByTestId("dashboard-row").first().waitFor();
    await expectAccessibleAndFitting(phone.page, "team page at 390");
    await phone.page.screenshot({ path: join(shots, "team-390.png"), fullPage: true });
    await phone.page.screenshot({ path: join(shots, "team-390-top.png") });
    await phone.context.close();
  });

  it("a member sees the assignment on the home page and creates a plan for it, but not the dashboard", async () => {
    const { context, page } = await as(ana, PHONE);
    await page.goto(`${server.url}/`);
    const card = page.getByTestId("my-assignment");
    await card.first().waitFor();
    expect(await card.first().textContent()).toMatch(/CLF-C02/);
    expect(await card.first().textContent()).toMatch(/On track|At risk/);
    await expectAccessibleAndFitting(page, "member home at 390");
    await page.screenshot({ path: join(shots, "member-home-390.png"), fullPage: true });
    await card.first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, "member-home-390-card.png") });
    await page.getByRole("link", { name: "Create a plan for it" }).click();
    await page.getByRole("heading", { level: 1, name: "Start a study plan" }).waitFor();
    // The form arrives prefilled with the assigned exam and its date.
    expect(await page.getByLabel("Exam", { exact: true }).inputValue()).toBe("CLF-C02");
    await page.getByRole("button", { name: "Make the plan" }).click();
    await page.waitForURL(/\/plans\/[^/]+$/);
    await page.goto(`${server.url}/`);
    await page.getByRole("link", { name: /Open your plan/ }).waitFor();
    const teamId = (await call(ana, "GET", "/api/teams")).body.teams[0].id;
    expect((await call(ana, "GET", `/api/teams/${teamId}/dashboard`)).status).toBe(403);
    await page.goto(`${server.url}/teams/${teamId}`);
    await page.getByText("Only the team's leads see each member's readiness").waitFor();
    await context.close();
  });
});
