import { describe, it, expect } from 'vitest';
import rule from '../../rules/deployment-database/index.js';
import { runRule, testRule } from '../helpers/rule-tester.js';

const deployment = (image: string, extra = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: db
spec:
  selector:
    matchLabels:
      app: db
  template:
    metadata:
      labels:
        app: db
    spec:
      containers:
      - name: main
        image: ${image}
${extra}`;

const withClaim = (replicas: string, claim = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: uploads
spec:
${replicas}  selector:
    matchLabels:
      app: uploads
  template:
    metadata:
      labels:
        app: uploads
    spec:
      containers:
      - name: main
        image: nginx:1.27
      volumes:
      - name: data
        persistentVolumeClaim:
          claimName: data
${claim}`;

const claim = (mode: string) => `---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
  accessModes: [${mode}]
  resources:
    requests:
      storage: 1Gi
`;

describe('deployment-database', () => {
  testRule(rule, {
    valid: [
      deployment('nginx:1.27'),
      deployment('prometheuscommunity/postgres-exporter:v0.15.0'),
      deployment('oliver006/redis_exporter:v1.62.0'),
      deployment('minio/mc:latest'),
      deployment('docker.io/library/postgresql-client:16'),
      deployment('registry.example.com/team/app:redis'),
      // A postgres image in an init container only waits for the database.
      deployment('busybox:1.36', '      initContainers:\n      - name: wait\n        image: postgres:16\n        command: [pg_isready, -h, db]\n'),
      // Redis as a cache: snapshots off (--save "") and no append-only file.
      deployment('redis:7', '        args: [--save, "", --appendonly, "no"]\n'),
      deployment('valkey/valkey:8', '        command: [sh, -c, "valkey-server --save \'\' --maxmemory 1gb"]\n'),
      withClaim('  replicas: 1\n'),
      withClaim(''),
      withClaim('  replicas: 3\n', claim('ReadWriteMany')),
      withClaim('  replicas: 3\n', claim('ReadOnlyMany')),
      // Declared ReadWriteOnce claims are rwo-shared-claim's.
      withClaim('  replicas: 3\n', claim('ReadWriteOnce')),
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: x\nspec:\n  template:\n    spec:\n      containers: [{image: 5}, null, {name: x}]\n',
      deployment('postgres:16').replace('apps/v1', 'example.com/v1'),
    ],
    invalid: [
      {
        code: deployment('postgres:16'),
        errors: [
          {
            line: 16,
            column: 9,
            endLine: 16,
            endColumn: 27,
            message: "Deployment 'db' runs postgres (image postgres:16), a stateful system: run it as a StatefulSet",
          },
        ],
      },
      { code: deployment('docker.io/library/mysql:8.0@sha256:0123abcd'), errors: [{ line: 16, column: 9, endLine: 16, endColumn: 59, message: 'runs mysql' }] },
      { code: deployment('bitnami/postgresql:16'), errors: [{ line: 16, column: 9, endLine: 16, endColumn: 37, message: 'runs postgresql' }] },
      { code: deployment('docker.elastic.co/elasticsearch/elasticsearch:8.15.0'), errors: [{ line: 16, column: 9, endLine: 16, endColumn: 68 }] },
      { code: deployment('localhost:5000/redis'), errors: [{ line: 16, column: 9, endLine: 16, endColumn: 36 }] },
      { code: deployment('quay.io/coreos/etcd:v3.5.15'), errors: [{ line: 16, column: 9, endLine: 16, endColumn: 43, message: 'runs etcd' }] },
      { code: deployment('"Valkey/Valkey:8"'), errors: [{ line: 16, column: 9, endLine: 16, endColumn: 33, message: 'runs valkey' }] },
      {
        code: deployment('nginx:1.27', '      - name: cache\n        image: redis:7\n      - name: queue\n        image: rabbitmq:3-management\n'),
        errors: [
          { line: 18, column: 9, endLine: 18, endColumn: 23, message: 'runs redis' },
          { line: 20, column: 9, endLine: 20, endColumn: 37, message: 'runs rabbitmq' },
        ],
      },
      {
        code: deployment('redis:7', '        args: [--save, "", --appendonly, "yes"]\n'),
        errors: [{ line: 16, column: 9, endLine: 16, endColumn: 23, message: 'runs redis' }],
      },
      {
        code: deployment('postgres:16', '        args: [--save, ""]\n'),
        errors: [{ line: 16, column: 9, endLine: 16, endColumn: 27, message: 'runs postgres' }],
      },
      {
        code: deployment('busybox:1.36', '      initContainers:\n      - name: sidecar\n        image: redis:7\n        restartPolicy: Always\n'),
        errors: [{ line: 19, column: 9, endLine: 19, endColumn: 23 }],
      },
      {
        code: deployment('ghcr.io/acme/ledger:2'),
        options: { rules: { 'deployment-database': ['warning', { images: ['acme/ledger'] }] } },
        errors: [{ line: 16, column: 9, endLine: 16, endColumn: 37, message: 'runs acme/ledger' }],
      },
      {
        code: withClaim('  replicas: 3\n'),
        errors: [
          {
            line: 21,
            column: 11,
            endLine: 21,
            endColumn: 26,
            message: "Deployment 'uploads' runs 3 replicas that all mount PersistentVolumeClaim 'data'",
          },
        ],
      },
      {
        code: withClaim('  replicas: 3\n', claim('ReadWriteMany').replace('name: data', 'name: other')),
        errors: [{ line: 21, column: 11, endLine: 21, endColumn: 26 }],
      },
    ],
  });

  it('refuses options that do not match its schema', () => {
    const options = { rules: { 'deployment-database': ['warning', { images: ['acme/queue', 42] }] as const } };
    expect(() => runRule(rule, deployment('ghcr.io/acme/ledger:2'), options)).toThrow(
      "Invalid options for rule 'deployment-database': options.images.1 must be string",
    );
  });

  it('reports a database image once, not also its claim', () => {
    const code = withClaim('  replicas: 2\n').replace('nginx:1.27', 'mongo:7');
    expect(runRule(rule, code).map((finding) => finding.message)).toEqual([
      "Deployment 'uploads' runs mongo (image mongo:7), a stateful system: run it as a StatefulSet (stable pod identity, one volume per replica, ordered rollouts)",
    ]);
  });
});
