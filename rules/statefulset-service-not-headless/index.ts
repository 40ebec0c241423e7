import { asGoverningService } from '../../src/k8s/statefulsets.js';
import type { ObjectPath, Rule } from '../../src/types.js';

const rule: Rule = {
  meta: {
    id: 'statefulset-service-not-headless',
    severity: 'error',
    description: "Require a StatefulSet's governing Service to be headless (clusterIP: None)",
    kinds: ['Service'],
  },
  check(service, context) {
    const governing = asGoverningService(context.index, service);
    if (!governing) return;
    const { spec, subject } = governing;
    if (spec.type === 'ExternalName') {
      const target = typeof spec.externalName === 'string' ? ` to '${spec.externalName}'` : '';
      context.report({
        resource: service,
        path: ['spec', 'type'],
        message: `${subject} is of type ExternalName: DNS answers a CNAME${target}, never per-pod records; use a Service with clusterIP: None that selects the pods`,
      });
      return;
    }
    const { value, path } = clusterIPOf(spec);
    if (value === 'None') return;
    const written = value === undefined ? 'no clusterIP, so it gets a virtual IP' : `clusterIP: ${String(value)}`;
    const fix =
      typeof spec.type === 'string' && spec.type !== 'ClusterIP'
        ? `a ${spec.type} Service cannot be headless: add a separate headless Service and name it in serviceName`
        : 'set clusterIP: None';
    context.report({
      resource: service,
      path,
      message: `${subject} is not headless (${written}); cluster DNS publishes per-pod names (<pod>.${service.name}.${service.namespace}.svc) only for a headless Service: ${fix}`,
    });
  },
};

/** spec.clusterIP, or the first of spec.clusterIPs (which the API server copies into clusterIP when it is unset). */
function clusterIPOf(spec: Record<string, unknown>): { value: unknown; path: ObjectPath } {
  if (spec.clusterIP !== undefined) return { value: spec.clusterIP, path: ['spec', 'clusterIP'] };
  if (Array.isArray(spec.clusterIPs) && spec.clusterIPs.length > 0) {
    return { value: spec.clusterIPs[0], path: ['spec', 'clusterIPs', 0] };
  }
  return { value: undefined, path: ['spec'] };
}

export default rule;
