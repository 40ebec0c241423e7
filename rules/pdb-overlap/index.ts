import { podHoldersOf } from '../../src/k8s/disruption-budget.js';
import { podLabels, type ResourceIndex } from '../../src/k8s/resource-index.js';
import { defineRule } from '../../src/linter/rule.js';
import type { Resource } from '../../src/types.js';

/** The budgets that select one workload's pods, in run order, and how many of them are linted (not --context). */
interface Covered {
  budgets: Resource[];
  members: Set<Resource>;
  linted: number;
}

const coveredCache = new WeakMap<ResourceIndex, Map<Resource, Covered>>();

export default defineRule({
  meta: {
    id: 'pdb-overlap',
    severity: 'error',
    description: 'Disallow more than one PodDisruptionBudget selecting the same pods',
    kinds: ['policy/PodDisruptionBudget'],
    messages: {
      overlap:
        "PodDisruptionBudget '{{name}}' selects the pods of {{workloads}}, which PodDisruptionBudget '{{other}}' also selects: the eviction API refuses to evict a pod that more than one budget covers (500 Internal Server Error), so kubectl drain and node upgrades stop on them; keep one budget per workload",
    },
  },
  check(pdb, context) {
    const holders = podHoldersOf(pdb, context.index).map((holder) => ({ holder, covered: coveredOf(context.index, holder) }));
    // The first other budget over each workload: reported on the later budget, naming the first one before it.
    const firsts = holders.flatMap(({ covered }) => {
      const first = covered.budgets.find((budget) => budget.name !== pdb.name); // one name twice is duplicate-resource's
      return first ? [first] : [];
    });
    let other = firsts.filter((budget) => runOrder(budget, pdb) < 0).sort(runOrder)[0];
    // The first budget is reported instead when all the others are --context objects, which are never reported.
    if (!other && !pdb.source.contextOnly && holders.some(({ covered }) => othersAreContext(covered, pdb))) other = firsts.sort(runOrder)[0];
    if (!other) return;
    const shared = holders.filter(({ covered }) => covered.members.has(other)).map(({ holder }) => `${holder.kind} '${holder.name}'`);
    context.report({ path: ['spec', 'selector'], messageId: 'overlap', data: { name: pdb.name, workloads: shared.join(', '), other: other.name } });
  },
});

/** Whether the workload has budgets besides `pdb` (and its namesakes), all of them --context objects. */
function othersAreContext(covered: Covered, pdb: Resource): boolean {
  const namesakes = covered.budgets.filter((budget) => budget.name === pdb.name);
  return covered.budgets.length > namesakes.length && covered.linted === namesakes.filter((budget) => !budget.source.contextOnly).length;
}

/** The budgets over a workload's pods, through the index (`selecting`), computed once per workload and run. */
function coveredOf(index: ResourceIndex, holder: Resource): Covered {
  let byHolder = coveredCache.get(index);
  if (!byHolder) coveredCache.set(index, (byHolder = new Map()));
  let covered = byHolder.get(holder);
  if (!covered) {
    const budgets = index.selecting('PodDisruptionBudget', holder.namespace, podLabels(holder)).sort(runOrder);
    covered = { budgets, members: new Set(budgets), linted: budgets.filter((budget) => !budget.source.contextOnly).length };
    byHolder.set(holder, covered);
  }
  return covered;
}

/** The order objects are read in: by file, then by position in the file (and item of a `kind: List`). */
function runOrder(a: Resource, b: Resource): number {
  if (a.source.path !== b.source.path) return a.source.path < b.source.path ? -1 : 1;
  return a.outline.start - b.outline.start || Number(a.basePath[1] ?? 0) - Number(b.basePath[1] ?? 0);
}
