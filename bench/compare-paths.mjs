// Run the built CLI (bin/stslint.js, after `npm run build`) on the given paths twice, on the fast loader and on the
// reference loader (STSLINT_LOADER=reference, src/load/source.ts: a measurement switch, not a user feature), and
// compare the JSON reports and exit codes. Prints one JSON line, { identical, files, differences: [...] }, and exits
// 1 when the reports differ (2 when the CLI could not run). bench/run.mjs calls it on every benchmark input.
// Usage: node bench/compare-paths.mjs PATH...
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = join(dirname(fileURLToPath(import.meta.url)), '../bin/stslint.js');
/** Differences listed at most (the first ones, in file order). */
const MAX_LISTED = 20;

function lint(paths, loader, dir) {
  const output = join(dir, `${loader}.json`);
  const env = { ...process.env };
  if (loader === 'reference') env.STSLINT_LOADER = 'reference';
  else delete env.STSLINT_LOADER;
  const child = spawnSync(process.execPath, [BIN, 'lint', '--format', 'json', '--output-file', output, ...paths], { env, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (child.status !== 0 && child.status !== 1) {
    console.error(`stslint (${loader} loader) exited ${child.status}: ${child.stderr.trim()}`);
    process.exit(2);
  }
  return { code: child.status, results: JSON.parse(readFileSync(output, 'utf8')) };
}

/** Per file whose messages differ: the file and the first message that is not the same on both paths. */
function differences(fast, reference) {
  const found = [];
  const byFile = new Map(reference.results.map((result) => [result.filePath, result]));
  for (const result of fast.results) {
    const other = byFile.get(result.filePath);
    byFile.delete(result.filePath);
    if (JSON.stringify(result) === JSON.stringify(other)) continue;
    const at = other ? result.messages.findIndex((message, i) => JSON.stringify(message) !== JSON.stringify(other.messages[i])) : 0;
    found.push({ file: result.filePath, fast: result.messages[at] ?? null, reference: other?.messages[at] ?? null, at });
  }
  for (const file of byFile.keys()) found.push({ file, fast: null, reference: 'only in the reference report' });
  if (fast.code !== reference.code) found.push({ exitCode: { fast: fast.code, reference: reference.code } });
  return found;
}

const paths = process.argv.slice(2);
if (paths.length === 0) {
  console.error('usage: node bench/compare-paths.mjs PATH...');
  process.exit(2);
}
const dir = mkdtempSync(join(tmpdir(), 'stslint-compare-'));
try {
  const fast = lint(paths, 'fast', dir);
  const reference = lint(paths, 'reference', dir);
  const found = differences(fast, reference);
  console.log(JSON.stringify({ identical: found.length === 0, files: fast.results.length, differences: found.slice(0, MAX_LISTED) }));
  process.exitCode = found.length === 0 ? 0 : 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
