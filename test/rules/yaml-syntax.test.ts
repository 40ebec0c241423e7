import { describe, expect, it } from 'vitest';
import rule from '../../rules/yaml-syntax/index.js';
import { lintSources } from '../../src/lint.js';
import { RuleTester } from '../../src/linter/rule-tester.js';

/** Eight levels of aliases, each expanding the one before ten times: 10^8 nodes if expanded. */
const aliasBomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]']
  .concat([1, 2, 3, 4, 5, 6, 7].map((i) => `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill('*' + String.fromCharCode(96 + i)).join(', ')}]`))
  .join('\n');

new RuleTester().run('yaml-syntax', rule, {
  valid: ['apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n', '', '# only a comment\n', '---\n---\n'],
  invalid: [
    {
      code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  x: "open\n',
      errors: [{ messageId: 'parseError', message: /^Missing closing "quote/, line: 7, column: 1, endLine: 7, endColumn: 2 }],
    },
    {
      code: 'a:\n\t- b\n',
      errors: [{ messageId: 'parseError', message: /^Tabs/, line: 2, column: 1, endLine: 2, endColumn: 2 }],
    },
    {
      code: 'x: "\\q"\n',
      errors: [{ messageId: 'parseError', message: /^Invalid escape/, line: 1, column: 5, endLine: 1, endColumn: 6 }],
    },
    {
      code: 'a: [1, 2\n',
      errors: [{ messageId: 'parseError', message: /^Flow sequence/, line: 2, column: 1, endLine: 2, endColumn: 2 }],
    },
    {
      name: 'an alias bomb is reported instead of expanded',
      code: `${aliasBomb}\n`,
      errors: [{ messageId: 'notLoaded', message: /alias/, line: 1, column: 1, endLine: 1, endColumn: 1 }],
    },
  ],
});

describe('yaml-syntax', () => {
  it('keeps linting the other documents of the file', () => {
    const text = 'a:\n\t- b\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {}\n';
    const run = lintSources([{ path: 'x.yaml', text }]);
    expect(run.results[0].messages.map((m) => m.ruleId)).toEqual(['yaml-syntax', 'resource-shape']);
  });
});
