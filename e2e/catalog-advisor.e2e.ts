import { describe, expect, it } from "vitest";
import { axeViolations, browserSession, DESKTOP, PHONE } from "./harness.js";

const session = browserSession();
const open = session.open;

describe("web: home, catalog and certification pages", () => {
  it("home explains the four tiers with the active certifications in each", async () => {
    const p = await open("/");
    await expect(p.getByRole("heading", { level: 1 }).textContent()).resolves.toContain("AWS certification");
    const tiers = p.getByRole("group", { name: "Certification tiers" });
    await tiers.getByText("Cloud Practitioner").waitFor();
    for (const tier of ["Foundational", "Associate", "Professional", "Specialty"])
      expect(await tiers.getByRole("heading", { name: tier }).count()).toBe(1);
    expect(await tiers.getByText("CloudOps Engineer – Associate").count()).toBe(1);
    expect(await tiers.getByText("Database – Specialty").count()).toBe(0);
    await p.close();
  });

  it("catalog filters by level and status and marks retired ones with their successor", async () => {
    const p = await open("/catalog");
    await p.getByText("16 certifications").waitFor();
    await p.getByLabel("Status").selectOption("retired");
    await p.getByText("4 certifications").waitFor();
    const card = p.locator(".card", { hasText: "SAP on AWS – Specialty" });
    expect(await card.getByText("retired", { exact: true }).count()).toBe(1);
    expect(await card.textContent()).toMatch(/last exam day was 2024-04-29.*Take instead:.*SAP-C02/);
    expect(new URL(p.url()).searchParams.get("status")).toBe("retired");
    await p.getByLabel("Status").selectOption("");
    await p.getByLabel("Level").selectOption("associate");
    await p.getByText("5 certifications").waitFor();
    await p.getByLabel("As of date").fill("2024-01-01");
    await p.getByLabel("Level").selectOption("specialty");
    await p.getByText("6 certifications as of 2024-01-01").waitFor();
    // On that date the Database specialty was still active.
    await p
      .locator(".card", { hasText: "Database – Specialty" })
      .getByText("active", { exact: true })
      .waitFor();
    await p.close();
  });

  it("a certification page loads directly by URL with facts, domain chart and sources", async () => {
    const p = await open("/certifications/SOA-C03");
    await p.getByRole("heading", { level: 1, name: /CloudOps Engineer – Associate/ }).waitFor();
    const chart = p.locator(".domain-chart li");
    expect(await chart.count()).toBe(5);
    expect(await chart.first().textContent()).toContain("22%");
    expect(
      await p
        .getByRole("cell", { name: "SOA-C02" })
        .or(p.getByRole("rowheader", { name: "SOA-C02" }))
        .count(),
    ).toBe(1);
    expect(await p.locator(".sources a").count()).toBeGreaterThan(0);
    await p.close();
  });

  it("a retired certification's page says so and links its successors", async () => {
    const p = await open("/certifications/MLS-C01");
    const notice = p.locator(".notice-warning");
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(/Retired.*2026-03-31.*MLA-C01.*AIP-C01/);
    await p.close();
  });

  it("an unknown certification shows the API's message, not a blank page", async () => {
    const p = await open("/certifications/SAA-C3");
    // A helpful not-found state: the message, the suggestions as links (issue 7 item 18).
    await p.getByRole("heading", { level: 1, name: /Not found/ }).waitFor();
    expect(await p.getByRole("main").textContent()).toContain('No certification matches "SAA-C3"');
    expect(await p.getByText("Something went wrong").count()).toBe(0);
    await p
      .getByRole("main")
      .getByRole("link", { name: /^SAA-C03/ })
      .click();
    await p.waitForURL(/\/certifications\/SAA-C03$/);
    await p.close();
  });
});

describe("web: advisor wizard", () => {
  it("walks the wizard with the keyboard alone and shows a timeline with reasons", async () => {
    const p = await open("/advisor");
    await p.getByRole("heading", { name: /Step 1 of 5/ }).waitFor();
    // Step 1: role, chosen with the keyboard.
    await p.getByLabel("Web developer moving to cloud-native development").focus();
    await p.keyboard.press("Space");
    await p.keyboard.press("Enter");
    await p.getByRole("heading", { name: /Step 2 of 5/ }).waitFor();
    await p.getByLabel("Years of hands-on AWS experience").fill("1");
    await p.getByLabel("Yes").check();
    await p.keyboard.press("Enter");
    await p.getByRole("heading", { name: /Step 3 of 5/ }).waitFor();
    await p.getByLabel("AWS Lambda").check();
    await p.getByLabel("Amazon DynamoDB").check();
    await p.getByRole("button", { name: "Next" }).click();
    await p.getByRole("heading", { name: /Step 4 of 5/ }).waitFor();
    await p.getByRole("button", { name: "Next" }).click();
    await p.getByRole("heading", { name: /Step 5 of 5/ }).waitFor();
    await p.getByRole("button", { name: "Show my paths" }).click();
    await p.getByRole("heading", { name: "Your recommended paths" }).waitFor();
    const first = p.locator(".path").first();
    expect(await first.locator(".path-meta").textContent()).toMatch(/^DVA-C02 → SAA-C03/);
    expect(await first.locator(".timeline-step").first().textContent()).toContain(
      "Your organisation uses AWS Lambda and Amazon DynamoDB",
    );
    await p.close();
  });

  it("does not move on without an answer and says what is missing", async () => {
    const p = await open("/advisor");
    await p.getByRole("button", { name: "Next" }).click();
    expect(await p.getByRole("alert").textContent()).toContain("Choose the role closest to yours");
    await p.getByLabel("Non-technical role (manager, sales, finance)").check();
    await p.getByRole("button", { name: "Next" }).click();
    await p.getByLabel("Years of hands-on AWS experience").fill("-3");
    await p.getByRole("button", { name: "Next" }).click();
    expect(await p.getByRole("alert").textContent()).toContain("from 0 to 50");
    await p.close();
  });

  it("warns a manager aiming at a Professional exam and starts with the foundations", async () => {
    const p = await open("/advisor");
    await p.getByLabel("Software developer").check();
    await p.getByRole("button", { name: "Next" }).click();
    await p.getByLabel("Years of hands-on AWS experience").fill("0");
    await p.getByLabel("Yes").check();
    await p.getByRole("button", { name: "Next" }).click();
    await p.getByRole("button", { name: "Next" }).click();
    await p.getByRole("button", { name: "Next" }).click();
    await p
      .locator("fieldset", { hasText: "already have in mind" })
      .getByLabel(/Solutions Architect – Professional/)
      .check();
    await p.getByRole("button", { name: "Show my paths" }).click();
    await p.getByRole("heading", { name: "Before you start" }).waitFor();
    expect(await p.locator(".notice-warning").textContent()).toContain(
      "SAP-C02 (Solutions Architect – Professional) is a professional exam",
    );
    expect(await p.locator(".path").first().locator(".path-meta").textContent()).toMatch(
      /^SAA-C03 → SAP-C02/,
    );
    await p.close();
  });
});

describe("web: accessibility and layout", () => {
  for (const [name, viewport] of [
    ["desktop", DESKTOP],
    ["phone", PHONE],
  ] as const) {
    it(`has no serious or critical axe violations on every page (${name})`, async () => {
      for (const path of [
        "/",
        "/catalog",
        "/certifications/SAA-C03",
        "/certifications/DBS-C01",
        "/advisor",
      ]) {
        const p = await open(path, viewport);
        await p.locator("main h1").waitFor();
        await p.waitForLoadState("networkidle");
        expect(await axeViolations(p), path).toEqual([]);
        // Nothing overflows sideways on a phone.
        const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${path} horizontal overflow`).toBeLessThanOrEqual(0);
        await p.close();
      }
    });
  }

  it("advisor results page has no serious or critical axe violations", async () => {
    const p = await open("/advisor");
    await p.getByLabel("Data engineer").check();
    await p.getByRole("button", { name: "Next" }).click();
    await p.getByLabel("Years of hands-on AWS experience").fill("2");
    await p.getByLabel("Yes").check();
    for (let i = 0; i < 3; i++) await p.getByRole("button", { name: "Next" }).click();
    await p.getByRole("button", { name: "Show my paths" }).click();
    await p.getByRole("heading", { name: "Your recommended paths" }).waitFor();
    expect(await axeViolations(p)).toEqual([]);
    await p.close();
  });
});
