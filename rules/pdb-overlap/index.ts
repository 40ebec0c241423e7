import { podHoldersOf } from '../../src/k8s/disruption-budget.js';
import { podLabels } from '../../src/k8s/resource-index.js';
import { defineRule } from '../../src/linter/rule.js';
import type { Resource } from '../../src/types.js';

export default defineRule({
  meta: {
    id: 'pdb-overlap',
    severity: 'error',
    description: 'Disallow more than one PodDisruptionBudget selecting the same pods',
    kinds: ['policy/PodDisruptionBudget'],
    messages: {
      overlap:
        "PodDisruptionBudget '{{name}}' selects the pods of {{workloads}}, which {{others}} also {{verb}}: the eviction API refuses to evict a pod that more than one budget covers (500 Internal Server Error), so kubectl drain and node upgrades stop on them; keep one budget per workload",
    },
  },
  check(pdb, context) {
    const others = new Map<Resource, Set<Resource>>();
    for (const holder of podHoldersOf(pdb, context.index)) {
      // A budget declared twice under one name is duplicate-resource's finding.
      for (const other of context.index.selecting('PodDisruptionBudget', pdb.namespace, podLabels(holder))) {
        if (other.name === pdb.name) continue;
        others.set(other, (others.get(other) ?? new Set()).add(holder));
      }
    }
    // The second of two budgets is reported; the first only when the others are --context objects, never reported.
    const earlier = [...others.keys()].filter((other) => runOrder(other, pdb) < 0);
    const named = earlier.length > 0 ? earlier : [...others.keys()].every((other) => other.source.contextOnly) ? [...others.keys()] : [];
    if (named.length === 0) return;
    named.sort(runOrder);
    const workloads = [...new Set(named.flatMap((other) => [...others.get(other)!]))].sort(runOrder);
    context.report({
      path: ['spec', 'selector'],
      messageId: 'overlap',
      data: {
        name: pdb.name,
        workloads: workloads.map((workload) => `${workload.kind} '${workload.name}'`).join(', '),
        others: `PodDisruptionBudget${named.length > 1 ? 's' : ''} ${named.map((other) => `'${other.name}'`).join(', ')}`,
        verb: named.length > 1 ? 'select' : 'selects',
      },
    });
  },
});

/** The order objects are read in: by file, then by position in the file (and item of a `kind: List`). */
function runOrder(a: Resource, b: Resource): number {
  if (a.source.path !== b.source.path) return a.source.path < b.source.path ? -1 : 1;
  return a.outline.start - b.outline.start || Number(a.basePath[1] ?? 0) - Number(b.basePath[1] ?? 0);
}
