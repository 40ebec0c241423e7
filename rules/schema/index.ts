import { validateResource } from '../../src/schema.js';
import type { Rule } from '../../src/types.js';

const rule: Rule = {
  meta: {
    id: 'schema',
    severity: 'error',
    description: 'Require built-in Kubernetes objects to match the API schema of the target Kubernetes version',
  },
  check(resource, context) {
    const problems = validateResource(resource, { strict: context.strict, kubernetesVersion: context.kubernetesVersion });
    for (const { path, message } of problems ?? []) context.report({ path, message });
  },
};

export default rule;
