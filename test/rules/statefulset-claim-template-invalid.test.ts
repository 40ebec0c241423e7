import rule from '../../rules/statefulset-claim-template-invalid/index.js';
import { RuleTester } from '../../src/linter/rule-tester.js';
import { statefulSet } from '../helpers/manifests.js';

/** A StatefulSet 'web' with the claim templates `templates` (from line 18: `- metadata:` on 19, its spec on 21). */
const withTemplates = (templates: unknown) => statefulSet({ spec: { volumeClaimTemplates: templates } });
/** One claim template 'data' whose spec is `spec`. */
const withClaimSpec = (spec: unknown) => withTemplates([{ metadata: { name: 'data' }, spec }]);
const requesting = (storage: unknown, accessModes: unknown = ['ReadWriteOnce']) => withClaimSpec({ accessModes, resources: { requests: { storage } } });

const data = { claim: "'data'", name: 'web' };
const REJECTED = 'the PersistentVolumeClaim of every pod is rejected, so no pod starts';
/** Where the problems of 'data' are reported: its spec (line 21), accessModes (22) and, after one access mode, storage. */
const atSpec = { line: 21, column: 7, endLine: 21, endColumn: 11 };
const atStorage = (written: string) => ({ line: 26, column: 13, endLine: 26, endColumn: 13 + `storage: ${written}`.length });

new RuleTester().run('statefulset-claim-template-invalid', rule, {
  valid: [
    requesting('10Gi'),
    requesting('1.5Gi'),
    requesting('500M'),
    requesting(1e9),
    requesting(1073741824),
    requesting('10Gi', ['ReadWriteOncePod']),
    requesting('10Gi', ['ReadWriteMany', 'ReadOnlyMany']),
    // Odd shapes are the schema's findings, and skipped here.
    requesting('10Gi', 'ReadWriteOnce'),
    withClaimSpec([{ accessModes: ['ReadWriteOnce'] }]),
    withTemplates([null, 'x']),
    withTemplates({}),
    'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: web\nspec: null\n',
  ],
  invalid: [
    {
      code: withClaimSpec({ resources: { requests: { storage: '10Gi' } } }),
      errors: [
        {
          messageId: 'noAccessModes',
          message: `Claim template 'data' of StatefulSet 'web' has no accessModes: ${REJECTED} (at least 1 access mode is required)`,
          ...atSpec,
        },
      ],
    },
    { code: requesting('10Gi', []), errors: [{ messageId: 'noAccessModes', data, line: 22, column: 9, endLine: 22, endColumn: 20 }] },
    {
      code: requesting('10Gi', ['ReadWriteOnce', 'ReadWriteOnly']),
      errors: [
        {
          messageId: 'unknownAccessMode',
          message: `Claim template 'data' of StatefulSet 'web' has access mode 'ReadWriteOnly', which is not one of ReadWriteOnce, ReadOnlyMany, ReadWriteMany, ReadWriteOncePod: ${REJECTED}`,
          line: 24,
          column: 13,
          endLine: 24,
          endColumn: 26,
        },
      ],
    },
    {
      code: requesting('10GB'),
      errors: [
        {
          messageId: 'notQuantity',
          message: `Claim template 'data' of StatefulSet 'web' requests storage "10GB", which is not a Kubernetes quantity (e.g. 10Gi, 500M): ${REJECTED}`,
          ...atStorage('10GB'),
        },
      ],
    },
    { code: requesting(0), errors: [{ messageId: 'notPositive', data: { ...data, storage: '0' }, ...atStorage('0') }] },
    { code: requesting('-1Gi'), errors: [{ messageId: 'notPositive', data: { ...data, storage: '"-1Gi"' }, ...atStorage('-1Gi') }] },
    { code: requesting(true), errors: [{ messageId: 'notQuantity', data: { ...data, storage: 'true' }, ...atStorage('true') }] },
    { code: withClaimSpec({ accessModes: ['ReadWriteOnce'] }), errors: [{ messageId: 'noStorage', data, ...atSpec }] },
    {
      // Reported on the closest key there is: resources, or requests.
      code: withClaimSpec({ accessModes: ['ReadWriteOnce'], resources: { limits: { storage: '1Gi' } } }),
      errors: [{ messageId: 'noStorage', message: `Claim template 'data' of StatefulSet 'web' has no resources.requests.storage: ${REJECTED}`, line: 24, column: 9, endLine: 24, endColumn: 18 }],
    },
    { code: withClaimSpec({ accessModes: ['ReadWriteOnce'], resources: { requests: { cpu: 1 } } }), errors: [{ messageId: 'noStorage', data, line: 25, column: 11, endLine: 25, endColumn: 19 }] },
    {
      // Two causes, two findings.
      code: withClaimSpec({ accessModes: [], resources: {} }),
      errors: [
        { messageId: 'noAccessModes', data, line: 22, column: 9, endLine: 22, endColumn: 20 },
        { messageId: 'noStorage', data, line: 23, column: 9, endLine: 23, endColumn: 18 },
      ],
    },
    {
      code: withTemplates([{ metadata: { name: 'data' } }]),
      errors: [
        {
          messageId: 'noSpec',
          message: `Claim template 'data' of StatefulSet 'web' has no spec: ${REJECTED} (accessModes and resources.requests.storage are required)`,
          line: 19,
          column: 7,
          endLine: 19,
          endColumn: 15,
        },
      ],
    },
    {
      code: withTemplates([{ metadata: {}, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }]),
      errors: [
        {
          messageId: 'noName',
          message:
            "Claim template volumeClaimTemplates[0] of StatefulSet 'web' has no metadata.name: no container can mount it and the controller cannot name its PersistentVolumeClaims",
          line: 19,
          column: 7,
          endLine: 19,
          endColumn: 15,
        },
      ],
    },
  ],
});
