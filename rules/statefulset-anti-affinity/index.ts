import { podSpecOf } from '../../src/k8s/pod-template.js';
import { describeReplicas, replicaCount } from '../../src/k8s/replicas.js';
import { podLabels } from '../../src/k8s/resource-index.js';
import { describeLabels, selects, type LabelSelector, type Labels } from '../../src/k8s/selectors.js';
import { defineRule } from '../../src/linter/rule.js';
import { isRecord } from '../../src/util/guards.js';

/** Topology keys whose domains are distinct nodes, or sets of nodes (zones, regions). */
const SPREADING_KEYS: ReadonlySet<string> = new Set([
  'kubernetes.io/hostname',
  'topology.kubernetes.io/zone',
  'topology.kubernetes.io/region',
  'failure-domain.beta.kubernetes.io/zone',
  'failure-domain.beta.kubernetes.io/region',
]);

const RISK =
  'every replica of a quorum can land on one node and fail with it; add a podAntiAffinity term or a topologySpreadConstraint whose labelSelector matches {{labels}}';

export default defineRule({
  meta: {
    id: 'statefulset-anti-affinity',
    severity: 'warning',
    description: 'Require a replicated StatefulSet to spread its pods over nodes or zones',
    kinds: ['apps/StatefulSet'],
    messages: {
      noSpreading: `StatefulSet '{{name}}' runs {{replicas}} with no pod anti-affinity or topology spread constraint: ${RISK}`,
      notOwnPods: `StatefulSet '{{name}}' runs {{replicas}} with no pod anti-affinity term or topology spread constraint that selects its own pods ({{labels}}) over kubernetes.io/hostname or a zone: ${RISK}`,
    },
  },
  check(resource, context) {
    const podSpec = podSpecOf(resource);
    const count = replicaCount(resource, context.index);
    if (!podSpec || !count || count.max <= 1) return;
    const labels = podLabels(resource) ?? {};
    const terms = [...antiAffinityTerms(podSpec.spec.affinity), ...asRecords(podSpec.spec.topologySpreadConstraints)];
    if (terms.some((term) => spreadsOwnPods(term, labels))) return;
    context.report({
      path: [...podSpec.path, 'affinity'],
      messageId: terms.length === 0 ? 'noSpreading' : 'notOwnPods',
      data: { name: resource.name, replicas: describeReplicas(count), labels: describeLabels(labels) },
    });
  },
});

/** The pod affinity terms of podAntiAffinity, required and preferred. */
function antiAffinityTerms(affinity: unknown): Record<string, unknown>[] {
  const anti = isRecord(affinity) ? affinity.podAntiAffinity : undefined;
  if (!isRecord(anti)) return [];
  const preferred = asRecords(anti.preferredDuringSchedulingIgnoredDuringExecution).map((weighted) => weighted.podAffinityTerm);
  return [...asRecords(anti.requiredDuringSchedulingIgnoredDuringExecution), ...asRecords(preferred)];
}

/** An anti-affinity term or a spread constraint that counts the pod's own replicas over nodes or zones. */
function spreadsOwnPods(term: Record<string, unknown>, labels: Labels): boolean {
  return (
    typeof term.topologyKey === 'string' &&
    SPREADING_KEYS.has(term.topologyKey) &&
    isRecord(term.labelSelector) &&
    selects(term.labelSelector as LabelSelector, labels)
  );
}

function asRecords(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

