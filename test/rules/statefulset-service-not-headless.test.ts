import { describe, it } from 'vitest';
import rule from '../../rules/statefulset-service-not-headless/index.js';
import { checkFixtureDir, testRule } from '../helpers/rule-tester.js';

const statefulSet = (name = 'web', namespace = '') => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: ${name}
${namespace ? `  namespace: ${namespace}\n` : ''}spec:
  serviceName: nginx
---
`;

/** A Service 'nginx' whose spec is `spec` (lines 5 on). */
const service = (spec: string, namespace = '') => `apiVersion: v1
kind: Service
metadata:
  name: nginx
${namespace ? `  namespace: ${namespace}\n` : ''}spec:
${spec}`;

describe('statefulset-service-not-headless', () => {
  testRule(rule, {
    valid: [
      `${statefulSet()}${service('  clusterIP: None\n')}`,
      `${statefulSet()}${service('  clusterIPs: [None]\n')}`,
      // No StatefulSet names the Service.
      service('  clusterIP: 10.0.0.1\n'),
      // Near miss: the StatefulSet naming 'nginx' lives in another namespace.
      `${statefulSet('web', 'shop')}${service('  clusterIP: 10.0.0.1\n')}`,
      // A StatefulSet custom resource does not govern Services.
      `apiVersion: example.com/v1\nkind: StatefulSet\nmetadata:\n  name: web\nspec:\n  serviceName: nginx\n---\n${service('  type: ClusterIP\n')}`,
      // A spec of the wrong type is the schema's finding.
      `${statefulSet()}apiVersion: v1\nkind: Service\nmetadata:\n  name: nginx\nspec: [clusterIP]\n`,
      // A Knative Service is not a core Service.
      `${statefulSet()}apiVersion: serving.knative.dev/v1\nkind: Service\nmetadata:\n  name: nginx\nspec: {}\n`,
    ],
    invalid: [
      {
        code: `${statefulSet()}${service('  clusterIP: 10.0.0.1\n')}`,
        errors: [
          {
            line: 13,
            column: 3,
            endLine: 13,
            endColumn: 22,
            message: "Service 'nginx' governing StatefulSet 'web' is not headless (clusterIP: 10.0.0.1); cluster DNS publishes per-pod names (<pod>.nginx.default.svc) only for a headless Service: set clusterIP: None",
          },
        ],
      },
      {
        code: `${statefulSet()}${service('  ports: [{ port: 80 }]\n')}`,
        errors: [{ line: 12, column: 1, endLine: 12, endColumn: 5, message: 'is not headless (no clusterIP, so it gets a virtual IP)' }],
      },
      {
        code: `${statefulSet()}${service('  clusterIP: ""\n')}`,
        errors: [{ line: 13, column: 3, endLine: 13, endColumn: 16, message: 'is not headless (clusterIP: )' }],
      },
      {
        code: `${statefulSet()}${service('  clusterIPs: ["10.0.0.3"]\n')}`,
        errors: [{ line: 13, column: 16, endLine: 13, endColumn: 26, message: '(clusterIP: 10.0.0.3)' }],
      },
      {
        code: `${statefulSet()}${service('  type: NodePort\n')}`,
        errors: [{ line: 12, column: 1, endLine: 12, endColumn: 5, message: 'a NodePort Service cannot be headless: add a separate headless Service' }],
      },
      {
        code: `${statefulSet()}${service('  type: ExternalName\n  externalName: db.example.com\n')}`,
        errors: [{ line: 13, column: 3, endLine: 13, endColumn: 21, message: "is of type ExternalName: DNS answers a CNAME to 'db.example.com', never per-pod records" }],
      },
      {
        // Two StatefulSets share the Service: one finding names both.
        code: `${statefulSet('web')}${statefulSet('api')}${service('  clusterIP: 10.0.0.1\n')}`,
        errors: [{ line: 20, column: 3, endLine: 20, endColumn: 22, message: "Service 'nginx' governing StatefulSets 'web', 'api' is not headless" }],
      },
      {
        // The run declares StatefulSet 'web' twice: it is named once.
        code: { 'a.yaml': `${statefulSet()}${service('  clusterIP: 10.0.0.1\n')}`, 'b.yaml': statefulSet() },
        errors: [{ line: 13, column: 3, endLine: 13, endColumn: 22, message: "Service 'nginx' governing StatefulSet 'web' is not headless" }],
      },
      {
        code: `${statefulSet('web', 'shop')}${service('  clusterIP: 10.0.0.1\n', 'shop')}`,
        errors: [{ line: 15, column: 3, endLine: 15, endColumn: 22, message: '(<pod>.nginx.shop.svc)' }],
      },
      {
        code: 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: web\nspec:\n  serviceName: nginx\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: nginx\nspec: null\n',
        errors: [{ line: 12, column: 1, endLine: 12, endColumn: 11, message: 'no clusterIP' }],
      },
    ],
  });

  it('reports the governing Service declared in another file', () => {
    checkFixtureDir('fixtures/rules/statefulset-service-not-headless', rule);
  });
});
