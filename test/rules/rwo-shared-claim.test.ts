import { describe, expect, it } from 'vitest';
import rule from '../../rules/rwo-shared-claim/index.js';
import { lintText } from '../../src/lint.js';
import { RuleTester } from '../../src/linter/rule-tester.js';
import { claim, documents, hpa, workload, type WorkloadOptions } from '../helpers/manifests.js';

const DATA = { name: 'data', persistentVolumeClaim: { claimName: 'data' } };
/** A workload 'web' of `kind` mounting the claim 'data' (claimName on line 21 with replicas, 20 without). */
const web = (kind: string, replicas?: unknown, options: WorkloadOptions = {}) => workload(kind, { replicas, pod: { volumes: [DATA] }, ...options });
const data = (accessModes: unknown, namespace?: string) => claim({ namespace, accessModes });
const scaler = hpa({ target: { kind: 'Deployment', name: 'web' } });

const claimName = { line: 21, column: 13, endLine: 21, endColumn: 28 };
const shared = (mode: 'ReadWriteOnce' | 'ReadWriteOncePod', kind: string, pods: string) => ({
  messageId: mode === 'ReadWriteOnce' ? ('readWriteOnce' as const) : ('readWriteOncePod' as const),
  data: { claim: 'data', mode, kind, name: 'web', pods },
  severity: mode === 'ReadWriteOnce' ? ('warning' as const) : ('error' as const),
  ...claimName,
});

new RuleTester().run('rwo-shared-claim', rule, {
  valid: [
    documents(web('Deployment', 1), data(['ReadWriteOnce'])),
    documents(web('Deployment'), data(['ReadWriteOncePod'])),
    documents(web('Deployment', 3), data(['ReadWriteMany'])),
    documents(web('Deployment', 3), data(['ReadWriteOnce', 'ReadOnlyMany'])),
    documents(web('Deployment', 3), data(['ReadWriteOnce'], 'other')),
    // Not declared in the linted set: the access mode is unknown.
    web('Deployment', 3),
    documents(web('Deployment', 3), data(null)),
    // A volume named like a claim template gets each pod's own claim.
    documents(web('StatefulSet', 3, { spec: { volumeClaimTemplates: [{ metadata: { name: 'data' } }] } }), data(['ReadWriteOnce'])),
    documents(web('Deployment', '3'), data(['ReadWriteOnce'])),
    documents(web('Deployment', 3, { pod: { volumes: [{ name: 'data', persistentVolumeClaim: { claimName: ['data'] } }] } }), data(['ReadWriteOnce'])),
  ],
  invalid: [
    {
      code: documents(web('Deployment', 3), data(['ReadWriteOnce'])),
      errors: [
        {
          messageId: 'readWriteOnce',
          message:
            "PersistentVolumeClaim 'data' is ReadWriteOnce but mounted by every pod of Deployment 'web' (3 replicas): pods scheduled on another node cannot attach it (Multi-Attach error) and never start; give each replica its own volume (StatefulSet volumeClaimTemplates) or use ReadWriteMany storage",
          severity: 'warning',
          ...claimName,
        },
      ],
    },
    {
      code: documents(web('StatefulSet', 2), data(['ReadWriteOncePod'])),
      errors: [
        {
          messageId: 'readWriteOncePod',
          message:
            "PersistentVolumeClaim 'data' is ReadWriteOncePod but mounted by every pod of StatefulSet 'web' (2 replicas): only one pod can use it, the others never start; give each replica its own volume (StatefulSet volumeClaimTemplates) or use ReadWriteMany storage",
          severity: 'error',
          ...claimName,
        },
      ],
    },
    { code: documents(web('DaemonSet'), data(['ReadWriteOnce'])), errors: [{ ...shared('ReadWriteOnce', 'DaemonSet', 'one per node'), line: 20, endLine: 20 }] },
    { code: documents(web('ReplicaSet', 2), data(['ReadWriteOnce'])), errors: [shared('ReadWriteOnce', 'ReplicaSet', '2 replicas')] },
    { code: documents(web('Deployment', 1), data(['ReadWriteOnce']), scaler), errors: [shared('ReadWriteOnce', 'Deployment', "1 to 4 replicas (HorizontalPodAutoscaler 'web')")] },
    {
      // A claim mounted twice is reported once.
      code: documents(web('Deployment', 2, { pod: { volumes: [DATA, { name: 'again', persistentVolumeClaim: { claimName: 'data' } }] } }), data(['ReadWriteOnce'])),
      errors: [shared('ReadWriteOnce', 'Deployment', '2 replicas')],
    },
  ],
});

describe('rwo-shared-claim severity', () => {
  it('lets a configured severity win over the per-mode levels', () => {
    const code = documents(web('StatefulSet', 2), data(['ReadWriteOncePod']));
    expect(lintText(code, { registry: [rule], rules: { 'rwo-shared-claim': 'warning' } }).findings.map((finding) => finding.severity)).toEqual(['warning']);
  });
});
