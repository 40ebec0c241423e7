import { describe, expect, it } from 'vitest';
import rule from '../../rules/pdb-policy/index.js';
import { lintText } from '../../src/lint.js';
import { RuleTester } from '../../src/linter/rule-tester.js';
import { pdb } from '../helpers/manifests.js';

/** The budget 'zk-pdb' whose spec starts (line 6) with the fields of `budget`. */
const budget = (fields: Record<string, unknown>) => pdb({ name: 'zk-pdb', budget: fields, selector: { matchLabels: { app: 'zk' } } });
const neither = { messageId: 'neither' as const, data: { name: 'zk-pdb' }, severity: 'warning' as const, line: 5, column: 1, endLine: 5, endColumn: 5 };

new RuleTester().run('pdb-policy', rule, {
  valid: [budget({ maxUnavailable: 1 }), budget({ minAvailable: '50%' }), budget({ minAvailable: 0 }), budget({ maxUnavailable: 1, minAvailable: null })],
  invalid: [
    {
      code: budget({ minAvailable: 2, maxUnavailable: 1 }),
      errors: [
        {
          messageId: 'both',
          message: "PodDisruptionBudget 'zk-pdb' sets both minAvailable (2) and maxUnavailable (1); the API server rejects it: keep one",
          severity: 'error',
          line: 7,
          column: 3,
          endLine: 7,
          endColumn: 20,
        },
      ],
    },
    {
      // Reported on the field written last.
      code: budget({ maxUnavailable: 0, minAvailable: '100%' }),
      errors: [{ messageId: 'both', data: { name: 'zk-pdb', minAvailable: '100%', maxUnavailable: 0 }, severity: 'error', line: 7, column: 3, endLine: 7, endColumn: 21 }],
    },
    {
      code: budget({}),
      errors: [
        {
          ...neither,
          message:
            "PodDisruptionBudget 'zk-pdb' sets neither minAvailable nor maxUnavailable: the disruption controller then expects no pods and allows no eviction of the pods it selects; set maxUnavailable: 1 or a minAvailable below the replica count",
        },
      ],
    },
    { code: budget({ minAvailable: null }), errors: [neither] },
    {
      code: 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: x\n',
      errors: [{ messageId: 'neither', data: { name: 'x' }, severity: 'warning', line: 2, column: 1, endLine: 2, endColumn: 26 }],
    },
  ],
});

describe('pdb-policy severity', () => {
  it('lets a configured severity win over the per-finding warning', () => {
    const [finding] = lintText(budget({}), { registry: [rule], rules: { 'pdb-policy': 'error' } }).findings;
    expect(finding).toMatchObject({ messageId: 'neither', severity: 'error' });
  });
});
