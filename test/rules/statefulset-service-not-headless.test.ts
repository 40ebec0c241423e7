import rule from '../../rules/statefulset-service-not-headless/index.js';
import { RuleTester } from '../../src/linter/rule-tester.js';
import { fixtureCase } from '../helpers/fixtures.js';
import { documents, service, statefulSet } from '../helpers/manifests.js';

/** A StatefulSet governed by 'nginx': 17 lines, 18 with a namespace. */
const governed = (name = 'web', namespace?: string) => statefulSet({ name, namespace, serviceName: 'nginx' });
/** The Service 'nginx' whose spec (line 5, 6 with a namespace) is exactly `spec`. */
const nginx = (spec: Record<string, unknown>, namespace?: string) => service({ name: 'nginx', namespace, spec: { clusterIP: undefined, selector: undefined, ...spec } });
/** A document of the Service after one StatefulSet: its spec on line 23. */
const after = (...texts: string[]) => documents(governed(), ...texts);

const subject = "Service 'nginx' governing StatefulSet 'web'";
const notHeadless = (clusterIP: string, at: { line: number; column: number; endLine: number; endColumn: number }, namespace = 'default') => ({
  messageId: 'notHeadless' as const,
  data: { subject, clusterIP, service: 'nginx', namespace },
  ...at,
});
const atClusterIP = (written: string, line = 24) => ({ line, column: 3, endLine: line, endColumn: 3 + `clusterIP: ${written}`.length });
const atSpec = { line: 23, column: 1, endLine: 23, endColumn: 5 };

new RuleTester().run('statefulset-service-not-headless', rule, {
  valid: [
    after(nginx({ clusterIP: 'None' })),
    after(nginx({ clusterIPs: ['None'] })),
    // No StatefulSet names the Service.
    nginx({ clusterIP: '10.0.0.1' }),
    // Near miss: the StatefulSet naming 'nginx' lives in another namespace.
    documents(governed('web', 'shop'), nginx({ clusterIP: '10.0.0.1' })),
    // A StatefulSet custom resource does not govern Services.
    documents(statefulSet({ apiVersion: 'example.com/v1', serviceName: 'nginx' }), nginx({ type: 'ClusterIP' })),
    // A spec of the wrong type is the schema's finding.
    after('apiVersion: v1\nkind: Service\nmetadata:\n  name: nginx\nspec: [clusterIP]\n'),
    // A Knative Service is not a core Service.
    after(service({ name: 'nginx', apiVersion: 'serving.knative.dev/v1', spec: { clusterIP: undefined, selector: undefined } })),
  ],
  invalid: [
    {
      code: after(nginx({ clusterIP: '10.0.0.1' })),
      errors: [
        {
          messageId: 'notHeadless',
          message:
            "Service 'nginx' governing StatefulSet 'web' is not headless (clusterIP: 10.0.0.1); cluster DNS publishes per-pod names (<pod>.nginx.default.svc) only for a headless Service: set clusterIP: None",
          severity: 'error',
          ...atClusterIP('10.0.0.1'),
        },
      ],
    },
    { code: after(nginx({ ports: [{ port: 80 }] })), errors: [notHeadless('no clusterIP, so it gets a virtual IP', atSpec)] },
    { code: after(nginx({ clusterIP: '' })), errors: [notHeadless('clusterIP: ', atClusterIP('""'))] },
    { code: after(nginx({ clusterIPs: ['10.0.0.3'] })), errors: [notHeadless('clusterIP: 10.0.0.3', { line: 25, column: 7, endLine: 25, endColumn: 15 })] },
    {
      code: after(nginx({ type: 'NodePort' })),
      errors: [
        {
          messageId: 'typeNotHeadless',
          message:
            "Service 'nginx' governing StatefulSet 'web' is not headless (no clusterIP, so it gets a virtual IP); cluster DNS publishes per-pod names (<pod>.nginx.default.svc) only for a headless Service: a NodePort Service cannot be headless: add a separate headless Service and name it in serviceName",
          ...atSpec,
        },
      ],
    },
    {
      code: after(nginx({ type: 'ExternalName', externalName: 'db.example.com' })),
      errors: [
        {
          messageId: 'externalName',
          message:
            "Service 'nginx' governing StatefulSet 'web' is of type ExternalName: DNS answers a CNAME to 'db.example.com', never per-pod records; use a Service with clusterIP: None that selects the pods",
          line: 24,
          column: 3,
          endLine: 24,
          endColumn: 21,
        },
      ],
    },
    {
      code: after(nginx({ type: 'ExternalName' })),
      errors: [{ messageId: 'externalNameUnset', data: { subject }, line: 24, column: 3, endLine: 24, endColumn: 21 }],
    },
    {
      // Two StatefulSets share the Service: one finding names both.
      code: documents(governed('web'), governed('api'), nginx({ clusterIP: '10.0.0.1' })),
      errors: [
        {
          messageId: 'notHeadless',
          data: { subject: "Service 'nginx' governing StatefulSets 'web', 'api'", clusterIP: 'clusterIP: 10.0.0.1', service: 'nginx', namespace: 'default' },
          ...atClusterIP('10.0.0.1', 42),
        },
      ],
    },
    {
      // The run declares StatefulSet 'web' twice: it is named once.
      code: { 'a.yaml': after(nginx({ clusterIP: '10.0.0.1' })), 'b.yaml': governed() },
      errors: [{ ...notHeadless('clusterIP: 10.0.0.1', atClusterIP('10.0.0.1')), file: 'a.yaml' }],
    },
    {
      code: documents(governed('web', 'shop'), nginx({ clusterIP: '10.0.0.1' }, 'shop')),
      errors: [notHeadless('clusterIP: 10.0.0.1', atClusterIP('10.0.0.1', 26), 'shop')],
    },
    {
      code: after('apiVersion: v1\nkind: Service\nmetadata:\n  name: nginx\nspec: null\n'),
      errors: [notHeadless('no clusterIP, so it gets a virtual IP', { line: 23, column: 1, endLine: 23, endColumn: 11 })],
    },
    // The governing Service is reported when the StatefulSet is in another file of the run.
    fixtureCase('fixtures/rules/statefulset-service-not-headless', 'statefulset-service-not-headless'),
  ],
});
