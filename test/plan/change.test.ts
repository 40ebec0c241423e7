import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planSources } from '../../src/plan/plan.js';
import { renderText } from '../../src/plan/render-text.js';
import { statefulSet } from './helpers.js';

const DIR = resolve('fixtures/plan-change');

/**
 * Golden outputs of `stslint plan --base-files <name>.base.yaml <name>.yaml`, text and JSON, next to the fixtures.
 * Regenerate after a deliberate change with: UPDATE_PLAN_GOLDENS=1 npx vitest run test/plan/change.test.ts
 */
function planChange(name: string) {
  const read = (file: string) => readFileSync(resolve(DIR, file), 'utf8');
  const sources = [
    { path: `${name}.yaml`, text: read(`${name}.yaml`) },
    { path: `${name}.base.yaml`, text: read(`${name}.base.yaml`), base: true },
  ];
  return planSources(sources, { clusterDomain: 'cluster.local', scaleTo: [], delete: false }).plan;
}

function golden(file: string, actual: string): void {
  const path = resolve(DIR, file);
  if (process.env.UPDATE_PLAN_GOLDENS || !existsSync(path)) writeFileSync(path, actual);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

describe('stslint plan --base: golden outputs', () => {
  it.each(['partition', 'storage', 'selector'])('%s', (name) => {
    const plan = planChange(name);
    golden(`${name}.plan.txt`, renderText(plan, { color: false, cwd: process.cwd() }));
    golden(`${name}.plan.json`, `${JSON.stringify(plan, null, 2)}\n`);
  });
});

describe('docs/plan.md', () => {
  it('shows the change block of the storage golden output', () => {
    const doc = readFileSync(resolve('docs/plan.md'), 'utf8');
    const example = /## Comparing with a base\n[\s\S]*?```\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(example).toMatch(/^ {2}Changed since the base/);
    expect(readFileSync(resolve(DIR, 'storage.plan.txt'), 'utf8')).toContain(example);
  });
});

describe('stslint plan --base: what the change does', () => {
  const base = (text: string) => [{ path: 'base.yaml', text, base: true }];
  const plan = (current: string, old: string | undefined, options: { delete?: boolean } = {}) =>
    planSources([{ path: 'test.yaml', text: current }, ...(old === undefined ? [] : base(old))], { clusterDomain: 'cluster.local', scaleTo: [], delete: options.delete ?? false, registry: [] }).plan;

  it('template change with partition: the pods at and above the partition, highest first', () => {
    const { change } = planChange('partition').statefulSets[0];
    expect(change).toMatchObject({ status: 'changed', refused: null, scale: null, storage: [] });
    expect(change!.rollout).toMatchObject({ partition: 3, replaced: ['web-4', 'web-3'], unchanged: ['web-0', 'web-1', 'web-2'] });
    expect(change!.fields.map((field) => [field.path, field.old, field.new, field.allowed])).toEqual([
      ['spec.updateStrategy.rollingUpdate.partition', 0, 3, true],
      ['spec.template.spec.containers[0].image', 'registry.k8s.io/nginx-slim:0.24', 'registry.k8s.io/nginx-slim:0.27', true],
    ]);
  });

  it('storage increase: refused, with a patch per existing claim when the StorageClass allows expansion', () => {
    const { change } = planChange('storage').statefulSets[0];
    expect(change!.storage).toEqual([
      {
        template: 'data',
        from: '10Gi',
        to: '50Gi',
        storageClass: 'fast',
        expansion: 'allowed',
        reason: "StorageClass 'fast' sets allowVolumeExpansion: true",
        claims: [0, 1, 2].map((ordinal) => ({
          name: `data-db-${ordinal}`,
          command: `kubectl patch pvc data-db-${ordinal} -n prod -p '{"spec":{"resources":{"requests":{"storage":"50Gi"}}}}'`,
        })),
      },
    ]);
    expect(change!.refused!.commands.slice(3)).toEqual(['kubectl delete statefulset db -n prod --cascade=orphan', 'kubectl apply -f storage.yaml']);
  });

  it('storage increase: no patches when the StorageClass refuses expansion, unknown when it is not among the inputs', () => {
    const grown = planChange('storage');
    expect(grown.statefulSets[0].change!.storage[0].expansion).toBe('allowed');
    const old = readFileSync(resolve(DIR, 'storage.base.yaml'), 'utf8');
    const current = readFileSync(resolve(DIR, 'storage.yaml'), 'utf8');
    const refused = plan(current.replace('allowVolumeExpansion: true', 'allowVolumeExpansion: false'), old).statefulSets[0].change!;
    expect(refused.storage[0]).toMatchObject({ expansion: 'refused', reason: "StorageClass 'fast' does not set allowVolumeExpansion: true: the API server refuses to grow its claims" });
    expect(refused.refused!.commands).toEqual(['kubectl delete statefulset db -n prod --cascade=orphan', 'kubectl apply -f test.yaml']);
    expect(refused.refused!.notes).toContain("Claims of template 'data' cannot grow: StorageClass 'fast' does not set allowVolumeExpansion: true: the API server refuses to grow its claims");
    const unknown = plan(current.slice(current.indexOf('---') + 4), old).statefulSets[0].change!;
    expect(unknown.storage[0]).toMatchObject({ expansion: 'unknown', reason: "the claims use StorageClass 'fast', which is not among the inputs: check its allowVolumeExpansion on the cluster" });
  });

  it('forbidden selector change: refused, with the pods to relabel', () => {
    const { change } = planChange('selector').statefulSets[0];
    expect(change!.refused).toMatchObject({
      fields: ['spec.selector.matchLabels[helm.sh/chart]'],
      commands: [
        'kubectl delete statefulset kafka -n default --cascade=orphan',
        'kubectl label pod kafka-0 kafka-1 kafka-2 -n default helm.sh/chart=kafka-3.2.0 --overwrite',
        'kubectl apply -f selector.yaml',
      ],
    });
  });

  it('replicas change: the scale step from the base count, with the claims', () => {
    const { change } = plan(statefulSet('web', '  replicas: 5\n'), statefulSet('web', '  replicas: 3\n')).statefulSets[0];
    expect(change).toMatchObject({ status: 'changed', rollout: null, refused: null });
    expect(change!.scale).toEqual({ from: 3, to: 5, oneAtATime: true, created: ['web-3', 'web-4'], deleted: [], claims: [] });
  });

  it('new, unchanged (defaults written down) and deleted StatefulSets; no change without a base', () => {
    const web = statefulSet('web');
    expect(plan(web, 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n').statefulSets[0].change).toMatchObject({ status: 'new', base: null });
    const withDefaults = statefulSet('web', '  replicas: 1\n  podManagementPolicy: OrderedReady\n  updateStrategy: {type: RollingUpdate, rollingUpdate: {partition: 0}}\n');
    expect(plan(withDefaults, web).statefulSets[0].change).toMatchObject({ status: 'unchanged', base: { file: 'base.yaml', line: 2 }, fields: [] });
    const deleted = plan('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n', web).statefulSets;
    expect(deleted.map((set) => [set.name, set.file, set.change!.status, set.delete!.whenDeleted])).toEqual([['web', 'base.yaml', 'deleted', 'Retain']]);
    expect(plan(web, undefined).statefulSets[0].change).toBeNull();
  });

  it('renders each status in the terminal view', () => {
    const render = (current: string, old: string) => renderText(plan(current, old), { color: false, cwd: process.cwd() });
    expect(render(statefulSet('web'), statefulSet('web'))).toContain('  Unchanged since the base (base.yaml:2): applying the manifests changes nothing\n');
    expect(render(statefulSet('web'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n')).toContain('  New: not in the base; applying the manifests creates it as above\n');
    expect(render('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n', statefulSet('web'))).toContain('  Deleted: in the base (base.yaml:2) but not in the manifests; see Delete above for its pods and claims\n');
  });
});
