#!/usr/bin/env node
// Measure the built CLI on one huge file made of the real corpus manifests, repeated:
//   npm run build && node test/reliability/measure-huge.mjs [megabytes=100] [corpus dir=../shared/corpus/statefulsets]
// Prints the file's size and document count, then wall time, CPU time and peak memory (GNU time).
// The figures in RELIABILITY.md come from this script.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const megabytes = Number(process.argv[2] ?? 100);
const corpus = resolve(process.argv[3] ?? '../shared/corpus/statefulsets');

const manifests = readdirSync(corpus)
  .filter((name) => /\.ya?ml$/.test(name))
  .sort()
  .map((name) => readFileSync(join(corpus, name), 'utf8').replace(/^---\s*\n/, '').replace(/\n?$/, '\n'));
const chunks = [];
let bytes = 0;
for (let i = 0; bytes < megabytes * 1024 * 1024; i++) {
  const chunk = `${i > 0 ? '---\n' : ''}${manifests[i % manifests.length]}`;
  chunks.push(chunk);
  bytes += Buffer.byteLength(chunk);
}
const dir = mkdtempSync(join(tmpdir(), 'stslint-huge-'));
const file = join(dir, 'huge.yaml');
const text = chunks.join('');
writeFileSync(file, text);
const documents = text.split(/^---$/m).length;

const child = spawnSync(
  '/usr/bin/time',
  ['-v', process.execPath, resolve('bin/stslint.js'), file, '--max-file-size', String(2 * bytes), '-f', 'json', '-o', join(dir, 'out.json')],
  { encoding: 'utf8' },
);
const stat = (label) => child.stderr.match(new RegExp(`${label}: (.*)`))?.[1];
const report = JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8'));
const findings = report.reduce((sum, result) => sum + result.messages.length, 0);
const internal = report.flatMap((result) => result.messages).filter((message) => message.ruleId === 'internal-error').length;
console.log(
  JSON.stringify(
    {
      bytes,
      documents,
      exitCode: child.status,
      findings,
      internalErrors: internal,
      wall: stat('Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\)'),
      userSeconds: Number(stat('User time \\(seconds\\)')),
      peakRssMB: Math.round(Number(stat('Maximum resident set size \\(kbytes\\)')) / 1024),
    },
    null,
    2,
  ),
);
rmSync(dir, { recursive: true, force: true });
