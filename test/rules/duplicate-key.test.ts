import { describe } from 'vitest';
import rule from '../../rules/duplicate-key/index.js';
import { testRule } from '../helpers/rule-tester.js';

describe('duplicate-key', () => {
  testRule(rule, {
    valid: ['apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  x: "1"\n  y: "1"\n'],
    invalid: [
      {
        code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  mode: fast\n  mode: safe\n',
        errors: [{ line: 7, column: 3, endLine: 7, endColumn: 7, message: "Duplicate key 'mode'" }],
      },
      {
        code: '{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "a"}, "kind": "Secret"}',
        errors: [{ line: 1, column: 70, endLine: 1, endColumn: 76, message: 'Duplicate key' }],
      },
    ],
  });
});
