import { defineRule } from '../../src/linter/rule.js';
import { rangeOf } from '../../src/load/positions.js';
import type { Resource } from '../../src/types.js';

export default defineRule({
  meta: {
    id: 'duplicate-resource',
    severity: 'error',
    description: 'Disallow two objects with the same group, kind, namespace and name in one run',
    messages: {
      duplicate: "{{kind}} '{{name}}' is already declared at {{first}}; the later one replaces it",
      duplicateInNamespace: "{{kind}} '{{name}}' in namespace '{{namespace}}' is already declared at {{first}}; the later one replaces it",
    },
  },
  check(resource, context) {
    const name = resource.object.metadata?.name;
    // Undefined for generateName, which makes a new name each time.
    const first = context.index.firstDeclaration(resource);
    if (!first || first === resource) return;
    const data = { kind: resource.kind, name, namespace: resource.namespace, first: locate(first) };
    context.report({ path: ['metadata', 'name'], messageId: resource.namespace ? 'duplicateInNamespace' : 'duplicate', data });
  },
});

function locate(resource: Resource): string {
  return `${resource.source.path}:${rangeOf(resource, ['metadata', 'name']).line}`;
}
