#!/usr/bin/env node
/**
 * Serves a production build as a static host would, for the e2e suite and the benchmark:
 * hashed files under /assets/ are cached for good (`immutable`), everything else (index.html,
 * hosting-panel-sw.js, locales) is revalidated; any other path gets index.html (client routes);
 * the build's precompressed `.br` / `.gz` files go to browsers that accept them.
 *
 * Why not `vite preview`: it sends every file with `Cache-Control: no-cache` and gzips it again
 * on each request, so every page load of a test re-asked for ~35 files and the server re-compressed
 * ~800 KB of JavaScript per new browser context. Measured on the 2-core machine: a page load
 * in an already-open context cost ~100 ms less CPU here.
 *
 *   node scripts/serve-dist.mjs <dir> --port <port>
 */
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import sirv from 'sirv';

const args = process.argv.slice(2);
const dir = args.find((arg, i) => !arg.startsWith('--') && args[i - 1] !== '--port');
const port = Number(args[args.indexOf('--port') + 1]);
if (!dir || !existsSync(dir) || !Number.isInteger(port) || args.indexOf('--port') < 0) {
  console.error('usage: node scripts/serve-dist.mjs <built dir> --port <port>');
  process.exit(2);
}

const serve = sirv(dir, {
  single: true,
  etag: true,
  // The build wrote .br and .gz files (vite.config.ts, precompress): sent to browsers that accept
  // them, as a static host does; nothing is compressed on a request.
  brotli: true,
  gzip: true,
  setHeaders(res, pathname) {
    res.setHeader('Cache-Control', pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
  },
});

createServer((req, res) =>
  serve(req, res, () => {
    res.statusCode = 404;
    res.end('Not found');
  }),
)
  .listen(port, () => console.log(`serving ${dir} at http://localhost:${port}`))
  .on('error', (error) => {
    console.error(`could not serve ${dir} on port ${port}: ${error.message}`);
    process.exit(1);
  });
