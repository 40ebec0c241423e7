import { describe, it } from 'vitest';
import rule from '../../rules/statefulset-service-missing/index.js';
import { checkFixtureDir, testRule } from '../helpers/rule-tester.js';

const statefulSet = (serviceName: string, namespace = '') => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
${namespace ? `  namespace: ${namespace}\n` : ''}spec:
  serviceName: ${serviceName}
`;

const service = (name: string, namespace = '', apiVersion = 'v1') => `apiVersion: ${apiVersion}
kind: Service
metadata:
  name: ${name}
${namespace ? `  namespace: ${namespace}\n` : ''}spec:
  clusterIP: None
`;

describe('statefulset-service-missing', () => {
  testRule(rule, {
    valid: [
      `${statefulSet('nginx')}---\n${service('nginx')}`,
      // Namespaces compare after defaulting.
      `${statefulSet('nginx')}---\n${service('nginx', 'default')}`,
      `${statefulSet('nginx', 'default')}---\n${service('nginx')}`,
      `${statefulSet('nginx', 'shop')}---\n${service('nginx', 'shop')}`,
      // statefulset-service-name reports a missing, empty or invalid serviceName.
      'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: web\nspec:\n  replicas: 1\n',
      statefulSet('""'),
      statefulSet('Not_A_Label'),
    ],
    invalid: [
      {
        code: statefulSet('nginx'),
        errors: [{ line: 6, column: 3, endLine: 6, endColumn: 21, message: "StatefulSet 'web' names Service 'nginx', which is not declared in namespace 'default'" }],
      },
      {
        code: `${statefulSet('nginx')}---\n${service('nginx', 'shop')}---\n${service('nginx', 'web')}`,
        errors: [{ line: 6, column: 3, endLine: 6, endColumn: 21, message: "a Service 'nginx' exists in namespace 'shop', 'web'" }],
      },
      {
        code: `${statefulSet('nginx', 'shop')}---\n${service('nginx')}`,
        errors: [{ line: 7, column: 3, endLine: 7, endColumn: 21, message: "exists in namespace 'default', but the governing Service must be in the StatefulSet's namespace" }],
      },
      {
        // A Knative Service is not a core Service.
        code: `${statefulSet('nginx')}---\n${service('nginx', '', 'serving.knative.dev/v1')}`,
        errors: [{ line: 6, column: 3, endLine: 6, endColumn: 21, message: "names Service 'nginx', which is not declared" }],
      },
      {
        code: `${statefulSet('other')}---\n${service('nginx')}`,
        errors: [{ line: 6, column: 3, endLine: 6, endColumn: 21, message: "Service 'other'" }],
      },
    ],
  });

  it('finds the governing Service in another file of the run', () => {
    checkFixtureDir('fixtures/rules/statefulset-service-missing', rule);
  });
});
