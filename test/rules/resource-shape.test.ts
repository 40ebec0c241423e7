import { describe } from 'vitest';
import rule from '../../rules/resource-shape/index.js';
import { testRule } from '../helpers/rule-tester.js';

describe('resource-shape', () => {
  testRule(rule, {
    valid: [
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n',
      'apiVersion: batch/v1\nkind: Job\nmetadata:\n  generateName: migrate-\n',
      '---\n# nothing\n---\n',
      'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: a\n',
    ],
    invalid: [
      {
        code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  labels: {}\n',
        errors: [{ line: 3, column: 1, endLine: 3, endColumn: 9, message: 'no metadata.name' }],
      },
      {
        code: 'kind: ConfigMap\nmetadata:\n  name: a\n',
        errors: [{ line: 1, column: 1, endLine: 1, endColumn: 16, message: 'no apiVersion' }],
      },
      {
        code: 'apiVersion: v1\nkind: ""\nmetadata:\n  name: a\n',
        errors: [{ line: 2, column: 1, endLine: 2, endColumn: 9, message: 'kind must be a non-empty string' }],
      },
      {
        code: '- kind: ConfigMap\n  metadata: {name: a}\n',
        errors: [{ line: 1, column: 3, endLine: 1, endColumn: 18, message: 'Document is a list' }],
      },
      {
        code: 'hello\n',
        errors: [{ line: 1, column: 1, endLine: 1, endColumn: 6, message: 'Document is a string' }],
      },
      {
        code: 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: a\n- apiVersion: v1\n  metadata:\n    name: b\n',
        errors: [{ line: 8, column: 3, endLine: 8, endColumn: 17, message: 'no kind' }],
      },
    ],
  });
});
