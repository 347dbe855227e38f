import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
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

// The import page with a GIFT file whose text holds <script> and <img onerror>: the preview shows text,
// nothing of the file runs, confirm writes the YAML beside the database; the export downloads a file.
const gift = readFileSync(
  join(import.meta.dirname, "..", "src", "test", "fixtures", "import", "storage.gift"),
);
const shots = join(import.meta.dirname, "..", "test-results", "screenshots");
let server: Served;
let browser: Browser;
const blocked: string[] = [];

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  expect(blocked, "the CSP blocked something").toEqual([]);
});

async function open(viewport: { width: number; height: number }) {
  const page = await browser.newPage({ viewport, acceptDownloads: true });
  watchCsp(page, blocked);
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(`${server.url}/author/import`);
  await page.getByRole("heading", { level: 1, name: "Import questions" }).waitFor();
  return { page, dialogs };
}

async function uploadAndPreview(page: Page) {
  const form = page.locator(".import-form");
  await form
    .getByLabel("Files")
    .setInputFiles({ name: "storage.gift", mimeType: "text/plain", buffer: gift });
  await form.getByLabel("Format").selectOption("gift");
  // The exam list comes from the API: wait for it before choosing.
  await page.locator("option[value='SAA-C03']").first().waitFor({ state: "attached" });
  await form.getByLabel("Exam").selectOption("SAA-C03");
  await form.getByRole("button", { name: "Upload and preview" }).click();
  await page.getByRole("heading", { level: 2, name: "Preview" }).waitFor();
}

async function expectNothingRan(page: Page, dialogs: string[]) {
  const preview = page.locator(".import-preview");
  expect(await preview.locator("script, img, iframe, [onerror]").count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { pwned?: unknown }).pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
}

describe("web: import and export for authors", () => {
  for (const [name, viewport] of [
    ["desktop", DESKTOP],
    ["phone", PHONE],
  ] as const)
    it(`uploads a GIFT file and previews each question as text, nothing of the file running (${name})`, async () => {
      const { page, dialogs } = await open(viewport);
      await uploadAndPreview(page);
      const preview = page.locator(".import-preview");
      await preview.getByText("Which service is a CDN").first().waitFor();
      expect(await preview.getByText("s3-durable-ia").count()).toBe(1);
      expect(await preview.locator(".badge-draft").count()).toBe(3);
      expect(await preview.locator("li", { hasText: "line 22" }).textContent()).toMatch(/essay/);
      expect(
        await preview.getByText("multiple choice needs at least 4 options, has 2").count(),
      ).toBeGreaterThan(0);
      await expectNothingRan(page, dialogs);
      await page.waitForLoadState("networkidle");
      expect(await axeViolations(page), "axe").toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, "horizontal overflow").toBeLessThanOrEqual(0);
      await page.screenshot({ path: join(shots, `author-import-preview-${name}.png`), fullPage: true });
      await page.getByRole("button", { name: "Confirm the import" }).click();
      await page.getByText("Written.").waitFor();
      // The page names the file it wrote, where the server keeps imports (beside its database).
      const shown = (await page.locator(".import-preview .notice li .code").first().textContent()) ?? "";
      expect(shown.startsWith(join(server.dataDir, "imports", "SAA-C03"))).toBe(true);
      const yaml = readFileSync(shown, "utf8");
      expect(yaml).toMatch(/draft: true/);
      expect(yaml).not.toMatch(/<script|onerror/);
      await expectNothingRan(page, dialogs);
      const after = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(after, "horizontal overflow after confirm").toBeLessThanOrEqual(0);
      await page.screenshot({ path: join(shots, `author-import-confirmed-${name}.png`), fullPage: true });
      await page.close();
    });

  it("shows the refusal of a broken file with its line, and writes nothing", async () => {
    const { page } = await open(DESKTOP);
    await page.getByLabel("Files").setInputFiles({
      name: "broken.gift",
      mimeType: "text/plain",
      buffer: Buffer.from("::a:: Which one? {\n=right\n~wrong\n\n::b:: Unclosed { =x ~y\n"),
    });
    await page.locator("option[value='SAA-C03']").first().waitFor({ state: "attached" });
    await page.locator(".import-form").getByLabel("Exam").selectOption("SAA-C03");
    await page.getByRole("button", { name: "Upload and preview" }).click();
    await page.getByText("Nothing of this file will be written").waitFor();
    expect(await page.locator(".badge-refused").count()).toBe(1);
    expect(await page.locator(".import-file .notice-error li").first().textContent()).toMatch(/^line \d+: /);
    expect(await page.getByRole("button", { name: "Confirm the import" }).isDisabled()).toBe(true);
    await page.close();
  });

  it("downloads an exam's bank in the chosen format", async () => {
    const { page } = await open(PHONE);
    await page.locator("option[value='CLF-C02']").last().waitFor({ state: "attached" });
    const exportForm = page.locator(".export-section");
    await exportForm.getByLabel("Exam").selectOption("CLF-C02");
    await exportForm.getByLabel("Format").selectOption("gift");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      exportForm.getByRole("button", { name: "Download" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("CLF-C02.gift");
    const text = readFileSync((await download.path()) as string, "utf8");
    expect(text).toMatch(/::clf-c02-/);
    await page.screenshot({ path: join(shots, "author-export-phone.png"), fullPage: true });
    await page.close();
  });

  it("another site cannot upload: its multipart form post is refused", async () => {
    let foreign: Server | undefined;
    try {
      foreign = createServer((_req, res) => {
        res.writeHead(200, { "content-type": "text/html" });
        res.end(`<!doctype html><body>
          <form id="up" method="POST" enctype="multipart/form-data" action="${server.url}/api/author/imports" target="f">
            <input name="format" value="gift"><textarea name="files">::q:: Q? {=a ~b}</textarea></form>
          <iframe name="f"></iframe><script>document.getElementById("up").submit()</script>`);
      });
      await new Promise<void>((resolve) => foreign?.listen(0, "127.0.0.1", resolve));
      const page = await browser.newPage();
      const statuses: number[] = [];
      page.on("response", (r) => {
        if (r.url().startsWith(`${server.url}/api/`)) statuses.push(r.status());
      });
      await page.goto(`http://localhost:${(foreign.address() as AddressInfo).port}`);
      await expect.poll(() => statuses.length, { timeout: 10_000 }).toBe(1);
      expect(statuses).toEqual([403]);
      await page.close();
    } finally {
      foreign?.close();
    }
  });
});
