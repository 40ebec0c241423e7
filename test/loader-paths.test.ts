import { describe, expect, it } from 'vitest';
import { builtOutline, rangeOf } from '../src/load/positions.js';
import { fromData, loadSource, toData } from '../src/load/source.js';
import { expectSameLoad } from './reliability/loader-equality.js';

const OBJECT = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n';

describe('the fast loader (src/load/fast.ts)', () => {
  it('reads plain scalars as the reference schema does: go-yaml v2 booleans, integers, floats; dates stay strings', () => {
    const data = [
      'octal: 010', 'underscores: 1_000', 'binary: 0b101', 'hex: -0x10', 'oOctal: 0o17', 'yes: yes', 'o: On', 'n: n',
      'tilde: ~', 'empty:', 'date: 2024-01-02', 'huge: 1e999', 'inf: -.inf', 'nan: .nan', 'zero: -0', 'float: 1_000.5',
      'dot: .5e3', 'sexagesimal: 1:30', 'quoted: "010"', 'plain: nginx:1.25', 'big: 99999999999999999999',
    ];
    const text = `${OBJECT}data:\n${data.map((line) => `  ${line}\n`).join('')}`;
    expect(expectSameLoad('a.yaml', text)).toBe('fast');
    const [resource] = loadSource('a.yaml', text).resources;
    expect(resource.object.data).toStrictEqual({
      octal: 8, underscores: 1000, binary: 5, hex: -16, oOctal: 15, true: true, o: true, false: false, tilde: null, empty: null,
      date: '2024-01-02', huge: '1e999', inf: -Infinity, nan: NaN, zero: -0, float: 1000.5, dot: 500, sexagesimal: '1:30',
      quoted: '010', plain: 'nginx:1.25', big: 1e20,
    });
  });

  it('keeps `__proto__` and other inherited names as plain own keys, as the reference does', () => {
    const text = `${OBJECT}data:\n  __proto__: x\n  constructor: y\n  toString: z\n`;
    expect(expectSameLoad('a.yaml', text)).toBe('fast');
    const data = loadSource('a.yaml', text).resources[0].object.data;
    expect(Object.keys(data)).toEqual(['__proto__', 'constructor', 'toString']);
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
  });

  it('builds a document outline only when a position in it is asked for, then exactly as the reference', () => {
    const text = `# leading comment\n${OBJECT}---\n\n${OBJECT.replace('name: a', 'name: b')}...\n# between\n  ${OBJECT.replace(/\n(?!$)/g, '\n  ').replace('name: a', 'name: c')}`;
    const loaded = loadSource('a.yaml', text);
    expect(loaded.loader).toBe('fast');
    expect(loaded.resources.map((resource) => [resource.outline.start, resource.outline.lazy])).toEqual([
      [18, true],
      [69, true],
      [139, true],
    ]);
    expect(rangeOf(loaded.resources[2], ['metadata', 'name'])).toEqual({ line: 17, column: 5, endLine: 17, endColumn: 12 });
    expect(loaded.resources.map((resource) => resource.outline.lazy)).toEqual([true, true, undefined]);
    expectSameLoad('a.yaml', text);
  });

  it('keeps positions exact with CRLF and lone CR line ends', () => {
    for (const newline of ['\r\n', '\r']) {
      const text = `${OBJECT}---\n${OBJECT}`.replace(/\n/g, newline);
      expect(expectSameLoad('a.yaml', text)).toBe('fast');
      expect(rangeOf(loadSource('a.yaml', text).resources[1], ['metadata', 'name'])).toEqual({ line: 9, column: 3, endLine: 9, endColumn: 10 });
    }
  });

  it('gives resource-shape findings, skipped documents and List items as the reference does', () => {
    const text = [
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {}\n',
      'name: not-an-object\n',
      '- a\n- b\n',
      'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Secret\n  metadata:\n    name: s\n- kind: Secret\n',
      '{{ "a": 1 }}: [x]\n',
    ].join('---\n');
    expect(expectSameLoad('a.yaml', text)).toBe('reference'); // the last document has a key that is a collection
    const fast = text.slice(0, text.lastIndexOf('---\n'));
    expect(expectSameLoad('a.yaml', fast)).toBe('fast');
    const loaded = loadSource('a.yaml', fast);
    expect(loaded.findings.map((finding) => `${finding.line}:${finding.column} ${finding.ruleId} ${finding.messageId}`)).toEqual([
      '3:1 resource-shape noName',
      '17:3 resource-shape missing',
      '17:3 resource-shape noName',
    ]);
    expect(loaded.skipped).toEqual([
      { reason: 'no apiVersion, kind or metadata', line: 5 },
      { reason: 'a list, not an object', line: 7 },
    ]);
    expect(loaded.documentCount).toBe(4);
  });

  it('leaves to the reference path every text it cannot prove equal', () => {
    const cases: Record<string, string> = {
      'a suppression directive': `${OBJECT}# stslint-disable-next-line x\n  labels: {}\n`,
      'a syntax error': `${OBJECT}  labels: [a\n`,
      'a duplicate key': `${OBJECT}  name: b\n`,
      'keys the same as property names': `${OBJECT}data:\n  1: a\n  "1": b\n`,
      'an alias': `${OBJECT}data: &d {a: b}\nother: *d\n`,
      'an anchor alone': `${OBJECT}data: &d {a: b}\n`,
      'a tag': `${OBJECT}data: !!str 1\n`,
      'a merge key': `${OBJECT}data:\n  <<: {a: b}\n`,
      'a key that is a collection': `${OBJECT}data:\n  [a]: b\n`,
      'a null key': `${OBJECT}data:\n  ~: b\n`,
      'a key spanning lines': `${OBJECT}data:\n  a\n  b: c\n`,
      'a directive': `%YAML 1.1\n---\n${OBJECT}`,
      'a tab in indentation': `${OBJECT}data:\n \ta: b\n`,
      'a byte-order mark': `\uFEFF${OBJECT}`,
      'an indented marker before the first document': `  ---\n${OBJECT}`,
      'a character YAML does not allow': `${OBJECT}data:\n  a: "\u0007"\n`,
      'an implicit document that is a scalar': 'just a string\n',
      'a marker followed by content before the object': `--- |\n  text\n---\n${OBJECT}---\n"quoted"\n`,
      'an unrendered template': `${OBJECT}spec: {{ .Values.spec }}\n`,
      'nesting deeper than 64': `${OBJECT}data: ${'['.repeat(70)}${']'.repeat(70)}\n`,
    };
    const taken = Object.entries(cases).map(([name, text]) => [name, expectSameLoad('a.yaml', text)]);
    expect(taken).toEqual(Object.keys(cases).map((name) => [name, 'reference']));
  });

  it('stays on the fast path with `{{ }}` inside strings, and loads a template the reference way', () => {
    expect(expectSameLoad('a.yaml', `${OBJECT}data:\n  rule: 'value > {{ $threshold }}'\n`)).toBe('fast');
  });

  it('loads the reference way when asked to, by option or by STSLINT_LOADER=reference', () => {
    expect(loadSource('a.yaml', OBJECT).loader).toBe('fast');
    expect(loadSource('a.yaml', OBJECT, { loader: 'reference' }).loader).toBe('reference');
    process.env.STSLINT_LOADER = 'reference';
    try {
      expect(loadSource('a.yaml', OBJECT).loader).toBe('reference');
    } finally {
      delete process.env.STSLINT_LOADER;
    }
  });

  it('sends an outline not built yet across threads as data, built on the other side', () => {
    const loaded = loadSource('a.yaml', `${OBJECT}---\n${OBJECT}`);
    const received = fromData(structuredClone(toData(loaded)));
    expect(received.loader).toBe('fast');
    const { outline } = received.resources[1];
    expect(outline).toMatchObject({ root: undefined, start: 51, lazy: true, events: { at: expect.any(Number) } });
    // One packed tape of js-yaml's events for the source, shared by its documents, crosses as one array.
    expect(outline.events!.tape).toBeInstanceOf(Int32Array);
    expect(outline.events!.tape).toBe(received.resources[0].outline.events!.tape);
    expect(rangeOf(received.resources[1], ['kind'])).toEqual({ line: 7, column: 1, endLine: 7, endColumn: 16 });
    expect(builtOutline(received.resources[1])).toEqual(loadSource('a.yaml', `${OBJECT}---\n${OBJECT}`, { loader: 'reference' }).resources[1].outline);
  });
});
