import rule from '../../rules/statefulset-claim-name-too-long/index.js';
import { RuleTester } from '../../src/linter/rule-tester.js';
import { statefulSet, type WorkloadOptions } from '../helpers/manifests.js';

/**
 * A StatefulSet (default 'web', 3 replicas) with claim templates named `claims`: the first name on line 21, the next
 * ones every second line.
 */
const withClaims = (claims: string[], options: WorkloadOptions = {}) =>
  statefulSet({ replicas: 3, ...options, spec: { ...options.spec, volumeClaimTemplates: claims.map((claim) => ({ metadata: { name: claim } })) } });

/** The name of the claim template on `line`: 9 columns in, `name: ` and the name. */
const at = (line: number, claim: string) => ({ line, column: 9, endLine: line, endColumn: 15 + claim.length });

new RuleTester().run('statefulset-claim-name-too-long', rule, {
  valid: [
    withClaims(['data', 'wal-1']),
    // The longest valid combination: 63-character claim, 63-character StatefulSet.
    withClaims(['c'.repeat(63)], { name: 's'.repeat(63), replicas: 1 }),
    // An invalid StatefulSet name is rejected with the StatefulSet: not this rule's finding.
    withClaims(['data'], { name: 'Web' }),
    // A template without a name is statefulset-claim-template-invalid's finding.
    statefulSet({ spec: { volumeClaimTemplates: [{ spec: {} }] } }),
    withClaims(['data'], { replicas: 'many' }),
  ],
  invalid: [
    {
      code: withClaims(['Data']),
      errors: [
        {
          messageId: 'notSubdomain',
          message:
            "Claim template 'Data' of StatefulSet 'web' generates PersistentVolumeClaim names like 'Data-web-2' (ordinal 2), which is not a valid DNS subdomain (lowercase letters, digits, '-' and '.', starting and ending with a letter or digit): the claim is rejected, so the pod never starts",
          ...at(21, 'Data'),
        },
      ],
    },
    {
      code: withClaims(['data', 'my_data']),
      errors: [{ messageId: 'notSubdomain', data: { claim: 'my_data', name: 'web', generated: 'my_data-web-2', ordinal: 2 }, ...at(23, 'my_data') }],
    },
    {
      // 240 + '-web-' + 10 digits = 255 > 253.
      code: withClaims(['c'.repeat(240)], { replicas: undefined, spec: { ordinals: { start: 1000000000 } } }),
      errors: [
        {
          messageId: 'tooLong',
          message: `Claim template '${'c'.repeat(240)}' of StatefulSet 'web' generates PersistentVolumeClaim names like '${'c'.repeat(40)}…${'c'.repeat(15)}-web-1000000000' (ordinal 1000000000), which is 255 > 253 characters: the claim is rejected, so the pod never starts`,
          ...at(22, 'c'.repeat(240)),
        },
      ],
    },
    {
      // The claim name is fine as a PersistentVolumeClaim name, but it also names the pod's volume: a DNS label.
      code: withClaims(['data.v2']),
      errors: [
        {
          messageId: 'volumeName',
          message:
            "Claim template 'data.v2' of StatefulSet 'web' is also the name of the pod volume the controller adds, which must be a DNS-1123 label (at most 63 characters, no '.'): every pod is rejected",
          ...at(21, 'data.v2'),
        },
      ],
    },
    { code: withClaims(['c'.repeat(64)]), errors: [{ messageId: 'volumeName', data: { claim: 'c'.repeat(64), name: 'web' }, ...at(21, 'c'.repeat(64)) }] },
  ],
});
