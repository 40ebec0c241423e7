import { governingServiceOf, isCoreService, isStatefulSet, serviceNameOf } from '../../src/k8s/statefulsets.js';
import type { Rule } from '../../src/types.js';

const rule: Rule = {
  meta: {
    id: 'statefulset-service-missing',
    severity: 'warning',
    description: "Require the Service named by a StatefulSet's spec.serviceName to exist in its namespace",
    kinds: ['apps/StatefulSet'],
  },
  check(resource, context) {
    const serviceName = serviceNameOf(resource);
    if (!isStatefulSet(resource) || serviceName === undefined) return;
    if (governingServiceOf(context.index, resource)) return;
    const elsewhere = context.index
      .named('Service', serviceName)
      .filter(isCoreService)
      .map((service) => `'${service.namespace}'`);
    const hint =
      elsewhere.length > 0
        ? `; a Service '${serviceName}' exists in namespace ${elsewhere.join(', ')}, but the governing Service must be in the StatefulSet's namespace`
        : '; add a headless Service (clusterIP: None) of that name that selects the pods';
    context.report({
      path: ['spec', 'serviceName'],
      message: `StatefulSet '${resource.name}' names Service '${serviceName}', which is not declared in namespace '${resource.namespace}': its pods get no per-pod DNS records${hint}`,
    });
  },
};

export default rule;
