import { describe, expect, it } from 'vitest';
import { expectPositionsInside, lintAll, where } from './helpers.js';

const HEAD = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n';

/** Each broken text gives exactly these yaml-syntax findings (position and message), and the run goes on. */
const SYNTAX_ERRORS: { name: string; text: string; expected: string[]; message: RegExp }[] = [
  {
    name: 'a key indented deeper than its siblings',
    // At the ':' of the line indented too far, as kubectl names it (go-yaml: "line 5: mapping values are not allowed").
    text: `${HEAD}  name: a\n   labels: {}\n`,
    expected: ['5:10-5:11 yaml-syntax'],
    message: /^Mapping value not allowed here: .*indented too far/,
  },
  {
    name: 'a key indented less than its siblings',
    text: `${HEAD}    name: a\n  namespace: b\n`,
    expected: ['5:1-5:2 yaml-syntax'],
    message: /must start at the same column/,
  },
  { name: 'a tab as indentation', text: `${HEAD}\tname: a\n`, expected: ['4:1-4:2 yaml-syntax'], message: /Tabs/ },
  { name: 'an unclosed double quote', text: `${HEAD}  name: "a\n`, expected: ['5:1-5:2 yaml-syntax'], message: /Missing closing "quote/ },
  { name: 'an unclosed single quote', text: `${HEAD}  name: 'a\n`, expected: ['5:1-5:2 yaml-syntax'], message: /Missing closing 'quote/ },
  { name: 'an unclosed flow mapping', text: `${HEAD.slice(0, -1)} {name: a\n`, expected: ['4:1-4:2 yaml-syntax'], message: /end with a \}/ },
  { name: 'an unclosed flow sequence', text: `${HEAD}  name: a\ndata: [1, 2\n`, expected: ['6:1-6:2 yaml-syntax'], message: /end with a \]/ },
  {
    name: 'an unclosed flow collection at the very end of the file',
    text: '{a: [1, {b: 2',
    expected: ['1:14-1:15 yaml-syntax', '1:14-1:15 yaml-syntax', '1:14-1:15 yaml-syntax'],
    message: /end with a \}/,
  },
  {
    name: 'a stray --- inside a block',
    text: `${HEAD}  name: a\n  ---\n  labels: {}\n`,
    expected: ['6:9-6:10 yaml-syntax'],
    message: /^Mapping value not allowed here/,
  },
  { name: 'an invalid escape', text: `${HEAD}  name: "a\\qb"\n`, expected: ['4:11-4:12 yaml-syntax'], message: /Invalid escape sequence \\q/ },
  { name: 'an empty anchor', text: 'a: &\n', expected: ['1:4-1:5 yaml-syntax'], message: /Anchor cannot be an empty string/ },
  { name: 'a directive without a document', text: '%YAML 1.2\n', expected: ['2:1-2:2 yaml-syntax'], message: /directives-end/ },
  {
    name: 'CRLF line ends with a byte-order mark (positions count neither)',
    text: `\uFEFF${HEAD.replaceAll('\n', '\r\n')}  name: a\r\ndata:\r\n  x: [1,\r\n`,
    expected: ['7:1-7:2 yaml-syntax'],
    message: /end with a \]/,
  },
  { name: 'a tab under CRLF line ends', text: `${HEAD.replaceAll('\n', '\r\n')}\tname: a\r\n`, expected: ['4:1-4:2 yaml-syntax'], message: /Tabs/ },
  {
    name: 'a control character (kubectl refuses the file)',
    text: `${HEAD}  name: a\u0001b\n`,
    expected: ['4:10-4:11 yaml-syntax'],
    message: /U\+0001 is not allowed/,
  },
  { name: 'an escape character (terminal sequence)', text: `${HEAD}  name: a\u001b[31m\n`, expected: ['4:10-4:11 yaml-syntax'], message: /U\+001B/ },
  { name: 'a C1 control character', text: `${HEAD}  name: a\u0090\n`, expected: ['4:10-4:11 yaml-syntax'], message: /U\+0090/ },
  { name: 'a lone surrogate', text: `${HEAD}  name: a\ud800\n`, expected: ['4:10-4:11 yaml-syntax'], message: /U\+D800/ },
];

describe('YAML errors: a finding at the exact place, never a crash', () => {
  for (const { name, text, expected, message } of SYNTAX_ERRORS) {
    it(name, () => {
      const { run, messages } = lintAll(text);
      expect(run.internalError).toBe(false);
      expect(where(messages, 'yaml-syntax')).toEqual(expected);
      expect(messages.find((m) => m.ruleId === 'yaml-syntax')?.message).toMatch(message);
      expectPositionsInside({ 'test.yaml': text }, messages);
    });
  }

  it('keeps linting the documents after a broken one, and the other files', () => {
    const broken = `a:\n\t- b\n---\n${HEAD}  name: a\n  name: b\n`;
    const { messages } = lintAll({ 'broken.yaml': broken, 'other.yaml': `${HEAD}  name: c\n  name: d\n` });
    expect(messages.map((m) => `${m.file} ${m.line}:${m.column} ${m.ruleId}`)).toEqual([
      'broken.yaml 2:1 yaml-syntax',
      'broken.yaml 8:3 duplicate-key',
      'other.yaml 5:3 duplicate-key',
    ]);
  });
});

describe('line numbers after an error', () => {
  it('stay exact after a multi-line token the parser rejects (it does not count the line breaks inside)', () => {
    const text = `apiVersion: apps/v1\n}apiVersion: apps/v1\n    apiVersion: apps/v1\n---\n${HEAD}  name: a\n  name: b\n`;
    const { messages } = lintAll(text);
    expect(where(messages)).toEqual([
      '2:1-2:2 yaml-syntax',
      '2:2-2:12 yaml-syntax',
      '2:12-2:13 yaml-syntax',
      '2:14-3:15 yaml-syntax',
      '3:15-3:16 yaml-syntax',
      '3:17-3:24 yaml-syntax',
      '9:3-9:7 duplicate-key',
    ]);
    expectPositionsInside({ 'test.yaml': text }, messages);
  });
});

describe('documents that are not objects', () => {
  it.each([
    ['only a scalar', 'just a string\n', '1:1-1:14'],
    ['only a number', '42\n', '1:1-1:3'],
    ['only a block list of objects', '- apiVersion: v1\n  kind: ConfigMap\n', '1:3-1:17'],
    ['only a flow list of objects', '[{kind: ConfigMap}]\n', '1:3-1:18'],
  ])('%s is a resource-shape finding', (_, text, range) => {
    const { messages } = lintAll(text);
    expect(where(messages)).toEqual([`${range} resource-shape`]);
    expect(messages[0].message).toMatch(/not a Kubernetes object/);
  });

  it.each([
    ['an empty file', ''],
    ['a file of comments only', '# one\n# two\n'],
    ['document separators only', '---\n---\n---\n'],
    ['a null document', 'null\n'],
    ['a document end marker only', '...\n'],
    ['a byte-order mark only', '\uFEFF'],
    ['CRLF blank lines', '\r\n\r\n'],
  ])('%s has nothing to report', (_, text) => {
    const { run, messages } = lintAll(text);
    expect(messages).toEqual([]);
    expect(run.stats.documents).toBe(0);
  });
});

describe('positions stay exact with a byte-order mark and CRLF line ends', () => {
  const lf = `${HEAD}  name: a\n  name: b\n`;
  it.each([
    ['LF', lf],
    ['CRLF', lf.replaceAll('\n', '\r\n')],
    ['BOM and CRLF', `\uFEFF${lf.replaceAll('\n', '\r\n')}`],
  ])('%s', (_, text) => {
    const { messages } = lintAll(text);
    expect(where(messages)).toEqual(['5:3-5:7 duplicate-key']);
  });
});
