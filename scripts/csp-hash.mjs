// Trunk post-build hook: puts the hash of trunk's inline bootstrap script into the page's
// Content-Security-Policy, in place of 'sha256-BOOTSTRAP', so script-src needs no
// 'unsafe-inline'. The bootstrap names the hashed wasm and js files, so its hash changes with
// every build and cannot be written by hand. Fails the build if anything is not as expected:
// a page whose CSP blocks its own bootstrap would not start at all.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('csp-hash: TRUNK_STAGING_DIR is not set; run this as a trunk hook');
const file = path.join(dir, 'index.html');
let html = fs.readFileSync(file, 'utf8');
const PLACEHOLDER = "'sha256-BOOTSTRAP'";
if (!html.includes(PLACEHOLDER)) throw new Error(`csp-hash: ${PLACEHOLDER} is missing from the CSP in ${file}`);
// Inline scripts only: those without a src attribute.
const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1]);
if (inline.length === 0) throw new Error('csp-hash: no inline bootstrap script found');
const hashes = inline.map((text) => `'sha256-${crypto.createHash('sha256').update(text, 'utf8').digest('base64')}'`);
html = html.replace(PLACEHOLDER, hashes.join(' '));
fs.writeFileSync(file, html);
console.log(`csp-hash: ${hashes.length} inline script(s) allowed by hash`);
