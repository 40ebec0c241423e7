import { describe, expect, it } from 'vitest';
import rule from '../../rules/pdb-policy/index.js';
import { runRule, testRule } from '../helpers/rule-tester.js';

const pdb = (budget: string) => `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: zk-pdb
spec:
${budget}  selector:
    matchLabels:
      app: zk
`;

describe('pdb-policy', () => {
  testRule(rule, {
    valid: [
      pdb('  maxUnavailable: 1\n'),
      pdb('  minAvailable: "50%"\n'),
      pdb('  minAvailable: 0\n'),
      pdb('  maxUnavailable: 1\n  minAvailable: null\n'),
    ],
    invalid: [
      {
        code: pdb('  minAvailable: 2\n  maxUnavailable: 1\n'),
        errors: [
          {
            line: 7,
            column: 3,
            endLine: 7,
            endColumn: 20,
            severity: 2,
            message: "PodDisruptionBudget 'zk-pdb' sets both minAvailable (2) and maxUnavailable (1); the API server rejects it",
          },
        ],
      },
      {
        code: pdb('  maxUnavailable: 0\n  minAvailable: "100%"\n'),
        errors: [{ line: 7, column: 3, endLine: 7, endColumn: 23, severity: 2, message: 'minAvailable (100%) and maxUnavailable (0)' }],
      },
      {
        code: pdb(''),
        errors: [{ line: 5, column: 1, endLine: 5, endColumn: 5, severity: 1, message: "PodDisruptionBudget 'zk-pdb' sets neither minAvailable nor maxUnavailable" }],
      },
      {
        code: pdb('  minAvailable: ~\n'),
        errors: [{ line: 5, column: 1, endLine: 5, endColumn: 5, severity: 1 }],
      },
      {
        code: 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: x\n',
        errors: [{ line: 2, column: 1, endLine: 2, endColumn: 26, severity: 1 }],
      },
    ],
  });

  it('lets a configured severity win over the per-finding warning', () => {
    const [finding] = runRule(rule, pdb(''), { rules: { 'pdb-policy': 'error' } });
    expect(finding.severity).toBe(2);
  });
});
