// Profile `stslint lint` with the V8 sampling profiler and summarise where the time goes.
// Usage: node bench/profile.mjs [PATH...]   (default: ../shared/corpus/bulk/)
// Profiles bin/stslint.js as built (the esbuild bundle when there is one, which puts every function in one file);
// `npm run bench` profiles a copy of the build without the bundles instead.
// Prints top functions by self time, self time per module, and inclusive time of stslint's own functions.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = join(BENCH, '..');

/** Run stslint under --cpu-prof and return the summary of every thread's profile. */
export function profileStslint(paths, { top = 25, bin = join(ROOT, 'bin/stslint.js') } = {}) {
  const dir = join(BENCH, 'out', 'profile');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const args = ['--cpu-prof', '--cpu-prof-dir', dir, bin, 'lint', '-f', 'json', '-o', join(dir, 'report.json'), ...paths];
  const run = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
  if (run.status !== 0 && run.status !== 1) throw new Error(`stslint exited ${run.status}: ${run.stderr}`);
  const profiles = readdirSync(dir).filter((name) => name.endsWith('.cpuprofile')).sort();
  return profiles.map((name) => ({ name, ...summarise(JSON.parse(readFileSync(join(dir, name), 'utf8')), top) }));
}

/** Self time per function and per module, inclusive time per stslint function, from one .cpuprofile. */
export function summarise(profile, top) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const selfByNode = new Map();
  profile.samples.forEach((id, i) => selfByNode.set(id, (selfByNode.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));

  const selfByFunction = new Map();
  const selfByModule = new Map();
  const inclusive = new Map();
  let totalMs = 0;
  for (const [id, ms] of selfByNode) {
    totalMs += ms;
    const frame = nodes.get(id).callFrame;
    add(selfByFunction, functionKey(frame), ms);
    add(selfByModule, moduleOf(frame), ms);
    const seen = new Set();
    for (let at = id; at !== undefined; at = parents.get(at)) {
      const key = functionKey(nodes.get(at).callFrame);
      if (isOwnCode(nodes.get(at).callFrame) && !seen.has(key)) add(inclusive, key, ms);
      seen.add(key);
    }
  }
  const rows = (map, limit) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([name, ms]) => ({ name, ms, share: ms / totalMs }));
  return { totalMs, functions: rows(selfByFunction, top), modules: rows(selfByModule, 15), own: rows(inclusive, top) };
}

function add(map, key, ms) {
  map.set(key, (map.get(key) ?? 0) + ms);
}

function functionKey({ functionName, url, lineNumber }) {
  if (!url) return functionName || '(anonymous)';
  return `${functionName || '(anonymous)'} ${shortUrl(url)}:${lineNumber + 1}`;
}

function shortUrl(url) {
  const path = url.startsWith('file://') ? fileURLToPath(url) : url;
  const inModules = path.lastIndexOf('node_modules/');
  if (inModules >= 0) return path.slice(inModules + 'node_modules/'.length);
  const inDist = path.lastIndexOf('/dist/');
  if (inDist >= 0) return path.slice(inDist + 1); // the build itself or a copy of it under bench/out/
  return path.startsWith(ROOT) ? relative(ROOT, path) : path;
}

/** Group frames: a package under node_modules (with its file), stslint's dist files, node internals, V8 pseudo-frames. */
function moduleOf({ functionName, url }) {
  if (!url) return `(${functionName.replace(/[()]/g, '') || 'native'})`;
  const short = shortUrl(url);
  if (url.startsWith('node:')) return 'node internals';
  if (short.startsWith('dist/')) return short;
  const parts = short.split('/');
  const name = parts[0].startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  return `${name} (${basename(short)})`;
}

function isOwnCode({ url }) {
  return url.includes('/dist/src/') || url.includes('/dist/rules/');
}

/** V8 names profiles CPU.<date>.<time>.<pid>.<thread id>.<sequence>.cpuprofile; thread 0 is the main thread. */
function threadOf(name) {
  const thread = Number(name.split('.')[4]);
  return thread === 0 ? 'Main thread' : Number.isFinite(thread) ? `Worker thread ${thread}` : 'Thread';
}

/**
 * One sentence per thread for a verdict: time sampled, idle and GC shares, and the three functions with the most
 * self time that are neither idle nor GC.
 */
export function profileGist(summaries) {
  return summaries
    .map(({ name, totalMs, functions }) => {
      const share = (label) => ((functions.find((row) => row.name === label)?.share ?? 0) * 100).toFixed(0);
      const busiest = functions
        .filter((row) => !['(idle)', '(garbage collector)', '(program)'].includes(row.name))
        .slice(0, 3)
        .map((row) => `\`${row.name}\` ${row.ms.toFixed(0)} ms`);
      return `${threadOf(name).toLowerCase()} ${totalMs.toFixed(0)} ms sampled, ${share('(idle)')}% idle, ${share('(garbage collector)')}% GC; most self time: ${busiest.join(', ')}`;
    })
    .join('; ') + '.';
}

export function formatProfile(summaries) {
  const lines = [];
  const ms = (value) => `${value.toFixed(0)} ms`;
  const pct = (value) => `${(value * 100).toFixed(1)}%`;
  for (const { name, totalMs, functions, modules, own } of summaries) {
    lines.push(`**${threadOf(name)}** (${name}): ${ms(totalMs)} sampled`, '');
    lines.push('Self time by module:', '');
    lines.push('| module | self | share |', '|---|---:|---:|');
    for (const row of modules) lines.push(`| ${row.name} | ${ms(row.ms)} | ${pct(row.share)} |`);
    lines.push('', 'Top functions by self time:', '');
    lines.push('| function | self | share |', '|---|---:|---:|');
    for (const row of functions) lines.push(`| \`${row.name}\` | ${ms(row.ms)} | ${pct(row.share)} |`);
    lines.push('', "stslint's own functions by inclusive time (callees included):", '');
    lines.push('| function | total | share |', '|---|---:|---:|');
    for (const row of own) lines.push(`| \`${row.name}\` | ${ms(row.ms)} | ${pct(row.share)} |`);
    lines.push('');
  }
  return lines.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const paths = process.argv.length > 2 ? process.argv.slice(2) : [join(ROOT, '../shared/corpus/bulk/')];
  console.log(formatProfile(profileStslint(paths)));
}
