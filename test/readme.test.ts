/**
 * Every command of README.md runs as written and every sample output is what the command prints (through the
 * built CLI, in the repository root). The hidden `readme-test` comment before each block says which it is
 * (scripts/readme-samples.ts); `npm run docs` rewrites the samples.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configSchema } from '../src/config.js';
import { needsMarker, parseMarker, readmeBlocks, runCommand, sampleText } from '../scripts/readme-samples.js';

const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const blocks = readmeBlocks(README);
const marked = blocks.filter(needsMarker).map((block) => ({ ...block, parsed: block.marker === undefined ? undefined : parseMarker(block.marker) }));

describe('README.md', () => {
  it('marks every command and output block as run, an output, or not run with a reason', () => {
    const unmarked = marked.filter(({ marker, parsed }) => !parsed && !/^not run: \S/.test(marker ?? ''));
    expect(unmarked.map((block) => `README.md:${block.line}: ${block.marker ?? 'no readme-test marker'}`)).toEqual([]);
    expect(marked.filter((block) => block.parsed).length).toBeGreaterThanOrEqual(3);
  });

  const runs = marked.filter((block) => block.parsed?.kind === 'run');
  it.each(runs.map((block) => [block.line, block] as const))('runs the commands of the block at line %i', (_, block) => {
    for (const command of block.body.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('#'))) {
      const { code, stderr } = runCommand(command);
      expect({ command, code, stderr: stderr.split('\n')[0] }).toMatchObject({ command, code: block.parsed!.exit });
    }
  });

  const outputs = marked.filter((block) => block.parsed?.kind === 'output');
  it.each(outputs.map((block) => [block.line, block.parsed!.command!, block] as const))('shows at line %i what `%s` prints', (_, command, block) => {
    const { code, stdout } = runCommand(command);
    expect(code).toBe(block.parsed!.exit);
    expect(block.body).toBe(sampleText(stdout));
  });
});

describe('README.md agrees with the package and the CLI', () => {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { dependencies: Record<string, string> };

  it("lists the runtime dependencies of package.json's dependencies", () => {
    const listed = /Runtime\s+dependencies \(package\.json's `dependencies`\): ([^.]+)\./.exec(README)?.[1];
    expect(listed?.match(/`[^`]+`/g)?.map((name) => name.slice(1, -1))).toEqual(Object.keys(pkg.dependencies).sort());
  });

  it('gives the packed and unpacked sizes that npm pack --dry-run measures, within 10%', () => {
    const [, packed, unpacked] = /Size \(`npm pack --dry-run`\): ([\d.]+) MB packed, ([\d.]+) MB unpacked/.exec(README) ?? [];
    const child = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8', cwd: new URL('..', import.meta.url) });
    const [measured] = JSON.parse(child.stdout) as { size: number; unpackedSize: number }[];
    expect(Math.abs(Number(packed) * 1e6 - measured.size) / measured.size).toBeLessThan(0.1);
    expect(Math.abs(Number(unpacked) * 1e6 - measured.unpackedSize) / measured.unpackedSize).toBeLessThan(0.1);
    // The same figures where the README speaks of size again.
    expect(README).toContain(`the npm package is ${packed} MB packed and ${unpacked} MB unpacked`);
  }, 60_000);

  it('has every option of `stslint lint --help` in the options table', () => {
    const help = runCommand('stslint lint --help').stdout;
    // The flags of each option line: what comes before the description (`--color, --no-color  force...`).
    const flagLines = help.split('\n').filter((line) => /^\s+(-\w, )?--/.test(line)).map((line) => line.trim().split(/\s{2,}/)[0]);
    const options = [...new Set(flagLines.flatMap((flags) => flags.match(/--[a-z-]+/g) ?? []))];
    expect(options.length).toBeGreaterThan(20);
    const table = README.slice(README.indexOf('| Option | Meaning |'));
    const rows = table.split('\n').slice(0, table.split('\n').findIndex((line, i) => i > 0 && !line.startsWith('|')));
    const inCell = (option: string) => new RegExp(`^\\| [^|]*[\\s\`]${option}(?=[\\s\`,=])`);
    expect(options.filter((option) => !rows.some((row) => inCell(option).test(row)))).toEqual([]);
  });

  it('shows every key of the config schema in the Configuration example', () => {
    const section = README.slice(README.indexOf('## Configuration'), README.indexOf('## Library API'));
    const example = /```yaml\n([\s\S]*?)```/.exec(section)![1];
    const keys = Object.keys((configSchema() as { properties: Record<string, unknown> }).properties).filter((key) => key !== '$schema');
    expect(keys.filter((key) => !new RegExp(`^#? ?${key.replace('$', '\\$')}:`, 'm').test(example))).toEqual([]);
    expect(section).toContain('a `$schema` key');
  });
});
