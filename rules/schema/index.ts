import { validateCustomResource } from '../../src/schema/custom.js';
import { validateResource } from '../../src/schema/builtin.js';
import type { Resource, Rule } from '../../src/types.js';

const rule: Rule = {
  meta: {
    id: 'schema',
    severity: 'error',
    description: 'Require objects to match the API schema of the target Kubernetes version (built-in kinds, CRDs in the run, --schema-dir)',
  },
  check(resource, context) {
    const problems =
      validateResource(resource, { strict: context.strict, kubernetesVersion: context.kubernetesVersion }) ??
      validateCustomResource(resource, { ...context, strict: context.strict });
    if (problems === undefined) {
      if (context.strictKinds) context.report({ path: ['kind'], message: noSchemaMessage(resource, context.kubernetesVersion) });
      return;
    }
    for (const { path, message } of problems) context.report({ path, message });
  },
};

function noSchemaMessage(resource: Resource, kubernetesVersion: string): string {
  const builtIn = resource.group === '' || !resource.group.includes('.') || resource.group.endsWith('.k8s.io');
  const advice = builtIn ? `Kubernetes ${kubernetesVersion} serves no such built-in kind` : 'add its CRD to the inputs or a --schema-dir';
  return `no schema for ${resource.apiVersion} ${resource.kind}: ${advice}`;
}

export default rule;
