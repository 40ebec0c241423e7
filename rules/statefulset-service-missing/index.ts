import { governingServiceOf, isCoreService, serviceNameOf } from '../../src/k8s/statefulsets.js';
import { isStatefulSet } from '../../src/k8s/kinds.js';
import { defineRule } from '../../src/linter/rule.js';

const UNDECLARED = "StatefulSet '{{name}}' names Service '{{service}}', which is not declared in namespace '{{namespace}}': its pods get no per-pod DNS records";

export default defineRule({
  meta: {
    id: 'statefulset-service-missing',
    severity: 'warning',
    description: "Require the Service named by a StatefulSet's spec.serviceName to exist in its namespace",
    kinds: ['apps/StatefulSet'],
    messages: {
      missing: `${UNDECLARED}; add a headless Service (clusterIP: None) of that name that selects the pods`,
      otherNamespace: `${UNDECLARED}; a Service '{{service}}' exists in namespace {{namespaces}}, but the governing Service must be in the StatefulSet's namespace`,
    },
  },
  check(resource, context) {
    const service = serviceNameOf(resource);
    if (!isStatefulSet(resource) || service === undefined) return;
    if (governingServiceOf(context.index, resource)) return;
    const elsewhere = context.index
      .named('Service', service)
      .filter(isCoreService)
      .map((other) => `'${other.namespace}'`);
    const data = { name: resource.name, service, namespace: resource.namespace, namespaces: elsewhere.join(', ') };
    context.report({ path: ['spec', 'serviceName'], messageId: elsewhere.length > 0 ? 'otherNamespace' : 'missing', data });
  },
});
