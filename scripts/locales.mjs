// Trunk post-build step (run by post-build.mjs before service-worker.mjs, so the service
// worker keeps them for offline use): copies every language but English, which is compiled
// into the app, to dist/locales/ as compact JSON. The app fetches a language's file the
// first time it is chosen (src/i18n.rs), so no language adds to the first load.
import fs from 'node:fs';
import path from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('locales: TRUNK_STAGING_DIR is not set; run this as a trunk hook');
const COMPILED_IN = 'en.json';
const source = new URL('../locales/', import.meta.url);
const target = path.join(dir, 'locales');
fs.mkdirSync(target, { recursive: true });
const files = fs.readdirSync(source).filter((file) => file.endsWith('.json') && file !== COMPILED_IN);
for (const file of files) {
  const texts = JSON.parse(fs.readFileSync(new URL(file, source), 'utf8'));
  fs.writeFileSync(path.join(target, file), JSON.stringify(texts));
}
console.log(`locales: ${files.length} languages to load on demand`);
