// Debian's Chromium driven by playwright-core, for the browser tests, screenshots and the bench.
// These flags keep it from reaching out to the network this machine does not have.
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-quic",
  "--disable-sync",
];

/** Launches headless Chromium (`CHROMIUM_PATH` or /usr/bin/chromium); `extraArgs` e.g. host-resolver rules. */
export async function launchChromium({ extraArgs = [] } = {}) {
  const { chromium } = await import("playwright-core");
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
}
