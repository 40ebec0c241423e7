import rule from '../../rules/resource-shape/index.js';
import { RuleTester } from '../../src/linter/rule-tester.js';

new RuleTester().run('resource-shape', rule, {
  valid: [
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n',
    'apiVersion: batch/v1\nkind: Job\nmetadata:\n  generateName: migrate-\n',
    '---\n# nothing\n---\n',
    'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: a\n',
  ],
  invalid: [
    {
      code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  labels: {}\n',
      errors: [{ messageId: 'noName', message: 'Object has no metadata.name (nor metadata.generateName)', line: 3, column: 1, endLine: 3, endColumn: 9 }],
    },
    {
      code: 'kind: ConfigMap\nmetadata:\n  name: a\n',
      errors: [{ messageId: 'missing', data: { field: 'apiVersion' }, line: 1, column: 1, endLine: 1, endColumn: 16 }],
    },
    {
      code: 'apiVersion: v1\nkind: ""\nmetadata:\n  name: a\n',
      errors: [{ messageId: 'notString', message: 'kind must be a non-empty string, got an empty string', line: 2, column: 1, endLine: 2, endColumn: 9 }],
    },
    {
      // A list of objects; a list of no object is not a Kubernetes object at all, and skipped (src/load/not-objects.ts).
      code: '- kind: ConfigMap\n  metadata: {name: a}\n',
      errors: [{ messageId: 'notObject', data: { what: 'a list' }, line: 1, column: 3, endLine: 1, endColumn: 18 }],
    },
    {
      code: 'hello\n',
      errors: [{ messageId: 'notObject', data: { what: 'a string' }, line: 1, column: 1, endLine: 1, endColumn: 6 }],
    },
    {
      code: 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: a\n- apiVersion: v1\n  metadata:\n    name: b\n',
      errors: [{ messageId: 'missing', data: { field: 'kind' }, line: 8, column: 3, endLine: 8, endColumn: 17 }],
    },
  ],
});
