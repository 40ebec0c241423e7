import { isStatefulSet } from './kinds.js';
import type { ResourceIndex } from './resource-index.js';
import { isCount, isRecord } from '../util/guards.js';
import type { ObjectPath, Resource } from '../types.js';

/** RFC 1123 label: what Kubernetes requires of Service names, pod subdomains and volume names. */
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
/** RFC 1123 subdomain: what Kubernetes requires of most object names (PersistentVolumeClaims among them). */
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

export function isDnsLabel(name: string): boolean {
  return name.length <= 63 && DNS_LABEL.test(name);
}

export function isDnsSubdomain(name: string): boolean {
  return name.length <= 253 && DNS_SUBDOMAIN.test(name);
}

/** A core v1 Service, not a Knative or other custom `Service`. */
export function isCoreService(resource: Resource): boolean {
  return resource.kind === 'Service' && resource.group === '';
}

/** The StatefulSet's spec.serviceName when it can name a Service (a DNS label); undefined otherwise. */
export function serviceNameOf(statefulSet: Resource): string | undefined {
  const name = statefulSet.object.spec?.serviceName;
  return typeof name === 'string' && isDnsLabel(name) ? name : undefined;
}

/**
 * The core Service named by spec.serviceName in the StatefulSet's namespace, if the run declares it.
 * When the run declares that Service twice, the one in the StatefulSet's own file.
 */
export function governingServiceOf(index: ResourceIndex, statefulSet: Resource): Resource | undefined {
  const name = serviceNameOf(statefulSet);
  if (name === undefined) return undefined;
  return preferSameFile(index.all('Service', statefulSet.namespace, name).filter(isCoreService), statefulSet);
}

/**
 * The StatefulSets whose spec.serviceName names this Service, in declaration order.
 * A StatefulSet the run declares twice counts once: the declaration in the Service's own file, else the first.
 */
export function statefulSetsGovernedBy(index: ResourceIndex, service: Resource): Resource[] {
  const governed = index.groupedBy('StatefulSet', 'governing Service', governingKey, `${service.namespace}/${service.name}`);
  const byName = new Map<string, Resource>();
  for (const statefulSet of governed) {
    const kept = byName.get(statefulSet.name);
    if (!kept || (kept.source !== service.source && statefulSet.source === service.source)) byName.set(statefulSet.name, statefulSet);
  }
  return [...byName.values()];
}

function preferSameFile(candidates: readonly Resource[], near: Resource): Resource | undefined {
  return candidates.find((candidate) => candidate.source === near.source) ?? candidates[0];
}

/** `namespace/serviceName` of an apps StatefulSet that names a Service. */
function governingKey(statefulSet: Resource): string | undefined {
  const name = serviceNameOf(statefulSet);
  return name === undefined || !isStatefulSet(statefulSet) ? undefined : `${statefulSet.namespace}/${name}`;
}

export interface ClaimTemplate {
  template: Record<string, unknown>;
  /** Path of the template inside the StatefulSet: ['spec', 'volumeClaimTemplates', i]. */
  path: ObjectPath;
  /** metadata.name when it is a non-empty string. */
  name: string | undefined;
}

/** The StatefulSet's volumeClaimTemplates that are mappings, with their paths and names. */
export function claimTemplatesOf(statefulSet: Resource): ClaimTemplate[] {
  const templates = statefulSet.object.spec?.volumeClaimTemplates;
  if (!Array.isArray(templates)) return [];
  return templates.flatMap((template: unknown, position: number) => {
    if (!isRecord(template)) return [];
    const name = isRecord(template.metadata) ? template.metadata.name : undefined;
    const path = ['spec', 'volumeClaimTemplates', position];
    return [{ template, path, name: typeof name === 'string' && name !== '' ? name : undefined }];
  });
}

/**
 * The ordinal of the last pod: ordinals.start (default 0) + replicas (default 1) - 1.
 * With replicas: 0 the first pod a scale-up would create (ordinals.start). Undefined when the fields are not integers.
 */
export function highestOrdinal(statefulSet: Resource): number | undefined {
  const spec = isRecord(statefulSet.object.spec) ? statefulSet.object.spec : {};
  const replicas = spec.replicas ?? 1;
  const start = isRecord(spec.ordinals) ? (spec.ordinals.start ?? 0) : 0;
  if (!isCount(replicas) || !isCount(start)) return undefined;
  return start + Math.max(replicas, 1) - 1;
}

/** Names listed in a message before the rest are counted ("and 17 more"): messages stay short however many there are. */
const MAX_LISTED = 5;

/** "StatefulSet 'web'", "StatefulSets 'web', 'db'", or for many "StatefulSets 'a', 'b', 'c', 'd', 'e' and 17 more". */
export function describeStatefulSets(statefulSets: readonly Resource[]): string {
  const quoted = statefulSets.slice(0, MAX_LISTED).map((statefulSet) => `'${statefulSet.name}'`).join(', ');
  const more = statefulSets.length > MAX_LISTED ? ` and ${statefulSets.length - MAX_LISTED} more` : '';
  return statefulSets.length === 1 ? `StatefulSet ${quoted}` : `StatefulSets ${quoted}${more}`;
}

export interface GoverningService {
  spec: Record<string, unknown>;
  governed: Resource[];
  /** "Service 'nginx' governing StatefulSet 'web'", to open messages. */
  subject: string;
}

/** A core Service named by StatefulSets of the run as their spec.serviceName; undefined for any other Service. */
export function asGoverningService(index: ResourceIndex, service: Resource): GoverningService | undefined {
  if (!isCoreService(service)) return undefined;
  const governed = statefulSetsGovernedBy(index, service);
  const spec = service.object.spec ?? {};
  if (governed.length === 0 || !isRecord(spec)) return undefined; // a spec of the wrong type is the schema's finding
  return { spec, governed, subject: `Service '${service.name}' governing ${describeStatefulSets(governed)}` };
}
