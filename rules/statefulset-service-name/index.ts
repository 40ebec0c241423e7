import { compareVersions, normalizeVersion } from '../../src/k8s/api-versions.js';
import { isDnsLabel } from '../../src/k8s/statefulsets.js';
import { isStatefulSet } from '../../src/k8s/kinds.js';
import { defineRule } from '../../src/linter/rule.js';
import { isRecord } from '../../src/util/guards.js';

const NO_DNS = 'its pods get no stable per-pod DNS name (<pod>.<service>.{{namespace}}.svc); name a headless Service that selects them';
const REQUIRED = '(required by the Kubernetes {{version}} API schema)';

export default defineRule({
  meta: {
    id: 'statefulset-service-name',
    severity: 'warning',
    severities: ['warning', 'error'],
    description: 'Require a StatefulSet to name its governing Service in spec.serviceName',
    kinds: ['apps/StatefulSet'],
    messages: {
      missing: `StatefulSet '{{name}}' has no spec.serviceName: ${NO_DNS}`,
      missingRequired: `StatefulSet '{{name}}' has no spec.serviceName ${REQUIRED}: ${NO_DNS}`,
      empty: `StatefulSet '{{name}}' has an empty spec.serviceName: ${NO_DNS}`,
      emptyRequired: `StatefulSet '{{name}}' has an empty spec.serviceName ${REQUIRED}: ${NO_DNS}`,
      notDnsLabel:
        "StatefulSet '{{name}}' has spec.serviceName '{{serviceName}}', which is not a DNS-1123 label (lowercase letters, digits and '-', at most 63 characters): it becomes each pod's spec.subdomain, so every pod is rejected",
    },
  },
  check(resource, context) {
    const spec = resource.object.spec;
    if (!isStatefulSet(resource) || !isRecord(spec)) return;
    const serviceName = spec.serviceName;
    const name = resource.name;
    if (serviceName === undefined || serviceName === null || serviceName === '') {
      const required = schemaRequiresServiceName(context.kubernetesVersion);
      const missing = serviceName === undefined;
      context.report({
        path: missing ? ['spec'] : ['spec', 'serviceName'],
        severity: required ? 'error' : 'warning',
        messageId: missing ? (required ? 'missingRequired' : 'missing') : required ? 'emptyRequired' : 'empty',
        data: { name, namespace: resource.namespace, version: context.kubernetesVersion },
      });
    } else if (typeof serviceName === 'string' && !isDnsLabel(serviceName)) {
      context.report({ path: ['spec', 'serviceName'], severity: 'error', messageId: 'notDnsLabel', data: { name, serviceName } });
    }
  },
});

/** The OpenAPI schema lists serviceName as required up to Kubernetes 1.32; 1.33 marks it optional (kubernetes#130233). */
function schemaRequiresServiceName(kubernetesVersion: string): boolean {
  const version = normalizeVersion(kubernetesVersion);
  return version !== undefined && compareVersions(version, '1.33') < 0;
}
