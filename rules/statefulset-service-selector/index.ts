import { podLabels } from '../../src/k8s/resource-index.js';
import { describeLabels, isEmptySelector, selects, type Labels } from '../../src/k8s/selectors.js';
import { defineRule } from '../../src/linter/rule.js';
import { isRecord } from '../../src/util/guards.js';
import { asGoverningService } from '../../src/k8s/statefulsets.js';
import type { ResourceIndex } from '../../src/k8s/resource-index.js';
import type { Resource } from '../../src/types.js';

export default defineRule({
  meta: {
    id: 'statefulset-service-selector',
    severity: 'error',
    description: "Require a StatefulSet's governing Service to select the StatefulSet's pods",
    kinds: ['Service'],
    messages: {
      noSelector:
        '{{subject}} has no selector, and the run has no Endpoints or EndpointSlice for it: unless a controller writes them, it gets no endpoints and DNS has no per-pod records; name in spec.serviceName a headless Service that selects the pods ({{labels}}) rather than adding a selector to this one, which may be meant to reach one pod only (a primary)',
      missesPods: '{{subject}} does not select its pods: selector {{selector}}; {{details}}; without endpoints DNS has no per-pod records',
      selectsSomePods:
        "{{subject}} selects only some of its pods: selector {{selector}} picks pods of {{statefulSets}} by the labels the StatefulSet controller gives each pod; the others get no endpoints, so DNS has no per-pod records for them; select the pods' template labels (a Service meant to reach one pod, such as a primary, should not be the governing one)",
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
      if (endpointsOf(context.index, service)) return; // endpoints kept by hand or by a controller (Patroni)
      context.report({
        resource: service,
        path: spec.selector === undefined ? ['spec'] : ['spec', 'selector'],
        messageId: 'noSelector',
        data: { subject, labels: describeLabels(podLabels(governed[0])) },
      });
      return;
    }
    // A StatefulSet whose own selector misses its template is rejected (selector-label-mismatch): nothing to compare.
    // Selected pods count with the labels the controller adds to each (statefulset.kubernetes.io/pod-name, ...).
    const own = governed.filter(selectsOwnPods).map((statefulSet) => ({ statefulSet, coverage: context.index.coverage(service, statefulSet) }));
    const missed = own.flatMap(({ statefulSet, coverage }) => {
      const unmet = coverage === 'none' ? unmetKeys(selector, podLabels(statefulSet)) : [];
      return unmet.length > 0 ? [{ statefulSet, unmet }] : [];
    });
    const partly = own.filter(({ coverage }) => coverage === 'some').map(({ statefulSet }) => statefulSet);
    if (missed.length === 0 && partly.length > 0) {
      // The key the first partly selected StatefulSet's template labels do not meet (a pod-name or pod-index label).
      const picked = Object.keys(selector).find((key) => unmetKeys({ [key]: selector[key] }, podLabels(partly[0])).length > 0) ?? Object.keys(selector)[0];
      const data = { subject, selector: describeLabels(selector), statefulSets: partly.map(({ name }) => `StatefulSet '${name}'`).join(', ') };
      context.report({ resource: service, path: ['spec', 'selector', picked], messageId: 'selectsSomePods', data });
      return;
    }
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

const slicesCache = new WeakMap<ResourceIndex, Set<string>>();

/**
 * Whether the run holds the Endpoints object of the Service's name, or an EndpointSlice labelled
 * `kubernetes.io/service-name` with it, in the Service's namespace: what feeds a Service without a selector. The
 * slices are read once per run.
 */
function endpointsOf(index: ResourceIndex, service: Resource): boolean {
  if (index.all('Endpoints', service.namespace, service.name).some((resource) => resource.group === '')) return true;
  let fed = slicesCache.get(index);
  if (!fed) {
    fed = new Set();
    for (const slice of index.ofKind('EndpointSlice')) {
      const owner = isRecord(slice.object.metadata?.labels) ? slice.object.metadata.labels['kubernetes.io/service-name'] : undefined;
      if (slice.group === 'discovery.k8s.io' && typeof owner === 'string') fed.add(`${slice.namespace}/${owner}`);
    }
    slicesCache.set(index, fed);
  }
  return fed.has(`${service.namespace}/${service.name}`);
}

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
