/** What `npm run bench` and `npm run bench:lighthouse` share: statistics and the static server. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
export const round = (x) => Math.round(x * 10) / 10;

/**
 * Serves a production build with scripts/serve-dist.mjs (the e2e suite's static server: hashed
 * assets cached, no on-the-fly compression) and resolves once it answers. Stop it with stopServer.
 */
export function startServer(dir, port) {
  const child = spawn('node', ['scripts/serve-dist.mjs', dir, '--port', String(port)], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  const base = `http://localhost:${port}`;
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + 30_000;
    const poll = async () => {
      try {
        if ((await fetch(base)).ok) return resolve(child);
      } catch {
        // not up yet
      }
      if (Date.now() > deadline) return reject(new Error('the static server (scripts/serve-dist.mjs) did not start'));
      setTimeout(poll, 200);
    };
    poll();
  });
}

export function stopServer(child) {
  try {
    process.kill(-child.pid);
  } catch {
    child.kill();
  }
}
