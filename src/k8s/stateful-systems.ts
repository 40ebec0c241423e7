import { posix } from 'node:path';
import { mountedFile, podFileNamed, type FileSource } from './mounted-files.js';
import type { ContainerAt } from './pod-template.js';
import { isRecord } from '../util/guards.js';
import type { ObjectPath } from '../types.js';

/**
 * Well-known stateful systems a container may run, told by its image or its ports, and the configurations under
 * which some of them keep nothing on disk (Redis as a cache, NATS without JetStream). Shared by the rules that ask
 * whether a workload holds data: deployment-database and statefulset-volume-claim-templates.
 */

/**
 * Repository names of well-known stateful systems: the last path segments of an image repository, registry and tag
 * left out ("postgres" matches docker.io/library/postgres:16 and bitnami/postgres, not postgres-exporter). A name
 * also matches with a version suffix, as Red Hat, Fedora and sclorg name theirs: postgresql-16, mysql-80,
 * mariadb-1011, redis-7-c9s, mongodb-36-rhel7.
 */
export const STATEFUL_IMAGES: readonly string[] = [
  'arangodb',
  'cassandra',
  'clickhouse',
  'clickhouse-server',
  'cockroach',
  'cockroachdb',
  'confluentinc/cp-server',
  'couchdb',
  'cp-kafka',
  'cp-zookeeper',
  'crunchy-postgres',
  'elasticsearch',
  'etcd',
  'influxdb',
  'kafka',
  'keydb',
  'mariadb',
  'mariadb-galera',
  'minio',
  'mongo',
  'mongodb',
  'mongodb-community-server',
  'mongodb-sharded',
  'mssql/server',
  'mysql',
  'mysql-server',
  'nats',
  'neo4j',
  'opensearch',
  'percona-server',
  'percona-server-mongodb',
  'percona-xtradb-cluster',
  'postgis',
  'postgres',
  'postgresql',
  'postgresql-repmgr',
  'rabbitmq',
  'redis',
  'redis-cluster',
  'redis-stack',
  'redis-stack-server',
  'scylla',
  'solr',
  'spilo',
  'timescaledb',
  'timescaledb-ha',
  'valkey',
  'valkey-cluster',
  'yugabyte',
  'zookeeper',
];

/**
 * Registered ports of the systems above, with the words their port names use. A port says which system a custom
 * image runs only when its number and its name agree (27017 named `mongo`): a number alone is shared by poolers,
 * proxies and routers (PgBouncer, mongos) that keep no data.
 */
const SYSTEM_PORTS: readonly { system: string; ports: readonly number[]; names: readonly string[] }[] = [
  { system: 'postgres', ports: [5432], names: ['postgres', 'postgresql', 'pgsql', 'pg'] },
  { system: 'mysql', ports: [3306], names: ['mysql', 'mariadb'] },
  { system: 'mongodb', ports: [27017, 27018, 27019], names: ['mongo', 'mongodb', 'mongod'] },
  { system: 'redis', ports: [6379], names: ['redis', 'valkey', 'keydb'] },
  { system: 'cassandra', ports: [9042], names: ['cql', 'cassandra'] },
  { system: 'kafka', ports: [9092], names: ['kafka'] },
  { system: 'zookeeper', ports: [2181], names: ['zookeeper', 'zk'] },
  { system: 'rabbitmq', ports: [5672], names: ['amqp', 'rabbitmq'] },
  { system: 'etcd', ports: [2379], names: ['etcd'] },
  { system: 'cockroachdb', ports: [26257], names: ['cockroach', 'cockroachdb', 'crdb'] },
  { system: 'nats', ports: [4222], names: ['nats'] },
  { system: 'neo4j', ports: [7687], names: ['bolt', 'neo4j'] },
  { system: 'couchdb', ports: [5984], names: ['couchdb', 'couch'] },
  { system: 'elasticsearch', ports: [9200], names: ['elasticsearch', 'elastic', 'es', 'opensearch'] },
  { system: 'influxdb', ports: [8086], names: ['influx', 'influxdb'] },
  { system: 'clickhouse', ports: [8123, 9000], names: ['clickhouse'] },
  { system: 'mssql', ports: [1433], names: ['mssql', 'sqlserver'] },
];

/**
 * Images that front a stateful system without keeping its data, and so listen on its port under its name: proxies,
 * poolers, routers, tunnels and exporters (HAProxy, Envoy, PgBouncer, Pgpool, ProxySQL, MySQL Router, twemproxy,
 * the Cloud SQL Auth Proxy...), told by a word of the repository name. Their ports name no system.
 */
const PASS_THROUGH = /proxy|bouncer|pool|router|envoy|nginx|traefik|caddy|socat|tunnel|maxscale|nutcracker|predixy|odyssey|pgcat|exporter|gateway|kong/;

/** Redis-compatible servers, whose persistence is read from redis.conf and the command line. */
const REDIS_COMPATIBLE: ReadonlySet<string> = new Set(['keydb', 'redis', 'redis-cluster', 'redis-stack', 'redis-stack-server', 'valkey', 'valkey-cluster']);
const REDIS_SERVER = /^(redis|valkey|keydb|redis-stack)-server$/;
const REDIS_SENTINEL = /^(redis|valkey|keydb)-sentinel$/;
const SHELLS: ReadonlySet<string> = new Set(['sh', 'bash', 'ash', 'dash', 'zsh']);
/** Redis programs that are not a server (the image's tools, run by backup and health-check containers). */
const REDIS_TOOLS: ReadonlySet<string> = new Set(['redis-cli', 'redis-benchmark', 'redis-check-aof', 'redis-check-rdb', 'valkey-cli', 'keydb-cli']);
/** A JetStream block or switch in a NATS configuration file (https://docs.nats.io/reference/config/jetstream). */
const JETSTREAM = /^\s*jetstream\s*(?:[:=]\s*)?(?:\{|enabled?\b|true\b|on\b|yes\b)/im;

/** A stateful system a container runs, and what tells it. */
export interface StatefulSystem {
  /** The image name it matched ("postgresql", a configured "acme/ledger") or, told by a port, the system ("mongodb"). */
  system: string;
  /** Where the evidence is: the container's `image`, or the port item. */
  path: ObjectPath;
  /** The port that tells it, "27017 named 'mongo'", when the image does not. */
  port?: string;
}

/**
 * The well-known stateful system a container runs and keeps data with: `systemOf`, unless `keepsData` says its
 * configuration keeps nothing on disk.
 */
export function statefulSystemOf(at: ContainerAt, files: FileSource, extraImages: readonly string[] = []): StatefulSystem | undefined {
  const found = systemOf(at, extraImages);
  return found && keepsData(found, at, files) ? found : undefined;
}

/**
 * The well-known stateful system a container's image or ports name: by its image's repository name (the list above
 * and `extraImages`), else by a port whose number and name both belong to one system. Its configuration is not read.
 */
export function systemOf(at: ContainerAt, extraImages: readonly string[] = []): StatefulSystem | undefined {
  const image = at.container.image;
  const named = typeof image === 'string' ? matchingName(image, [...STATEFUL_IMAGES, ...extraImages]) : undefined;
  return named ? { system: named, path: [...at.path, 'image'] } : byPort(at);
}

/**
 * Whether the system a container runs keeps data on disk. Not when the container runs something else than the
 * server (a Redis Sentinel, `redis-cli`, a script of the run that starts no server), nor when its configuration keeps
 * nothing: a Redis-compatible server with snapshots off (`save ""`) and no append-only file, NATS without JetStream.
 * Configuration is read from `command`/`args` and from configuration files of ConfigMaps and Secrets of the run (see
 * mounted-files.ts); a file the run does not have counts as the system's defaults (Redis snapshots on, NATS without
 * JetStream). Every other system keeps data.
 */
export function keepsData({ system }: StatefulSystem, at: ContainerAt, files: FileSource): boolean {
  if (REDIS_COMPATIBLE.has(system)) return redisKeepsData(at, files);
  if (system === 'nats') return jetStreamOn(at, files);
  return true;
}

/**
 * A port whose number and name belong to one system (a name's words, split at - and _, or the whole name), on an
 * image that is not a proxy, pooler or exporter of that system.
 */
function byPort(at: ContainerAt): StatefulSystem | undefined {
  const image = typeof at.container.image === 'string' ? at.container.image : '';
  if (PASS_THROUGH.test(repositoryOf(image).at(-1) ?? '')) return undefined;
  const ports = Array.isArray(at.container.ports) ? at.container.ports : [];
  for (const [index, port] of ports.entries()) {
    if (!isRecord(port) || typeof port.containerPort !== 'number' || typeof port.name !== 'string') continue;
    const name = port.name.toLowerCase();
    const words = [name, ...name.split(/[-_]/)];
    const entry = SYSTEM_PORTS.find(({ ports: numbers, names }) => numbers.includes(port.containerPort as number) && words.some((word) => names.includes(word)));
    if (entry) return { system: entry.system, path: [...at.path, 'ports', index], port: `${port.containerPort} named '${port.name}'` };
  }
  return undefined;
}

/** The configured name the image's repository ends with, if any (the last segment may carry a version suffix). */
function matchingName(image: string, names: readonly string[]): string | undefined {
  const segments = repositoryOf(image);
  return names.find((name) => {
    const wanted = name.toLowerCase().split('/');
    const tail = segments.slice(segments.length - wanted.length);
    return wanted.length <= segments.length && wanted.every((part, i) => (i === wanted.length - 1 ? isVersionOf(tail[i], part) : part === tail[i]));
  });
}

/** "postgresql", or "postgresql-16", "mysql-80", "redis-7-c9s", "mongodb-36-rhel7": the name with a version suffix. */
function isVersionOf(segment: string, name: string): boolean {
  if (segment === name || !segment.startsWith(`${name}-`)) return segment === name;
  return /^v?\d+(?:[._]\d+)*(?:-(?:rhel\d*|centos\d*|c\d+s|el\d+|ubi\d*|fedora\d*|debian\d*|alpine|bookworm|bullseye))?$/.test(segment.slice(name.length + 1));
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

/** What a container runs: the words of its command and args, with the scripts they run (from the run) read in. */
interface Launch {
  words: string[];
  /** True when every program it starts is known: a shell with readable scripts, or a Redis tool. */
  known: boolean;
}

function launchOf(at: ContainerAt, files: FileSource): Launch {
  const argv = [...strings(at.container.command), ...strings(at.container.args)];
  const words = argv.flatMap((word) => (/[\s'"]/.test(word) ? shellWords(word) : [word]));
  const scripts = words.filter((word) => /\.(?:sh|bash)$/.test(word)).map((word) => mountedFile(pathIn(at, word), at, files));
  const read = scripts.flatMap((text) => (text === undefined ? [] : shellWords(text)));
  const program = posix.basename(argv[0] ?? '');
  const known = (SHELLS.has(program) || REDIS_TOOLS.has(program)) && scripts.every((text) => text !== undefined);
  return { words: [...words, ...read], known };
}

/**
 * Whether a Redis-compatible container is a server that keeps data: snapshots (`save`, on by default) or an
 * append-only file (`appendonly yes`), from its configuration files (each `.conf` word, found at its path in the
 * container or, when an init container copies it to a writable place first, by name among the pod's ConfigMaps)
 * and then its `--option value` words, which Redis applies after the files.
 */
function redisKeepsData(at: ContainerAt, files: FileSource): boolean {
  const { words, known } = launchOf(at, files);
  if (words.some((word) => REDIS_SENTINEL.test(posix.basename(word)) || word === '--sentinel')) return false;
  if (!words.some((word) => REDIS_SERVER.test(posix.basename(word))) && known) return false;
  const configs = words.filter((word) => word.endsWith('.conf') && !word.startsWith('-')).map((path) => configText(path, at, files));
  const directives = [...configs.flatMap((text) => (text === undefined ? [] : configDirectives(text))), ...optionDirectives(words)];
  let snapshots = true;
  let appendOnly = false;
  for (const [name, args] of directives) {
    if (name === 'save') snapshots = args.length > 0 && args[0] !== '';
    if (name === 'appendonly') appendOnly = args[0]?.toLowerCase() === 'yes';
  }
  return snapshots || appendOnly;
}

/** Whether a NATS server runs JetStream (which stores streams on disk): `-js`/`--jetstream`, or a `jetstream` block in its config. */
function jetStreamOn(at: ContainerAt, files: FileSource): boolean {
  const { words } = launchOf(at, files);
  if (words.some((word) => /^--?(?:js|jetstream)(?:=true)?$/.test(word))) return true;
  const configs = words.flatMap((word, i) => {
    const inline = /^--?config=(.+)$/.exec(word)?.[1];
    return inline ?? (/^--?(?:c|config)$/.test(words[i - 1] ?? '') && /[./]/.test(word) ? word : []);
  });
  return configs.some((path) => JETSTREAM.test(configText(path, at, files) ?? ''));
}

function configText(path: string, at: ContainerAt, files: FileSource): string | undefined {
  return mountedFile(pathIn(at, path), at, files) ?? podFileNamed(posix.basename(path), files);
}

/** A path as the container resolves it: relative ones from its workingDir (default /). */
function pathIn(at: ContainerAt, path: string): string {
  const workingDir = typeof at.container.workingDir === 'string' ? at.container.workingDir : '/';
  return posix.resolve(workingDir, path);
}

/** redis.conf lines as [directive, arguments], comments and blank lines left out. */
function configDirectives(text: string): [string, string[]][] {
  return text.split('\n').flatMap((line) => {
    const [name, ...args] = shellWords(line);
    return name === undefined ? [] : [[name.toLowerCase(), args] as [string, string[]]];
  });
}

/** `--name value...` words as [name, values], each up to the next `--` word. */
function optionDirectives(words: readonly string[]): [string, string[]][] {
  const directives: [string, string[]][] = [];
  for (const word of words) {
    if (/^--[a-z]/i.test(word)) directives.push([word.slice(2).toLowerCase(), []]);
    else directives.at(-1)?.[1].push(word);
  }
  return directives;
}

/**
 * The words of a shell command line or script, as a shell splits them: quotes group (and `""` is an empty word),
 * a `#` at the start of a word starts a comment, and `;`, `&`, `|` and parentheses (arrays, subshells) separate
 * words. No expansion is done.
 */
function shellWords(text: string): string[] {
  const words: string[] = [];
  const uncommented = text.replace(/(^|\s)#[^\n]*/g, '$1');
  const pattern = /"((?:[^"\\]|\\.)*)"|'([^']*)'|([^\s"';&|()]+)|([;&|()]|\s)+/g;
  let current: string | undefined;
  for (const [, doubled, single, bare] of uncommented.matchAll(pattern)) {
    if (doubled === undefined && single === undefined && bare === undefined) {
      if (current !== undefined) words.push(current);
      current = undefined;
      continue;
    }
    current = (current ?? '') + (doubled?.replace(/\\(.)/g, '$1') ?? single ?? bare);
  }
  if (current !== undefined) words.push(current);
  return words;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}
