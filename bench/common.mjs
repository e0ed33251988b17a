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
 * assets cached, no on-the-fly compression) and resolves once THIS server says it listens (it
 * prints "serving …"), not when the port answers: another session's server on the same port
 * would answer, and its build would be measured instead (ours exits when it cannot listen).
 * Stop it with stopServer.
 */
export function startServer(dir, port) {
  const child = spawn('node', ['scripts/serve-dist.mjs', dir, '--port', String(port)], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the static server (scripts/serve-dist.mjs) did not start')), 30_000);
    child.stdout.on('data', (data) => {
      if (!String(data).includes('serving ')) return;
      clearTimeout(timer);
      resolve(child);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the static server stopped (exit ${code}): is port ${port} taken? Set BENCH_PORT.`));
    });
  });
}

export function stopServer(child) {
  try {
    process.kill(-child.pid);
  } catch {
    child.kill();
  }
}
