// Where stslint's start-up goes: CPU and wall time of Node's own start-up, of importing the module bin/stslint.js
// imports (the esbuild bundle, or tsc's modules), and of one lint of a small file, inside one process.
// Usage: node bench/startup.mjs [--json] [FILE]   (default: the smallest StatefulSet manifest of the corpus)
// STSLINT_ROOT: the stslint to measure (a directory with bin/ and dist/; default: this repository).
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { manifestFiles } from './lib.mjs'; // node: built-ins only, so yaml is not loaded before it is measured

const cpuMs = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};
const stages = [];
const mark = (name, since) => stages.push({ name, cpuMs: cpuMs() - since.cpu, wallMs: performance.now() - since.wall });
const now = () => ({ cpu: cpuMs(), wall: performance.now() });

stages.push({ name: 'node start-up until this script runs', cpuMs: cpuMs(), wallMs: performance.now() });
const json = process.argv[2] === '--json';
const file = process.argv[json ? 3 : 2] ?? smallestStatefulSet();
const root = new URL(process.env.STSLINT_ROOT ? `file://${process.env.STSLINT_ROOT}/` : '../', import.meta.url);
const bin = new URL('bin/stslint.js', root);
// What bin/stslint.js loads: require('../dist/src/cli-start.cjs'), or an ES module import (an older build).
const [, required, imported] = /require\('([^']*cli[\w-]*\.cjs)'\)|from '([^']*cli\.m?js)'/.exec(readFileSync(bin, 'utf8'));
const cliPath = required ?? imported;
let at = now();
const { main } = required ? createRequire(bin)(required) : await import(new URL(cliPath, bin).href);
mark(`load ${cliPath.replace(/^(\.\.\/)+/, '')} (what bin/stslint.js loads)`, at);
at = now();
const code = await main({
  argv: ['lint', '-f', 'json', '-o', new URL('./out/startup-split.json', import.meta.url).pathname, file],
  stdout: () => {},
  stderr: (text) => process.stderr.write(text),
  readStdin: () => new Uint8Array(),
  isTTY: false,
  env: process.env,
  cwd: process.cwd(),
});
mark(`lint ${statSync(file).size}-byte file (exit ${code}), schema module load included`, at);
if (json) console.log(JSON.stringify(stages));
else for (const { name, cpuMs: cpu, wallMs } of stages) console.log(`${cpu.toFixed(0).padStart(5)} ms CPU ${wallMs.toFixed(0).padStart(5)} ms wall  ${name}`);

function smallestStatefulSet() {
  return manifestFiles([new URL('../../shared/corpus/statefulsets/', import.meta.url).pathname])
    .filter((path) => /^kind:\s*StatefulSet\s*$/m.test(readFileSync(path, 'utf8')))
    .sort((a, b) => statSync(a).size - statSync(b).size || (a < b ? -1 : a > b ? 1 : 0))[0];
}
