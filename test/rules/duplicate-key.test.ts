import rule from '../../rules/duplicate-key/index.js';
import { RuleTester } from '../../src/linter/rule-tester.js';

new RuleTester().run('duplicate-key', rule, {
  valid: ['apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  x: "1"\n  y: "1"\n'],
  invalid: [
    {
      code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  mode: fast\n  mode: safe\n',
      errors: [{ messageId: 'duplicate', message: "Duplicate key 'mode': kubectl keeps one value, in practice the last, and strict field validation never sees the other (kubectl converts YAML to JSON before sending); a client that sends this YAML as is is refused under strict field validation", line: 7, column: 3, endLine: 7, endColumn: 7 }],
    },
    {
      code: '{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "a"}, "kind": "Secret"}',
      errors: [{ messageId: 'duplicate', data: { key: '"kind"' }, line: 1, column: 70, endLine: 1, endColumn: 76 }],
    },
  ],
});
