import { compareVersions, normalizeVersion } from '../../src/k8s/api-versions.js';
import { isRecord } from '../../src/util/guards.js';
import { isDnsLabel, isStatefulSet } from '../../src/k8s/statefulsets.js';
import type { Rule } from '../../src/types.js';

const rule: Rule = {
  meta: {
    id: 'statefulset-service-name',
    severity: 'warning',
    severities: ['warning', 'error'],
    description: 'Require a StatefulSet to name its governing Service in spec.serviceName',
    kinds: ['apps/StatefulSet'],
  },
  check(resource, context) {
    const spec = resource.object.spec;
    if (!isStatefulSet(resource) || !isRecord(spec)) return;
    const serviceName = spec.serviceName;
    const what = `StatefulSet '${resource.name}'`;
    if (serviceName === undefined || serviceName === null || serviceName === '') {
      const written = serviceName === undefined ? 'has no spec.serviceName' : 'has an empty spec.serviceName';
      const required = schemaRequiresServiceName(context.kubernetesVersion);
      context.report({
        path: serviceName === undefined ? ['spec'] : ['spec', 'serviceName'],
        severity: required ? 'error' : 'warning',
        message: `${what} ${written}${required ? ` (required by the Kubernetes ${context.kubernetesVersion} API schema)` : ''}: its pods get no stable per-pod DNS name (<pod>.<service>.${resource.namespace}.svc); name a headless Service that selects them`,
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

/** The OpenAPI schema lists serviceName as required up to Kubernetes 1.32; 1.33 marks it optional (kubernetes#130233). */
function schemaRequiresServiceName(kubernetesVersion: string): boolean {
  const version = normalizeVersion(kubernetesVersion);
  return version !== undefined && compareVersions(version, '1.33') < 0;
}

export default rule;
