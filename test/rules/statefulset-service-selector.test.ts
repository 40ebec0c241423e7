import rule from '../../rules/statefulset-service-selector/index.js';
import { RuleTester } from '../../src/linter/rule-tester.js';
import { fixtureCase } from '../helpers/fixtures.js';
import { documents, service, statefulSet } from '../helpers/manifests.js';

/** A StatefulSet governed by 'nginx' with pods labelled `labels` (and selected by them unless `selector` is given). */
const governed = (labels: Record<string, unknown> = { app: 'web' }, name = 'web', selector?: unknown) =>
  statefulSet({ name, serviceName: 'nginx', labels, selector });
/** The headless Service 'nginx' with spec.selector `selector` (on line 7 of the Service; undefined: none). */
const nginx = (selector: unknown) => (selector === undefined ? service({ name: 'nginx', spec: { selector: undefined } }) : service({ name: 'nginx', selector }));
/** The Service after one StatefulSet whose pods carry a single label: its spec on line 23, its selector on 25. */
const after = (text: string) => documents(governed(), text);

const subject = "Service 'nginx' governing StatefulSet 'web'";
const missesPods = (selector: string, details: string, line: number, key: string, value: string) => ({
  messageId: 'missesPods' as const,
  data: { subject, selector, details },
  line,
  column: 5,
  endLine: line,
  endColumn: 7 + key.length + value.length,
});

new RuleTester().run('statefulset-service-selector', rule, {
  valid: [
    after(nginx({ app: 'web' })),
    documents(governed({ app: 'web', tier: 'db' }), nginx({ app: 'web' })),
    // A selector of the wrong type is the schema's finding.
    after(nginx(['app', 'web'])),
    // Two alternative examples of one run declare the same Service and StatefulSet: each file's pair is compared.
    {
      'a.yaml': after(nginx({ app: 'web' })),
      'b.yaml': documents(governed({ 'app.kubernetes.io/name': 'web' }), nginx({ 'app.kubernetes.io/name': 'web' })),
    },
    // No StatefulSet names the Service.
    nginx({ app: 'other' }),
    // An ExternalName Service is statefulset-service-not-headless's finding.
    after(service({ name: 'nginx', spec: { clusterIP: undefined, selector: undefined, type: 'ExternalName', externalName: 'db.example.com' } })),
    // A StatefulSet whose own selector misses its template is rejected: selector-label-mismatch reports it.
    documents(governed({ app: 'web' }, 'web', { matchLabels: { app: 'api' } }), nginx({ app: 'api' })),
  ].map((code) => ({ code })),
  invalid: [
    {
      code: after(nginx(undefined)),
      errors: [
        {
          messageId: 'noSelector',
          message:
            "Service 'nginx' governing StatefulSet 'web' has no selector: it gets no endpoints, so DNS has no per-pod records; select the pod labels (app=web)",
          severity: 'error',
          line: 23,
          column: 1,
          endLine: 23,
          endColumn: 5,
        },
      ],
    },
    { code: after(nginx({})), errors: [{ messageId: 'noSelector', data: { subject, labels: 'app=web' }, line: 25, column: 3, endLine: 25, endColumn: 11 }] },
    {
      code: after(nginx({ app: 'nginx' })),
      errors: [
        {
          messageId: 'missesPods',
          message:
            "Service 'nginx' governing StatefulSet 'web' does not select its pods: selector app=nginx; the pods of StatefulSet 'web' (app=web) lack app=nginx; without endpoints DNS has no per-pod records",
          line: 26,
          column: 5,
          endLine: 26,
          endColumn: 15,
        },
      ],
    },
    {
      // The first unmet key is reported; the message lists every unmet requirement.
      code: after(nginx({ app: 'web', tier: 'db', zone: 'a' })),
      errors: [missesPods('app=web, tier=db, zone=a', "the pods of StatefulSet 'web' (app=web) lack tier=db, zone=a", 27, 'tier', 'db')],
    },
    {
      // Non-string selector values never match.
      code: documents(governed({ app: '1' }), nginx({ app: 1 })),
      errors: [missesPods('app=1', "the pods of StatefulSet 'web' (app=1) lack app=1", 26, 'app', '1')],
    },
    {
      // Two StatefulSets share the Service; only the one it misses is named as missed.
      code: documents(governed({ app: 'web' }), governed({ app: 'api' }, 'api'), nginx({ app: 'web' })),
      errors: [
        {
          messageId: 'missesPods',
          data: { subject: "Service 'nginx' governing StatefulSets 'web', 'api'", selector: 'app=web', details: "the pods of StatefulSet 'api' (app=api) lack app=web" },
          line: 44,
          column: 5,
          endLine: 44,
          endColumn: 13,
        },
      ],
    },
    // The governing Service is checked when the StatefulSet is in another file of the run.
    fixtureCase('fixtures/rules/statefulset-service-selector', 'statefulset-service-selector'),
  ],
});
