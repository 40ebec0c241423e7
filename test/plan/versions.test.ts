import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GateSettings } from '../../src/k8s/feature-gates.js';
import { podsAtOnce } from '../../src/plan/model.js';
import { planSources } from '../../src/plan/plan.js';
import { renderText } from '../../src/plan/render-text.js';
import { planText, statefulSet } from './helpers.js';

const DIR = resolve('fixtures/plan-versions');

/**
 * Golden JSON plans of fixtures/plan-versions/gated.yaml (scaled to 3, then deleted) per target version.
 * Regenerate after a deliberate change with: UPDATE_PLAN_GOLDENS=1 npx vitest run test/plan/versions.test.ts
 */
function planGated(kubernetesVersion: string, featureGates: GateSettings = {}) {
  const sources = [{ path: 'gated.yaml', text: readFileSync(resolve(DIR, 'gated.yaml'), 'utf8') }];
  return planSources(sources, { clusterDomain: 'cluster.local', scaleTo: [3], delete: true, registry: [], kubernetesVersion, featureGates }).plan;
}

function golden(file: string, actual: string): void {
  const path = resolve(DIR, file);
  if (process.env.UPDATE_PLAN_GOLDENS || !existsSync(path)) writeFileSync(path, actual);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

const GOLDENS: [name: string, version: string, gates: GateSettings][] = [
  ['1.25', '1.25', {}],
  ['1.26', '1.26', {}],
  ['1.27', '1.27', {}],
  ['1.28', '1.28', {}],
  ['1.36', '1.36', {}],
  ['1.36-max-unavailable', '1.36', { MaxUnavailableStatefulSet: true }],
];

describe('stslint plan per target Kubernetes version: golden JSON', () => {
  it.each(GOLDENS)('gated.%s.plan.json', (name, version, gates) => {
    golden(`gated.${name}.plan.json`, `${JSON.stringify(planGated(version, gates), null, 2)}\n`);
  });
});

describe('stslint plan per target Kubernetes version: what the cluster keeps', () => {
  const podNames = (version: string) => planGated(version).statefulSets[0].pods.map((pod) => pod.name);

  it('spec.ordinals.start: dropped before 1.27 (unknown in 1.25, alpha in 1.26), pods numbered from 0', () => {
    expect(podNames('1.25')).toEqual(['queue-0', 'queue-1', 'queue-2', 'queue-3', 'queue-4']);
    expect(podNames('1.26')).toEqual(['queue-0', 'queue-1', 'queue-2', 'queue-3', 'queue-4']);
    expect(podNames('1.27')).toEqual(['queue-10', 'queue-11', 'queue-12', 'queue-13', 'queue-14']);
    expect(podNames('1.36')).toEqual(['queue-10', 'queue-11', 'queue-12', 'queue-13', 'queue-14']);
    const at126 = planGated('1.26').statefulSets[0];
    expect(at126.ordinals).toEqual({ first: 0, last: 4 });
    expect(at126.scale[0].deleted).toEqual(['queue-4', 'queue-3']);
    expect(at126.notes).toContain(
      'spec.ordinals.start 10 is dropped by the API server of Kubernetes 1.26: feature gate StatefulSetStartOrdinal is alpha and off by default there, so the pods are numbered from 0, not 10 (plan with --feature-gates StatefulSetStartOrdinal=true for a cluster that turns it on)',
    );
    expect(planGated('1.25').statefulSets[0].notes[0]).toBe(
      'spec.ordinals.start 10 is dropped by the API server of Kubernetes 1.25: Kubernetes 1.25 does not know it (feature gate StatefulSetStartOrdinal came in 1.26), so the pods are numbered from 0, not 10',
    );
    expect(planGated('1.26', { StatefulSetStartOrdinal: true }).statefulSets[0].ordinals).toEqual({ first: 10, last: 14 });
  });

  it('persistentVolumeClaimRetentionPolicy: dropped before 1.27 (alpha), every claim kept', () => {
    const at126 = planGated('1.26').statefulSets[0];
    expect(at126.retention).toEqual({ whenDeleted: 'Retain', whenScaled: 'Retain' });
    expect(at126.scale[0].claims.map((claim) => claim.effect)).toEqual(['kept', 'kept']);
    expect(at126.notes).toContain(
      'spec.persistentVolumeClaimRetentionPolicy is dropped by the API server of Kubernetes 1.26: feature gate StatefulSetAutoDeletePVC is alpha and off by default there, so every claim is kept (plan with --feature-gates StatefulSetAutoDeletePVC=true for a cluster that turns it on)',
    );
    const at127 = planGated('1.27').statefulSets[0];
    expect(at127.retention).toEqual({ whenDeleted: 'Delete', whenScaled: 'Delete' });
    expect(at127.scale[0].claims.map((claim) => [claim.name, claim.effect])).toEqual([
      ['spool-queue-14', 'deleted'],
      ['spool-queue-13', 'deleted'],
    ]);
  });

  it('the apps.kubernetes.io/pod-index label: from 1.28 (PodIndexLabel beta, on)', () => {
    expect(planGated('1.27').statefulSets[0].pods[0].labels).toEqual({ 'statefulset.kubernetes.io/pod-name': 'queue-10' });
    expect(planGated('1.28').statefulSets[0].pods[0].labels).toEqual({
      'statefulset.kubernetes.io/pod-name': 'queue-10',
      'apps.kubernetes.io/pod-index': '10',
    });
    const text = (version: string) => renderText(planGated(version), { color: false, cwd: DIR });
    expect(text('1.27')).toContain('Each pod: hostname = pod name; labels statefulset.kubernetes.io/pod-name=<pod>\n');
    expect(text('1.28')).toContain('labels statefulset.kubernetes.io/pod-name=<pod>, apps.kubernetes.io/pod-index=<ordinal>\n');
  });

  it('maxUnavailable: dropped in 1.36 (MaxUnavailableStatefulSet beta, off), one pod at a time', () => {
    for (const version of ['1.34', '1.35', '1.36']) {
      const { update, notes } = planGated(version).statefulSets[0];
      expect(update).toMatchObject({ maxUnavailable: null, atOnce: 1 });
      expect(notes.some((note) => note.startsWith('spec.updateStrategy.rollingUpdate.maxUnavailable "50%" is dropped'))).toBe(true);
    }
    expect(planGated('1.36').statefulSets[0].notes).toContain(
      'spec.updateStrategy.rollingUpdate.maxUnavailable "50%" is dropped by the API server of Kubernetes 1.36: feature gate MaxUnavailableStatefulSet is beta and off by default there, so a rolling update replaces one pod at a time (plan with --feature-gates MaxUnavailableStatefulSet=true for a cluster that turns it on)',
    );
    expect(renderText(planGated('1.36'), { color: false, cwd: DIR })).toContain(
      'what a template change replaces, one at a time: each waits for the one before to be Running and Ready',
    );
  });

  it('maxUnavailable with the gate on: 50% of 5 replicas is 2 at a time, rounded down', () => {
    const plan = planGated('1.36', { MaxUnavailableStatefulSet: true });
    const { update, notes } = plan.statefulSets[0];
    expect(plan.featureGates).toEqual({ MaxUnavailableStatefulSet: true });
    expect(update).toMatchObject({ maxUnavailable: '50%', atOnce: 2, replaced: ['queue-14', 'queue-13', 'queue-12', 'queue-11', 'queue-10'] });
    expect(notes).toEqual([]);
    expect(renderText(plan, { color: false, cwd: DIR })).toContain(
      'what a template change replaces, up to 2 at a time (maxUnavailable 50% of 5 replicas, rounded down): 2 are deleted together and re-created lowest ordinal first, and the next 2 go once every pod is Running and Ready',
    );
  });

  it('maxUnavailable with Parallel pod management: a sliding window; more than the pods replaced: all at once', () => {
    const manifest = (value: string, policy: string) =>
      statefulSet('web', `  replicas: 4\n  podManagementPolicy: ${policy}\n  updateStrategy: {rollingUpdate: {maxUnavailable: ${value}, partition: 1}}\n`);
    const text = (value: string, policy: string) =>
      renderText(planText(manifest(value, policy), { featureGates: { MaxUnavailableStatefulSet: true } }).plan, { color: false, cwd: '.' });
    expect(text('2', 'Parallel')).toContain(
      'what a template change replaces, up to 2 at a time (maxUnavailable 2): the next is deleted whenever fewer than 2 pods are unavailable',
    );
    expect(text('2', 'Parallel')).not.toContain('Parallel pod management does not apply to updates');
    expect(text('3', 'OrderedReady')).toContain('what a template change replaces, all 3 at once (maxUnavailable 3)');
  });
});

describe('podsAtOnce: maxUnavailable as the controller scales it', () => {
  it.each([
    [null, 4, 1],
    [2, 4, 2],
    [10, 4, 10],
    ['50%', 5, 2],
    ['25%', 8, 2],
    ['10%', 4, 1],
    ['1%', 1, 1],
    ['100%', 3, 3],
  ] as const)('%s of %i replicas: %i', (value, replicas, expected) => {
    const notes: string[] = [];
    expect(podsAtOnce(value, replicas, notes)).toBe(expected);
    expect(notes).toEqual([]);
  });

  it.each([0, -1, 1.5, '0%', '150%', '2', 'half'])('%s: refused by the API server, planned as 1 with a note', (value) => {
    const notes: string[] = [];
    expect(podsAtOnce(value, 4, notes)).toBe(1);
    expect(notes).toEqual([
      `spec.updateStrategy.rollingUpdate.maxUnavailable ${JSON.stringify(value)} is not a whole number from 1 or a percentage from 1% to 100%: the API server refuses the StatefulSet; planned as 1`,
    ]);
  });
});

describe('a partition with ordinals.start (fixtures/plan-versions/canary.yaml)', () => {
  it('compares the partition with the position from the first ordinal: partition 6 of web-5..web-7 replaces none', () => {
    const { plan } = planText({ 'canary.yaml': readFileSync(resolve(DIR, 'canary.yaml'), 'utf8') });
    expect(plan.statefulSets[0].update).toMatchObject({ partition: 6, replaced: [], unchanged: ['web-5', 'web-6', 'web-7'] });
    expect(renderText(plan, { color: false, cwd: DIR })).toContain('a template change replaces no pod: partition 6 is past the last pod (positions 0–2, counted from ordinal 5)');
  });

  it('partition 2 replaces the third pod on: web-7 only', () => {
    const text = readFileSync(resolve(DIR, 'canary.yaml'), 'utf8').replace('partition: 6', 'partition: 2');
    expect(planText(text).plan.statefulSets[0].update).toMatchObject({ replaced: ['web-7'], unchanged: ['web-5', 'web-6'] });
  });
});
