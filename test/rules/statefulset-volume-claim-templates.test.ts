import rule from '../../rules/statefulset-volume-claim-templates/index.js';
import { RuleTester } from '../../src/linter/rule-tester.js';
import { deployment, statefulSet } from '../helpers/manifests.js';

/** The StatefulSet 'web' with `spec` after its template (from line 18) and `pod` added to its pod spec. */
const web = (spec: Record<string, unknown> = {}, pod: Record<string, unknown> = {}) => statefulSet({ spec, pod });
const none = { messageId: 'none' as const, data: { name: 'web' } };

new RuleTester().run('statefulset-volume-claim-templates', rule, {
  valid: [
    web({ volumeClaimTemplates: [{ metadata: { name: 'data' } }] }),
    // A claim made beforehand is a deliberate storage choice (sharing it is rwo-shared-claim's concern).
    web({}, { volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'web-data' } }] }),
    'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: web\nspec: null\n',
    // A map instead of a list is the schema's finding.
    web({ volumeClaimTemplates: { data: {} } }),
    deployment({ replicas: 1 }),
  ],
  invalid: [
    {
      code: web(),
      errors: [
        {
          messageId: 'none',
          message:
            "StatefulSet 'web' has no volumeClaimTemplates: its pods get no PersistentVolumeClaim of their own, so their data does not follow them across rescheduling; add a claim template, or use a Deployment if the pods keep no state",
          severity: 'warning',
          line: 5,
          column: 1,
          endLine: 5,
          endColumn: 5,
        },
      ],
    },
    { code: web({ volumeClaimTemplates: [] }), errors: [{ ...none, line: 18, column: 3, endLine: 18, endColumn: 23 }] },
    { code: web({ volumeClaimTemplates: null }), errors: [{ ...none, line: 18, column: 3, endLine: 18, endColumn: 29 }] },
    // An emptyDir is lost with the pod.
    { code: web({}, { volumes: [{ name: 'data', emptyDir: {} }] }), errors: [{ ...none, line: 5, column: 1, endLine: 5, endColumn: 5 }] },
  ],
});
