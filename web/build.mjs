// Builds the page of `kindling serve` into the jar's resources (src/main/resources/dev/kindling/
// serve/web/): app.js (the sources and CodeMirror, bundled and minified by esbuild), app.css,
// index.html and favicon.svg. The output is committed, so building the jar needs no Node.js.
//
//   npm ci && npm run build    rebuild after changing web/src, package.json or package-lock.json
//   npm ci && npm run check    rebuild into a temporary folder and fail if the committed files differ
//
// app.js starts with a banner holding the SHA-256 of every input (sources-sha256); the Java test
// WebBundleTest recomputes it, so a source change without a rebuild fails `mvn verify` even where
// Node.js is absent. The exact hashing: for each input in the order of INPUTS, the UTF-8 bytes of
// its path (relative to web/), a NUL byte, the file's bytes, and a NUL byte.
import { createHash } from 'node:crypto';
import {
  copyFileSync, mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const OUT = join(here, '..', 'src', 'main', 'resources', 'dev', 'kindling', 'serve', 'web');
const INPUTS = [
  'build.mjs',
  'package.json',
  'package-lock.json',
  'src/app.css',
  'src/app.js',
  'src/favicon.svg',
  'src/index.html',
];
const OUTPUTS = ['app.css', 'app.js', 'favicon.svg', 'index.html'];

function sourcesHash() {
  const h = createHash('sha256');
  for (const name of INPUTS) {
    h.update(name, 'utf8');
    h.update(Buffer.from([0]));
    h.update(readFileSync(join(here, name)));
    h.update(Buffer.from([0]));
  }
  return h.digest('hex');
}

// The npm packages that end up in the bundle (esbuild's metafile), with version and licence.
function bundledPackages(metafile) {
  const lock = JSON.parse(readFileSync(join(here, 'package-lock.json'), 'utf8'));
  const names = new Set();
  for (const output of Object.values(metafile.outputs)) {
    for (const [path, input] of Object.entries(output.inputs)) {
      const m = path.match(/node_modules\/((@[^/]+\/)?[^/]+)/);
      if (m && input.bytesInOutput > 0) names.add(m[1]);
    }
  }
  return [...names].sort().map((name) => {
    const p = lock.packages[`node_modules/${name}`];
    return `${name}@${p.version} (${p.license})`;
  });
}

async function build(outDir) {
  mkdirSync(outDir, { recursive: true });
  const common = {
    bundle: true,
    minify: true,
    legalComments: 'none',
    target: ['es2020'],
    logLevel: 'warning',
    absWorkingDir: here,
  };
  const js = await esbuild.build({
    ...common,
    entryPoints: ['src/app.js'],
    outfile: join(outDir, 'app.js'),
    format: 'iife',
    write: false,
    metafile: true,
  });
  const banner =
    `/* kindling serve page; sources-sha256: ${sourcesHash()}\n` +
    ` * bundled: ${bundledPackages(js.metafile).join(', ')} */\n`;
  writeFileSync(join(outDir, 'app.js'), banner + js.outputFiles[0].text);
  await esbuild.build({ ...common, entryPoints: ['src/app.css'], outfile: join(outDir, 'app.css') });
  copyFileSync(join(here, 'src', 'index.html'), join(outDir, 'index.html'));
  copyFileSync(join(here, 'src', 'favicon.svg'), join(outDir, 'favicon.svg'));
}

if (process.argv.includes('--check')) {
  const tmp = mkdtempSync(join(tmpdir(), 'kindling-web-'));
  try {
    await build(tmp);
    const stale = OUTPUTS.filter((name) => !readFileSync(join(tmp, name)).equals(readFileSync(join(OUT, name))));
    const extra = readdirSync(OUT).filter((name) => !OUTPUTS.includes(name));
    if (stale.length > 0 || extra.length > 0) {
      console.error(`web: the committed page differs from a fresh build: ${[...stale, ...extra].join(', ')}`);
      console.error('web: run (cd web && npm ci && npm run build) and commit the result');
      process.exit(1);
    }
    console.log(`web: the committed page is the build of its sources (${OUTPUTS.join(', ')})`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
} else {
  await build(OUT);
  console.log(`web: built ${OUTPUTS.join(', ')} into ${OUT}`);
}
