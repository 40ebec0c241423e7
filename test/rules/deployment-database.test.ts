import { describe, expect, it } from 'vitest';
import rule from '../../rules/deployment-database/index.js';
import { lintText } from '../../src/lint.js';
import { RuleTester } from '../../src/linter/rule-tester.js';
import { claim, deployment, documents } from '../helpers/manifests.js';

/** A Deployment 'db' whose container 'main' runs `image` (its image key on line 16); `pod` adds to the pod spec. */
const db = (image: unknown, container: Record<string, unknown> = {}, pod: Record<string, unknown> = {}) =>
  deployment({ name: 'db', pod: { containers: [{ name: 'main', image, ...container }], ...pod } });

/** A Deployment 'uploads' mounting the claim 'data' (claimName on line 21). */
const uploads = (replicas?: number, image = 'nginx:1.27') =>
  deployment({ name: 'uploads', replicas, pod: { containers: [{ name: 'main', image }], volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data' } }] } });

const image = (line: number, endColumn: number) => ({ line, column: 11, endLine: line, endColumn });
const database = (system: string, imageName: string, line = 16) => ({
  messageId: 'database' as const,
  data: { name: 'db', system, image: imageName },
  ...image(line, 18 + imageName.length),
});
const claimName = { line: 21, column: 13, endLine: 21, endColumn: 28 };

new RuleTester().run('deployment-database', rule, {
  valid: [
    db('nginx:1.27'),
    db('prometheuscommunity/postgres-exporter:v0.15.0'),
    db('oliver006/redis_exporter:v1.62.0'),
    db('minio/mc:latest'),
    db('docker.io/library/postgresql-client:16'),
    db('registry.example.com/team/app:redis'),
    // A postgres image in an init container only waits for the database.
    db('busybox:1.36', {}, { initContainers: [{ name: 'wait', image: 'postgres:16', command: ['pg_isready', '-h', 'db'] }] }),
    // Redis as a cache: snapshots off (--save "") and no append-only file.
    db('redis:7', { args: ['--save', '', '--appendonly', 'no'] }),
    db('valkey/valkey:8', { command: ['sh', '-c', "valkey-server --save '' --maxmemory 1gb"] }),
    uploads(1),
    uploads(),
    documents(uploads(3), claim({ accessModes: ['ReadWriteMany'] })),
    documents(uploads(3), claim({ accessModes: ['ReadOnlyMany'] })),
    // Declared ReadWriteOnce claims are rwo-shared-claim's.
    documents(uploads(3), claim({ accessModes: ['ReadWriteOnce'] })),
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: x\nspec:\n  template:\n    spec:\n      containers: [{image: 5}, null, {name: x}]\n',
    deployment({ name: 'db', apiVersion: 'example.com/v1', pod: { containers: [{ name: 'main', image: 'postgres:16' }] } }),
  ],
  invalid: [
    {
      code: db('postgres:16'),
      errors: [
        {
          messageId: 'database',
          message: "Deployment 'db' runs postgres (image postgres:16), a stateful system: run it as a StatefulSet (stable pod identity, one volume per replica, ordered rollouts)",
          ...image(16, 29),
        },
      ],
    },
    { code: db('docker.io/library/mysql:8.0@sha256:0123abcd'), errors: [database('mysql', 'docker.io/library/mysql:8.0@sha256:0123abcd')] },
    { code: db('bitnami/postgresql:16'), errors: [database('postgresql', 'bitnami/postgresql:16')] },
    { code: db('docker.elastic.co/elasticsearch/elasticsearch:8.15.0'), errors: [database('elasticsearch', 'docker.elastic.co/elasticsearch/elasticsearch:8.15.0')] },
    { code: db('localhost:5000/redis'), errors: [database('redis', 'localhost:5000/redis')] },
    { code: db('quay.io/coreos/etcd:v3.5.15'), errors: [database('etcd', 'quay.io/coreos/etcd:v3.5.15')] },
    { code: db('Valkey/Valkey:8'), errors: [database('valkey', 'Valkey/Valkey:8')] },
    {
      code: deployment({
        name: 'db',
        pod: {
          containers: [
            { name: 'main', image: 'nginx:1.27' },
            { name: 'cache', image: 'redis:7' },
            { name: 'queue', image: 'rabbitmq:3-management' },
          ],
        },
      }),
      errors: [database('redis', 'redis:7', 18), database('rabbitmq', 'rabbitmq:3-management', 20)],
    },
    { code: db('redis:7', { args: ['--save', '', '--appendonly', 'yes'] }), errors: [database('redis', 'redis:7')] },
    { code: db('postgres:16', { args: ['--save', ''] }), errors: [database('postgres', 'postgres:16')] },
    {
      // a sidecar: an init container that runs for the pod's life
      code: db('busybox:1.36', {}, { initContainers: [{ name: 'sidecar', image: 'redis:7', restartPolicy: 'Always' }] }),
      errors: [database('redis', 'redis:7', 19)],
    },
    {
      code: db('ghcr.io/acme/ledger:2'),
      options: { images: ['acme/ledger'] },
      errors: [database('acme/ledger', 'ghcr.io/acme/ledger:2')],
    },
    {
      code: uploads(3),
      errors: [
        {
          messageId: 'sharedClaim',
          message:
            "Deployment 'uploads' runs 3 replicas that all mount PersistentVolumeClaim 'data': shared state in a Deployment usually belongs in a StatefulSet with volumeClaimTemplates (fine if the claim is ReadWriteMany shared storage)",
          ...claimName,
        },
      ],
    },
    {
      code: documents(uploads(3), claim({ name: 'other', accessModes: ['ReadWriteMany'] })),
      errors: [{ messageId: 'sharedClaim', data: { name: 'uploads', replicas: '3 replicas', claims: "'data'" }, ...claimName }],
    },
    {
      // a database image is reported once, not also its claim
      code: uploads(2, 'mongo:7'),
      errors: [{ messageId: 'database', data: { name: 'uploads', system: 'mongo', image: 'mongo:7' }, ...image(17, 25) }],
    },
  ],
});

describe('deployment-database options', () => {
  it('refuses options that do not match its schema', () => {
    const rules = { 'deployment-database': ['warning', { images: ['acme/queue', 42] }] as const };
    expect(() => lintText(db('ghcr.io/acme/ledger:2'), { registry: [rule], rules })).toThrow(
      "Invalid options for rule 'deployment-database': options.images.1 must be string",
    );
  });
});
