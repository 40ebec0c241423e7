import rule from '../../rules/duplicate-resource/index.js';
import { RuleTester } from '../../src/linter/rule-tester.js';
import { fixtureCase } from '../helpers/fixtures.js';
import { deployment, documents, service } from '../helpers/manifests.js';

new RuleTester().run('duplicate-resource', rule, {
  valid: [
    documents(service({ name: 'db' }), service({ name: 'db', namespace: 'other' })),
    documents(service({ name: 'db' }), deployment({ name: 'db' })),
    'apiVersion: batch/v1\nkind: Job\nmetadata:\n  generateName: m-\n---\napiVersion: batch/v1\nkind: Job\nmetadata:\n  generateName: m-\n',
  ],
  invalid: [
    {
      code: documents(service({ name: 'db' }), service({ name: 'db', namespace: 'default' })),
      errors: [
        {
          messageId: 'duplicateInNamespace',
          message: "Service 'db' in namespace 'default' is already declared at test.yaml:4; the later one replaces it",
          line: 13,
          column: 3,
          endLine: 13,
          endColumn: 11,
        },
      ],
    },
    {
      // Cluster-scoped kinds ignore metadata.namespace.
      code: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n  namespace: x\n',
      errors: [{ messageId: 'duplicate', data: { kind: 'Namespace', name: 'a', first: 'test.yaml:4' }, line: 9, column: 3, endLine: 9, endColumn: 10 }],
    },
    // Across the files of a run.
    fixtureCase('fixtures/rules/duplicate-resource', 'duplicate-resource'),
  ],
});
