import { describe, expect, it } from 'vitest';
import { lintSources } from '../../src/lint.js';
import rule from '../../rules/yaml-syntax/index.js';
import { runRule, testRule } from '../helpers/rule-tester.js';

describe('yaml-syntax', () => {
  testRule(rule, {
    valid: ['apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n', '', '# only a comment\n', '---\n---\n'],
    invalid: [
      {
        code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  x: "open\n',
        errors: [{ line: 7, column: 1, endLine: 7, endColumn: 2, message: 'Missing closing "quote' }],
      },
      {
        code: 'a:\n\t- b\n',
        errors: [{ line: 2, column: 1, endLine: 2, endColumn: 2, message: 'Tabs' }],
      },
      {
        code: 'x: "\\q"\n',
        errors: [{ line: 1, column: 5, endLine: 1, endColumn: 6, message: 'Invalid escape' }],
      },
      {
        code: 'a: [1, 2\n',
        errors: [{ line: 2, column: 1, endLine: 2, endColumn: 2, message: 'Flow sequence' }],
      },
    ],
  });

  it('keeps linting the other documents of the file', () => {
    const text = 'a:\n\t- b\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {}\n';
    const run = lintSources([{ path: 'x.yaml', text }]);
    expect(run.results[0].messages.map((m) => m.ruleId)).toEqual(['yaml-syntax', 'resource-shape']);
  });

  it('reports an alias bomb instead of expanding it', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 8; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill('*' + String.fromCharCode(96 + i)).join(', ')}]`);
    const [finding] = runRule(rule, lines.join('\n') + '\n');
    expect(finding).toMatchObject({ line: 1, column: 1, message: expect.stringContaining('alias') });
  });
});
