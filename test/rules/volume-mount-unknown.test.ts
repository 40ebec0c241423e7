import rule from '../../rules/volume-mount-unknown/index.js';
import { RuleTester } from '../../src/linter/rule-tester.js';
import { workload } from '../helpers/manifests.js';

const mounts = (...names: string[]) => names.map((name) => ({ name, mountPath: `/${name}` }));
const CONFIG = [{ name: 'config', configMap: { name: 'web' } }];

/**
 * A workload 'web' of `kind` whose container 'app' has `volumeMounts` (from line 17) and whose pod has the volume
 * 'config'; `spec` follows the template.
 */
const web = (kind: string, volumeMounts: unknown, spec: Record<string, unknown> = {}, apiVersion?: string) =>
  workload(kind, { apiVersion, pod: { containers: [{ name: 'app', volumeMounts }], volumes: CONFIG }, spec });
const CLAIM_TEMPLATES = { volumeClaimTemplates: [{ metadata: { name: 'data' } }] };

/** The name of the `n`th mount (0-based) of `web`: mounts take two lines each. */
const atMount = (n: number, name: string) => ({ line: 17 + 2 * n, column: 15, endLine: 17 + 2 * n, endColumn: 21 + name.length });
const mount = (kind: string, volume: string) => ({ kind, name: 'web', container: "Container 'app'", volume, volumes: 'config' });

new RuleTester().run('volume-mount-unknown', rule, {
  valid: [
    web('Deployment', mounts('config')),
    web('StatefulSet', mounts('config', 'data'), CLAIM_TEMPLATES),
    web('Job', mounts('config'), {}, 'batch/v1'),
    // A custom resource named like a built-in kind is not read.
    web('Job', mounts('nothing'), {}, 'batch.volcano.sh/v1alpha1'),
    // Odd shapes are skipped, never thrown on.
    web('Deployment', [null, 'x', { mountPath: '/a' }, { name: 3 }]),
    web('Deployment', 'nope'),
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers: null\n',
  ],
  invalid: [
    {
      code: web('StatefulSet', mounts('config', 'www'), CLAIM_TEMPLATES),
      errors: [
        {
          messageId: 'statefulSetMount',
          message:
            "Container 'app' mounts volume 'www', which is neither a pod volume (config) nor a claim template (data): the API server accepts StatefulSet 'web', but rejects every pod it creates (volumeMounts.name: Not found)",
          severity: 'error',
          ...atMount(1, 'www'),
        },
      ],
    },
    { code: web('StatefulSet', mounts('data')), errors: [{ messageId: 'statefulSetMount', data: { ...mount('StatefulSet', 'data'), claims: 'there are none' }, ...atMount(0, 'data') }] },
    {
      code: web('Deployment', mounts('data')),
      errors: [
        {
          messageId: 'mount',
          message: "Container 'app' mounts volume 'data', which is not a pod volume (config): the API server rejects Deployment 'web' (volumeMounts.name: Not found)",
          ...atMount(0, 'data'),
        },
      ],
    },
    { code: web('ReplicaSet', mounts('data')), errors: [{ messageId: 'mount', data: mount('ReplicaSet', 'data'), ...atMount(0, 'data') }] },
    { code: web('DaemonSet', mounts('data')), errors: [{ messageId: 'mount', data: mount('DaemonSet', 'data'), ...atMount(0, 'data') }] },
    { code: web('Job', mounts('data'), {}, 'batch/v1'), errors: [{ messageId: 'mount', data: mount('Job', 'data'), ...atMount(0, 'data') }] },
    {
      code: 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: nightly\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers:\n            - name: backup\n              volumeMounts:\n                - name: dump\n                  mountPath: /dump\n',
      errors: [
        {
          messageId: 'mount',
          message: "Container 'backup' mounts volume 'dump', which is not a pod volume (the pod has none): the API server rejects CronJob 'nightly' (volumeMounts.name: Not found)",
          line: 13,
          column: 19,
          endLine: 13,
          endColumn: 29,
        },
      ],
    },
    {
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  initContainers:\n    - name: init\n      volumeMounts: [{ name: seed, mountPath: /s }]\n  containers:\n    - name: app\n      volumeDevices: [{ name: disk, devicePath: /dev/x }]\n  ephemeralContainers:\n    - name: debug\n      volumeMounts: [{ name: seed, mountPath: /s }]\n',
      errors: [
        { messageId: 'mount', message: /^Init container 'init' mounts volume 'seed', which is not a pod volume \(the pod has none\)/, line: 8, column: 24, endLine: 8, endColumn: 34 },
        {
          messageId: 'device',
          message: "Container 'app' attaches block volume 'disk', which is not a pod volume (the pod has none): the API server rejects Pod 'p' (volumeDevices.name: Not found)",
          line: 11,
          column: 25,
          endLine: 11,
          endColumn: 35,
        },
        { messageId: 'mount', message: /^Ephemeral container 'debug' mounts volume 'seed'/, line: 14, column: 24, endLine: 14, endColumn: 34 },
      ],
    },
    {
      // Each mount of a missing volume is its own rejected field.
      code: web('Deployment', mounts('a', 'b')),
      errors: [
        { messageId: 'mount', data: mount('Deployment', 'a'), ...atMount(0, 'a') },
        { messageId: 'mount', data: mount('Deployment', 'b'), ...atMount(1, 'b') },
      ],
    },
  ],
});
