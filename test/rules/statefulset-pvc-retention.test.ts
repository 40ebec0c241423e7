import { describe, expect, it } from 'vitest';
import rule from '../../rules/statefulset-pvc-retention/index.js';
import { lintText } from '../../src/lint.js';
import { RuleTester } from '../../src/linter/rule-tester.js';
import { statefulSet } from '../helpers/manifests.js';

/** The StatefulSet 'pg' with `policy` as its retention policy (from line 18). */
const pg = (policy?: unknown) => statefulSet({ name: 'pg', spec: { persistentVolumeClaimRetentionPolicy: policy } });
const at = (line: number, field: string) => ({ line, column: 5, endLine: line, endColumn: 13 + field.length });

// The rule is off by default: the tester turns it on.
new RuleTester().run('statefulset-pvc-retention', rule, {
  valid: [pg(), pg({ whenDeleted: 'Retain', whenScaled: 'Retain' }), pg('Delete')],
  invalid: [
    {
      code: pg({ whenDeleted: 'Delete' }),
      errors: [
        {
          messageId: 'whenDeleted',
          message:
            "StatefulSet 'pg' sets whenDeleted: Delete: deleting the StatefulSet (or re-creating it with a deploy tool) deletes the PersistentVolumeClaims of its volumeClaimTemplates, and with a Delete reclaim policy (the default for dynamically provisioned volumes) the data is gone; use Retain unless the data is disposable",
          ...at(19, 'whenDeleted'),
        },
      ],
    },
    {
      code: pg({ whenDeleted: 'Retain', whenScaled: 'Delete' }),
      errors: [
        {
          messageId: 'whenScaled',
          message:
            "StatefulSet 'pg' sets whenScaled: Delete: scaling it down deletes the PersistentVolumeClaims of the removed pods, and scaling back up starts them on empty volumes, and with a Delete reclaim policy (the default for dynamically provisioned volumes) the data is gone; use Retain unless the data is disposable",
          ...at(20, 'whenScaled'),
        },
      ],
    },
    {
      code: pg({ whenScaled: 'Delete', whenDeleted: 'Delete' }),
      errors: [
        { messageId: 'whenScaled', data: { name: 'pg' }, ...at(19, 'whenScaled') },
        { messageId: 'whenDeleted', data: { name: 'pg' }, ...at(20, 'whenDeleted') },
      ],
    },
  ],
});

describe('statefulset-pvc-retention default', () => {
  it('is off', () => {
    expect(rule.meta.severity).toBe('off');
    expect(lintText(pg({ whenDeleted: 'Delete' }), { registry: [rule] }).findings).toEqual([]);
  });
});
