import rule from '../../rules/statefulset-volume-claim-templates/index.js';
import { RuleTester } from '../../src/linter/rule-tester.js';
import { configMap, deployment, documents, statefulSet } from '../helpers/manifests.js';

/**
 * The StatefulSet 'db' whose one container 'main' (its image on line 17) is `container`; `pod` adds to the pod spec
 * (after the containers) and `spec` to the StatefulSet's spec (after its template).
 */
const db = (container: Record<string, unknown>, pod: Record<string, unknown> = {}, spec: Record<string, unknown> = {}) =>
  statefulSet({ name: 'db', spec, pod: { containers: [{ name: 'main', ...container }], ...pod } });
/** `image` with the volume 'data' of `source` mounted at `mountPath` (the volume's source key on line 23). */
const withVolume = (image: string, mountPath: string, source: Record<string, unknown> = { emptyDir: {} }, name = 'data') =>
  db({ image, volumeMounts: [{ name, mountPath }] }, { volumes: [{ name, ...source }] });
const atImage = (image: string) => ({ line: 17, column: 11, endLine: 17, endColumn: 18 + image.length });
const atVolumeSource = (source = 'emptyDir') => ({ line: 23, column: 11, endLine: 23, endColumn: 11 + source.length });
const onFilesystem = (system: string, image: string) => ({ messageId: 'containerFilesystem' as const, data: { name: 'db', system: `${system} (image ${image})` }, ...atImage(image) });
const onVolume = (what: string, mountPath: string, source = 'emptyDir') => ({
  messageId: 'temporaryVolume' as const,
  data: { name: 'db', what, source, volume: 'data', mountPath },
  ...atVolumeSource(source),
});
const CACHE_CONF = 'save ""\nappendonly no\n';

new RuleTester().run('statefulset-volume-claim-templates', rule, {
  valid: [
    db({ image: 'postgres:16' }, {}, { volumeClaimTemplates: [{ metadata: { name: 'data' } }] }),
    // No evidence of data: an application whose state lives elsewhere, using a StatefulSet for ordered restarts.
    db({ image: 'ghcr.io/acme/billing-worker:3' }),
    withVolume('ghcr.io/acme/billing-worker:3', '/tmp', { emptyDir: {} }, 'tmp'),
    withVolume('quay.io/argoproj/argocd:v2.13', '/home/argocd', { emptyDir: {} }, 'argocd-home'),
    // In-memory systems: memcached, core NATS, Redis as a cache.
    db({ image: 'memcached:1.6', args: ['-m', '1024'] }),
    db({ image: 'nats:2.10', args: ['--cluster_name', 'events', '--routes', 'nats://nats-0.nats:6222'] }),
    db({ image: 'redis:7', args: ['--save', '', '--appendonly', 'no'] }),
    documents(
      db({ image: 'redis:7', command: ['redis-server'], args: ['/data/conf/redis.conf'], volumeMounts: [{ name: 'data', mountPath: '/data' }] }, {
        volumes: [{ name: 'config', configMap: { name: 'redis-ha' } }, { name: 'data', emptyDir: {} }],
      }),
      configMap({ name: 'redis-ha', data: { 'redis.conf': CACHE_CONF } }),
    ),
    // Storage chosen deliberately: a claim made beforehand, a hostPath, an NFS share, a raw block device.
    withVolume('postgres:16', '/var/lib/postgresql/data', { persistentVolumeClaim: { claimName: 'pg-data' } }),
    withVolume('postgres:16', '/var/lib/postgresql/data', { hostPath: { path: '/srv/pg' } }),
    withVolume('mysql:8.4', '/var/lib/mysql', { nfs: { server: 'nfs.example.com', path: '/exports/mysql' } }),
    db({ image: 'postgres:16', volumeDevices: [{ name: 'data', devicePath: '/dev/xvda' }] }, { volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'pg-block' } }] }),
    // A database image in a plain init container only waits for the database.
    db({ image: 'busybox:1.36' }, { initContainers: [{ name: 'wait', image: 'postgres:16', command: ['pg_isready', '-h', 'pg'] }] }),
    'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: web\nspec: null\n',
    // A map instead of a list is the schema's finding.
    db({ image: 'postgres:16' }, {}, { volumeClaimTemplates: { data: {} } }),
    deployment({ replicas: 1, pod: { containers: [{ name: 'pg', image: 'postgres:16' }] } }),
  ],
  invalid: [
    {
      code: db({ image: 'postgres:16' }),
      errors: [
        {
          messageId: 'containerFilesystem',
          message:
            "StatefulSet 'db' has no volumeClaimTemplates and runs postgres (image postgres:16) with no volume for its data: it writes to the container's own filesystem, which is lost whenever the container restarts; add a claim template and mount it at the data directory",
          severity: 'warning',
          ...atImage('postgres:16'),
        },
      ],
    },
    {
      code: withVolume('cassandra:5.0', '/var/lib/cassandra'),
      errors: [
        {
          messageId: 'temporaryVolume',
          message:
            "StatefulSet 'db' has no volumeClaimTemplates and keeps the data of cassandra (image cassandra:5.0) on emptyDir volume 'data' (/var/lib/cassandra), which is deleted with the pod: the data is lost whenever a pod is deleted, evicted or moved to another node; replace the volume with a claim template named 'data'",
          ...atVolumeSource(),
        },
      ],
    },
    // A data directory on emptyDir, whatever the image.
    { code: withVolume('ghcr.io/acme/ledger:2', '/var/ledger/data'), errors: [onVolume('a data directory', '/var/ledger/data')] },
    { code: withVolume('ghcr.io/acme/ledger:2', '/srv/ledger', { emptyDir: { medium: 'Memory' } }), errors: [onVolume('a data directory', '/srv/ledger')] },
    // A generic ephemeral volume is deleted with its pod too.
    {
      code: withVolume('postgres:16', '/var/lib/postgresql/data', { ephemeral: { volumeClaimTemplate: { spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } } } }),
      errors: [onVolume('the data of postgres (image postgres:16)', '/var/lib/postgresql/data', 'ephemeral')],
    },
    // An emptyDir that is not the data directory: the data stays on the container's filesystem.
    { code: withVolume('postgres:16', '/tmp', { emptyDir: {} }, 'tmp'), errors: [onFilesystem('postgres', 'postgres:16')] },
    // A claim of the pod that the database container does not mount.
    {
      code: db({ image: 'mysql:8.4' }, { initContainers: [{ name: 'restore', image: 'busybox:1.36', volumeMounts: [{ name: 'backup', mountPath: '/backup' }] }], volumes: [{ name: 'backup', persistentVolumeClaim: { claimName: 'backup' } }] }),
      errors: [onFilesystem('mysql', 'mysql:8.4')],
    },
    // An empty list of claim templates, and a version-suffixed image.
    { code: db({ image: 'quay.io/fedora/postgresql-16' }, {}, { volumeClaimTemplates: [] }), errors: [onFilesystem('postgresql', 'quay.io/fedora/postgresql-16')] },
    {
      // A custom image wrapping MongoDB, told by its port.
      code: db({ image: 'acme/store:1', ports: [{ containerPort: 27017, name: 'mongo' }] }),
      errors: [{ messageId: 'containerFilesystem', data: { name: 'db', system: "mongodb (port 27017 named 'mongo', image acme/store:1)" }, line: 19, column: 15, endLine: 19, endColumn: 35 }],
    },
    // NATS with JetStream stores streams; Redis whose mounted config keeps snapshots is a database.
    {
      code: db({ image: 'nats:2.10', args: ['-js', '-sd', '/data'], volumeMounts: [{ name: 'data', mountPath: '/data' }] }, { volumes: [{ name: 'data', emptyDir: {} }] }),
      // The args add four lines before the volume.
      errors: [{ ...onVolume('the data of nats (image nats:2.10)', '/data'), line: 27, endLine: 27 }],
    },
    {
      code: documents(
        db({ image: 'redis:7', args: ['/etc/redis/redis.conf'], volumeMounts: [{ name: 'config', mountPath: '/etc/redis' }] }, { volumes: [{ name: 'config', configMap: { name: 'redis' } }] }),
        configMap({ name: 'redis', data: { 'redis.conf': 'save ""\nappendonly yes\n' } }),
      ),
      errors: [onFilesystem('redis', 'redis:7')],
    },
  ],
});
