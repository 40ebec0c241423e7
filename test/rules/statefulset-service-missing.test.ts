import rule from '../../rules/statefulset-service-missing/index.js';
import { RuleTester } from '../../src/linter/rule-tester.js';
import { fixtureCase } from '../helpers/fixtures.js';
import { documents, service, statefulSet } from '../helpers/manifests.js';

/** The StatefulSet 'web' naming `serviceName` (on line 6, 7 with a namespace). */
const web = (serviceName: unknown, namespace?: string) => statefulSet({ serviceName, namespace });
const nginx = (namespace?: string, apiVersion?: string) => service({ name: 'nginx', namespace, apiVersion });
const atServiceName = (line = 6) => ({ line, column: 3, endLine: line, endColumn: 21 });

new RuleTester().run('statefulset-service-missing', rule, {
  valid: [
    documents(web('nginx'), nginx()),
    // Namespaces compare after defaulting.
    documents(web('nginx'), nginx('default')),
    documents(web('nginx', 'default'), nginx()),
    documents(web('nginx', 'shop'), nginx('shop')),
    // statefulset-service-name reports a missing, empty or invalid serviceName.
    statefulSet({ spec: { serviceName: undefined } }),
    web(''),
    web('Not_A_Label'),
  ],
  invalid: [
    {
      code: web('nginx'),
      errors: [
        {
          messageId: 'missing',
          message:
            "StatefulSet 'web' names Service 'nginx', which is not declared in namespace 'default': its pods get no per-pod DNS records; add a headless Service (clusterIP: None) of that name that selects the pods",
          ...atServiceName(),
        },
      ],
    },
    {
      code: documents(web('nginx'), nginx('shop'), nginx('web')),
      errors: [
        {
          messageId: 'otherNamespace',
          message:
            "StatefulSet 'web' names Service 'nginx', which is not declared in namespace 'default': its pods get no per-pod DNS records; a Service 'nginx' exists in namespace 'shop', 'web', but the governing Service must be in the StatefulSet's namespace",
          ...atServiceName(),
        },
      ],
    },
    {
      code: documents(web('nginx', 'shop'), nginx()),
      errors: [{ messageId: 'otherNamespace', data: { name: 'web', service: 'nginx', namespace: 'shop', namespaces: "'default'" }, ...atServiceName(7) }],
    },
    {
      // A Knative Service is not a core Service.
      code: documents(web('nginx'), nginx(undefined, 'serving.knative.dev/v1')),
      errors: [{ messageId: 'missing', data: { name: 'web', service: 'nginx', namespace: 'default' }, ...atServiceName() }],
    },
    { code: documents(web('other'), nginx()), errors: [{ messageId: 'missing', data: { name: 'web', service: 'other', namespace: 'default' }, ...atServiceName() }] },
    // The governing Service is looked up in the other files of the run.
    fixtureCase('fixtures/rules/statefulset-service-missing', 'statefulset-service-missing'),
  ],
});
