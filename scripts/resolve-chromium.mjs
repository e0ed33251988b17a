// Which Chromium the e2e suite and the benchmark drive: CHROMIUM_PATH, else Debian's
// chromium-headless-shell (headless runs), else Debian's chromium, else Playwright's own download.
// Playwright cannot download browsers on these machines.
//
// Why the headless shell first: it is the "old" headless Chromium that Playwright itself uses for
// headless runs. The full browser in new-headless mode costs, per test on the 2-core machine,
// ~0.2 s more CPU to open a context and ~0.3 s more per page load (GPU/compositor processes).
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

export const NO_BROWSER_MESSAGE =
  'No Chromium found for the browser tests: install one with `sudo apt-get install -y chromium chromium-headless-shell` (Debian) or `npx playwright install chromium`, or set CHROMIUM_PATH to a Chromium binary.';

export function resolveChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, but there is no file there.`);
    return { executablePath: fromEnv, source: 'CHROMIUM_PATH' };
  }
  // A window to look at (--headed, --ui, --debug, PWDEBUG) needs the full browser.
  const headed = Boolean(process.env.PWDEBUG) || process.argv.some((arg) => arg === '--headed' || arg === '--ui' || arg === '--debug');
  const shells = headed ? [] : ['/usr/lib/chromium/chromium-headless-shell', '/usr/bin/chromium-headless-shell'];
  for (const candidate of shells) {
    if (existsSync(candidate)) return { executablePath: candidate, source: 'Debian chromium-headless-shell' };
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
