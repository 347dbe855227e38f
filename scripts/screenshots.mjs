// Takes screenshots of the main pages at desktop and phone width, for a person to look at.
// Usage: node scripts/screenshots.mjs [baseUrl] [outDir]   (the server must be running)
import { mkdirSync } from "node:fs";
import { launchChromium } from "./chromium.mjs";

const base = process.argv[2] ?? "http://127.0.0.1:3000";
const out = process.argv[3] ?? "test-results/screenshots";
const pages = (
  process.env.PAGES ??
  "/,/catalog,/catalog?status=retired,/certifications/SOA-C03,/certifications/DBS-C01,/advisor"
).split(",");
mkdirSync(out, { recursive: true });
const browser = await launchChromium();
for (const [name, viewport] of [
  ["desktop", { width: 1280, height: 900 }],
  ["phone", { width: 390, height: 844 }],
]) {
  const page = await browser.newPage({ viewport });
  for (const path of pages) {
    await page.goto(base + path, { waitUntil: "networkidle" });
    const file = `${out}/${name}${path.replace(/[/?=]/g, "_") || "_home"}.png`;
    await page.screenshot({ path: file, fullPage: true });
    console.log(file);
  }
  await page.close();
}
await browser.close();
