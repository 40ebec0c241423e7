import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { planSources } from '../../src/plan/plan.js';
import { skipNote, skipReason, useOracle } from './client.js';
import type { Obj } from './inputs.js';

/**
 * The oracle runs Kubernetes v1.36: for the StatefulSets of fixtures/plan-versions (ordinals.start, a retention
 * policy, maxUnavailable, a partition), `stslint plan --kubernetes-version 1.36` must list the pods the controller
 * builds (names, identity labels, claims), and keep or drop the gated fields as the API server does (`default`).
 */
const skip = skipReason();
const DIR = resolve('fixtures/plan-versions');
const POD_LABELS = ['statefulset.kubernetes.io/pod-name', 'apps.kubernetes.io/pod-index'];

function statefulSets(file: string): { text: string; object: Obj } {
  const text = readFileSync(resolve(DIR, file), 'utf8');
  const object = parseAllDocuments(text).map((doc) => doc.toJS() as Obj).find((candidate) => candidate.kind === 'StatefulSet')!;
  return { text, object: { ...object, metadata: { namespace: 'default', ...object.metadata } } };
}

function plan(file: string, text: string) {
  return planSources([{ path: file, text }], { clusterDomain: 'cluster.local', scaleTo: [], delete: false, registry: [], kubernetesVersion: '1.36' }).plan.statefulSets[0];
}

describe.skipIf(Boolean(skip))(`plan at 1.36 vs the oracle's controller and API server${skipNote(skip)}`, () => {
  const oracle = useOracle();

  it.each(['gated.yaml', 'canary.yaml'])('%s: the same pods, labels and claims', async (file) => {
    const { text, object } = statefulSets(file);
    const answer = await oracle().ask({ op: 'pods', object });
    expect(answer.errors).toEqual([]);
    const built = answer.pods!.map((pod) => ({
      name: pod.name,
      labels: Object.fromEntries(POD_LABELS.map((label) => [label, pod.pod.metadata.labels[label]])),
      claims: pod.claims.map((claim) => claim.name),
    }));
    const planned = plan(file, text).pods.map((pod) => ({ name: pod.name, labels: pod.labels, claims: pod.claims.map((claim) => claim.name) }));
    expect(planned).toEqual(built);
    expect(planned.length).toBe(object.spec.replicas);
  });

  it('gated.yaml: the API server keeps ordinals and the retention policy and drops maxUnavailable, as the plan does', async () => {
    const { text, object } = statefulSets('gated.yaml');
    const stored = (await oracle().ask({ op: 'default', object })).object!;
    const planned = plan('gated.yaml', text);
    expect(stored.spec.ordinals).toEqual({ start: planned.ordinals.first });
    expect(stored.spec.persistentVolumeClaimRetentionPolicy).toEqual(planned.retention);
    expect(stored.spec.updateStrategy.rollingUpdate.maxUnavailable ?? null).toBe(planned.update.maxUnavailable);
    expect(planned.update.maxUnavailable).toBeNull();
  });
});
