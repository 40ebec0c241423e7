import { describe, expect, it } from 'vitest';
import rule, { volatileValue } from '../../rules/immutable-volatile-label/index.js';
import { RuleTester } from '../../src/linter/rule-tester.js';

const statefulSet = (selector: string, claimLabels = '') => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  selector:
${selector}  template:
    metadata:
      labels: {app: db}
    spec:
      containers: [{name: db, image: postgres:16}]
  volumeClaimTemplates:
  - metadata:
      name: data
${claimLabels}    spec:
      accessModes: [ReadWriteOnce]
      resources: {requests: {storage: 1Gi}}
`;

const deployment = (selector: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
${selector}  template:
    metadata:
      labels: {app: web}
    spec:
      containers: [{name: web, image: nginx}]
`;

new RuleTester().run('immutable-volatile-label', rule, {
    valid: [
      statefulSet('    matchLabels: {app: db}\n', '      labels: {app: db, tier: data}\n'),
      statefulSet('    matchLabels: {app: db, track: v2, major: postgres-15, id: deadbeef, n: "1234567"}\n'),
      deployment('    matchLabels: {app: web, app.kubernetes.io/instance: web}\n'),
      // A version label outside selectors and claim templates may change.
      deployment('    matchLabels: {app: web}\n').replace('labels: {app: web}', 'labels: {app: web, helm.sh/chart: web-1.2.3}'),
      // The key alone is not enough: a chart label without a digit is a name.
      deployment('    matchLabels: {app: web, chart: web}\n'),
      // A custom resource that shares the kind name.
      deployment('    matchLabels: {app: web, helm.sh/chart: web-1.2.3}\n').replace('apps/v1', 'example.com/v1'),
    ],
    invalid: [
      {
        code: statefulSet('    matchLabels:\n      app: db\n      helm.sh/chart: db-1.4.2\n'),
        errors: [
          {
            messageId: 'selector',
            line: 10,
            column: 7,
            endLine: 10,
            endColumn: 30,
            message:
              "Label helm.sh/chart=db-1.4.2 in spec.selector of StatefulSet 'db' looks like a chart name and version, which changes with every release, but a selector can never change: the first upgrade that changes it is refused. Keep it in metadata.labels and the pod template's labels, out of the selector",
          },
        ],
      },
      {
        code: statefulSet('    matchLabels: {app: db}\n', '      labels:\n        app.kubernetes.io/version: "16.4"\n        build: a1b2c3d\n'),
        errors: [
          {
            messageId: 'claimTemplate',
            line: 18,
            column: 9,
            endLine: 18,
            endColumn: 42,
            message:
              "Label app.kubernetes.io/version=16.4 on claim template 'data' of StatefulSet 'db' looks like an application version, which changes with every release, but claim templates can never change: the first upgrade that changes it is refused. Leave it out of volumeClaimTemplates[].metadata.labels",
          },
          { messageId: 'claimTemplate', line: 19, column: 9, endLine: 19, endColumn: 23, message: /looks like a commit hash/ },
        ],
      },
      {
        code: deployment('    matchLabels: {app: web, version: v2.0.1}\n    matchExpressions:\n    - {key: release, operator: In, values: [stable, web-3.1.0]}\n'),
        errors: [
          { messageId: 'selector', data: { kind: 'Deployment', name: 'web', key: 'version', value: 'v2.0.1', what: 'an application version' }, line: 7, column: 29, endLine: 7, endColumn: 44 },
          { messageId: 'selector', data: { kind: 'Deployment', name: 'web', key: 'release', value: 'web-3.1.0', what: 'a version number' }, line: 9, column: 53, endLine: 9, endColumn: 62 },
        ],
      },
      {
        code: deployment('    matchLabels: {app: web, image: 12.1.0-debian-11-r0}\n').replace('kind: Deployment', 'kind: DaemonSet'),
        errors: [{ messageId: 'selector', line: 7, column: 29, endLine: 7, endColumn: 55, message: /in spec\.selector of DaemonSet 'web' looks like a version number/ }],
      },
    ],
});

describe('volatileValue', () => {
  it.each([
    ['helm.sh/chart', 'db-1.4.2', 'a chart name and version'],
    ['app.kubernetes.io/version', '16', 'an application version'],
    ['app', 'web-1.0', 'a version number'],
    ['rev', 'v2.0.1+build.7', 'a version number'],
    ['commit', '3f2a9c1e8b7d6a5f4e3d2c1b0a9f8e7d6c5b4a39', 'a commit hash'],
    ['image', 'api-9fceb02', 'a commit hash'],
  ])('%s=%s looks like %s', (key, value, what) => {
    expect(volatileValue(key, value)).toBe(what);
  });

  it.each([
    ['app', 'web'],
    ['track', 'v2'],
    ['app', 'postgres-15'],
    ['id', 'deadbeef'],
    ['n', '1234567'],
    ['version', 'stable'],
    ['app', ''],
  ])('%s=%s is stable', (key, value) => {
    expect(volatileValue(key, value)).toBeUndefined();
  });
});
