import { describe, expect, it } from 'vitest';
import rule from '../../rules/pdb-overlap/index.js';
import { lintSources } from '../../src/lint.js';
import { RuleTester } from '../../src/linter/rule-tester.js';
import { deployment, documents, pdb, statefulSet } from '../helpers/manifests.js';

/** A budget selecting `selector` (its selector on line 7 of the budget; each budget with matchLabels is 10 lines with its separator). */
const budget = (name: string, selector: unknown, namespace?: string) => pdb({ name, selector, namespace });
const byApp = (name: string, app = 'zk', namespace?: string) => budget(name, { matchLabels: { app } }, namespace);
const zk = (namespace?: string) => statefulSet({ name: 'zk', namespace, labels: { app: 'zk', tier: 'db' } });
const web = deployment({ name: 'web', labels: { app: 'web', tier: 'db' } });

/** The selector of the budget whose document starts on `first` (its selector 6 lines below). */
const selectorOf = (first: number) => ({ line: first + 6, column: 3, endLine: first + 6, endColumn: 11 });
const overlap = (name: string, workloads: string, other: string, first: number) => ({
  messageId: 'overlap' as const,
  data: { name, workloads, other },
  ...selectorOf(first),
});

new RuleTester().run('pdb-overlap', rule, {
  valid: [
    documents(byApp('zk-pdb'), zk()),
    documents(byApp('zk-pdb'), byApp('web-pdb', 'web'), zk(), web),
    // Same selector, other namespace.
    documents(byApp('zk-pdb'), byApp('zk-pdb-2', 'zk', 'data'), zk()),
    // Both select nothing of the run: no pod is known to be covered twice.
    documents(byApp('a', 'other'), byApp('b', 'other')),
    // A matchExpressions budget that excludes the pods the other selects.
    documents(byApp('zk-pdb'), budget('not-zk', { matchExpressions: [{ key: 'tier', operator: 'In', values: ['db'] }, { key: 'app', operator: 'NotIn', values: ['zk'] }] }), zk(), web),
    // The same budget declared twice is duplicate-resource's finding.
    documents(byApp('zk-pdb'), byApp('zk-pdb'), zk()),
    // A budget without a selector selects nothing.
    documents(byApp('zk-pdb'), budget('none', null), zk()),
  ],
  invalid: [
    {
      code: documents(byApp('zk-pdb'), byApp('zk-pdb-2'), zk()),
      errors: [
        {
          messageId: 'overlap',
          message:
            "PodDisruptionBudget 'zk-pdb-2' selects the pods of StatefulSet 'zk', which PodDisruptionBudget 'zk-pdb' also selects: the eviction API refuses to evict a pod that more than one budget covers (500 Internal Server Error), so kubectl drain and node upgrades stop on them; keep one budget per workload",
          severity: 'error',
          ...selectorOf(11),
        },
      ],
    },
    {
      // Different selectors that both select the pods: one by app, one by tier.
      code: documents(byApp('zk-pdb'), budget('db-tier', { matchExpressions: [{ key: 'tier', operator: 'In', values: ['db'] }] }), zk(), web),
      errors: [overlap('db-tier', "StatefulSet 'zk'", 'zk-pdb', 11)],
    },
    {
      // An empty selector (`selector: {}`, one line: the next budget starts on line 9) selects every pod of the namespace.
      code: documents(budget('everything', {}), byApp('zk-pdb'), byApp('web-pdb', 'web'), zk(), web),
      errors: [
        overlap('zk-pdb', "StatefulSet 'zk'", 'everything', 9),
        overlap('web-pdb', "Deployment 'web'", 'everything', 19),
      ],
    },
    {
      // Three budgets: each after the first names the first.
      code: documents(byApp('a'), byApp('b'), byApp('c'), zk()),
      errors: [overlap('b', "StatefulSet 'zk'", 'a', 11), overlap('c', "StatefulSet 'zk'", 'a', 21)],
    },
    {
      // The budget over two workloads names the workloads it shares with the first budget over any of them.
      code: documents(byApp('zk-pdb'), budget('db-tier', { matchLabels: { tier: 'db' } }), byApp('web-pdb', 'web'), zk(), web),
      errors: [overlap('db-tier', "StatefulSet 'zk'", 'zk-pdb', 11), overlap('web-pdb', "Deployment 'web'", 'db-tier', 21)],
    },
    {
      // The two budgets and the workload in three files of one run: the budget of the later file is reported.
      code: { 'a.yaml': byApp('zk-pdb', 'zk', 'data'), 'b.yaml': byApp('zk-pdb-2', 'zk', 'data'), 'zk.yaml': zk('data') },
      errors: [{ file: 'b.yaml', messageId: 'overlap', data: { name: 'zk-pdb-2', workloads: "StatefulSet 'zk'", other: 'zk-pdb' }, line: 8, column: 3, endLine: 8, endColumn: 11 }],
    },
  ],
});

describe('pdb-overlap on many overlapping budgets', () => {
  it('reports each of 300 budgets over the same 300 workloads once, in bounded time (a first version took 37 s)', () => {
    const budgets = Array.from({ length: 300 }, (_, i) => budget(`tier-${i}`, { matchLabels: { tier: 'web' } }));
    const workloads = Array.from({ length: 300 }, (_, i) => deployment({ name: `d${i}`, labels: { app: `d${i}`, tier: 'web' } }));
    const started = performance.now();
    const run = lintSources([{ path: 'many.yaml', text: documents(...budgets, ...workloads) }], { registry: [rule] });
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(run.findings).toHaveLength(299);
    expect(run.findings.every((finding) => finding.message.includes("which PodDisruptionBudget 'tier-0' also selects"))).toBe(true);
  });
});

describe('pdb-overlap with --context objects', () => {
  const findings = (sources: { path: string; text: string; contextOnly?: boolean }[]) =>
    lintSources(sources, { registry: [rule] }).findings.map(({ file, line, message }) => ({ file, line, message }));

  it('reports a linted budget whose overlapping budget is in a --context file, wherever it sorts', () => {
    const context = { path: 'a-context.yaml', text: documents(byApp('old-pdb'), zk()), contextOnly: true };
    expect(findings([{ path: 'z.yaml', text: byApp('new-pdb') }, context])).toEqual([
      { file: 'z.yaml', line: 7, message: expect.stringContaining("PodDisruptionBudget 'new-pdb' selects the pods of StatefulSet 'zk', which PodDisruptionBudget 'old-pdb' also selects") },
    ]);
    expect(findings([{ path: '0.yaml', text: byApp('new-pdb') }, { ...context, path: 'z-context.yaml' }])).toEqual([
      { file: '0.yaml', line: 7, message: expect.stringContaining("which PodDisruptionBudget 'old-pdb' also selects") },
    ]);
  });
});
