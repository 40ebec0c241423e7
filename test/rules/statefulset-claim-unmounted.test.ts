import rule from '../../rules/statefulset-claim-unmounted/index.js';
import { RuleTester } from '../../src/linter/rule-tester.js';
import { statefulSet } from '../helpers/manifests.js';

/** A StatefulSet 'web' with `pod` as its pod spec, then claim templates named `claims` (5 lines each). */
const withClaims = (pod: Record<string, unknown>, claims: string[] = ['data']) =>
  statefulSet({ pod, spec: { volumeClaimTemplates: claims.map((name) => ({ metadata: { name }, spec: { accessModes: ['ReadWriteOnce'] } })) } });

/** A container 'app' that mounts (volumeMounts) or attaches (volumeDevices) the volume `name`. */
const using = (field: 'volumeMounts' | 'volumeDevices', name: string) => ({
  name: 'app',
  image: 'nginx',
  [field]: [{ name, [field === 'volumeMounts' ? 'mountPath' : 'devicePath']: '/x' }],
});

const unmounted = (claim: string, line: number) => ({
  messageId: 'unmounted' as const,
  data: { claim, name: 'web' },
  line,
  column: 9,
  endLine: line,
  endColumn: 15 + claim.length,
});

new RuleTester().run('statefulset-claim-unmounted', rule, {
  valid: [
    withClaims({ containers: [using('volumeMounts', 'data')] }),
    // Mounted by an init container only.
    withClaims({ containers: [{ name: 'app', image: 'nginx' }], initContainers: [using('volumeMounts', 'data')] }),
    // A raw block claim is attached with volumeDevices.
    withClaims({ containers: [using('volumeDevices', 'data')] }),
    // A template without a name is statefulset-claim-template-invalid's finding.
    statefulSet({ spec: { volumeClaimTemplates: [{ spec: {} }] } }),
    // No pod template to judge.
    'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: web\nspec:\n  volumeClaimTemplates:\n    - metadata: { name: data }\n',
  ],
  invalid: [
    {
      code: withClaims({ containers: [using('volumeMounts', 'logs')] }),
      errors: [
        {
          messageId: 'unmounted',
          message:
            "Claim template 'data' of StatefulSet 'web' is mounted by no container: each pod still gets a PersistentVolumeClaim 'data-web-<ordinal>' that nothing uses; add a volumeMounts entry named 'data' or remove the template",
          severity: 'warning',
          ...unmounted('data', 23),
        },
      ],
    },
    { code: withClaims({ containers: [using('volumeMounts', 'data')] }, ['data', 'logs', 'wal']), errors: [unmounted('logs', 28), unmounted('wal', 33)] },
    { code: withClaims({ containers: [{ name: 'app', image: 'nginx' }] }), errors: [unmounted('data', 20)] },
  ],
});
