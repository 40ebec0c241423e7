import { describe } from 'vitest';
import rule from '../../rules/statefulset-service-name/index.js';
import { testRule } from '../helpers/rule-tester.js';

const statefulSet = (spec: string, apiVersion = 'apps/v1') => `apiVersion: ${apiVersion}
kind: StatefulSet
metadata:
  name: web
spec:
${spec}  replicas: 1
`;

describe('statefulset-service-name', () => {
  testRule(rule, {
    valid: [
      statefulSet('  serviceName: nginx\n'),
      statefulSet('  serviceName: "a-1"\n'),
      // A custom resource that happens to be called StatefulSet.
      statefulSet('', 'example.com/v1'),
      // A non-string serviceName is the schema's finding, not this rule's.
      statefulSet('  serviceName: 42\n'),
      'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: web\nspec: null\n',
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 1\n',
    ],
    invalid: [
      {
        // Optional in the default (newest) version's schema: a warning.
        code: statefulSet(''),
        errors: [{ line: 5, column: 1, endLine: 5, endColumn: 5, severity: 1, message: "StatefulSet 'web' has no spec.serviceName: its pods" }],
      },
      {
        code: statefulSet(''),
        options: { kubernetesVersion: '1.33' },
        errors: [{ line: 5, column: 1, endLine: 5, endColumn: 5, severity: 1, message: "StatefulSet 'web' has no spec.serviceName: its pods" }],
      },
      {
        // Required by the schema of 1.32 and older: an error.
        code: statefulSet(''),
        options: { kubernetesVersion: '1.32' },
        errors: [
          {
            line: 5,
            column: 1,
            endLine: 5,
            endColumn: 5,
            severity: 2,
            message: "StatefulSet 'web' has no spec.serviceName (required by the Kubernetes 1.32 API schema): its pods",
          },
        ],
      },
      {
        code: statefulSet('  serviceName: null\n'),
        options: { kubernetesVersion: 'v1.25' },
        errors: [{ line: 6, column: 3, endLine: 6, endColumn: 20, severity: 2, message: 'has an empty spec.serviceName (required by the Kubernetes v1.25 API schema)' }],
      },
      {
        code: statefulSet('  serviceName: ""\n'),
        errors: [{ line: 6, column: 3, endLine: 6, endColumn: 18, severity: 1, message: 'has an empty spec.serviceName' }],
      },
      {
        code: statefulSet('  serviceName: ""\n'),
        options: { kubernetesVersion: '1.30' },
        errors: [{ line: 6, column: 3, endLine: 6, endColumn: 18, severity: 2, message: 'has an empty spec.serviceName' }],
      },
      {
        code: statefulSet('  serviceName:\n'),
        errors: [{ line: 6, column: 3, endLine: 6, endColumn: 15, message: 'has an empty spec.serviceName' }],
      },
      {
        code: statefulSet('  serviceName: My_Service\n'),
        errors: [{ line: 6, column: 3, endLine: 6, endColumn: 26, severity: 2, message: "spec.serviceName 'My_Service', which is not a DNS-1123 label" }],
      },
      {
        code: statefulSet(`  serviceName: ${'s'.repeat(64)}\n`),
        errors: [{ line: 6, column: 3, endLine: 6, endColumn: 80, message: 'not a DNS-1123 label' }],
      },
    ],
  });
});
