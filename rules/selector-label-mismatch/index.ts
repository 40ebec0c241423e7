import { describeLabels, describeRequirement, expressionsOf, isEmptySelector, matchLabelsOf, selects, type LabelSelector } from '../../src/k8s/selectors.js';
import { defineRule } from '../../src/linter/rule.js';
import { isRecord } from '../../src/util/guards.js';

const REJECTED = "the API server rejects {{kind}} '{{name}}'";

export default defineRule({
  meta: {
    id: 'selector-label-mismatch',
    severity: 'error',
    description: "Require a workload's spec.selector to select its own pod template labels",
    kinds: ['apps/DaemonSet', 'extensions/DaemonSet', 'apps/Deployment', 'extensions/Deployment', 'apps/ReplicaSet', 'extensions/ReplicaSet', 'apps/StatefulSet'],
    messages: {
      emptySelector: "{{kind}} '{{name}}' has an empty spec.selector; the API server rejects it (pod labels: {{labels}})",
      labelDiffers: `Selector label {{key}}={{value}} does not match the pod template, which has {{key}}={{actual}}; ${REJECTED}`,
      labelMissing: `Selector label {{key}}={{value}} does not match the pod template, which has no label '{{key}}'; ${REJECTED}`,
      requirementUnmet: `Selector requirement '{{requirement}}' does not match the pod template labels ({{labels}}); ${REJECTED}`,
    },
  },
  check(resource, context) {
    const spec = resource.object.spec;
    if (!isRecord(spec) || !isRecord(spec.selector)) return; // the schema rule reports a missing selector
    const selector = spec.selector as LabelSelector;
    const metadata = isRecord(spec.template) && isRecord(spec.template.metadata) ? spec.template.metadata : {};
    const labels = isRecord(metadata.labels) ? metadata.labels : {};
    const workload = { kind: resource.kind, name: resource.name };
    if (isEmptySelector(selector)) {
      context.report({ path: ['spec', 'selector'], messageId: 'emptySelector', data: { ...workload, labels: describeLabels(labels, 'none') } });
      return;
    }
    for (const [key, value] of matchLabelsOf(selector)) {
      if (typeof value === 'string' && labels[key] === value) continue;
      const path = ['spec', 'selector', 'matchLabels', key];
      const data = { ...workload, key, value: String(value) };
      if (Object.hasOwn(labels, key)) context.report({ path, messageId: 'labelDiffers', data: { ...data, actual: String(labels[key]) } });
      else context.report({ path, messageId: 'labelMissing', data });
    }
    expressionsOf(selector).forEach((requirement, position) => {
      if (selects({ matchExpressions: [requirement] }, labels)) return;
      context.report({
        path: ['spec', 'selector', 'matchExpressions', position],
        messageId: 'requirementUnmet',
        data: { ...workload, requirement: describeRequirement(requirement), labels: describeLabels(labels, 'none') },
      });
    });
  },
});
