// `node bench/adversarial.mjs`: the adversarial inputs of bench/adversarial-inputs.mjs at scale 1 and 10, each
// linted (and formatted, where the case names a format) by the built library in a fresh process, with wall time,
// CPU time and peak RSS. Linear work shows as a 10× / 1× ratio near 10. Run `npm run build` first.
//
// Options:
//   --cases a,b      only these cases
//   --scales 1,10    scale factors (default 1,10)
//   --timeout S      seconds before a run is killed and reported as a timeout (default 120)
//   --root DIR       the stslint checkout whose dist/ is measured (default: this one), e.g. an older build
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { adversarialCase, CASES } from './adversarial-inputs.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

const { values: options, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    cases: { type: 'string' },
    scales: { type: 'string', default: '1,10' },
    timeout: { type: 'string', default: '120' },
    root: { type: 'string', default: ROOT },
    child: { type: 'boolean', default: false },
  },
});

if (options.child) await child(positionals[0], Number(positionals[1]), resolve(options.root));
else main();

/** In the child: generate, lint, format; print one JSON line with the figures. */
async function child(id, scale, root) {
  const { lintSources, formatResults, rules } = await import(pathToFileURL(join(root, 'dist/src/index.js')).href);
  const input = adversarialCase(id).generate(scale);
  const bytes = input.sources.reduce((sum, source) => sum + source.text.length, 0);
  const cpu = process.cpuUsage();
  const start = performance.now();
  const run = lintSources(input.sources);
  let reportBytes = 0;
  if (input.format) {
    const rulesMeta = Object.fromEntries(rules.map((rule) => [rule.meta.id, rule.meta]));
    reportBytes = (await formatResults(input.format, run.results, { cwd: '/', color: false, rulesMeta })).length;
  }
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  const messages = run.results.reduce((sum, result) => sum + result.messages.length + result.suppressedMessages.length, 0);
  const rssKB = process.resourceUsage().maxRSS;
  process.stdout.write(`${JSON.stringify({ bytes, wallMs, cpuMs: (used.user + used.system) / 1000, rssKB, messages, reportBytes })}\n`);
}

function main() {
  const scales = options.scales.split(',').map(Number);
  const cases = options.cases ? options.cases.split(',').map(adversarialCase) : CASES;
  const rows = [];
  for (const entry of cases) {
    const figures = scales.map((scale) => measure(entry.id, scale));
    rows.push({ entry, figures });
    process.stderr.write(`[adversarial] ${entry.id}: ${figures.map(describe).join(' | ')}\n`);
  }
  console.log(`stslint at ${options.root}; wall and CPU time of lintSources (and the formatter) inside one fresh process per run.\n`);
  console.log(`| case | ${scales.map((scale) => `×${scale}: input, messages, wall, CPU, peak RSS`).join(' | ')} | ×${scales.at(-1)} ÷ ×${scales[0]} (CPU) |`);
  console.log(`|---|${scales.map(() => '---').join('|')}|---:|`);
  for (const { entry, figures } of rows) {
    const [first, last] = [figures[0], figures.at(-1)];
    const ratio = first.ok && last.ok ? `${(last.cpuMs / first.cpuMs).toFixed(1)}×` : '–';
    console.log(`| ${entry.id}: ${entry.title} | ${figures.map(describe).join(' | ')} | ${ratio} |`);
  }
}

function measure(id, scale) {
  const timeoutSeconds = Number(options.timeout);
  const child = spawnSync(process.execPath, ['--max-old-space-size=8192', fileURLToPath(import.meta.url), '--child', '--root', options.root, id, String(scale)], {
    encoding: 'utf8',
    timeout: timeoutSeconds * 1000,
    maxBuffer: 1 << 26,
  });
  if (child.error?.code === 'ETIMEDOUT' || child.signal) return { ok: false, why: `killed after ${timeoutSeconds} s` };
  if (child.status !== 0) return { ok: false, why: `exit ${child.status}: ${lastLine(child.stderr)}` };
  return { ok: true, ...JSON.parse(lastLine(child.stdout)) };
}

function lastLine(text) {
  return text.trim().split('\n').at(-1) ?? '';
}

function describe(figure) {
  if (!figure.ok) return figure.why.replace(/\|/g, '/').slice(0, 120);
  const mb = (bytes) => `${(bytes / 1e6).toFixed(bytes < 1e7 ? 2 : 1)} MB`;
  const s = (ms) => (ms < 1000 ? `${ms.toFixed(0)} ms` : `${(ms / 1000).toFixed(2)} s`);
  return `${mb(figure.bytes)}, ${figure.messages}, ${s(figure.wallMs)}, ${s(figure.cpuMs)}, ${mb(figure.rssKB * 1024)}`;
}
