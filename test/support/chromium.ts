import { chromium, type Browser } from "playwright-core";

/**
 * Debian's Chromium, as the browser tests and the benchmarks start it. Kept apart from the test server's
 * helpers, which use vitest's `expect`: a benchmark runs outside vitest and cannot import those.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}
