import { describe } from 'vitest';
import rule from '../../rules/volume-mount-unknown/index.js';
import { testRule } from '../helpers/rule-tester.js';

const mounts = (...names: string[]) => `[${names.map((name) => `{ name: ${name}, mountPath: /${name} }`).join(', ')}]`;

/** A workload of `kind` whose pod spec starts at line 8; its first container's mounts are on line 10. */
const workload = (kind: string, volumeMounts: string, extra = '', apiVersion = 'apps/v1') => `apiVersion: ${apiVersion}
kind: ${kind}
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: app
          volumeMounts: ${volumeMounts}
      volumes: [{ name: config, configMap: { name: web } }]
${extra}`;

const claimTemplates = '  volumeClaimTemplates:\n    - metadata: { name: data }\n';

describe('volume-mount-unknown', () => {
  testRule(rule, {
    valid: [
      workload('Deployment', mounts('config')),
      workload('StatefulSet', mounts('config', 'data'), claimTemplates),
      workload('Job', mounts('config'), '', 'batch/v1'),
      // A custom resource named like a built-in kind is not read.
      workload('Job', mounts('nothing'), '', 'batch.volcano.sh/v1alpha1'),
      // Odd shapes are skipped, never thrown on.
      workload('Deployment', '[null, "x", { mountPath: /a }, { name: 3 }]'),
      workload('Deployment', 'nope'),
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers: null\n',
    ],
    invalid: [
      {
        code: workload('StatefulSet', mounts('config', 'www'), claimTemplates),
        errors: [
          {
            line: 10,
            column: 66,
            endLine: 10,
            endColumn: 75,
            message: "Container 'app' mounts volume 'www', which is neither a pod volume (config) nor a claim template (data): the API server accepts StatefulSet 'web', but rejects every pod it creates (volumeMounts.name: Not found)",
          },
        ],
      },
      {
        code: workload('StatefulSet', mounts('data')),
        errors: [{ line: 10, column: 28, endLine: 10, endColumn: 38, message: 'nor a claim template (there are none)' }],
      },
      {
        code: workload('Deployment', mounts('data')),
        errors: [
          {
            line: 10,
            column: 28,
            endLine: 10,
            endColumn: 38,
            message: "Container 'app' mounts volume 'data', which is not a pod volume (config): the API server rejects Deployment 'web' (volumeMounts.name: Not found)",
          },
        ],
      },
      { code: workload('ReplicaSet', mounts('data')), errors: [{ line: 10, column: 28, endLine: 10, endColumn: 38, message: "rejects ReplicaSet 'web'" }] },
      { code: workload('DaemonSet', mounts('data')), errors: [{ line: 10, column: 28, endLine: 10, endColumn: 38, message: "rejects DaemonSet 'web'" }] },
      { code: workload('Job', mounts('data'), '', 'batch/v1'), errors: [{ line: 10, column: 28, endLine: 10, endColumn: 38, message: "rejects Job 'web'" }] },
      {
        code: 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: nightly\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers:\n            - name: backup\n              volumeMounts:\n                - name: dump\n                  mountPath: /dump\n',
        errors: [{ line: 13, column: 19, endLine: 13, endColumn: 29, message: "Container 'backup' mounts volume 'dump', which is not a pod volume (the pod has none): the API server rejects CronJob 'nightly'" }],
      },
      {
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  initContainers:\n    - name: init\n      volumeMounts: [{ name: seed, mountPath: /s }]\n  containers:\n    - name: app\n      volumeDevices: [{ name: disk, devicePath: /dev/x }]\n  ephemeralContainers:\n    - name: debug\n      volumeMounts: [{ name: seed, mountPath: /s }]\n',
        errors: [
          { line: 8, column: 24, endLine: 8, endColumn: 34, message: "Init container 'init' mounts volume 'seed'" },
          { line: 11, column: 25, endLine: 11, endColumn: 35, message: "Container 'app' attaches block volume 'disk', which is not a pod volume (the pod has none): the API server rejects Pod 'p' (volumeDevices.name: Not found)" },
          { line: 14, column: 24, endLine: 14, endColumn: 34, message: "Ephemeral container 'debug' mounts volume 'seed'" },
        ],
      },
      {
        // Each mount of a missing volume is its own rejected field.
        code: workload('Deployment', mounts('a', 'b')),
        errors: [
          { line: 10, column: 28, endLine: 10, endColumn: 35, message: "volume 'a'" },
          { line: 10, column: 56, endLine: 10, endColumn: 63, message: "volume 'b'" },
        ],
      },
    ],
  });
});
