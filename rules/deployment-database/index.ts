import { claimVolumes } from '../../src/k8s/claims.js';
import { containersOf, podSpecOf, type ContainerAt } from '../../src/k8s/pod-template.js';
import { describeReplicas, replicaCount } from '../../src/k8s/replicas.js';
import type { ResourceIndex } from '../../src/k8s/resource-index.js';
import { defineRule } from '../../src/linter/rule.js';
import type { ObjectPath, Resource } from '../../src/types.js';

/**
 * Repository names of well-known stateful systems: the last path segments of an image repository, registry and tag
 * left out ("postgres" matches docker.io/library/postgres:16 and bitnami/postgres, not postgres-exporter).
 */
const DATABASE_IMAGES: readonly string[] = [
  'cassandra',
  'clickhouse',
  'clickhouse-server',
  'cockroach',
  'cockroachdb',
  'couchdb',
  'cp-kafka',
  'cp-zookeeper',
  'elasticsearch',
  'etcd',
  'influxdb',
  'kafka',
  'keydb',
  'mariadb',
  'minio',
  'mongo',
  'mongodb',
  'mongodb-community-server',
  'mysql',
  'mysql-server',
  'nats',
  'neo4j',
  'opensearch',
  'percona-server',
  'percona-server-mongodb',
  'postgis',
  'postgres',
  'postgresql',
  'rabbitmq',
  'redis',
  'redis-cluster',
  'redis-stack',
  'redis-stack-server',
  'scylla',
  'timescaledb',
  'timescaledb-ha',
  'valkey',
  'zookeeper',
];

const REDIS_COMPATIBLE: ReadonlySet<string> = new Set(['keydb', 'redis', 'redis-stack', 'redis-stack-server', 'valkey']);

export default defineRule({
  meta: {
    id: 'deployment-database',
    severity: 'warning',
    description: 'Warn when a Deployment runs a well-known stateful system or shares a PersistentVolumeClaim between replicas',
    kinds: ['apps/Deployment', 'extensions/Deployment'],
    messages: {
      database:
        "Deployment '{{name}}' runs {{system}} (image {{image}}), a stateful system: run it as a StatefulSet (stable pod identity, one volume per replica, ordered rollouts)",
      sharedClaim:
        "Deployment '{{name}}' runs {{replicas}} that all mount PersistentVolumeClaim {{claims}}: shared state in a Deployment usually belongs in a StatefulSet with volumeClaimTemplates (fine if the claim is ReadWriteMany shared storage)",
    },
    options: {
      type: 'object',
      additionalProperties: false,
      properties: {
        images: {
          description: 'More image repository names of stateful systems, added to the built-in list.',
          type: 'array',
          items: { type: 'string', minLength: 1 },
        },
      },
    },
  },
  defaultOptions: { images: [] as readonly string[] },
  check(resource, context) {
    const podSpec = podSpecOf(resource);
    if (!podSpec) return;
    const names = [...DATABASE_IMAGES, ...context.options.images];
    let matched = false;
    for (const { container, path } of [...containersOf(podSpec.spec, podSpec.path)].filter(isLongRunning)) {
      const image = container.image;
      const system = typeof image === 'string' ? matchingName(image, names) : undefined;
      if (!system || isCacheOnly(system, container)) continue;
      matched = true;
      context.report({ path: [...path, 'image'], messageId: 'database', data: { name: resource.name, system, image: String(image) } });
    }
    const shared = matched ? undefined : sharedClaims(resource, context.index);
    if (shared) context.report({ path: shared.path, messageId: 'sharedClaim', data: { name: resource.name, replicas: shared.replicas, claims: shared.claims } });
  },
});

/**
 * A claim shared by the replicas of a Deployment that the linted files do not declare. Declared claims are left to
 * rwo-shared-claim (ReadWriteOnce, ReadWriteOncePod) or are meant to be shared (ReadWriteMany, ReadOnlyMany).
 */
function sharedClaims(resource: Resource, index: ResourceIndex): { path: ObjectPath; replicas: string; claims: string } | undefined {
  const count = replicaCount(resource, index);
  if (!count || count.max <= 1) return undefined;
  const undeclared = claimVolumes(resource, index).filter((volume) => !volume.claim);
  if (undeclared.length === 0) return undefined;
  const claims = [...new Set(undeclared.map((volume) => `'${volume.claimName}'`))].join(', ');
  return { path: undeclared[0].path, replicas: describeReplicas(count), claims };
}

/** Redis-compatible servers that keep nothing on disk: `--save ""` turns snapshots off, and no `--appendonly yes`. */
function isCacheOnly(system: string, container: Record<string, unknown>): boolean {
  if (!REDIS_COMPATIBLE.has(system)) return false;
  const words = [container.command, container.args].flatMap((list) => (Array.isArray(list) ? list.map(String) : []));
  const shell = words.join(' ');
  const snapshotsOff = words.some((word, i) => word === '--save' && words[i + 1] === '') || /--save\s+(""|'')(\s|$)/.test(shell);
  return snapshotsOff && !/--appendonly\s+["']?yes/.test(shell);
}

/** Containers that run for the pod's life: app containers and sidecars (init containers with restartPolicy Always). */
function isLongRunning({ container, list }: ContainerAt): boolean {
  return list === 'containers' || (list === 'initContainers' && container.restartPolicy === 'Always');
}

/** The configured name the image's repository ends with, if any. */
function matchingName(image: string, names: readonly string[]): string | undefined {
  const segments = repositoryOf(image);
  return names.find((name) => {
    const wanted = name.toLowerCase().split('/');
    return wanted.length <= segments.length && wanted.every((part, i) => part === segments[segments.length - wanted.length + i]);
  });
}

/** The path segments of an image's repository, without registry, tag or digest: "bitnami/redis:7" → [bitnami, redis]. */
function repositoryOf(image: string): string[] {
  const withoutDigest = image.trim().split('@')[0].toLowerCase();
  const segments = withoutDigest.split('/');
  // A first segment with a dot or a port, or "localhost", is a registry host (the Docker reference grammar).
  if (segments.length > 1 && /[.:]|^localhost$/.test(segments[0])) segments.shift();
  segments[segments.length - 1] = segments[segments.length - 1].split(':')[0];
  return segments;
}
