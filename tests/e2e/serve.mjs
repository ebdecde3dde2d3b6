#!/usr/bin/env node
// Tiny dependency-free static file server for the end-to-end tests.
//
//   node tests/e2e/serve.mjs <dir> <port> [<next-dir>]
//
// With <next-dir>, GET /__serve-next makes it serve <next-dir> from then on (a new version
// of the app at the same address, for the update test) and GET /__serve-first goes back.
// Serves files from <dir> on 127.0.0.1:<port>. "/" (and any path ending in
// "/") maps to index.html in that folder. Unknown paths give 404; paths that
// would leave <dir> give 403 (or 404). Every response carries
// Cache-Control: no-store so tests never see a stale build.

import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat, realpath } from 'node:fs/promises';
import path from 'node:path';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.ftl': 'text/plain; charset=utf-8',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
};

const [dirArg, portArg, nextArg] = process.argv.slice(2);
if (!dirArg || !portArg) {
  console.error('usage: node tests/e2e/serve.mjs <dir> <port>');
  process.exit(2);
}
const port = Number(portArg);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`serve.mjs: bad port ${portArg}`);
  process.exit(2);
}

async function folder(dir) {
  const real = await realpath(path.resolve(dir));
  if (!(await stat(real)).isDirectory()) throw new Error('not a directory');
  return real;
}

let root;
let firstRoot;
try {
  root = firstRoot = await folder(dirArg);
} catch (e) {
  console.error(`serve.mjs: cannot serve ${dirArg}: ${e.message}`);
  process.exit(2);
}

function inside(p) {
  return p === root || p.startsWith(root + path.sep);
}

function send(res, status, text, method) {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(method === 'HEAD' ? undefined : text);
}

async function resolveFile(urlPath) {
  let rel;
  try {
    rel = decodeURIComponent(urlPath);
  } catch {
    return { status: 400 };
  }
  if (rel.includes('\0')) return { status: 400 };
  // Normalise both separators and drop any attempt to climb out of root.
  const segments = rel.split(/[\\/]+/);
  if (segments.some((s) => s === '..')) return { status: 403 };
  let candidate = path.join(root, ...segments.filter((s) => s && s !== '.'));
  if (!inside(candidate)) return { status: 403 };
  if (rel.endsWith('/') || candidate === root) candidate = path.join(candidate, 'index.html');
  let real;
  try {
    real = await realpath(candidate);
  } catch {
    return { status: 404 };
  }
  // Symlinks must not lead outside root either.
  if (!inside(real)) return { status: 403 };
  let st;
  try {
    st = await stat(real);
  } catch {
    return { status: 404 };
  }
  if (st.isDirectory()) {
    const idx = path.join(real, 'index.html');
    try {
      const s2 = await stat(idx);
      if (s2.isFile()) return { status: 200, file: idx, size: s2.size };
    } catch {
      /* fall through */
    }
    return { status: 404 };
  }
  if (!st.isFile()) return { status: 404 };
  return { status: 200, file: real, size: st.size };
}

const server = createServer(async (req, res) => {
  const method = req.method || 'GET';
  if (method !== 'GET' && method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    return send(res, 405, 'Method Not Allowed\n', method);
  }
  let urlPath;
  try {
    urlPath = new URL(req.url || '/', 'http://127.0.0.1').pathname;
  } catch {
    return send(res, 400, 'Bad Request\n', method);
  }
  if (nextArg && (urlPath === '/__serve-next' || urlPath === '/__serve-first')) {
    try {
      root = urlPath === '/__serve-next' ? await folder(nextArg) : firstRoot;
    } catch (e) {
      return send(res, 404, `cannot serve ${nextArg}: ${e.message}\n`, method);
    }
    return send(res, 200, `serving ${root}\n`, method);
  }
  const r = await resolveFile(urlPath);
  if (r.status !== 200) {
    const text = { 400: 'Bad Request\n', 403: 'Forbidden\n', 404: 'Not Found\n' }[r.status] || 'Error\n';
    return send(res, r.status, text, method);
  }
  const type = MIME[path.extname(r.file).toLowerCase()] || 'application/octet-stream';
  res.writeHead(200, {
    'Content-Type': type,
    'Content-Length': r.size,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  if (method === 'HEAD') return res.end();
  const stream = createReadStream(r.file);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
});

server.listen(port, '127.0.0.1', () => {
  const addr = server.address();
  console.log(`serve.mjs: serving ${root} at http://127.0.0.1:${addr.port}/`);
});

for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => server.close(() => process.exit(0)));
}
