import { describe, it } from 'vitest';
import rule from '../../rules/duplicate-resource/index.js';
import { checkFixtureDir, testRule } from '../helpers/rule-tester.js';

const service = (name: string, namespace?: string) =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\n${namespace ? `  namespace: ${namespace}\n` : ''}spec:\n  clusterIP: None\n`;

describe('duplicate-resource', () => {
  testRule(rule, {
    valid: [
      `${service('db')}---\n${service('db', 'other')}`,
      `${service('db')}---\napiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\n`,
      'apiVersion: batch/v1\nkind: Job\nmetadata:\n  generateName: m-\n---\napiVersion: batch/v1\nkind: Job\nmetadata:\n  generateName: m-\n',
    ],
    invalid: [
      {
        code: `${service('db')}---\n${service('db', 'default')}`,
        errors: [{ line: 11, column: 3, endLine: 11, endColumn: 11, message: "Service 'db' in namespace 'default' is already declared at test.yaml:4" }],
      },
      {
        // Cluster-scoped kinds ignore metadata.namespace.
        code: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n  namespace: x\n',
        errors: [{ line: 9, column: 3, endLine: 9, endColumn: 10, message: "Namespace 'a' is already declared" }],
      },
    ],
  });

  it('finds duplicates across files', () => {
    checkFixtureDir('fixtures/rules/duplicate-resource', rule);
  });
});
