import { describe, expect, it } from 'vitest';
import rule from '../../rules/feature-version/index.js';
import { runRule, testRule } from '../helpers/rule-tester.js';

const statefulSet = (spec: string) => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
${spec}  selector:
    matchLabels:
      app: db
  template:
    metadata:
      labels:
        app: db
    spec:
      containers:
      - name: db
        image: postgres:16
`;

const budget = (policy: string) => `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: db
spec:
  maxUnavailable: 1
${policy}  selector:
    matchLabels:
      app: db
`;

const claim = (modes: string) => `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
  accessModes: ${modes}
  resources:
    requests:
      storage: 1Gi
`;

const ORDINALS = statefulSet('  ordinals:\n    start: 1\n');
const RETENTION = statefulSet('  persistentVolumeClaimRetentionPolicy:\n    whenDeleted: Delete\n    whenScaled: Retain\n');
const MAX_UNAVAILABLE = statefulSet('  updateStrategy:\n    type: RollingUpdate\n    rollingUpdate:\n      maxUnavailable: 2\n');
const EVICTION = budget('  unhealthyPodEvictionPolicy: AlwaysAllow\n');
const RWOP_CLAIM = claim('[ReadWriteOnce, ReadWriteOncePod]');

/** Messages of the rule at a target version. */
const at = (code: string, kubernetesVersion: string) => runRule(rule, code, { kubernetesVersion }).map((finding) => finding.message);

describe('feature-version', () => {
  testRule(rule, {
    valid: [
      { code: ORDINALS, options: { kubernetesVersion: '1.31' } },
      { code: RETENTION, options: { kubernetesVersion: '1.32' } },
      { code: EVICTION, options: { kubernetesVersion: '1.31' } },
      { code: RWOP_CLAIM, options: { kubernetesVersion: '1.29' } },
      // values that behave as if the field were unset
      { code: statefulSet('  ordinals:\n    start: 0\n'), options: { kubernetesVersion: '1.25' } },
      { code: statefulSet('  ordinals: {}\n'), options: { kubernetesVersion: '1.25' } },
      {
        code: statefulSet('  persistentVolumeClaimRetentionPolicy:\n    whenDeleted: Retain\n    whenScaled: Retain\n'),
        options: { kubernetesVersion: '1.25' },
      },
      { code: budget('  unhealthyPodEvictionPolicy: IfHealthyBudget\n'), options: { kubernetesVersion: '1.25' } },
      { code: statefulSet('  updateStrategy:\n    rollingUpdate:\n      maxUnavailable: 1\n'), options: { kubernetesVersion: '1.30' } },
      { code: claim('[ReadWriteOnce]'), options: { kubernetesVersion: '1.20' } },
      // odd shapes are left to the schema rule
      statefulSet('  ordinals: 3\n  updateStrategy: OnDelete\n  volumeClaimTemplates: data\n'),
      claim('ReadWriteOncePod'),
      { code: ORDINALS, options: { kubernetesVersion: 'next' } },
      'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec: null\n',
    ],
    invalid: [
      {
        code: ORDINALS,
        options: { kubernetesVersion: '1.30' },
        errors: [
          {
            line: 7,
            column: 3,
            endLine: 7,
            endColumn: 11,
            severity: 1,
            message:
              "StatefulSet 'db' uses spec.ordinals, GA only since Kubernetes 1.31 (target 1.30): beta, enabled by default since 1.27 (feature gate StatefulSetStartOrdinal)",
          },
        ],
      },
      {
        code: RETENTION,
        options: { kubernetesVersion: '1.31' },
        errors: [{ line: 7, column: 3, endLine: 7, endColumn: 39, message: "StatefulSet 'db' uses spec.persistentVolumeClaimRetentionPolicy, GA only since Kubernetes 1.32 (target 1.31): beta, enabled by default since 1.27" }],
      },
      {
        code: MAX_UNAVAILABLE,
        options: { kubernetesVersion: '1.33' },
        errors: [
          {
            line: 10,
            column: 7,
            endLine: 10,
            endColumn: 24,
            message:
              "StatefulSet 'db' uses spec.updateStrategy.rollingUpdate.maxUnavailable, not GA in any Kubernetes release yet (target 1.33): alpha since 1.24, off by default (feature gate MaxUnavailableStatefulSet); the API server drops the field unless the gate is on",
          },
        ],
      },
      {
        code: EVICTION,
        options: { kubernetesVersion: '1.26' },
        errors: [
          {
            line: 7,
            column: 3,
            endLine: 7,
            endColumn: 42,
            message:
              "PodDisruptionBudget 'db' uses spec.unhealthyPodEvictionPolicy, GA only since Kubernetes 1.31 (target 1.26): alpha since 1.26, off by default (feature gate PDBUnhealthyPodEvictionPolicy); the API server drops the field unless the gate is on",
          },
        ],
      },
      {
        code: RWOP_CLAIM,
        options: { kubernetesVersion: '1.28' },
        errors: [{ line: 6, column: 32, endLine: 6, endColumn: 48, message: "PersistentVolumeClaim 'data' uses access mode ReadWriteOncePod, GA only since Kubernetes 1.29 (target 1.28): beta" }],
      },
      {
        code: statefulSet(`  volumeClaimTemplates:
  - metadata:
      name: data
    spec:
      accessModes:
      - ReadWriteOncePod
  - spec:
      accessModes: [ReadWriteOncePod]
`),
        options: { kubernetesVersion: '1.26' },
        errors: [
          {
            line: 12,
            column: 9,
            endLine: 12,
            endColumn: 25,
            message:
              "StatefulSet 'db' claim template 'data' uses access mode ReadWriteOncePod, GA only since Kubernetes 1.29 (target 1.26): alpha since 1.22, off by default (feature gate ReadWriteOncePod); the API server rejects the object unless the gate is on",
          },
          { line: 14, column: 21, endLine: 14, endColumn: 37, message: "StatefulSet 'db' claim template '1' uses access mode ReadWriteOncePod" },
        ],
      },
      {
        code: `apiVersion: v1
kind: PersistentVolume
metadata:
  name: pv-1
spec:
  capacity:
    storage: 1Gi
  accessModes:
  - ReadWriteOncePod
  csi:
    driver: hostpath.csi.k8s.io
    volumeHandle: pv-1
`,
        options: { kubernetesVersion: '1.21' },
        errors: [{ line: 9, column: 5, endLine: 9, endColumn: 21, message: "PersistentVolume 'pv-1' uses access mode ReadWriteOncePod, GA only since Kubernetes 1.29 (target 1.21): unknown to Kubernetes 1.21, added as alpha in 1.22" }],
      },
    ],
  });

  describe('stage boundaries', () => {
    it.each([
      ['spec.ordinals', ORDINALS, { unknown: '1.25', alpha: '1.26', beta: '1.27', lastBeta: '1.30', ga: '1.31' }],
      ['spec.persistentVolumeClaimRetentionPolicy', RETENTION, { unknown: '1.22', alpha: '1.23', beta: '1.27', lastBeta: '1.31', ga: '1.32' }],
      ['spec.unhealthyPodEvictionPolicy', EVICTION, { unknown: '1.25', alpha: '1.26', beta: '1.27', lastBeta: '1.30', ga: '1.31' }],
      ['ReadWriteOncePod', RWOP_CLAIM, { unknown: '1.21', alpha: '1.22', beta: '1.27', lastBeta: '1.28', ga: '1.29' }],
    ])('%s', (_, code, stages) => {
      expect(at(code, stages.unknown)).toEqual([expect.stringContaining(`unknown to Kubernetes ${stages.unknown}, added as alpha in ${stages.alpha}`)]);
      expect(at(code, stages.alpha)).toEqual([expect.stringContaining(`(target ${stages.alpha}): alpha since ${stages.alpha}, off by default`)]);
      expect(at(code, before(stages.beta))).toEqual([expect.stringContaining('alpha since')]);
      expect(at(code, stages.beta)).toEqual([expect.stringContaining(`beta, enabled by default since ${stages.beta}`)]);
      expect(at(code, stages.lastBeta)).toEqual([expect.stringContaining(`GA only since Kubernetes ${stages.ga} (target ${stages.lastBeta}): beta`)]);
      expect(at(code, stages.ga)).toEqual([]);
      expect(at(code, '1.35')).toEqual([]);
    });

    it('maxUnavailable: alpha from 1.24, beta on by default from 1.35, never GA', () => {
      expect(at(MAX_UNAVAILABLE, '1.23')).toEqual([expect.stringContaining('unknown to Kubernetes 1.23, added as alpha in 1.24')]);
      expect(at(MAX_UNAVAILABLE, '1.24')).toEqual([expect.stringContaining('alpha since 1.24, off by default')]);
      expect(at(MAX_UNAVAILABLE, '1.34')).toEqual([expect.stringContaining('alpha since 1.24, off by default')]);
      expect(at(MAX_UNAVAILABLE, '1.35')).toEqual([expect.stringContaining('not GA in any Kubernetes release yet (target 1.35): beta, enabled by default since 1.35')]);
    });
  });

  it('reports each gated field of one StatefulSet once', () => {
    const all = statefulSet(`  ordinals:
    start: 5
  persistentVolumeClaimRetentionPolicy:
    whenScaled: Delete
  updateStrategy:
    rollingUpdate:
      maxUnavailable: 50%
`);
    expect(runRule(rule, all, { kubernetesVersion: '1.26' }).map((finding) => finding.path)).toEqual([
      'spec.ordinals',
      'spec.persistentVolumeClaimRetentionPolicy',
      'spec.updateStrategy.rollingUpdate.maxUnavailable',
    ]);
  });
});

function before(version: string): string {
  return version.replace(/\d+$/, (minor) => String(Number(minor) - 1));
}
