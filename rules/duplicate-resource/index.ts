import { rangeOf } from '../../src/load/positions.js';
import type { Resource, Rule } from '../../src/types.js';

const rule: Rule = {
  meta: {
    id: 'duplicate-resource',
    severity: 'error',
    description: 'Disallow two objects with the same group, kind, namespace and name in one run',
  },
  check(resource, context) {
    const name = resource.object.metadata?.name;
    // Undefined for generateName, which makes a new name each time.
    const first = context.index.firstDeclaration(resource);
    if (!first || first === resource) return;
    const where = resource.namespace ? ` in namespace '${resource.namespace}'` : '';
    context.report({
      path: ['metadata', 'name'],
      message: `${resource.kind} '${name}'${where} is already declared at ${locate(first)}; the later one replaces it`,
    });
  },
};

function locate(resource: Resource): string {
  return `${resource.source.path}:${rangeOf(resource, ['metadata', 'name']).line}`;
}

export default rule;
