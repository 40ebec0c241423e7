import { posix } from 'node:path';
import type { ContainerAt } from './pod-template.js';
import type { ResourceIndex } from './resource-index.js';
import { isRecord } from '../util/guards.js';

/**
 * The files a pod reads from ConfigMaps and Secrets that the run declares: what a rule can know of a configuration
 * file without running anything. Sources: Volumes, configMap / secret / projected
 * (https://kubernetes.io/docs/concepts/storage/volumes/#configmap, .../projected-volumes/): without `items` every key
 * becomes a file of that name; with `items`, only the keys listed, at their `path`; a `subPath` mount puts one file
 * of the volume at `mountPath`.
 */

/** Where the pod's files come from: its namespace and the run's objects. */
export interface FileSource {
  podSpec: Record<string, unknown>;
  namespace: string;
  index: ResourceIndex;
}

/** The text of the file at an absolute `path` in the container, when a ConfigMap or Secret of the run provides it. */
export function mountedFile(path: string, { container }: Pick<ContainerAt, 'container'>, source: FileSource): string | undefined {
  const wanted = posix.normalize(path);
  const mounts = Array.isArray(container.volumeMounts) ? container.volumeMounts.filter(isRecord) : [];
  for (const mount of mounts) {
    if (typeof mount.name !== 'string' || typeof mount.mountPath !== 'string') continue;
    const files = volumeFiles(volumeNamed(source.podSpec, mount.name), source);
    if (typeof mount.subPath === 'string' && mount.subPath !== '') {
      if (posix.normalize(mount.mountPath) === wanted && files.has(mount.subPath)) return files.get(mount.subPath);
      continue;
    }
    const relative = posix.relative(posix.normalize(mount.mountPath), wanted);
    if (files.has(relative)) return files.get(relative);
  }
  return undefined;
}

/** The text of a file named `name` (a base name) in any ConfigMap or Secret volume of the pod, mounted or not. */
export function podFileNamed(name: string, source: FileSource): string | undefined {
  const volumes = Array.isArray(source.podSpec.volumes) ? source.podSpec.volumes.filter(isRecord) : [];
  for (const volume of volumes) {
    for (const [path, text] of volumeFiles(volume, source)) if (posix.basename(path) === name) return text;
  }
  return undefined;
}

function volumeNamed(podSpec: Record<string, unknown>, name: string): Record<string, unknown> | undefined {
  const volumes = Array.isArray(podSpec.volumes) ? podSpec.volumes.filter(isRecord) : [];
  return volumes.find((volume) => volume.name === name);
}

/** A volume's files (path inside the volume → text) from the ConfigMaps and Secrets it projects. */
function volumeFiles(volume: Record<string, unknown> | undefined, source: FileSource): Map<string, string> {
  const files = new Map<string, string>();
  if (!volume) return files;
  // A secret volume names its Secret `secretName`; a projected volume's sources name theirs `name`.
  const parts: [kind: 'ConfigMap' | 'Secret', projection: unknown, name: unknown][] = [
    ['ConfigMap', volume.configMap, isRecord(volume.configMap) ? volume.configMap.name : undefined],
    ['Secret', volume.secret, isRecord(volume.secret) ? volume.secret.secretName : undefined],
  ];
  const sources = isRecord(volume.projected) && Array.isArray(volume.projected.sources) ? volume.projected.sources.filter(isRecord) : [];
  for (const part of sources) {
    parts.push(['ConfigMap', part.configMap, isRecord(part.configMap) ? part.configMap.name : undefined]);
    parts.push(['Secret', part.secret, isRecord(part.secret) ? part.secret.name : undefined]);
  }
  for (const [kind, projection, name] of parts) {
    if (isRecord(projection)) addFiles(files, projection, dataOf(source, kind, name));
  }
  return files;
}

function addFiles(files: Map<string, string>, projection: Record<string, unknown>, data: Map<string, string>): void {
  const items = Array.isArray(projection.items) ? projection.items.filter(isRecord) : undefined;
  if (!items) {
    for (const [key, text] of data) files.set(key, text);
    return;
  }
  for (const item of items) {
    if (typeof item.key !== 'string' || typeof item.path !== 'string' || !data.has(item.key)) continue;
    files.set(posix.normalize(item.path), data.get(item.key)!);
  }
}

/** A ConfigMap's `data`, or a Secret's `stringData` and base64-decoded `data`, by key; empty when the run lacks it. */
function dataOf({ index, namespace }: FileSource, kind: 'ConfigMap' | 'Secret', name: unknown): Map<string, string> {
  const data = new Map<string, string>();
  const object = typeof name === 'string' ? index.all(kind, namespace, name).find((resource) => resource.group === '')?.object : undefined;
  if (!object) return data;
  const encoded = kind === 'Secret' && isRecord(object.data) ? object.data : {};
  for (const [key, value] of Object.entries(encoded)) if (typeof value === 'string') data.set(key, Buffer.from(value, 'base64').toString('utf8'));
  const plain = kind === 'Secret' ? object.stringData : object.data;
  for (const [key, value] of Object.entries(isRecord(plain) ? plain : {})) if (typeof value === 'string') data.set(key, value);
  return data;
}
