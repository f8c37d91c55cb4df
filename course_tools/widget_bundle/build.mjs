// Builds the book's widget renderer with esbuild: `node build.mjs OUT_DIR` (run by course_tools/vendor_js.py after
// `npm ci`). Writes OUT_DIR/course-widgets.js and, since the bundle redistributes them, the licence of every
// package whose code it holds: OUT_DIR/course-widgets.js.LICENSES.txt.
import { build } from 'esbuild';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = process.argv[2];
if (!out) {
  console.error('usage: node build.mjs OUT_DIR');
  process.exit(2);
}

async function css(entry) {
  const result = await build({ entryPoints: [entry], bundle: true, minify: true, write: false, logLevel: 'error' });
  return result.outputFiles[0].text;
}

const result = await build({
  entryPoints: [path.join(here, 'src/index.js')],
  metafile: true,
  absWorkingDir: here,  // the metafile's input paths are relative to this folder
  bundle: true,
  minify: true,
  format: 'iife',
  target: 'es2019',
  legalComments: 'none',  // the licences are written in full below
  outfile: path.join(out, 'course-widgets.js'),
  logLevel: 'warning',
  define: {
    __COURSE_WIDGETS_CSS__: JSON.stringify(await css(path.join(here, 'src/styles.css'))),
    __COURSE_LAB_VARIABLES_CSS__: JSON.stringify(
      await css(path.join(here, 'node_modules/@jupyter-widgets/controls/css/labvariables.css'))
    ),
  },
});

// What the bundle holds: its inputs, less the empty stubs for files the packages' "browser" fields disable.
// node_modules/<name>/... or node_modules/@scope/<name>/...; the innermost node_modules wins (nested copies).
const bundled = Object.values(result.metafile.outputs).flatMap((o) =>
  Object.entries(o.inputs).map(([k]) => k).filter((k) => !k.startsWith('(disabled):'))
);
const packages = new Set();
for (const input of bundled) {
  const m = input.match(/^(.*node_modules\/((?:@[^/]+\/)?[^/]+))\//);
  if (m) packages.add(m[1]);
}
const notices = [...packages].sort().map((dir) => {
  const pkg = JSON.parse(readFileSync(path.join(here, dir, 'package.json'), 'utf8'));
  const file = readdirSync(path.join(here, dir)).find((f) => /^(licen[cs]e|copying)/i.test(f));
  if (!pkg.license) throw new Error(`build.mjs: ${pkg.name}@${pkg.version} declares no licence (${dir})`);
  // Many Jupyter and lumino packages ship no licence file; their package.json names the licence and the source.
  const repo = typeof pkg.repository === 'string' ? pkg.repository : (pkg.repository || {}).url || '';
  const text = file
    ? readFileSync(path.join(here, dir, file), 'utf8').trim()
    : `No licence file in the package. package.json declares ${pkg.license}; source: ${repo || pkg.homepage || '(not given)'}`;
  return `${pkg.name}@${pkg.version} (${pkg.license})\n\n${text}\n`;
});
writeFileSync(path.join(out, 'course-widgets.js.LICENSES.txt'), notices.join('\n' + '-'.repeat(78) + '\n\n'));
console.log(`build.mjs: ${bundled.length} modules from ${packages.size} packages`);
