import rule from '../../rules/statefulset-service-name/index.js';
import { RuleTester } from '../../src/linter/rule-tester.js';
import { deployment, statefulSet } from '../helpers/manifests.js';

/** The StatefulSet 'web' with `serviceName` on line 6 (undefined: none, and `spec` on line 5). */
const web = (serviceName: unknown, apiVersion?: string) => statefulSet({ apiVersion, spec: { serviceName } });
const versions = (kubernetesVersion: string) => ({ lintOptions: { kubernetesVersion } });
const data = (version = '1.36') => ({ name: 'web', namespace: 'default', version });
const atSpec = { line: 5, column: 1, endLine: 5, endColumn: 5 };
const atServiceName = (written: string) => ({ line: 6, column: 3, endLine: 6, endColumn: 3 + `serviceName: ${written}`.length });

new RuleTester().run('statefulset-service-name', rule, {
  valid: [
    web('nginx'),
    web('a-1'),
    // A custom resource that happens to be called StatefulSet.
    web(undefined, 'example.com/v1'),
    // A non-string serviceName is the schema's finding, not this rule's.
    web(42),
    'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: web\nspec: null\n',
    deployment({ replicas: 1 }),
  ],
  invalid: [
    {
      // Optional in the default (newest) version's schema: a warning.
      code: web(undefined),
      errors: [
        {
          messageId: 'missing',
          message:
            "StatefulSet 'web' has no spec.serviceName: its pods get no stable per-pod DNS name (<pod>.<service>.default.svc); name a headless Service that selects them",
          severity: 'warning',
          ...atSpec,
        },
      ],
    },
    { code: web(undefined), ...versions('1.33'), errors: [{ messageId: 'missing', data: data('1.33'), severity: 'warning', ...atSpec }] },
    {
      // Required by the schema of 1.32 and older: an error.
      code: web(undefined),
      ...versions('1.32'),
      errors: [
        {
          messageId: 'missingRequired',
          message:
            "StatefulSet 'web' has no spec.serviceName (required by the Kubernetes 1.32 API schema): its pods get no stable per-pod DNS name (<pod>.<service>.default.svc); name a headless Service that selects them",
          severity: 'error',
          ...atSpec,
        },
      ],
    },
    // Written as kubectl version prints it: read as 1.25, as --kubernetes-version v1.25 is.
    { code: web(null), ...versions('v1.25'), errors: [{ messageId: 'emptyRequired', data: data('1.25'), severity: 'error', ...atServiceName('null') }] },
    { code: web(''), errors: [{ messageId: 'empty', data: data(), severity: 'warning', ...atServiceName('""') }] },
    { code: web(''), ...versions('1.30'), errors: [{ messageId: 'emptyRequired', data: data('1.30'), severity: 'error', ...atServiceName('""') }] },
    {
      code: 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: web\nspec:\n  serviceName:\n  replicas: 1\n',
      errors: [{ messageId: 'empty', data: data(), line: 6, column: 3, endLine: 6, endColumn: 15 }],
    },
    {
      code: web('My_Service'),
      errors: [
        {
          messageId: 'notDnsLabel',
          message:
            "StatefulSet 'web' has spec.serviceName 'My_Service', which is not a DNS-1123 label (lowercase letters, digits and '-', at most 63 characters): it becomes each pod's spec.subdomain, so every pod is rejected",
          severity: 'error',
          ...atServiceName('My_Service'),
        },
      ],
    },
    { code: web('s'.repeat(64)), errors: [{ messageId: 'notDnsLabel', data: { name: 'web', serviceName: 's'.repeat(64) }, ...atServiceName('s'.repeat(64)) }] },
  ],
});
