import { containersOf, podSpecOf, recordsAt, spreadingTermsOf, type SpreadingTerm } from '../../src/k8s/pod-template.js';
import { describeReplicas, replicaCount } from '../../src/k8s/replicas.js';
import { podLabels } from '../../src/k8s/resource-index.js';
import { describeLabels, selects, type LabelSelector, type Labels } from '../../src/k8s/selectors.js';
import { defineRule } from '../../src/linter/rule.js';
import { isRecord } from '../../src/util/guards.js';
import type { ObjectPath } from '../../src/types.js';

const HOSTNAME = 'kubernetes.io/hostname';

/**
 * Well-known topology keys by the size of their domains: 0 a node, 1 a zone, 2 a region. A term over one of them
 * separates the pods; pods pinned to one domain of a level have a single domain at that level and every level above.
 */
const DOMAIN_LEVELS: Readonly<Record<string, number>> = {
  [HOSTNAME]: 0,
  'topology.kubernetes.io/zone': 1,
  'failure-domain.beta.kubernetes.io/zone': 1,
  'topology.kubernetes.io/region': 2,
  'failure-domain.beta.kubernetes.io/region': 2,
};

const RISK =
  'every replica of a quorum can land on one node and fail with it; add a podAntiAffinity term or a topologySpreadConstraint whose labelSelector matches {{labels}}';

/** A node label value (or the node itself, key kubernetes.io/hostname) every pod of the template is pinned to. */
interface Pin {
  key: string;
  value: string;
  /** Where it is written, for the message: "nodeSelector", "spec.nodeName" or "a required node affinity". */
  how: string;
  path: ObjectPath;
}

export default defineRule({
  meta: {
    id: 'statefulset-anti-affinity',
    severity: 'warning',
    description: 'Require a replicated StatefulSet to spread its pods over nodes or zones',
    kinds: ['apps/StatefulSet'],
    messages: {
      noSpreading: `StatefulSet '{{name}}' runs {{replicas}} with no pod anti-affinity or topology spread constraint: ${RISK}`,
      notOwnPods: `StatefulSet '{{name}}' runs {{replicas}} with no pod anti-affinity term or topology spread constraint that selects its own pods ({{labels}}) over kubernetes.io/hostname or a zone: ${RISK}`,
      skewTooLarge:
        "StatefulSet '{{name}}' runs {{replicas}} and spreads them over {{key}} with maxSkew {{maxSkew}}: a skew that large lets every replica land in one domain, so they can all fail together; set maxSkew: 1",
      pinnedToNode:
        "StatefulSet '{{name}}' runs {{replicas}} pinned to node '{{node}}' by {{how}}: they cannot spread, so losing that node loses them all; select nodes by a label that several nodes share, and spread the pods with a podAntiAffinity term or a topologySpreadConstraint",
      pinnedDomain:
        "StatefulSet '{{name}}' runs {{replicas}} and spreads them over {{key}}, but {{how}} pins its pods to {{pinKey}}={{pinValue}}: a single domain, so every replica can still land on one node; spread them over kubernetes.io/hostname",
    },
  },
  check(resource, context) {
    const podSpec = podSpecOf(resource);
    const count = replicaCount(resource, context.index);
    if (!podSpec || !count || count.max <= 1) return;
    const spec = podSpec.spec;
    const data = { name: resource.name, replicas: describeReplicas(count) };
    const pins = pinsOf(spec, podSpec.path);
    const node = pins.find((pin) => pin.key === HOSTNAME);
    if (node) {
      context.report({ path: node.path, messageId: 'pinnedToNode', data: { ...data, node: node.value, how: node.how } });
      return;
    }
    // Two pods asking for the same host port never share a node (the scheduler's NodePorts filter).
    if (usesHostPort(spec)) return;
    const labels = podLabels(resource) ?? {};
    const terms = spreadingTermsOf(spec, podSpec.path);
    const own = terms.filter(({ term }) => selectsOwnPods(term, labels, resource.namespace));
    const pinOf = (term: SpreadingTerm) => pins.find((pin) => DOMAIN_LEVELS[pin.key] <= DOMAIN_LEVELS[term.topologyKey]);
    const tooSkewed = (term: SpreadingTerm) => term.field === 'topologySpreadConstraints' && term.term.whenUnsatisfiable === 'DoNotSchedule' && isWhole(term.term.maxSkew) && term.term.maxSkew >= count.max;
    if (own.some((term) => !pinOf(term) && !tooSkewed(term))) return;
    const pinned = own.find(pinOf);
    if (pinned) {
      const pin = pinOf(pinned)!;
      const pinData = { key: pinned.topologyKey, how: pin.how, pinKey: pin.key, pinValue: pin.value };
      context.report({ path: [...pinned.path, 'topologyKey'], messageId: 'pinnedDomain', data: { ...data, ...pinData } });
      return;
    }
    const skewed = own.find(tooSkewed);
    if (skewed) {
      context.report({ path: [...skewed.path, 'maxSkew'], messageId: 'skewTooLarge', data: { ...data, key: skewed.topologyKey, maxSkew: String(skewed.term.maxSkew) } });
      return;
    }
    context.report({
      path: [...podSpec.path, 'affinity'],
      messageId: terms.length === 0 ? 'noSpreading' : 'notOwnPods',
      data: { ...data, labels: describeLabels(labels) },
    });
  },
});

/**
 * A term or constraint that counts the pod's own replicas over nodes, zones or regions: its labelSelector selects
 * the pod labels, it applies to the pod's namespace (`namespaces` lists it, or a `namespaceSelector` may select it),
 * and no `mismatchLabelKeys` entry excludes pods with the pod's own label values.
 */
function selectsOwnPods(term: Record<string, unknown>, labels: Labels, namespace: string): boolean {
  if (!Object.hasOwn(DOMAIN_LEVELS, term.topologyKey as string)) return false;
  if (!isRecord(term.labelSelector) || !selects(term.labelSelector as LabelSelector, labels)) return false;
  const namespaces = Array.isArray(term.namespaces) ? term.namespaces : [];
  if (namespaces.length > 0 && !isRecord(term.namespaceSelector) && !namespaces.includes(namespace)) return false;
  const mismatch = Array.isArray(term.mismatchLabelKeys) ? term.mismatchLabelKeys : [];
  return !mismatch.some((key) => typeof key === 'string' && Object.hasOwn(labels, key));
}

/**
 * A host port in a container that runs for the pod's life (app containers and sidecars, as the scheduler's
 * `GetHostPorts` counts them); with hostNetwork every container port is also a host port (defaulting).
 */
function usesHostPort(podSpec: Record<string, unknown>): boolean {
  return [...containersOf(podSpec, [])].some(({ container, list }) => {
    if (list === 'ephemeralContainers' || (list === 'initContainers' && container.restartPolicy !== 'Always')) return false;
    const ports = Array.isArray(container.ports) ? container.ports.filter(isRecord) : [];
    return ports.some((port) => isPositive(port.hostPort) || (podSpec.hostNetwork === true && isPositive(port.containerPort)));
  });
}

/**
 * The well-known topology labels every pod of the template is pinned to: `spec.nodeName` (the node itself), a
 * `nodeSelector` entry, or a required node affinity whose every term asks for the same single value of a key.
 */
function pinsOf(podSpec: Record<string, unknown>, path: ObjectPath): Pin[] {
  const pins: Pin[] = [];
  if (typeof podSpec.nodeName === 'string' && podSpec.nodeName !== '') {
    pins.push({ key: HOSTNAME, value: podSpec.nodeName, how: 'spec.nodeName', path: [...path, 'nodeName'] });
  }
  const selector = isRecord(podSpec.nodeSelector) ? podSpec.nodeSelector : {};
  for (const [key, value] of Object.entries(selector)) {
    if (Object.hasOwn(DOMAIN_LEVELS, key) && typeof value === 'string') pins.push({ key, value, how: 'nodeSelector', path: [...path, 'nodeSelector', key] });
  }
  return [...pins, ...affinityPins(podSpec.affinity, [...path, 'affinity'])];
}

function affinityPins(affinity: unknown, path: ObjectPath): Pin[] {
  const required = isRecord(affinity) && isRecord(affinity.nodeAffinity) ? affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution : undefined;
  const terms = isRecord(required) && Array.isArray(required.nodeSelectorTerms) ? required.nodeSelectorTerms : [];
  if (terms.length === 0) return [];
  const at = [...path, 'nodeAffinity', 'requiredDuringSchedulingIgnoredDuringExecution', 'nodeSelectorTerms'];
  // Terms are ORed: a key is pinned when every term asks for the same single value of it.
  const perTerm = terms.map((term, index) => singleValues(term, [...at, index]));
  return perTerm[0].filter((pin) => perTerm.every((pins) => pins.some((other) => other.key === pin.key && other.value === pin.value)));
}

/** The well-known keys a node selector term pins to one value (`In` with one value; `metadata.name` is the node). */
function singleValues(term: unknown, path: ObjectPath): Pin[] {
  if (!isRecord(term)) return [];
  return (['matchExpressions', 'matchFields'] as const).flatMap((list) =>
    recordsAt(term[list], [...path, list]).flatMap(({ term: requirement, path: at }) => {
      const key = list === 'matchFields' && requirement.key === 'metadata.name' ? HOSTNAME : requirement.key;
      const values = requirement.values;
      if (typeof key !== 'string' || !Object.hasOwn(DOMAIN_LEVELS, key) || requirement.operator !== 'In') return [];
      if (!Array.isArray(values) || values.length !== 1 || typeof values[0] !== 'string') return [];
      return [{ key, value: values[0], how: 'a required node affinity', path: at }];
    }),
  );
}

function isWhole(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

function isPositive(value: unknown): boolean {
  return isWhole(value) && value > 0;
}
