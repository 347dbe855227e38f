import { describe, expect, it } from "vitest";
import { browserSession, DESKTOP, PHONE } from "./harness.js";

// Issue 7, item 17 and the advisor's web face: results in the URL, rationale, learn → practise links.
const session = browserSession();
const open = session.open;

const SHOT = process.env.CERTPATH_SHOTS;

/** Active exams with and without a question bank right now (content helpers keep adding banks). */
async function banks(): Promise<{ withBank: string[]; without: string[] }> {
  const exams = (await (await fetch(`${session.url}/api/exams`)).json()) as { exams: { code: string }[] };
  const certs = (await (await fetch(`${session.url}/api/certifications?status=active`)).json()) as {
    certifications: { code: string }[];
  };
  const withBank = exams.exams.map((e) => e.code);
  return { withBank, without: certs.certifications.map((c) => c.code).filter((c) => !withBank.includes(c)) };
}

describe("web: advisor results and learn → practise", () => {
  for (const [name, viewport] of [
    ["desktop", DESKTOP],
    ["phone", PHONE],
  ] as const) {
    it(`keeps results in the URL through reload, Back and sharing, with rationale and links (${name})`, async () => {
      const p = await open("/advisor", viewport);
      await p.getByLabel("Non-technical role (manager, sales, finance)").check();
      await p.getByRole("button", { name: "Next" }).click();
      await p.getByLabel("Years of hands-on AWS experience").fill("none");
      await p.getByLabel("No", { exact: true }).check();
      for (let i = 0; i < 3; i++) await p.getByRole("button", { name: "Next" }).click();
      await p
        .locator("fieldset", { hasText: "already have in mind" })
        .getByLabel(/Machine Learning – Specialty/)
        .check();
      await p.getByRole("button", { name: "Show my paths" }).click();
      await p.getByRole("heading", { name: "Your recommended paths" }).waitFor();
      const url = new URL(p.url());
      expect(url.searchParams.get("results")).toBe("1");
      expect(url.searchParams.get("want")).toBe("MLS-C01");
      const first = p.locator(".path").first();
      expect(await first.locator(".path-meta").textContent()).toMatch(/^AIF-C01/);
      expect(await first.locator(".path-rationale").textContent()).toMatch(/asked for/);
      const step = first.locator(".timeline-step").first();
      expect(await step.getByRole("link", { name: /AI Practitioner/ }).getAttribute("href")).toBe(
        "/certifications/AIF-C01",
      );
      await step.getByRole("link", { name: "Practice exam for AIF-C01" }).waitFor();
      expect(await p.locator(".notice-warning li", { hasText: "MLS-C01" }).count()).toBe(1);
      if (SHOT) await p.screenshot({ path: `${SHOT}/advisor-results-${name}.png`, fullPage: true });
      const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);

      await p.reload();
      await p.getByRole("heading", { name: "Your recommended paths" }).waitFor();
      expect(await p.locator(".path").first().locator(".path-meta").textContent()).toMatch(/^AIF-C01/);
      await p.goBack();
      await p.getByRole("heading", { name: /Step 5 of 5/ }).waitFor();
      await p.goForward();
      await p.getByRole("heading", { name: "Your recommended paths" }).waitFor();

      // A shared link opens the same results in a fresh page.
      const shared = await open(url.pathname + url.search, viewport);
      await shared.getByRole("heading", { name: "Your recommended paths" }).waitFor();
      expect(await shared.locator(".path").first().locator(".path-meta").textContent()).toMatch(/^AIF-C01/);
      await shared.close();
      await p.close();
    });
  }

  for (const [name, viewport] of [
    ["desktop", DESKTOP],
    ["phone", PHONE],
  ] as const) {
    it(`steps without a question bank say so instead of linking a practice exam (${name})`, async () => {
      const { without } = await banks();
      const p = await open(
        "/advisor?role=network-engineer&awsExperience=1&fieldExperience=10&itBackground=yes&results=1",
      );
      await p.getByRole("heading", { name: "Your recommended paths" }).waitFor();
      // The bank sizes come from their own request: read the steps once it has answered.
      await p.waitForLoadState("networkidle");
      expect(await p.locator(".notice-warning").textContent()).toContain("Your 10 years of networking");
      for (const step of await p.locator(".timeline-step").all()) {
        const code = (await step.locator(".code").first().textContent()) ?? "";
        if (without.includes(code))
          expect(await step.textContent()).toContain(`No practice questions for ${code} yet`);
        else expect(await step.getByRole("link", { name: `Practice exam for ${code}` }).count()).toBe(1);
      }
      await p.close();
    });

    it(`a certification page links its practice exam, or says there is no bank yet (${name})`, async () => {
      const saa = await open("/certifications/SAA-C03", viewport);
      const link = saa.getByRole("link", { name: "Practice exam for SAA-C03" });
      await link.waitFor();
      expect(await link.getAttribute("href")).toBe("/exams/SAA-C03");
      expect(await saa.locator(".sources a").first().textContent()).toMatch(/certification page \(AWS\)/);
      await saa.close();
      const { without } = await banks();
      if (without[0]) {
        const none = await open(`/certifications/${without[0]}`, viewport);
        await none.getByText(`No practice question bank for ${without[0]} yet.`).waitFor();
        await none.close();
      }
      const mls = await open("/certifications/MLS-C01", viewport);
      await mls.getByText("No practice exam: this exam is retired.").waitFor();
      await mls.close();
    });

    it(`the catalog shows which exams have practice questions (${name})`, async () => {
      const p = await open("/catalog", viewport);
      await p.getByText("16 certifications").waitFor();
      const clf = p.locator(".card", { hasText: "Cloud Practitioner" }).first();
      await clf.getByRole("link", { name: /Practice questions/ }).waitFor();
      const { without } = await banks();
      if (without[0]) {
        const card = p.locator(".card", { has: p.locator(".code", { hasText: without[0] }) });
        expect(await card.textContent()).toContain("No practice questions yet");
      }
      await p.close();
    });
  }
});
