import { podLabels } from '../../src/k8s/resource-index.js';
import { describeLabels, isEmptySelector, selects, type Labels } from '../../src/k8s/selectors.js';
import { defineRule } from '../../src/linter/rule.js';
import { isRecord } from '../../src/util/guards.js';
import { asGoverningService } from '../../src/k8s/statefulsets.js';
import type { Resource } from '../../src/types.js';

export default defineRule({
  meta: {
    id: 'statefulset-service-selector',
    severity: 'error',
    description: "Require a StatefulSet's governing Service to select the StatefulSet's pods",
    kinds: ['Service'],
    messages: {
      noSelector: '{{subject}} has no selector: it gets no endpoints, so DNS has no per-pod records; select the pod labels ({{labels}})',
      missesPods: '{{subject}} does not select its pods: selector {{selector}}; {{details}}; without endpoints DNS has no per-pod records',
    },
  },
  check(service, context) {
    const governing = asGoverningService(context.index, service);
    if (!governing) return;
    const { spec, governed, subject } = governing;
    if (spec.type === 'ExternalName') return; // statefulset-service-not-headless reports it: an ExternalName Service has no endpoints
    if (spec.selector != null && !isRecord(spec.selector)) return; // the schema reports a selector of the wrong type
    const selector = spec.selector ?? {};
    if (Object.keys(selector).length === 0) {
      context.report({
        resource: service,
        path: spec.selector === undefined ? ['spec'] : ['spec', 'selector'],
        messageId: 'noSelector',
        data: { subject, labels: describeLabels(podLabels(governed[0])) },
      });
      return;
    }
    // A StatefulSet whose own selector misses its template is rejected (selector-label-mismatch): nothing to compare.
    const missed = governed.filter(selectsOwnPods).flatMap((statefulSet) => {
      const unmet = unmetKeys(selector, podLabels(statefulSet));
      return unmet.length > 0 ? [{ statefulSet, unmet }] : [];
    });
    if (missed.length === 0) return;
    const details = missed.map(({ statefulSet, unmet }) => describeMiss(statefulSet, selector, unmet)).join('; ');
    context.report({
      resource: service,
      path: ['spec', 'selector', missed[0].unmet[0]],
      messageId: 'missesPods',
      data: { subject, selector: describeLabels(selector), details },
    });
  },
});

function selectsOwnPods(statefulSet: Resource): boolean {
  const selector = statefulSet.object.spec?.selector;
  return isRecord(selector) && !isEmptySelector(selector) && selects(selector, podLabels(statefulSet));
}

function unmetKeys(selector: Labels, labels: Labels | undefined): string[] {
  const have = labels ?? {};
  return Object.entries(selector)
    .filter(([key, value]) => typeof value !== 'string' || have[key] !== value)
    .map(([key]) => key);
}

function describeMiss(statefulSet: Resource, selector: Labels, unmet: string[]): string {
  const requirements = unmet.map((key) => `${key}=${String(selector[key])}`).join(', ');
  return `the pods of StatefulSet '${statefulSet.name}' (${describeLabels(podLabels(statefulSet))}) lack ${requirements}`;
}
