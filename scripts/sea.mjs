// npm run build:sea: stslint as one executable for this machine's platform, with Node's single executable
// applications (https://nodejs.org/api/single-executable-applications.html; Node 20.12 or later for assets).
//   dist/sea/stslint.cjs   bin/stslint.js bundled as CommonJS (a SEA's script must be) with every dependency
//   dist/sea/stslint(.exe) a copy of this Node binary with the script and the package files injected by postject
// The package files (package.json, dist/schemas/**) are SEA assets, read through scripts/embedded-sea.mjs. The
// executable parses in its main thread: the parse worker is a file, and the executable carries none.
// Needs `npm run build` first (it bundles dist/src/*.js and carries dist/schemas/). Exits 2 with one line when the
// executable cannot be built here (postject missing, a Node binary without the SEA fuse).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { jsYamlState } from './js-yaml-state.mjs';
import { tscModules } from './standalone.mjs';

const OUT = 'dist/sea';
const FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';
const executable = join(OUT, process.platform === 'win32' ? 'stslint.exe' : 'stslint');

function fail(message) {
  process.stderr.write(`build:sea: ${message}\n`);
  process.exit(2);
}

let postject;
try {
  postject = createRequire(import.meta.url)('postject');
} catch {
  fail('postject is not installed (npm ci installs it)');
}
if (!readFileSync(process.execPath).includes(FUSE)) fail(`${process.execPath} has no SEA fuse (a Node built without single executable support)`);

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
await build({
  entryPoints: ['bin/stslint.js'],
  outfile: join(OUT, 'stslint.cjs'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  inject: ['scripts/embedded-sea.mjs'],
  plugins: [tscModules, jsYamlState],
  // import.meta.url is the executable's own file: stslint finds no parse worker beside it and parses in one thread.
  define: { 'import.meta.url': '__stslintUrl' },
  banner: { js: "const __stslintUrl = require('node:url').pathToFileURL(process.execPath).href;" },
  logLevel: 'warning',
});

const assets = { 'package.json': 'package.json' };
for (const file of readdirSync('dist/schemas', { recursive: true, withFileTypes: true })) {
  if (!file.isFile()) continue;
  const path = join(file.parentPath ?? file.path, file.name).split('\\').join('/');
  assets[path] = path;
}
const config = {
  main: join(OUT, 'stslint.cjs'),
  output: join(OUT, 'stslint.blob'),
  disableExperimentalSEAWarning: true,
  useCodeCache: true,
  assets,
};
writeFileSync(join(OUT, 'sea-config.json'), `${JSON.stringify(config, null, 2)}\n`);
const blob = spawnSync(process.execPath, ['--experimental-sea-config', join(OUT, 'sea-config.json')], { encoding: 'utf8' });
if (blob.status !== 0) fail(`node --experimental-sea-config failed: ${blob.stderr.trim()}`);

copyFileSync(process.execPath, executable);
if (process.platform === 'darwin') spawnSync('codesign', ['--remove-signature', executable]);
await postject.inject(executable, 'NODE_SEA_BLOB', readFileSync(config.output), {
  sentinelFuse: FUSE,
  machoSegmentName: process.platform === 'darwin' ? 'NODE_SEA' : undefined,
});
if (process.platform === 'darwin') spawnSync('codesign', ['--sign', '-', executable]);
process.stdout.write(`${executable}\n`);
