import rule from '../../rules/rwo-rolling-update/index.js';
import { RuleTester } from '../../src/linter/rule-tester.js';
import { claim, deployment, documents, hpa } from '../helpers/manifests.js';

/**
 * A Deployment 'mysql' mounting the claim 'mysql-data' (claimName on line 20, 21 with `replicas`); `strategy` follows
 * its template (line 21, or 22 with `replicas`).
 */
const mysql = (strategy?: unknown, replicas?: unknown, apiVersion?: string) =>
  deployment({
    name: 'mysql',
    replicas,
    apiVersion,
    pod: { volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'mysql-data' } }] },
    spec: { strategy },
  });
const data = (mode: string) => claim({ name: 'mysql-data', accessModes: [mode] });
const rwo = (strategy?: unknown, replicas?: unknown, apiVersion?: string) => documents(mysql(strategy, replicas, apiVersion), data('ReadWriteOnce'));
const claims = "ReadWriteOnce PersistentVolumeClaim 'mysql-data'";
/** The `maxUnavailable: <value>` key on line 26 of a one-replica Deployment whose rollingUpdate sets maxSurge first. */
const atMaxUnavailable = (value: string) => ({ line: 26, column: 7, endLine: 26, endColumn: 23 + value.length });

new RuleTester().run('rwo-rolling-update', rule, {
  valid: [
    rwo({ type: 'Recreate' }),
    documents(mysql(), data('ReadWriteMany')),
    // The claim is not declared: its access mode is unknown.
    mysql(),
    // maxUnavailable comes to 1 pod: the old pod is stopped at once and releases the volume.
    rwo({ type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 1 } }, 1),
    rwo({ rollingUpdate: { maxUnavailable: '100%' } }),
    // maxSurge 0: the old pod goes first (maxUnavailable 25% of 1 rounds down to 0, and the controller makes it 1).
    rwo({ rollingUpdate: { maxSurge: 0, maxUnavailable: 1 } }),
    documents(mysql({ type: 'RollingUpdate', rollingUpdate: { maxSurge: '0%' } }), data('ReadWriteOncePod')),
    // Both 0: API validation refuses the Deployment.
    rwo({ rollingUpdate: { maxSurge: 0, maxUnavailable: '0%' } }),
    // Values API validation refuses.
    rwo({ rollingUpdate: { maxUnavailable: '-1' } }),
    rwo({ rollingUpdate: { maxUnavailable: 0.5 } }),
    rwo({ rollingUpdate: { maxSurge: 'one' } }),
    // extensions/v1beta1 defaults maxUnavailable and maxSurge to 1.
    rwo(undefined, undefined, 'extensions/v1beta1'),
    // More than one replica: rwo-shared-claim reports the shared claim. None: nothing rolls out.
    rwo(undefined, 2),
    rwo(undefined, 0),
    documents(rwo(), hpa({ name: 'mysql', target: { kind: 'Deployment', name: 'mysql' }, spec: { maxReplicas: 3 } })),
    rwo(undefined, 'x'),
    rwo('Recreate'),
  ],
  invalid: [
    {
      // No strategy: reported on the claim's volume.
      code: rwo(),
      errors: [
        {
          messageId: 'defaultRollingUpdate',
          message:
            "Deployment 'mysql' mounts ReadWriteOnce PersistentVolumeClaim 'mysql-data' and rolls out with RollingUpdate (the default), whose maxUnavailable 25% (the default) comes to 0 pods of 1 replica (the Deployment controller rounds it down), so the old pod keeps the volume until the new pod is ready, and the new pod cannot use it while the old one holds it (Multi-Attach error when it lands on another node): the rollout hangs; set rollingUpdate.maxUnavailable: 1 or strategy.type: Recreate, or run it as a StatefulSet",
          severity: 'warning',
          line: 20,
          column: 13,
          endLine: 20,
          endColumn: 34,
        },
      ],
    },
    {
      code: documents(mysql({ type: 'RollingUpdate' }, 1), data('ReadWriteOncePod')),
      errors: [
        {
          messageId: 'rollingUpdate',
          data: { name: 'mysql', maxUnavailable: '25% (the default)', claims: "ReadWriteOncePod PersistentVolumeClaim 'mysql-data'" },
          line: 23,
          column: 5,
          endLine: 23,
          endColumn: 24,
        },
      ],
    },
    {
      // A strategy without a type or maxUnavailable: reported on strategy.type's closest parent.
      code: rwo({ rollingUpdate: { maxSurge: 1 } }),
      errors: [{ messageId: 'defaultRollingUpdate', data: { name: 'mysql', maxUnavailable: '25% (the default)', claims }, line: 21, column: 3, endLine: 21, endColumn: 11 }],
    },
    // Any percentage below 100% of one replica rounds down to 0 pods.
    {
      code: rwo({ type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: '50%' } }, 1),
      errors: [{ messageId: 'rollingUpdate', data: { name: 'mysql', maxUnavailable: '50%', claims }, ...atMaxUnavailable('50%') }],
    },
    {
      code: rwo({ type: 'RollingUpdate', rollingUpdate: { maxSurge: '1%', maxUnavailable: '99%' } }, 1),
      errors: [{ messageId: 'rollingUpdate', data: { name: 'mysql', maxUnavailable: '99%', claims }, ...atMaxUnavailable('99%') }],
    },
    {
      code: rwo({ type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 0 } }, 1),
      errors: [{ messageId: 'rollingUpdate', data: { name: 'mysql', maxUnavailable: '0', claims }, ...atMaxUnavailable('0') }],
    },
    {
      // extensions/v1beta1: maxSurge defaults to 1, so maxUnavailable 0 keeps the old pod.
      code: rwo({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0 } }, 1, 'extensions/v1beta1'),
      errors: [{ messageId: 'rollingUpdate', data: { name: 'mysql', maxUnavailable: '0', claims }, line: 25, column: 7, endLine: 25, endColumn: 24 }],
    },
    {
      // An autoscaler that keeps it at one replica.
      code: documents(rwo(undefined, 1), hpa({ name: 'mysql', target: { kind: 'Deployment', name: 'mysql' }, spec: { minReplicas: 1, maxReplicas: 1 } })),
      errors: [{ messageId: 'defaultRollingUpdate', data: { name: 'mysql', maxUnavailable: '25% (the default)', claims }, line: 21, column: 13, endLine: 21, endColumn: 34 }],
    },
  ],
});
