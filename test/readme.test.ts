/**
 * Every command of README.md runs as written and every sample output is what the command prints (through the
 * built CLI, in the repository root). The hidden `readme-test` comment before each block says which it is
 * (scripts/readme-samples.ts); `npm run docs` rewrites the samples.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
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
