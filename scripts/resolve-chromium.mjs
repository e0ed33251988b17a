// Which Chromium the e2e suite and the benchmark drive: CHROMIUM_PATH, else Debian's chromium,
// else Playwright's own download. Playwright cannot download browsers on these machines.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

export const NO_BROWSER_MESSAGE =
  'No Chromium found for the browser tests: install one with `sudo apt-get install -y chromium` (Debian/Ubuntu) or `npx playwright install chromium`, or set CHROMIUM_PATH to a Chromium binary.';

export function resolveChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, but there is no file there.`);
    return { executablePath: fromEnv, source: 'CHROMIUM_PATH' };
  }
  // The real binary skips the Debian wrapper script (which prints harmless shell warnings).
  for (const candidate of ['/usr/lib/chromium/chromium', '/usr/bin/chromium']) {
    if (existsSync(candidate)) return { executablePath: candidate, source: 'Debian chromium' };
  }
  try {
    if (existsSync(chromium.executablePath())) return { executablePath: undefined, source: "Playwright's own Chromium" };
  } catch {
    // No bundled browser either.
  }
  throw new Error(NO_BROWSER_MESSAGE);
}
