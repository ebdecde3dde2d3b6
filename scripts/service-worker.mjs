// Trunk post-build step (run by post-build.mjs after csp-hash.mjs, so index.html is
// final): writes sw.js from web/sw.js with the list of every file of this build and a
// version that is the hash of their contents. The same build always gives the same service worker; any change to any
// file gives a new one, which the browser installs as an update.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('service-worker: TRUNK_STAGING_DIR is not set; run this as a trunk hook');
const WORKER = 'sw.js';

function filesBelow(folder) {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    return entry.isDirectory() ? filesBelow(full) : [full];
  });
}

const files = filesBelow(dir)
  .map((full) => path.relative(dir, full).split(path.sep).join('/'))
  .filter((file) => file !== WORKER)
  .sort();
if (!files.includes('index.html')) throw new Error('service-worker: the build has no index.html');
const hash = crypto.createHash('sha256');
for (const file of files) {
  hash.update(file);
  hash.update('\0');
  hash.update(fs.readFileSync(path.join(dir, file)));
  hash.update('\0');
}
const version = hash.digest('hex').slice(0, 16);
const template = fs.readFileSync(new URL('../web/sw.js', import.meta.url), 'utf8');
for (const placeholder of ["'__VERSION__'", '__FILES__']) {
  if (!template.includes(placeholder)) throw new Error(`service-worker: ${placeholder} is missing from web/sw.js`);
}
const worker = template
  .replace("'__VERSION__'", JSON.stringify(version))
  .replace('__FILES__', JSON.stringify(files, null, 2));
fs.writeFileSync(path.join(dir, WORKER), worker);
console.log(`service-worker: ${files.length} files, version ${version}`);
