import { isRecord } from '../../src/selectors.js';
import { isDnsLabel, isStatefulSet } from '../../src/statefulsets.js';
import type { Rule } from '../../src/types.js';

const rule: Rule = {
  meta: {
    id: 'statefulset-service-name',
    severity: 'warning',
    description: 'Require a StatefulSet to name its governing Service in spec.serviceName',
    kinds: ['StatefulSet'],
  },
  check(resource, context) {
    const spec = resource.object.spec;
    if (!isStatefulSet(resource) || !isRecord(spec)) return;
    const serviceName = spec.serviceName;
    const what = `StatefulSet '${resource.name}'`;
    if (serviceName === undefined || serviceName === null || serviceName === '') {
      const written = serviceName === undefined ? 'has no spec.serviceName' : 'has an empty spec.serviceName';
      context.report({
        path: serviceName === undefined ? ['spec'] : ['spec', 'serviceName'],
        message: `${what} ${written}: its pods get no stable per-pod DNS name (<pod>.<service>.${resource.namespace}.svc); name a headless Service that selects them`,
      });
    } else if (typeof serviceName === 'string' && !isDnsLabel(serviceName)) {
      context.report({
        path: ['spec', 'serviceName'],
        severity: 'error',
        message: `${what} has spec.serviceName '${serviceName}', which is not a DNS-1123 label (lowercase letters, digits and '-', at most 63 characters): it becomes each pod's spec.subdomain, so every pod is rejected`,
      });
    }
  },
};

export default rule;
