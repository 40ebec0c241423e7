// Where the floor's time goes, and what cheaper loading strategies would cost, measured in one process by CPU time
// (process.cpuUsage, all threads), each variant run in a fresh child so that JIT and heap state do not carry over.
// Usage: node bench/phases.mjs [PATH...]   (default: ../shared/corpus/bulk/)
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CORE_SCHEMA, loadAll } from 'js-yaml';
import { LineCounter, Parser, parseAllDocuments } from 'yaml';
import { manifestFiles } from './lib.mjs';

// stslint's own loader as built (npm run build): both paths of src/load/source.ts, every loaded source kept. From
// the build at STSLINT_BUILD when set (bench/run.mjs: its modules copy, whose js-yaml is the bundles'), else this
// repository's dist/.
const BUILT_SOURCE = process.env.STSLINT_BUILD
  ? pathToFileURL(join(process.env.STSLINT_BUILD, 'dist/src/load/source.js'))
  : new URL('../dist/src/load/source.js', import.meta.url);
const { loadSource } = existsSync(BUILT_SOURCE) ? await import(BUILT_SOURCE.href) : {};

const VARIANTS = {
  'read files only': () => {},
  'yaml: CST only (Parser)': (text) => {
    for (const token of new Parser().parse(text)) void token;
  },
  'yaml: parseAllDocuments + LineCounter (no toJS)': (text) => {
    parseAllDocuments(text, { lineCounter: new LineCounter(), prettyErrors: false, merge: true });
  },
  'yaml: parseAllDocuments + LineCounter + toJS = floor (a)': (text) => {
    const docs = parseAllDocuments(text, { lineCounter: new LineCounter(), prettyErrors: false, merge: true });
    for (const doc of docs) doc.toJS({ maxAliasCount: 1000 });
  },
  'floor (a), every Document and value kept to the end': (text, kept) => {
    const lineCounter = new LineCounter();
    for (const doc of parseAllDocuments(text, { lineCounter, prettyErrors: false, merge: true })) {
      kept.push(doc, doc.toJS({ maxAliasCount: 1000 }));
    }
    kept.push(lineCounter, text);
  },
  'js-yaml loadAll (default schema) = floor (b)': (text) => {
    loadAll(text);
  },
  'js-yaml loadAll, core schema, per document split at ---/... lines, values kept': (text, kept) => {
    for (const doc of splitDocuments(text)) kept.push(loadAll(doc.text, null, { schema: CORE_SCHEMA }));
  },
  'stslint loadSource, reference path (yaml package, outlines, comments), kept': (text, kept, file) => {
    kept.push(loadSource(file, text, { loader: 'reference' }));
  },
  'stslint loadSource, fast path (js-yaml, outlines when asked for), kept': (text, kept, file) => {
    kept.push(loadSource(file, text));
  },
};

/** YAML forbids `---` and `...` at the start of a line inside any scalar, so these lines always delimit documents. */
function splitDocuments(text) {
  const docs = [];
  const marker = /^(?:---|\.\.\.)(?=[ \t\r\n]|$)/gm;
  let start = 0;
  for (let match = marker.exec(text); match; match = marker.exec(text)) {
    docs.push({ start, text: text.slice(start, match.index) });
    start = match.index;
  }
  docs.push({ start, text: text.slice(start) });
  return docs;
}

function runVariant(name, paths) {
  const kept = [];
  const files = manifestFiles(paths);
  const before = process.cpuUsage();
  for (const file of files) VARIANTS[name](readFileSync(file, 'utf8'), kept, file);
  const used = process.cpuUsage(before);
  const rss = process.resourceUsage().maxRSS;
  console.log(JSON.stringify({ cpuMs: (used.user + used.system) / 1000, rssKB: rss, kept: kept.length }));
}

/** Markdown table: CPU time and peak RSS of every variant, median of 3 fresh processes each; stslint's from `build`. */
export function phaseTable(paths, build) {
  const script = fileURLToPath(import.meta.url);
  const lines = ['| variant | CPU | peak RSS MB |', '|---|---:|---:|'];
  for (const name of Object.keys(VARIANTS).filter((variant) => loadSource || !variant.startsWith('stslint'))) {
    const samples = [0, 1, 2].map(() => {
      const env = build ? { ...process.env, STSLINT_BUILD: build } : process.env;
      const child = spawnSync(process.execPath, [script, '--variant', name, ...paths], { encoding: 'utf8', env });
      if (child.status !== 0) throw new Error(child.stderr);
      return JSON.parse(child.stdout);
    });
    const median = (key) => samples.map((sample) => sample[key]).sort((a, b) => a - b)[1];
    lines.push(`| ${name} | ${(median('cpuMs') / 1000).toFixed(2)} s | ${(median('rssKB') / 1024).toFixed(0)} |`);
  }
  return lines.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [, , first, ...rest] = process.argv;
  if (first === '--variant') runVariant(rest[0], rest.slice(1));
  else printTable(first ? [first, ...rest] : [join(dirname(fileURLToPath(import.meta.url)), '../../shared/corpus/bulk/')]);
}

function printTable(paths) {
  console.log(`CPU time from the first read to the last parse, median of 3 fresh processes, on ${paths.join(' ')}\n`);
  console.log(phaseTable(paths));
}
