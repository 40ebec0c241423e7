import { describe, expect, it } from 'vitest';
import rule from '../../rules/statefulset-pvc-retention/index.js';
import { runRule, testRule } from '../helpers/rule-tester.js';

const statefulSet = (policy: string) => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: pg
spec:
  serviceName: pg
${policy}  selector:
    matchLabels:
      app: pg
  template:
    metadata:
      labels:
        app: pg
    spec:
      containers:
      - name: pg
        image: postgres:16
`;

// The rule is off by default: the cases turn it on.
const on = { rules: { 'statefulset-pvc-retention': 'warning' as const } };

describe('statefulset-pvc-retention', () => {
  testRule(rule, {
    valid: [
      { code: statefulSet(''), options: on },
      { code: statefulSet('  persistentVolumeClaimRetentionPolicy:\n    whenDeleted: Retain\n    whenScaled: Retain\n'), options: on },
      { code: statefulSet('  persistentVolumeClaimRetentionPolicy: Delete\n'), options: on },
    ],
    invalid: [
      {
        code: statefulSet('  persistentVolumeClaimRetentionPolicy:\n    whenDeleted: Delete\n'),
        options: on,
        errors: [
          {
            line: 8,
            column: 5,
            endLine: 8,
            endColumn: 24,
            message: "StatefulSet 'pg' sets whenDeleted: Delete: deleting the StatefulSet (or re-creating it with a deploy tool) deletes the PersistentVolumeClaims",
          },
        ],
      },
      {
        code: statefulSet('  persistentVolumeClaimRetentionPolicy:\n    whenDeleted: Retain\n    whenScaled: Delete\n'),
        options: on,
        errors: [{ line: 9, column: 5, endLine: 9, endColumn: 23, message: 'sets whenScaled: Delete: scaling it down deletes' }],
      },
      {
        code: statefulSet('  persistentVolumeClaimRetentionPolicy:\n    whenScaled: Delete\n    whenDeleted: Delete\n'),
        options: on,
        errors: [
          { line: 8, column: 5, endLine: 8, endColumn: 23, message: 'whenScaled' },
          { line: 9, column: 5, endLine: 9, endColumn: 24, message: 'whenDeleted' },
        ],
      },
    ],
  });

  it('is off by default', () => {
    expect(rule.meta.severity).toBe('off');
    expect(runRule(rule, statefulSet('  persistentVolumeClaimRetentionPolicy:\n    whenDeleted: Delete\n'))).toEqual([]);
  });
});
