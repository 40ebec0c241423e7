import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_FILE_BYTES, decodeManifest, readManifest } from '../../src/load/read.js';
import { lintFiles } from '../../src/lint.js';
import { loadSource } from '../../src/load/source.js';
import { MAX_ALIAS_COUNT, MAX_DEPTH } from '../../src/load/tokens.js';
import { rangeOf } from '../../src/load/positions.js';
import { expectPositionsInside, lintAll, tempDir, where } from './helpers.js';

const CONFIG_MAP = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n';

/** "Billion laughs": each level refers ten times to the one before, 10^levels strings once expanded. */
function aliasBomb(levels: number): string {
  const lines = [`${CONFIG_MAP}data:`, '  l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let i = 1; i < levels; i++) lines.push(`  l${i}: &l${i} [${Array(10).fill(`*l${i - 1}`).join(', ')}]`);
  return `${lines.join('\n')}\n`;
}

/** Time a synchronous call in milliseconds. */
function timed<T>(run: () => T): [T, number] {
  const start = performance.now();
  const result = run();
  return [result, performance.now() - start];
}

describe('alias bombs and cycles', () => {
  it(`refuses a billion-laughs document (alias limit ${MAX_ALIAS_COUNT}) quickly, and loads the next document`, () => {
    const [{ messages }, ms] = timed(() => lintAll(`${aliasBomb(9)}---\n${CONFIG_MAP}  name: b\n`));
    expect(where(messages)).toEqual(['1:1-1:1 yaml-syntax', '20:3-20:7 duplicate-key']);
    expect(messages[0].message).toMatch(/Document not loaded: Excessive alias count/);
    expect(ms).toBeLessThan(5_000);
  });

  it('loads a document that uses a few aliases', () => {
    const { messages } = lintAll(aliasBomb(2));
    expect(where(messages, 'yaml-syntax')).toEqual([]);
  });

  it.each([
    ['a mapping that contains itself', `${CONFIG_MAP}data: &d\n  x: *d\n`],
    ['a list that contains itself', `${CONFIG_MAP}data:\n  x: &l [a, *l]\n`],
    ['a document that is its own alias', '&a [*a]\n'],
  ])('refuses %s (a cycle would never end a rule walking it)', (_, text) => {
    const { messages } = lintAll(text);
    expect(where(messages)).toEqual(['1:1-1:1 yaml-syntax']);
    expect(messages[0].message).toMatch(/cycle/);
  });

  it('refuses aliases that nest deeper than the depth limit once expanded', () => {
    const deep = (anchor: string, inner: string) => `&${anchor} ${'['.repeat(100)}${inner}${']'.repeat(100)}`;
    const text = `${CONFIG_MAP}data:\n  a: ${deep('a', '1')}\n  b: ${deep('b', '*a')}\n`;
    const { messages } = lintAll(text);
    expect(where(messages)).toEqual(['1:1-1:1 yaml-syntax']);
    expect(messages[0].message).toMatch(new RegExp(`more than ${MAX_DEPTH} levels deep once aliases are expanded`));
  });

  it('reports an alias to an unknown anchor and a merge of a non-mapping', () => {
    expect(lintAll(`${CONFIG_MAP}data: *nope\n`).messages[0].message).toMatch(/Unresolved alias/);
    expect(lintAll(`${CONFIG_MAP}data:\n  <<: [1]\n`).messages[0].message).toMatch(/Merge sources must be maps/);
  });
});

describe(`deeply nested documents (depth limit ${MAX_DEPTH})`, () => {
  const cases: [string, (depth: number) => string, string][] = [
    ['flow lists', (n) => `${'['.repeat(n)}${']'.repeat(n)}\n`, `1:${MAX_DEPTH + 1}-1:${MAX_DEPTH + 2}`],
    ['flow mappings', (n) => `${'{a: '.repeat(n)}1${'}'.repeat(n)}\n`, `1:${4 * MAX_DEPTH + 1}-1:${4 * MAX_DEPTH + 2}`],
    ['block lists', (n) => `${'- '.repeat(n)}x\n`, `1:${2 * MAX_DEPTH + 1}-1:${2 * MAX_DEPTH + 2}`],
    [
      'block mappings',
      (n) => `${Array.from({ length: n }, (_, i) => `${' '.repeat(i)}a:`).join('\n')} 1\n`,
      `${MAX_DEPTH + 1}:${MAX_DEPTH + 1}-${MAX_DEPTH + 1}:${MAX_DEPTH + 2}`,
    ],
  ];
  for (const [name, make, range] of cases) {
    it(`refuses ${name} nested ${MAX_DEPTH + 1} deep at the first level too many, and loads ${MAX_DEPTH}`, () => {
      const { messages } = lintAll(make(MAX_DEPTH + 1));
      expect(where(messages)).toEqual([`${range} yaml-syntax`]);
      expect(messages[0].message).toMatch(/nested more than 128 levels deep/);
      expect(where(lintAll(make(MAX_DEPTH)).messages, 'yaml-syntax')).toEqual([]);
    });
  }

  it('refuses 100,000 levels in bounded time, without a stack overflow', () => {
    const [{ run, messages }, ms] = timed(() => lintAll(`${'['.repeat(100_000)}${']'.repeat(100_000)}\n---\n${'- '.repeat(100_000)}x\n`));
    expect(run.internalError).toBe(false);
    expect(where(messages)).toEqual([`1:129-1:130 yaml-syntax`, '3:257-3:258 yaml-syntax']);
    expect(ms).toBeLessThan(10_000);
  });

  it('gives the first offender in document order', () => {
    const deep = `${'['.repeat(MAX_DEPTH + 1)}${']'.repeat(MAX_DEPTH + 1)}`;
    const { messages } = lintAll(`a: 1\nb: ${deep}\nc: ${deep}\n`);
    expect(where(messages)).toEqual([`2:${3 + MAX_DEPTH}-2:${4 + MAX_DEPTH} yaml-syntax`]);
  });
});

describe('huge inputs', () => {
  it('loads a single 10 MB scalar with exact positions after it', () => {
    const big = 'x'.repeat(10 * 1024 * 1024);
    const text = `${CONFIG_MAP}data:\n  big: ${big}\n  folded: |\n    ${big}\n  name: a\n  name: b\n`;
    const [{ run, messages }, ms] = timed(() => lintAll(text));
    expect(run.stats.resources).toBe(1);
    expect(where(messages)).toEqual(['10:3-10:7 duplicate-key']);
    expect(ms).toBeLessThan(30_000);
  });

  it('loads thousands of documents one by one, with exact positions in the last', () => {
    const count = 5_000;
    const docs = Array.from({ length: count }, (_, i) => `${CONFIG_MAP.replace('name: a', `name: cm-${i}`)}data:\n  key: "${i}"\n`);
    const text = `${docs.join('---\n')}---\n${CONFIG_MAP}  name: twice\n`;
    const [loaded, ms] = timed(() => loadSource('many.yaml', text));
    expect(loaded.documentCount).toBe(count + 1);
    expect(loaded.findings.map((f) => `${f.line}:${f.column} ${f.ruleId}`)).toEqual([`${7 * count + 5}:3 duplicate-key`]);
    const last = loaded.resources[count - 1];
    expect(rangeOf(last, ['data', 'key'])).toEqual({ line: 7 * count - 1, column: 3, endLine: 7 * count - 1, endColumn: 14 });
    // Only the outline of each document is kept: it starts at the document's `---`.
    expect(last.outline.start).toBe(text.lastIndexOf('---\n', text.indexOf(`name: cm-${count - 1}\n`)));
    expect(ms).toBeLessThan(30_000);
  });

  it(`refuses a file over the size limit (default ${DEFAULT_MAX_FILE_BYTES} bytes) without reading it`, async () => {
    expect(DEFAULT_MAX_FILE_BYTES).toBeGreaterThanOrEqual(100 * 1024 * 1024);
    const dir = tempDir();
    const big = `${CONFIG_MAP}data:\n  x: ${'y'.repeat(2000)}\n`;
    writeFileSync(join(dir, 'big.yaml'), big);
    writeFileSync(join(dir, 'small.yaml'), CONFIG_MAP);
    const run = await lintFiles([dir], { maxFileBytes: 1000, registry: [] });
    const messages = run.results.map((result) => [result.filePath, result.messages.map((m) => m.message)]);
    expect(messages).toEqual([
      [join(dir, 'big.yaml'), [`File not read: ${big.length} bytes is over the limit of 1000 bytes (--max-file-size)`]],
      [join(dir, 'small.yaml'), []],
    ]);
    expect(await readManifest(join(dir, 'big.yaml'), big.length)).toHaveProperty('text');
  });

  it('refuses standard input over the size limit too', () => {
    const bytes = new TextEncoder().encode(`${CONFIG_MAP}data:\n  x: ${'y'.repeat(2000)}\n`);
    expect(decodeManifest('<stdin>', bytes, 1000)).toMatchObject({ finding: { message: expect.stringMatching(/over the limit of 1000/) } });
    expect(decodeManifest('<stdin>', bytes)).toHaveProperty('text');
  });

  it('keeps every position inside the file for the big cases', () => {
    const text = `${aliasBomb(9)}---\n${'['.repeat(200)}${']'.repeat(200)}\n`;
    expectPositionsInside({ 'test.yaml': text }, lintAll(text).messages);
  });
});
