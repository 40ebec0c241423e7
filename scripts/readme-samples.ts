/**
 * The commands and sample outputs of README.md, checked by test/readme.test.ts and refreshed by `npm run docs`.
 * Each `sh` block and each block without a language carries a hidden marker on the line before it:
 *
 * - `<!-- readme-test: run, exit N -->`: every line of the block is a command, run in the repository root with
 *   `stslint` (or `npx stslint`) meaning the built CLI; each must exit N.
 * - `<!-- readme-test: output of COMMAND, exit N -->`: the block is what COMMAND prints on standard output, with
 *   the repository's path shown as /path/to/stslint.
 * - `<!-- readme-test: not run: REASON -->`: a synopsis, or a command that needs what a test cannot have.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The repository root (this file is in scripts/, or in dist/scripts/ once built). */
const ROOT = fileURLToPath(new URL(import.meta.url.includes('/dist/scripts/') ? '../../' : '../', import.meta.url)).replace(/\/$/, '');
/** How the repository's path is shown in the samples. */
export const SHOWN_ROOT = '/path/to/stslint';

export interface ReadmeBlock {
  /** The marker's text after `readme-test:`, or undefined when the block has none. */
  marker: string | undefined;
  /** The fence's language ('' for none). */
  lang: string;
  body: string;
  /** 1-based line of the opening fence. */
  line: number;
  /** Offsets of the body in the README. */
  start: number;
  end: number;
}

/** Every fenced block of a README, with the readme-test marker on the line before it. */
export function readmeBlocks(readme: string): ReadmeBlock[] {
  const blocks: ReadmeBlock[] = [];
  const fence = /^```(\S*)\n([\s\S]*?)^```$/gm;
  for (let match = fence.exec(readme); match; match = fence.exec(readme)) {
    const before = readme.slice(0, match.index).trimEnd().split('\n').at(-1) ?? '';
    const marker = /^<!-- readme-test: (.+) -->$/.exec(before)?.[1];
    const start = match.index + match[1].length + 4;
    blocks.push({ marker, lang: match[1], body: match[2], line: readme.slice(0, match.index).split('\n').length, start, end: start + match[2].length });
  }
  return blocks;
}

/** The blocks a marker must describe: commands (`sh`) and outputs (no language). */
export function needsMarker(block: ReadmeBlock): boolean {
  return block.lang === 'sh' || block.lang === '';
}

/** `run, exit N` or `output of COMMAND, exit N`, parsed; undefined for `not run: …` or a malformed marker. */
export function parseMarker(marker: string): { kind: 'run' | 'output'; command?: string; exit: number } | undefined {
  const run = /^run, exit (\d+)$/.exec(marker);
  if (run) return { kind: 'run', exit: Number(run[1]) };
  const output = /^output of (.+), exit (\d+)$/.exec(marker);
  return output ? { kind: 'output', command: output[1], exit: Number(output[2]) } : undefined;
}

/** Run a README command in the repository root through sh, `stslint` being the built CLI; the root shown as SHOWN_ROOT. */
export function runCommand(command: string): { code: number | null; stdout: string; stderr: string } {
  const cli = `stslint() { "${process.execPath}" "${ROOT}/bin/stslint.js" "$@"; }`;
  const child = spawnSync('sh', ['-c', `${cli}\n${command.replace(/\bnpx stslint\b/g, 'stslint')}`], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  const shown = (text: string) => text.replaceAll(ROOT, SHOWN_ROOT);
  return { code: child.status, stdout: shown(child.stdout), stderr: shown(child.stderr) };
}

/** A sample as the README shows it: without the blank lines at its ends. */
export function sampleText(text: string): string {
  return `${text.replace(/^\n+/, '').trimEnd()}\n`;
}

/** Rewrite every `output of` block of README.md with what its command prints now. */
export function refreshSamples(path = `${ROOT}/README.md`): void {
  let readme = readFileSync(path, 'utf8');
  for (const block of readmeBlocks(readme).reverse()) {
    const parsed = block.marker === undefined ? undefined : parseMarker(block.marker);
    if (parsed?.kind !== 'output') continue;
    readme = readme.slice(0, block.start) + sampleText(runCommand(parsed.command!).stdout) + readme.slice(block.end);
  }
  writeFileSync(path, readme);
}
