import { asGoverningService } from '../../src/k8s/statefulsets.js';
import { defineRule } from '../../src/linter/rule.js';
import type { ObjectPath } from '../../src/types.js';

const NO_PER_POD_RECORDS = 'never per-pod records; use a Service with clusterIP: None that selects the pods';
const NOT_HEADLESS =
  '{{subject}} is not headless ({{clusterIP}}); cluster DNS publishes per-pod names (<pod>.{{service}}.{{namespace}}.svc) only for a headless Service';

export default defineRule({
  meta: {
    id: 'statefulset-service-not-headless',
    severity: 'error',
    description: "Require a StatefulSet's governing Service to be headless (clusterIP: None)",
    kinds: ['Service'],
    messages: {
      externalName: `{{subject}} is of type ExternalName: DNS answers a CNAME to '{{externalName}}', ${NO_PER_POD_RECORDS}`,
      externalNameUnset: `{{subject}} is of type ExternalName: DNS answers a CNAME, ${NO_PER_POD_RECORDS}`,
      notHeadless: `${NOT_HEADLESS}: set clusterIP: None`,
      typeNotHeadless: `${NOT_HEADLESS}: a {{type}} Service cannot be headless: add a separate headless Service and name it in serviceName`,
      makeHeadless: "Set clusterIP: None on Service '{{service}}' (an existing Service must be deleted and created again: its clusterIP cannot change)",
    },
  },
  check(service, context) {
    const governing = asGoverningService(context.index, service);
    if (!governing) return;
    const { spec, subject } = governing;
    if (spec.type === 'ExternalName') {
      const externalName = spec.externalName;
      const path = ['spec', 'type'];
      if (typeof externalName === 'string') context.report({ resource: service, path, messageId: 'externalName', data: { subject, externalName } });
      else context.report({ resource: service, path, messageId: 'externalNameUnset', data: { subject } });
      return;
    }
    const { value, path } = clusterIPOf(spec);
    if (value === 'None') return;
    const clusterIP = value === undefined ? 'no clusterIP, so it gets a virtual IP' : `clusterIP: ${String(value)}`;
    const data = { subject, clusterIP, service: service.name, namespace: service.namespace };
    if (typeof spec.type === 'string' && spec.type !== 'ClusterIP') {
      context.report({ resource: service, path, messageId: 'typeNotHeadless', data: { ...data, type: spec.type } });
    } else context.report({ resource: service, path, messageId: 'notHeadless', data, suggest: [headless(spec, service.name)] });
  },
});

/** The change that makes the Service headless: clusterIP None, and clusterIPs removed (the API server derives them). */
function headless(spec: Record<string, unknown>, service: string) {
  const edits = [{ path: ['spec', 'clusterIP'], value: 'None' }, ...(spec.clusterIPs === undefined ? [] : [{ path: ['spec', 'clusterIPs'] }])];
  return { messageId: 'makeHeadless' as const, data: { service }, edits };
}

/** spec.clusterIP, or the first of spec.clusterIPs (which the API server copies into clusterIP when it is unset). */
function clusterIPOf(spec: Record<string, unknown>): { value: unknown; path: ObjectPath } {
  if (spec.clusterIP !== undefined) return { value: spec.clusterIP, path: ['spec', 'clusterIP'] };
  if (Array.isArray(spec.clusterIPs) && spec.clusterIPs.length > 0) {
    return { value: spec.clusterIPs[0], path: ['spec', 'clusterIPs', 0] };
  }
  return { value: undefined, path: ['spec'] };
}
