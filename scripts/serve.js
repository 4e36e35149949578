#!/usr/bin/env node
/**
 * A minimal static file server for the built site (no dependencies), used by `npm start`, the end-to-end
 * tests and the benchmark. It serves on 127.0.0.1 only, optionally under a base path (`--base /cadence`)
 * to mimic a sub-path host such as GitHub Pages. Every response carries the security headers a host should
 * send (scripts/headers.js), so the tests run under the header policy as well as the pages' <meta> one.
 *
 *   node scripts/serve.js build [--port 4173] [--base /cadence]
 */
import { createServer } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { securityHeaders } from './headers.js';

/** What a common static host compresses (GitHub Pages, Netlify, Cloudflare Pages all gzip these). */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.wasm', '.svg', '.csv', '.txt']);

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.csv': 'text/csv; charset=utf-8',
  '.gz': 'application/gzip',
  '.parquet': 'application/vnd.apache.parquet',
  '.txt': 'text/plain; charset=utf-8'
};

/** A `Range: bytes=…` header's one range (`a-b`, `a-` or the last `-n` bytes), or null when absent or of several ranges. */
export function byteRange(header, size) {
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return null;
  const start = m[1] === '' ? Math.max(0, size - Number(m[2])) : Number(m[1]);
  const end = m[1] === '' || m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  return start > end || start >= size ? 'unsatisfiable' : { start, end };
}

/**
 * `compress`: gzip what a static host would (the benchmark's slow-link load measures the bytes a visitor
 * fetches); `onRequest`: told of every request once answered (tests and benchmarks count the bytes).
 * @param {{ root: string, port?: number, base?: string, compress?: boolean, onRequest?: ((r: { path: string, range: string | null, status: number, bytes: number }) => void) | null }} options
 */
export function serve({ root, port = 4173, base = '', compress = false, onRequest = null }) {
  const gzipped = new Map();
  const dir = resolve(root);
  const prefix = base.replace(/\/+$/, '');
  const security = securityHeaders(dir);
  const server = createServer((req, res) => {
    // For tests and the benchmark: every request, with its range and the body bytes it was answered with.
    if (onRequest) res.on('finish', () => onRequest({ path: decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname), range: req.headers.range ?? null, status: res.statusCode, bytes: Number(res.getHeader('content-length') ?? 0) }));
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let path = decodeURIComponent(url.pathname);
    if (prefix) {
      if (path === prefix) {
        res.writeHead(301, { location: `${prefix}/` }).end();
        return;
      }
      if (!path.startsWith(`${prefix}/`)) {
        res.writeHead(404).end('not found');
        return;
      }
      path = path.slice(prefix.length);
    }
    let file = normalize(join(dir, path));
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      const size = statSync(file).size;
      if (compress && COMPRESSIBLE.has(extname(file)) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
        if (!gzipped.has(file)) gzipped.set(file, gzipSync(readFileSync(file)));
        const body = gzipped.get(file);
        res.writeHead(200, {
          'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
          'content-encoding': 'gzip',
          'content-length': body.length,
          'cache-control': 'no-cache',
          vary: 'accept-encoding',
          ...security
        });
        res.end(body);
        return;
      }
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      // Byte ranges, as every static host serves them: a published page reads the row groups it needs.
      const range = byteRange(String(req.headers.range ?? ''), size);
      if (range === 'unsatisfiable') {
        res.writeHead(416, { 'content-range': `bytes */${size}`, ...security }).end();
        return;
      }
      if (range) {
        res.writeHead(206, {
          'content-type': type,
          'content-length': range.end - range.start + 1,
          'content-range': `bytes ${range.start}-${range.end}/${size}`,
          'accept-ranges': 'bytes',
          'cache-control': 'no-cache',
          ...security
        });
        if (req.method === 'HEAD') res.end();
        else createReadStream(file, range).pipe(res);
        return;
      }
      res.writeHead(200, { 'content-type': type, 'content-length': size, 'accept-ranges': 'bytes', 'cache-control': 'no-cache', ...security });
      if (req.method === 'HEAD') res.end();
      else createReadStream(file).pipe(res);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain', ...security }).end('not found');
    }
  });
  return new Promise((ok) => server.listen(port, '127.0.0.1', () => ok(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const opt = (name, dflt) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : dflt;
  };
  const root = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')) ?? 'build';
  const port = Number(opt('port', process.env.PORT ?? 4173));
  const base = opt('base', process.env.BASE_PATH ?? '');
  const server = await serve({ root, port, base });
  const { port: actual } = server.address();
  console.log(`Cadence is running at http://127.0.0.1:${actual}${base}/  (Ctrl+C to stop)`);
}
