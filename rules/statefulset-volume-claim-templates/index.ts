import { containersOf, isLongRunning, podSpecOf, type ContainerAt } from '../../src/k8s/pod-template.js';
import { keepsData, systemOf, type StatefulSystem } from '../../src/k8s/stateful-systems.js';
import { isStatefulSet } from '../../src/k8s/kinds.js';
import { defineRule } from '../../src/linter/rule.js';
import { isRecord } from '../../src/util/guards.js';
import type { ObjectPath } from '../../src/types.js';

/** Volume sources deleted with the pod. */
const TEMPORARY: ReadonlySet<string> = new Set(['emptyDir', 'ephemeral']);
/** Volume sources that carry configuration or credentials, never data the pod writes. */
const CONFIGURATION: ReadonlySet<string> = new Set(['configMap', 'secret', 'downwardAPI', 'projected', 'gitRepo', 'image']);
/** A path segment or volume name that names a data directory: data, db, pgdata, mysql-data, data-dir... */
const DATA_WORD = /^(?:data|datadir|db|database|pgdata|storage)$|[-_]data$|^data[-_]/;

/** A writable volume mount of a container, with the volume it mounts. */
interface Mount {
  volume: string;
  mountPath: string;
  /** The volume's source key ("emptyDir", "persistentVolumeClaim", "hostPath"...); undefined for an unknown volume. */
  source: string | undefined;
  /** Path of the volume's source key in the StatefulSet. */
  path: ObjectPath;
}

export default defineRule({
  meta: {
    id: 'statefulset-volume-claim-templates',
    severity: 'warning',
    description: 'Warn when a StatefulSet without volumeClaimTemplates keeps data on storage deleted with its pods',
    kinds: ['apps/StatefulSet'],
    messages: {
      temporaryVolume:
        "StatefulSet '{{name}}' has no volumeClaimTemplates and keeps {{what}} on {{source}} volume '{{volume}}' ({{mountPath}}), which is deleted with the pod: the data is lost whenever a pod is deleted, evicted or moved to another node; replace the volume with a claim template named '{{volume}}'",
      containerFilesystem:
        "StatefulSet '{{name}}' has no volumeClaimTemplates and runs {{system}} with no volume for its data: it writes to the container's own filesystem, which is lost whenever the container restarts; add a claim template and mount it at the data directory",
    },
  },
  check(resource, context) {
    const spec = resource.object.spec;
    const podSpec = podSpecOf(resource);
    if (!isStatefulSet(resource) || !isRecord(spec) || !podSpec) return;
    const templates = spec.volumeClaimTemplates;
    if (Array.isArray(templates) ? templates.length > 0 : templates != null) return; // a non-list is the schema's finding
    const files = { podSpec: podSpec.spec, namespace: resource.namespace, index: context.index };
    for (const at of [...containersOf(podSpec.spec, podSpec.path)].filter(isLongRunning)) {
      const mounts = writableMounts(at, podSpec.spec, podSpec.path);
      // Storage chosen deliberately: a claim made beforehand, a hostPath, a network or CSI volume, a raw block device.
      if (Array.isArray(at.container.volumeDevices) && at.container.volumeDevices.length > 0) continue;
      if (mounts.some(({ source }) => source !== undefined && !TEMPORARY.has(source))) continue;
      const found = systemOf(at);
      if (found && !keepsData(found, at, files)) continue; // a cache, core NATS, a Sentinel: nothing to keep
      const data = mounts.find(({ source, mountPath, volume }) => TEMPORARY.has(source!) && isDataDirectory(mountPath, volume, found?.system));
      if (data) {
        const what = found ? `the data of ${describeSystem(found, at)}` : 'a data directory';
        context.report({ path: data.path, messageId: 'temporaryVolume', data: { name: resource.name, what, source: data.source!, volume: data.volume, mountPath: data.mountPath } });
        return;
      }
      if (found) {
        context.report({ path: found.path, messageId: 'containerFilesystem', data: { name: resource.name, system: describeSystem(found, at) } });
        return;
      }
    }
  },
});

/** "postgres (image postgres:16)", or "mongodb (port 27017 named 'mongo', image acme/store:1)". */
function describeSystem(found: StatefulSystem, at: ContainerAt): string {
  const image = `image ${String(at.container.image)}`;
  return `${found.system} (${found.port ? `port ${found.port}, ${image}` : image})`;
}

/** The container's volume mounts that are not read-only and do not mount configuration, with their volumes' sources. */
function writableMounts({ container }: ContainerAt, podSpec: Record<string, unknown>, podPath: ObjectPath): Mount[] {
  const volumes = Array.isArray(podSpec.volumes) ? podSpec.volumes : [];
  const mounts = Array.isArray(container.volumeMounts) ? container.volumeMounts.filter(isRecord) : [];
  return mounts.flatMap((mount) => {
    if (mount.readOnly === true || typeof mount.name !== 'string' || typeof mount.mountPath !== 'string') return [];
    const index = volumes.findIndex((volume) => isRecord(volume) && volume.name === mount.name);
    const source = index < 0 ? undefined : Object.keys(volumes[index]).find((key) => key !== 'name');
    if (source !== undefined && CONFIGURATION.has(source)) return [];
    return [{ volume: mount.name, mountPath: mount.mountPath, source, path: [...podPath, 'volumes', index, source ?? 'name'] }];
  });
}

/**
 * A mount that holds a data directory: a path segment or volume name that says so (data, db, pgdata, mysql-data),
 * a directory under /var/lib (where programs keep their state), or, for a known system, a segment naming it
 * (/bitnami/postgresql, /var/opt/mssql).
 */
function isDataDirectory(mountPath: string, volume: string, system: string | undefined): boolean {
  const segments = mountPath.toLowerCase().split('/').filter(Boolean);
  if ([...segments, volume.toLowerCase()].some((word) => DATA_WORD.test(word))) return true;
  if (segments[0] === 'var' && segments[1] === 'lib' && segments.length > 2) return true;
  const names = system?.split('/') ?? [];
  return segments.some((segment) => segment.length >= 4 && names.some((name) => segment.includes(name) || name.includes(segment)));
}
