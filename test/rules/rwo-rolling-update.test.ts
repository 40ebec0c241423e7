import rule from '../../rules/rwo-rolling-update/index.js';
import { RuleTester } from '../../src/linter/rule-tester.js';
import { claim, deployment, documents } from '../helpers/manifests.js';

/** A Deployment 'mysql' mounting the claim 'mysql-data' (claimName on line 20); `strategy` follows its template. */
const mysql = (strategy?: unknown, replicas?: unknown) =>
  deployment({
    name: 'mysql',
    replicas,
    pod: { volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'mysql-data' } }] },
    spec: { strategy },
  });
const data = (mode: string) => claim({ name: 'mysql-data', accessModes: [mode] });

new RuleTester().run('rwo-rolling-update', rule, {
  valid: [
    documents(mysql({ type: 'Recreate' }), data('ReadWriteOnce')),
    documents(mysql(), data('ReadWriteMany')),
    mysql(),
    documents(mysql({ rollingUpdate: { maxSurge: 0, maxUnavailable: 1 } }), data('ReadWriteOnce')),
    documents(mysql({ type: 'RollingUpdate', rollingUpdate: { maxSurge: '0%' } }), data('ReadWriteOncePod')),
    // More than one replica: rwo-shared-claim reports the shared claim.
    documents(mysql(undefined, 2), data('ReadWriteOnce')),
    documents(mysql(undefined, 'x'), data('ReadWriteOnce')),
    documents(mysql('Recreate'), data('ReadWriteOnce')),
  ],
  invalid: [
    {
      // No strategy: reported on the claim's volume.
      code: documents(mysql(), data('ReadWriteOnce')),
      errors: [
        {
          messageId: 'defaultRollingUpdate',
          message:
            "Deployment 'mysql' uses the RollingUpdate strategy (the default) with ReadWriteOnce PersistentVolumeClaim 'mysql-data': the new pod cannot use the volume while the old pod holds it (Multi-Attach error when it lands on another node), so rollouts hang; set strategy.type: Recreate or run it as a StatefulSet",
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
          data: { name: 'mysql', claims: "ReadWriteOncePod PersistentVolumeClaim 'mysql-data'" },
          line: 23,
          column: 5,
          endLine: 23,
          endColumn: 24,
        },
      ],
    },
    {
      // A strategy without a type: reported on strategy.type's closest parent.
      code: documents(mysql({ rollingUpdate: { maxSurge: 1 } }), data('ReadWriteOnce')),
      errors: [{ messageId: 'defaultRollingUpdate', data: { name: 'mysql', claims: "ReadWriteOnce PersistentVolumeClaim 'mysql-data'" }, line: 21, column: 3, endLine: 21, endColumn: 11 }],
    },
  ],
});
