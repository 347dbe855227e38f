import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  axeViolations,
  DESKTOP,
  launchBrowser,
  PHONE,
  type Served,
  startServer,
  watchCsp,
} from "./harness.js";

const SHOT = process.env.CERTPATH_SHOTS;
const root = join(import.meta.dirname, "..");
const SIZES = [
  ["desktop", DESKTOP],
  ["phone", PHONE],
] as const;

/** `certpath users add` as an administrator runs it: the password as one line on standard input. */
function addUser(db: string, email: string, role: string, password: string, team?: string) {
  const args = ["users", "add", email, "--role", role, "--db", db, ...(team ? ["--team", team] : [])];
  const run = spawnSync("node", [join(root, "dist", "cli", "main.js"), ...args], {
    cwd: root,
    input: `${password}\n`,
    encoding: "utf8",
  });
  expect(run.status, `users add ${email}: ${run.stderr}`).toBe(0);
}

/** The id of a team a user belongs to, from their GET /api/me (signed in through the API). */
async function teamIdOf(base: string, user: { email: string; password: string }, team: string) {
  const session = await fetch(`${base}/api/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(user),
  });
  expect(session.status).toBe(204);
  const cookie = (session.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const me = (await (await fetch(`${base}/api/me`, { headers: { cookie } })).json()) as {
    teams: { id: string; name: string }[];
  };
  const id = me.teams.find((t) => t.name === team)?.id;
  expect(id, `${user.email} in ${team}`).toBeDefined();
  return id as string;
}

let browser: Browser;
const blocked: string[] = [];
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  if (blocked.length > 0) throw new Error(`The CSP blocked:\n${blocked.join("\n")}`);
});

/** A fresh browser (own cookies) at one size, recording every page heading it ever shows. */
async function freshPage(viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ viewport });
  // Runs through the DevTools protocol, so the page's CSP allows it; catches a heading shown even briefly.
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { headingsSeen: string[] }).headingsSeen = seen;
    new MutationObserver(() => {
      document.querySelectorAll("h1").forEach((h) => {
        if (!seen.includes(h.textContent ?? "")) seen.push(h.textContent ?? "");
      });
    }).observe(document, { childList: true, subtree: true, characterData: true });
  });
  const page = await context.newPage();
  watchCsp(page, blocked);
  return page;
}

const headingsSeen = (p: Page) =>
  p.evaluate(() => (window as unknown as { headingsSeen: string[] }).headingsSeen);
const focusedText = (p: Page) =>
  p.evaluate(() => `${document.activeElement?.tagName} ${document.activeElement?.textContent ?? ""}`);

async function expectAccessibleAndFitting(p: Page, what: string) {
  // Not "networkidle": since the teams merge a signed-in page keeps a request open; wait for the page to settle.
  await p.waitForLoadState("load");
  await p.waitForFunction(() => !/Loading/.test(document.querySelector("main")?.textContent ?? ""));
  expect(await axeViolations(p), what).toEqual([]);
  const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${what}: horizontal overflow`).toBeLessThanOrEqual(0);
}

async function shot(p: Page, name: string) {
  if (SHOT) await p.screenshot({ path: `${SHOT}/accounts-${name}.png`, fullPage: true });
}

/** Fills the sign-in form and sends it; resolves with the status of POST /api/session. */
async function signIn(p: Page, email: string, password: string): Promise<number> {
  await p.getByLabel("Email").fill(email);
  await p.getByLabel("Password").fill(password);
  const [response] = await Promise.all([
    p.waitForResponse((r) => new URL(r.url()).pathname === "/api/session" && r.request().method() === "POST"),
    p.getByRole("button", { name: "Sign in" }).click(),
  ]);
  return response.status();
}

describe("web accounts: single-user mode (no accounts) looks as it always did", () => {
  let server: Served;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server?.stop());

  it.each(SIZES)("shows no sign-in, no user menu and opens every page at %s", async (_name, viewport) => {
    const p = await freshPage(viewport);
    for (const path of ["/", "/progress", "/history", "/plans/new"]) {
      await p.goto(server.url + path);
      await p.waitForLoadState("networkidle");
      expect(new URL(p.url()).pathname, path).toBe(path);
      expect(await p.getByRole("link", { name: "Sign in" }).count(), path).toBe(0);
      expect(await p.getByTestId("user-menu").count(), path).toBe(0);
    }
    await p.goto(`${server.url}/sign-in`);
    await p.getByText(/single-user mode/).waitFor();
    expect(await p.getByLabel("Password").count()).toBe(0);
    await p.context().close();
  });
});

describe("web accounts: multi-user mode", () => {
  let server: Served;
  const people = {
    desktop: { email: "desk.learner@example.com", password: "correct horse battery" },
    phone: { email: "phone.learner@example.com", password: "staple paper clip yard" },
  };
  const admin = { email: "admin@example.com", password: "admin password long enough" };
  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "certpath-e2e-accounts-"));
    const db = join(dataDir, "certpath.db");
    addUser(db, admin.email, "admin", admin.password);
    addUser(db, people.desktop.email, "learner", people.desktop.password, "Platform");
    addUser(db, people.phone.email, "learner", people.phone.password, "Platform");
    server = await startServer({}, dataDir);
  });
  afterAll(() => server?.stop());

  it.each(SIZES)(
    "sends a visitor to sign-in without showing the page, refuses a wrong password, lands on the page asked for, signs out (%s)",
    async (name, viewport) => {
      const me = people[name];
      const p = await freshPage(viewport);
      await p.goto(`${server.url}/progress`);
      await p.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
      expect(p.url()).toBe(`${server.url}/sign-in?next=%2Fprogress`);
      // Nothing of the page asked for showed, not even for a moment.
      expect(await headingsSeen(p)).toEqual(["Sign in"]);
      expect(await p.getByLabel("Email").getAttribute("autocomplete")).toBe("username");
      expect(await p.getByLabel("Password").getAttribute("autocomplete")).toBe("current-password");
      await expectAccessibleAndFitting(p, `${name} sign-in`);
      await shot(p, `${name}-sign-in`);

      // Nothing typed: the first field in error takes the focus.
      await p.getByRole("button", { name: "Sign in" }).click();
      await p.getByText("Enter your email address.").waitFor();
      expect(await p.evaluate(() => document.activeElement?.getAttribute("autocomplete"))).toBe("username");

      await signIn(p, me.email, "not my password at all");
      const error = p.getByTestId("sign-in-error");
      await error.waitFor();
      expect(await error.textContent()).toMatch(/email or the password is not right/);
      expect(await focusedText(p)).toMatch(/not right/);
      expect(new URL(p.url()).pathname).toBe("/sign-in");
      await expectAccessibleAndFitting(p, `${name} sign-in error`);
      await shot(p, `${name}-sign-in-error`);

      await signIn(p, me.email, me.password);
      await p.waitForURL(`${server.url}/progress`);
      await p.getByRole("heading", { level: 1 }).first().waitFor();
      expect(await p.getByTestId("user-menu").textContent()).toContain(me.email);
      await expectAccessibleAndFitting(p, `${name} signed-in page`);

      await p.getByTestId("user-menu").click();
      await shot(p, `${name}-menu`);
      await p.getByRole("link", { name: "Account" }).click();
      await p.getByRole("heading", { level: 1, name: "Account" }).waitFor();
      expect(await p.getByTestId("account-email").textContent()).toBe(me.email);
      await p.getByText("Platform").waitFor();
      await expectAccessibleAndFitting(p, `${name} account`);
      await shot(p, `${name}-account`);

      await p.getByTestId("user-menu").click();
      await p.getByRole("banner").getByRole("button", { name: "Sign out", exact: true }).click();
      await p.waitForURL(`${server.url}/sign-in`);
      await p.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
      // The session is gone on the server too: a page that needs it sends back to sign-in.
      await p.goto(`${server.url}/history`);
      await p.waitForURL(`${server.url}/sign-in?next=%2Fhistory`);
      await p.context().close();
    },
  );

  it("returns only to pages of this site after sign-in; the user menu works by keyboard", async () => {
    const p = await freshPage(DESKTOP);
    await p.goto(`${server.url}/sign-in?next=${encodeURIComponent("//evil.example/steal")}`);
    await signIn(p, people.desktop.email, people.desktop.password);
    await p.waitForURL(`${server.url}/`);

    // The user menu by keyboard: Enter opens it, Escape closes it and gives the focus back.
    const menu = p.getByTestId("user-menu");
    await menu.focus();
    await p.keyboard.press("Enter");
    expect(await menu.getAttribute("aria-expanded")).toBe("true");
    await p.getByRole("banner").getByRole("link", { name: "Account" }).waitFor();
    await p.keyboard.press("Escape");
    expect(await menu.getAttribute("aria-expanded")).toBe("false");
    expect(await p.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("user-menu");
    await p.context().close();
  });

  it("sends to sign-in when the session ends under an open page (signed out everywhere from another browser), and back after", async () => {
    const here = await freshPage(DESKTOP);
    await here.goto(`${server.url}/sign-in?next=%2Fcatalog`);
    await signIn(here, people.desktop.email, people.desktop.password);
    await here.waitForURL(`${server.url}/catalog`);
    const there = await freshPage(PHONE);
    await there.goto(`${server.url}/account`);
    await signIn(there, people.desktop.email, people.desktop.password);
    await there.getByRole("button", { name: "Sign out everywhere" }).click();
    await there.waitForURL(`${server.url}/sign-in`);
    await there.context().close();

    // This tab still thinks it is signed in; the first API call that answers 401 leads to sign-in.
    await here.getByRole("link", { name: "History" }).click();
    await here.waitForURL(`${server.url}/sign-in?next=%2Fhistory`);
    expect(await here.getByTestId("user-menu").count()).toBe(0);
    await signIn(here, people.desktop.email, people.desktop.password);
    await here.waitForURL(`${server.url}/history`);
    await here.getByRole("heading", { level: 1, name: "Your attempts" }).waitFor();
    await here.context().close();
  });

  it("changes the password with a 12-character minimum and a confirmation, and signs in with the new one", async () => {
    const p = await freshPage(PHONE);
    await p.goto(`${server.url}/account`);
    await signIn(p, people.phone.email, people.phone.password);
    await p.getByRole("heading", { level: 1, name: "Account" }).waitFor();
    const current = p.getByLabel("Current password");
    const fresh = p.getByLabel("New password", { exact: true });
    const again = p.getByLabel("New password again");
    const change = p.getByRole("button", { name: "Change password" });
    expect(await fresh.getAttribute("autocomplete")).toBe("new-password");

    await current.fill(people.phone.password);
    await fresh.fill("too short");
    await change.click();
    await p.getByText(/at least 12 characters \(this one has 9\)/).waitFor();
    expect(await p.evaluate(() => document.activeElement?.getAttribute("autocomplete"))).toBe("new-password");

    await fresh.fill("a much longer passphrase");
    await again.fill("a much longer passphrasf");
    await change.click();
    await p.getByText("The two passwords are not the same.").waitFor();

    await current.fill("not the current one");
    await again.fill("a much longer passphrase");
    await change.click();
    await p.getByText("This is not your current password.").waitFor();
    expect(await p.evaluate(() => document.activeElement?.getAttribute("autocomplete"))).toBe(
      "current-password",
    );
    await shot(p, "phone-password-errors");

    await current.fill(people.phone.password);
    await change.click();
    await p.getByTestId("password-changed").waitFor();
    people.phone.password = "a much longer passphrase";

    await p.getByRole("button", { name: "Sign out everywhere" }).click();
    await p.waitForURL(`${server.url}/sign-in`);
    await signIn(p, people.phone.email, people.phone.password);
    await p.waitForURL(`${server.url}/`);
    await p.context().close();
  });

  it("accepts an invitation: who invited which email as what, a password twice, then signed in at home", async () => {
    const lead = await freshPage(DESKTOP);
    await lead.goto(`${server.url}/sign-in`);
    await signIn(lead, admin.email, admin.password);
    await lead.waitForURL(`${server.url}/`);
    const platform = await teamIdOf(server.url, people.desktop, "Platform");
    const made = await lead.request.post(`${server.url}/api/invitations`, {
      data: { email: "new.colleague@example.com", role: "learner", teamId: platform },
    });
    expect(made.status()).toBe(201);
    const { url } = (await made.json()) as { url: string };
    await lead.context().close();

    // The phone only looks; the desktop then accepts.
    for (const [name, viewport] of [...SIZES].reverse()) {
      const p = await freshPage(viewport);
      await p.goto(server.url + url);
      await p.getByRole("heading", { level: 1, name: "Accept your invitation" }).waitFor();
      expect(await p.getByTestId("invitation-summary").textContent()).toMatch(
        /^admin@example\.com invited new\.colleague@example\.com to join certpath as a learner in the team Platform\.$/,
      );
      await expectAccessibleAndFitting(p, `${name} invitation`);
      await shot(p, `${name}-invitation`);
      if (name === "desktop") {
        await p.getByLabel("Password", { exact: true }).fill("short");
        await p.getByRole("button", { name: "Accept and sign in" }).click();
        await p.getByText(/at least 12 characters/).waitFor();
        await p.getByLabel("Password", { exact: true }).fill("welcome to the team");
        await p.getByLabel("Password again").fill("welcome to the team");
        await p.getByRole("button", { name: "Accept and sign in" }).click();
        await p.waitForURL(`${server.url}/`);
        expect(await p.getByTestId("user-menu").textContent()).toContain("new.colleague@example.com");
      }
      await p.context().close();
    }
    // Used: the link now says so instead of offering the form.
    const p = await freshPage(PHONE);
    await p.goto(server.url + url);
    await p.getByText("This invitation cannot be used.").waitFor();
    await p.context().close();
  });

  // Last: the limiter also counts per address, so it would lock the tests above out.
  it("says how long to wait when sign-in is rate-limited", async () => {
    const p = await freshPage(PHONE);
    await p.goto(`${server.url}/sign-in`);
    let status = 0;
    for (let i = 0; i < 30 && status !== 429; i++)
      status = await signIn(p, people.desktop.email, `wrong guess ${i}`);
    expect(status).toBe(429);
    const error = p.getByTestId("sign-in-error");
    await error.getByText(/Too many/).waitFor();
    expect(await error.textContent()).toMatch(
      /Too many failed sign-ins\. Wait \d+ (second|minute|hour)s?, then try again\./,
    );
    expect(await p.getByRole("button", { name: "Sign in" }).isDisabled()).toBe(true);
    await shot(p, "phone-rate-limited");
    await p.context().close();
  });
});
