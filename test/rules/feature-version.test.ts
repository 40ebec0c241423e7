import rule from '../../rules/feature-version/index.js';
import { RuleTester, type InvalidTestCase, type ValidTestCase } from '../../src/linter/rule-tester.js';
import { claim, pdb, statefulSet } from '../helpers/manifests.js';

/** A StatefulSet 'db' whose spec adds `spec` after its template (from line 18). */
const db = (spec: Record<string, unknown>) => statefulSet({ name: 'db', spec });

const ORDINALS = db({ ordinals: { start: 1 } });
const RETENTION = db({ persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Delete', whenScaled: 'Retain' } });
const MAX_UNAVAILABLE = db({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 2 } } });
const EVICTION = pdb({ name: 'db', spec: { unhealthyPodEvictionPolicy: 'AlwaysAllow' } });
const RWOP_CLAIM = claim({ accessModes: ['ReadWriteOnce', 'ReadWriteOncePod'] });

const versions = (kubernetesVersion: string) => ({ lintOptions: { kubernetesVersion } });

/** Where each feature is reported: spec.ordinals, the retention policy, maxUnavailable, the policy, the access mode. */
const AT = {
  ordinals: { line: 18, column: 3, endLine: 18, endColumn: 11 },
  retention: { line: 18, column: 3, endLine: 18, endColumn: 39 },
  maxUnavailable: { line: 21, column: 7, endLine: 21, endColumn: 24 },
  eviction: { line: 10, column: 3, endLine: 10, endColumn: 42 },
  accessMode: { line: 8, column: 7, endLine: 8, endColumn: 23 },
};

interface Stages {
  unknown: string;
  alpha: string;
  beta: string;
  lastBeta: string;
  ga: string;
}

/** The stage boundaries of a feature: one case at each, and GA silent. */
function stageCases(code: string, at: typeof AT.ordinals, data: { owner: string; what: string; gate: string }, stages: Stages) {
  const feature = { ...data, ga: `GA only since Kubernetes ${stages.ga}`, alpha: stages.alpha, beta: stages.beta, gateOff: 'drops the field' };
  const invalid = (target: string, messageId: 'unknown' | 'alpha' | 'beta'): InvalidTestCase<typeof messageId> => ({
    name: `${data.what} at ${target}`,
    code,
    ...versions(target),
    errors: [{ messageId, data: { ...feature, target }, ...at }],
  });
  const before = (version: string) => version.replace(/\d+$/, (minor) => String(Number(minor) - 1));
  return {
    valid: [stages.ga, '1.35'].map((target): ValidTestCase => ({ name: `${data.what} at ${target}`, code, ...versions(target) })),
    invalid: [
      invalid(stages.unknown, 'unknown'),
      invalid(stages.alpha, 'alpha'),
      ...(before(stages.beta) === stages.alpha ? [] : [invalid(before(stages.beta), 'alpha')]),
      invalid(stages.beta, 'beta'),
      invalid(stages.lastBeta, 'beta'),
    ],
  };
}

const stages = [
  stageCases(ORDINALS, AT.ordinals, { owner: "StatefulSet 'db'", what: 'spec.ordinals', gate: 'StatefulSetStartOrdinal' }, { unknown: '1.25', alpha: '1.26', beta: '1.27', lastBeta: '1.30', ga: '1.31' }),
  stageCases(
    RETENTION,
    AT.retention,
    { owner: "StatefulSet 'db'", what: 'spec.persistentVolumeClaimRetentionPolicy', gate: 'StatefulSetAutoDeletePVC' },
    { unknown: '1.22', alpha: '1.23', beta: '1.27', lastBeta: '1.31', ga: '1.32' },
  ),
  stageCases(
    EVICTION,
    AT.eviction,
    { owner: "PodDisruptionBudget 'db'", what: 'spec.unhealthyPodEvictionPolicy', gate: 'PDBUnhealthyPodEvictionPolicy' },
    { unknown: '1.25', alpha: '1.26', beta: '1.27', lastBeta: '1.30', ga: '1.31' },
  ),
];

new RuleTester().run('feature-version', rule, {
  valid: [
    ...stages.flatMap((stage) => stage.valid),
    { code: RWOP_CLAIM, ...versions('1.29') },
    // values that behave as if the field were unset
    { code: db({ ordinals: { start: 0 } }), ...versions('1.25') },
    { code: db({ ordinals: {} }), ...versions('1.25') },
    { code: db({ persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' } }), ...versions('1.25') },
    { code: pdb({ spec: { unhealthyPodEvictionPolicy: 'IfHealthyBudget' } }), ...versions('1.25') },
    { code: db({ updateStrategy: { rollingUpdate: { maxUnavailable: 1 } } }), ...versions('1.30') },
    { code: claim({ accessModes: ['ReadWriteOnce'] }), ...versions('1.20') },
    // odd shapes are left to the schema rule
    db({ ordinals: 3, updateStrategy: 'OnDelete', volumeClaimTemplates: 'data' }),
    claim({ accessModes: 'ReadWriteOncePod' }),
    { code: ORDINALS, ...versions('next') },
    'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec: null\n',
  ],
  invalid: [
    ...stages.flatMap((stage) => stage.invalid),
    {
      code: MAX_UNAVAILABLE,
      ...versions('1.33'),
      errors: [
        {
          messageId: 'alpha',
          message:
            "StatefulSet 'db' uses spec.updateStrategy.rollingUpdate.maxUnavailable, not GA in any Kubernetes release yet (target 1.33): alpha since 1.24, off by default (feature gate MaxUnavailableStatefulSet); the API server drops the field unless the gate is on",
          ...AT.maxUnavailable,
        },
      ],
    },
    // maxUnavailable: alpha from 1.24, beta from 1.35 but off by default (1.35.4 on, 1.36), never GA
    { code: MAX_UNAVAILABLE, ...versions('1.23'), errors: [{ messageId: 'unknown', message: /unknown to Kubernetes 1\.23, added as alpha in 1\.24$/, ...AT.maxUnavailable }] },
    { code: MAX_UNAVAILABLE, ...versions('1.24'), errors: [{ messageId: 'alpha', message: /alpha since 1\.24, off by default/, ...AT.maxUnavailable }] },
    { code: MAX_UNAVAILABLE, ...versions('1.34'), errors: [{ messageId: 'alpha', message: /alpha since 1\.24, off by default/, ...AT.maxUnavailable }] },
    ...['1.35', '1.36'].map((target) => ({
      name: `maxUnavailable at ${target}`,
      code: MAX_UNAVAILABLE,
      ...versions(target),
      errors: [
        {
          messageId: 'betaOff',
          message: `StatefulSet 'db' uses spec.updateStrategy.rollingUpdate.maxUnavailable, not GA in any Kubernetes release yet (target ${target}): beta since 1.35 but off by default (feature gate MaxUnavailableStatefulSet); the API server drops the field unless the gate is on`,
          ...AT.maxUnavailable,
        },
      ],
    })),
    // ReadWriteOncePod: rejected, not dropped, while the gate is off
    ...(
      [
        ['1.21', 'unknown', /\(target 1\.21\): unknown to Kubernetes 1\.21, added as alpha in 1\.22$/],
        ['1.22', 'alpha', /\(target 1\.22\): alpha since 1\.22, off by default \(feature gate ReadWriteOncePod\); the API server rejects the object unless the gate is on$/],
        ['1.26', 'alpha', /alpha since 1\.22/],
        ['1.27', 'beta', /beta, enabled by default since 1\.27/],
        ['1.28', 'beta', /^PersistentVolumeClaim 'data' uses access mode ReadWriteOncePod, GA only since Kubernetes 1\.29 \(target 1\.28\): beta/],
      ] as const
    ).map(([target, messageId, message]) => ({ name: `ReadWriteOncePod at ${target}`, code: RWOP_CLAIM, ...versions(target), errors: [{ messageId, message, ...AT.accessMode }] })),
    {
      code: db({
        volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOncePod'] } }, { spec: { accessModes: ['ReadWriteOncePod'] } }],
      }),
      ...versions('1.26'),
      errors: [
        {
          messageId: 'alpha',
          message:
            "StatefulSet 'db' claim template 'data' uses access mode ReadWriteOncePod, GA only since Kubernetes 1.29 (target 1.26): alpha since 1.22, off by default (feature gate ReadWriteOncePod); the API server rejects the object unless the gate is on",
          line: 23,
          column: 13,
          endLine: 23,
          endColumn: 29,
        },
        { messageId: 'alpha', message: /^StatefulSet 'db' claim template '1' uses access mode ReadWriteOncePod/, line: 26, column: 13, endLine: 26, endColumn: 29 },
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
      ...versions('1.21'),
      errors: [
        {
          messageId: 'unknown',
          message: "PersistentVolume 'pv-1' uses access mode ReadWriteOncePod, GA only since Kubernetes 1.29 (target 1.21): unknown to Kubernetes 1.21, added as alpha in 1.22",
          line: 9,
          column: 5,
          endLine: 9,
          endColumn: 21,
        },
      ],
    },
    {
      name: 'each gated field of one StatefulSet is reported once',
      code: db({ ordinals: { start: 5 }, persistentVolumeClaimRetentionPolicy: { whenScaled: 'Delete' }, updateStrategy: { rollingUpdate: { maxUnavailable: '50%' } } }),
      ...versions('1.26'),
      errors: [
        { messageId: 'alpha', message: /^StatefulSet 'db' uses spec\.ordinals, /, ...AT.ordinals },
        { messageId: 'alpha', message: /^StatefulSet 'db' uses spec\.persistentVolumeClaimRetentionPolicy, /, line: 20, column: 3, endLine: 20, endColumn: 39 },
        { messageId: 'alpha', message: /^StatefulSet 'db' uses spec\.updateStrategy\.rollingUpdate\.maxUnavailable, /, line: 24, column: 7, endLine: 24, endColumn: 26 },
      ],
    },
  ],
});
