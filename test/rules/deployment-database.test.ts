import { describe, expect, it } from 'vitest';
import rule from '../../rules/deployment-database/index.js';
import { lintText } from '../../src/lint.js';
import { RuleTester } from '../../src/linter/rule-tester.js';
import { claim, configMap, deployment, documents } from '../helpers/manifests.js';

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

/** A Redis 'db' started with the config file /etc/redis/redis.conf from the ConfigMap `configMapName`, mounted at /etc/redis. */
const redisWithConfig = (container: Record<string, unknown> = {}, configMapName = 'redis-config', image = 'redis:7') =>
  db(image, { args: ['/etc/redis/redis.conf'], volumeMounts: [{ name: 'config', mountPath: '/etc/redis' }], ...container }, { volumes: [{ name: 'config', configMap: { name: configMapName } }] });
const redisConf = (text: string, name = 'redis-config') => configMap({ name, data: { 'redis.conf': text } });
const CACHE_CONF = 'maxmemory 1gb\nmaxmemory-policy allkeys-lru\nsave ""\nappendonly no\n';
/** The bitnami chart's pattern: a start script from a ConfigMap runs redis-server with `--include` of the mounted redis.conf. */
const bitnamiRedis = (conf: string) =>
  documents(
    db('bitnami/redis:7.4', { command: ['/bin/bash', '-c', '/opt/bitnami/scripts/start-scripts/start-master.sh'], volumeMounts: [{ name: 'scripts', mountPath: '/opt/bitnami/scripts/start-scripts' }, { name: 'config', mountPath: '/opt/bitnami/redis/mounted-etc' }] }, {
      volumes: [{ name: 'scripts', configMap: { name: 'redis-scripts' } }, { name: 'config', configMap: { name: 'redis-config' } }],
    }),
    configMap({ name: 'redis-scripts', data: { 'start-master.sh': '#!/bin/bash\nARGS=("--port" "6379")\nARGS+=("--include" "/opt/bitnami/redis/mounted-etc/redis.conf")\nexec redis-server "${ARGS[@]}"\n' } }),
    redisConf(conf),
  );
/** A custom image 'acme/store:1' whose container 'main' exposes one port (its item, `containerPort: N` first, on line 18). */
const custom = (containerPort: number, name?: string) => db('acme/store:1', { ports: [{ containerPort, ...(name === undefined ? {} : { name }) }] });
const atPort = (port: string) => ({ line: 18, column: 15, endLine: 18, endColumn: 30 + port.length });

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
    // Version suffixes only: an exporter or a client with a version is not the database.
    db('quay.io/sclorg/postgresql-16-exporter:1'),
    db('quay.io/fedora/mysql-80-client'),
    db('memcached:1.6'),
    // A port number alone: a pooler (PgBouncer, named pgbouncer), an unnamed port, or a name on another port.
    custom(5432, 'pgbouncer'),
    custom(27017),
    custom(8080, 'mongo'),
    // Proxies, poolers and exporters listen on the system's port under its name, and keep nothing.
    db('public.ecr.aws/docker/library/haproxy:3.0.8-alpine', { ports: [{ name: 'redis', containerPort: 6379 }] }),
    db('gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.14', { ports: [{ name: 'postgres', containerPort: 5432 }] }),
    db('bitnami/pgbouncer:1', { ports: [{ name: 'postgresql', containerPort: 5432 }] }),
    db('envoyproxy/envoy:v1.31', { ports: [{ name: 'mongo', containerPort: 27017 }] }),
    // Redis as a cache, from its mounted redis.conf (a ConfigMap of the run): snapshots off, no append-only file.
    documents(redisWithConfig(), redisConf(CACHE_CONF)),
    documents(redisWithConfig({ args: ['/etc/redis/redis.conf', '--maxmemory', '2gb'] }), redisConf('save 900 1\nsave ""\n')),
    // The file through a subPath mount, a projected volume, or a Secret.
    documents(
      db('valkey/valkey:8', { command: ['valkey-server', '/usr/local/etc/valkey.conf'], volumeMounts: [{ name: 'config', mountPath: '/usr/local/etc/valkey.conf', subPath: 'valkey.conf' }] }, { volumes: [{ name: 'config', configMap: { name: 'valkey' } }] }),
      configMap({ name: 'valkey', data: { 'valkey.conf': CACHE_CONF } }),
    ),
    documents(
      db('redis:7', { args: ['/conf/cache.conf'], volumeMounts: [{ name: 'config', mountPath: '/conf' }] }, { volumes: [{ name: 'config', projected: { sources: [{ configMap: { name: 'redis-config', items: [{ key: 'redis.conf', path: 'cache.conf' }] } }] } }] }),
      redisConf(CACHE_CONF),
    ),
    documents(
      db('redis:7', { args: ['/conf/redis.conf'], volumeMounts: [{ name: 'config', mountPath: '/conf' }] }, { volumes: [{ name: 'config', secret: { secretName: 'redis' } }] }),
      `apiVersion: v1\nkind: Secret\nmetadata:\n  name: redis\ndata:\n  redis.conf: ${Buffer.from(CACHE_CONF).toString('base64')}\n`,
    ),
    // An init container copies the ConfigMap's redis.conf to a writable place (the redis-ha chart): found by name.
    documents(
      db('redis:7', { command: ['redis-server'], args: ['/data/conf/redis.conf'], volumeMounts: [{ name: 'data', mountPath: '/data' }] }, {
        volumes: [{ name: 'config', configMap: { name: 'redis-config' } }, { name: 'data', emptyDir: {} }],
      }),
      redisConf(CACHE_CONF),
    ),
    // Redis images running something else than a server: Sentinel, redis-cli, a script of the run that starts none.
    db('redis:7', { command: ['redis-sentinel', '/data/sentinel.conf'] }),
    db('redis:7', { command: ['redis-server', '/data/sentinel.conf', '--sentinel'] }),
    db('redis:7', { command: ['sh', '-c', 'while true; do redis-cli -h redis ping; sleep 10; done'] }),
    documents(
      db('redis:7', { command: ['sh'], args: ['/scripts/fix-split-brain.sh'], volumeMounts: [{ name: 'scripts', mountPath: '/scripts' }] }, { volumes: [{ name: 'scripts', configMap: { name: 'scripts' } }] }),
      configMap({ name: 'scripts', data: { 'fix-split-brain.sh': '#!/bin/sh\n# redis-server is not started here\nredis-cli -h "$MASTER" role\n' } }),
    ),
    // A start script of the run that passes the mounted cache config to the server (its words, arrays included).
    bitnamiRedis(CACHE_CONF),
    // Core NATS keeps messages in memory; only JetStream stores them.
    db('nats:2.10'),
    db('nats:2.10', { args: ['--config', '/etc/nats/nats.conf', '--cluster_name', 'events'] }),
    documents(
      db('nats:2.10', { args: ['-c', '/etc/nats/nats.conf'], volumeMounts: [{ name: 'config', mountPath: '/etc/nats' }] }, { volumes: [{ name: 'config', configMap: { name: 'nats' } }] }),
      configMap({ name: 'nats', data: { 'nats.conf': 'port: 4222\n# jetstream {}\njetstream: disabled\n' } }),
    ),
    custom(4222, 'nats'),
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
    // Version-suffixed repository names (Fedora, sclorg, Red Hat), bitnami variants and registry mirrors.
    ...[
      ['postgresql', 'quay.io/fedora/postgresql-16'],
      ['mysql', 'quay.io/fedora/mysql-80:latest'],
      ['redis', 'quay.io/sclorg/redis-7-c9s'],
      ['mariadb', 'registry.redhat.io/rhel9/mariadb-1011'],
      ['mongodb', 'centos/mongodb-36-centos7'],
      ['postgresql-repmgr', 'docker.io/bitnami/postgresql-repmgr:16'],
      ['postgres', 'mirror.gcr.io/library/postgres:16'],
      ['mongo', 'public.ecr.aws/docker/library/mongo:7'],
      ['mssql/server', 'mcr.microsoft.com/mssql/server:2022-latest'],
    ].map(([system, name]) => ({ code: db(name), errors: [database(system, name)] })),
    {
      // A custom image wrapping MongoDB: its port number and name both say so.
      code: custom(27017, 'mongo'),
      errors: [
        {
          messageId: 'databasePort',
          message:
            "Deployment 'db' runs mongodb (container 'main' of image acme/store:1 listens on port 27017 named 'mongo'), a stateful system: run it as a StatefulSet (stable pod identity, one volume per replica, ordered rollouts)",
          ...atPort('27017'),
        },
      ],
    },
    { code: custom(5432, 'postgresql'), errors: [{ messageId: 'databasePort', data: { name: 'db', system: 'postgres', container: 'main', image: 'acme/store:1', port: "5432 named 'postgresql'" }, ...atPort('5432') }] },
    { code: custom(6379, 'redis-main'), errors: [{ messageId: 'databasePort', data: { name: 'db', system: 'redis', container: 'main', image: 'acme/store:1', port: "6379 named 'redis-main'" }, ...atPort('6379') }] },
    // Redis whose mounted configuration keeps data: an append-only file, or snapshots left at their default.
    { code: documents(redisWithConfig(), redisConf('save ""\nappendonly yes\n')), errors: [database('redis', 'redis:7')] },
    { code: documents(redisWithConfig(), redisConf('maxmemory 1gb\n')), errors: [database('redis', 'redis:7')] },
    { code: documents(redisWithConfig(), redisConf('save ""\nsave 900 1\n')), errors: [database('redis', 'redis:7')] },
    // The command line comes after the file.
    { code: documents(redisWithConfig({ args: ['/etc/redis/redis.conf', '--appendonly', 'yes'] }), redisConf(CACHE_CONF)), errors: [database('redis', 'redis:7')] },
    // The ConfigMap is not in the run, or is another one: Redis's defaults keep snapshots.
    { code: redisWithConfig(), errors: [database('redis', 'redis:7')] },
    { code: documents(redisWithConfig({}, 'other'), redisConf(CACHE_CONF)), errors: [database('redis', 'redis:7')] },
    // The same start script with the chart's default config: an append-only file.
    {
      code: bitnamiRedis('appendonly yes\nsave ""\n'),
      errors: [database('redis', 'bitnami/redis:7.4')],
    },
    // A script that is not in the run may start the server.
    { code: db('redis:7', { command: ['sh', '-c', 'exec /scripts/start-master.sh'] }), errors: [database('redis', 'redis:7')] },
    // NATS with JetStream, from a flag or from its configuration.
    { code: db('nats:2.10', { args: ['-js', '--store_dir', '/data'] }), errors: [database('nats', 'nats:2.10')] },
    {
      code: documents(
        db('nats:2.10', { args: ['--config=/etc/nats/nats.conf'], volumeMounts: [{ name: 'config', mountPath: '/etc/nats' }] }, { volumes: [{ name: 'config', configMap: { name: 'nats' } }] }),
        configMap({ name: 'nats', data: { 'nats.conf': 'port: 4222\njetstream {\n  store_dir: /data\n}\n' } }),
      ),
      errors: [database('nats', 'nats:2.10')],
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
