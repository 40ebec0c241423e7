import { describe, it } from 'vitest';
import rule from '../../rules/statefulset-service-selector/index.js';
import { checkFixtureDir, testRule } from '../helpers/rule-tester.js';

/** A StatefulSet 'name' governed by 'nginx', with pods labelled `labels`: 14 lines with the separator. */
const statefulSet = (labels = 'app: web', name = 'web', selector = '') => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: ${name}
spec:
  serviceName: nginx
  selector:
    matchLabels: ${selector || `{ ${labels} }`}
  template:
    metadata:
      labels: { ${labels} }
    spec:
      containers: [{ name: app, image: nginx }]
---
`;

/** A headless Service 'nginx' whose spec continues with `rest` (from line 7 of the Service). */
const service = (rest: string) => `apiVersion: v1
kind: Service
metadata:
  name: nginx
spec:
  clusterIP: None
${rest}`;

describe('statefulset-service-selector', () => {
  testRule(rule, {
    valid: [
      `${statefulSet()}${service('  selector:\n    app: web\n')}`,
      `${statefulSet('app: web, tier: db')}${service('  selector:\n    app: web\n')}`,
      // A selector of the wrong type is the schema's finding.
      `${statefulSet()}${service('  selector: [app, web]\n')}`,
      // Two alternative examples of one run declare the same Service and StatefulSet: each file's pair is compared.
      {
        'a.yaml': `${statefulSet('app: web')}${service('  selector:\n    app: web\n')}`,
        'b.yaml': `${statefulSet('app.kubernetes.io/name: web')}${service('  selector:\n    app.kubernetes.io/name: web\n')}`,
      },
      // No StatefulSet names the Service.
      service('  selector:\n    app: other\n'),
      // An ExternalName Service is statefulset-service-not-headless's finding.
      `${statefulSet()}apiVersion: v1\nkind: Service\nmetadata:\n  name: nginx\nspec:\n  type: ExternalName\n  externalName: db.example.com\n`,
      // A StatefulSet whose own selector misses its template is rejected: selector-label-mismatch reports it.
      `${statefulSet('app: web', 'web', '{ app: api }')}${service('  selector:\n    app: api\n')}`,
    ],
    invalid: [
      {
        code: `${statefulSet()}${service('')}`,
        errors: [
          {
            line: 19,
            column: 1,
            endLine: 19,
            endColumn: 5,
            message: "Service 'nginx' governing StatefulSet 'web' has no selector: it gets no endpoints, so DNS has no per-pod records; select the pod labels (app=web)",
          },
        ],
      },
      {
        code: `${statefulSet()}${service('  selector: {}\n')}`,
        errors: [{ line: 21, column: 3, endLine: 21, endColumn: 11, message: 'has no selector' }],
      },
      {
        code: `${statefulSet()}${service('  selector:\n    app: nginx\n')}`,
        errors: [
          {
            line: 22,
            column: 5,
            endLine: 22,
            endColumn: 15,
            message: "Service 'nginx' governing StatefulSet 'web' does not select its pods: selector app=nginx; the pods of StatefulSet 'web' (app=web) lack app=nginx",
          },
        ],
      },
      {
        // The first unmet key is reported; the message lists every unmet requirement.
        code: `${statefulSet()}${service('  selector:\n    app: web\n    tier: db\n    zone: a\n')}`,
        errors: [{ line: 23, column: 5, endLine: 23, endColumn: 13, message: 'lack tier=db, zone=a' }],
      },
      {
        // Non-string selector values never match.
        code: `${statefulSet('app: "1"')}${service('  selector:\n    app: 1\n')}`,
        errors: [{ line: 22, column: 5, endLine: 22, endColumn: 11, message: 'lack app=1' }],
      },
      {
        // Two StatefulSets share the Service; only the one it misses is named as missed.
        code: `${statefulSet('app: web')}${statefulSet('app: api', 'api')}${service('  selector:\n    app: web\n')}`,
        errors: [{ line: 36, column: 5, endLine: 36, endColumn: 13, message: "governing StatefulSets 'web', 'api' does not select its pods: selector app=web; the pods of StatefulSet 'api' (app=api) lack app=web" }],
      },
    ],
  });

  it('checks a governing Service declared in another file', () => {
    checkFixtureDir('fixtures/rules/statefulset-service-selector', rule);
  });
});
