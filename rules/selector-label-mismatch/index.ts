import { describeRequirement, expressionsOf, isEmptySelector, matchLabelsOf, selects, type LabelSelector } from '../../src/k8s/selectors.js';
import { isRecord } from '../../src/util/guards.js';
import type { Rule } from '../../src/types.js';

const rule: Rule = {
  meta: {
    id: 'selector-label-mismatch',
    severity: 'error',
    description: "Require a workload's spec.selector to select its own pod template labels",
    kinds: ['apps/DaemonSet', 'extensions/DaemonSet', 'apps/Deployment', 'extensions/Deployment', 'apps/ReplicaSet', 'extensions/ReplicaSet', 'apps/StatefulSet'],
  },
  check(resource, context) {
    const spec = resource.object.spec;
    if (!isRecord(spec) || !isRecord(spec.selector)) return; // the schema rule reports a missing selector
    const selector = spec.selector as LabelSelector;
    const metadata = isRecord(spec.template) && isRecord(spec.template.metadata) ? spec.template.metadata : {};
    const labels = isRecord(metadata.labels) ? metadata.labels : {};
    const shown = describeLabels(labels);
    if (isEmptySelector(selector)) {
      context.report({
        path: ['spec', 'selector'],
        message: `${resource.kind} '${resource.name}' has an empty spec.selector; the API server rejects it (pod labels: ${shown})`,
      });
      return;
    }
    for (const [key, value] of matchLabelsOf(selector)) {
      if (typeof value === 'string' && labels[key] === value) continue;
      const actual = Object.hasOwn(labels, key) ? `has ${key}=${String(labels[key])}` : `has no label '${key}'`;
      context.report({
        path: ['spec', 'selector', 'matchLabels', key],
        message: `Selector label ${key}=${String(value)} does not match the pod template, which ${actual}; the API server rejects ${resource.kind} '${resource.name}'`,
      });
    }
    expressionsOf(selector).forEach((requirement, position) => {
      if (selects({ matchExpressions: [requirement] }, labels)) return;
      context.report({
        path: ['spec', 'selector', 'matchExpressions', position],
        message: `Selector requirement '${describeRequirement(requirement)}' does not match the pod template labels (${shown}); the API server rejects ${resource.kind} '${resource.name}'`,
      });
    });
  },
};

function describeLabels(labels: Record<string, unknown>): string {
  const pairs = Object.entries(labels).map(([key, value]) => `${key}=${String(value)}`);
  return pairs.length > 0 ? pairs.join(', ') : 'none';
}

export default rule;
