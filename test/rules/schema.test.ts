import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import rule from '../../rules/schema/index.js';
import { hasSchema } from '../../src/schema/builtin.js';
import { showPath } from '../../src/schema/describe.js';
import { bundledVersion, bundledVersions, unsupportedVersion } from '../../src/schema/versions.js';
import { closestName } from '../../src/util/names.js';
import { lintSources, lintText } from '../../src/lint.js';
import { RuleTester } from '../../src/linter/rule-tester.js';
import { fixtureCase } from '../helpers/fixtures.js';
import { statefulSet, type WorkloadOptions } from '../helpers/manifests.js';

const strict = { strict: true };

const databaseCrd = (schema: string) => `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: databases.example.com
spec:
  group: example.com
  names: {kind: Database, plural: databases}
  scope: Namespaced
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
${schema}---
`;

/** A CRD of the kind Database that preserves unknown fields: `spec.replicas` is an integer, `spec.port` an int-or-string. */
const crd = databaseCrd(`          type: object
          x-kubernetes-preserve-unknown-fields: true
          properties:
            spec:
              type: object
              default: {}
              x-kubernetes-validations:
                - rule: self.replicas >= 0
              properties:
                replicas: {type: integer, default: 1}
                port: {x-kubernetes-int-or-string: true}
`).replace(/---\n$/, '');

const webhook = `apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingWebhookConfiguration
metadata:
  name: check
webhooks:
  - name: check.example.com
    admissionReviewVersions: [v1]
    sideEffects: None
    clientConfig:
      service: {name: check, namespace: default}
    rules:
      - apiGroups: [apps]
        apiVersions: [v1]
        operations: [CREATE]
        resources: [statefulsets]
        scope: Namespaced
`;

const DATABASE_SCHEMA = `          type: object
          properties:
            spec:
              type: object
              required: [engine]
              properties:
                engine: {type: string, enum: [postgres, mysql]}
                replicas: {type: integer, minimum: 1, maximum: 9}
                name: {type: string, maxLength: 5, pattern: '^[a-z]+$'}
                storage:
                  type: object
                  nullable: true
                  properties:
                    size: {x-kubernetes-int-or-string: true}
`;

/** A Database custom resource; after the 33 lines of a CRD with DATABASE_SCHEMA, its `spec:` key is on line 34. */
const database = (spec: string) => `apiVersion: example.com/v1
kind: Database
metadata:
  name: db
spec:
${spec}`;

const SCHEMA_DIR = resolve('fixtures/schema-dir');
const WIDGET = 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\nspec:\n  size: medium\n  count: 0\n';
const CERTIFICATE = 'apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata:\n  name: c\n';

/** A StatefulSet 'db' (postgres) whose spec continues with `spec` after its template (from line 18). */
const db = (spec: Record<string, unknown> = {}, options: WorkloadOptions = {}) =>
  statefulSet({ name: 'db', pod: { containers: [{ name: 'db', image: 'postgres:16' }] }, spec, ...options });

new RuleTester().run('schema', rule, {
  valid: [
    db(),
    // null counts as absent (Go's decoder), so optional fields may be null.
    db({ replicas: null, updateStrategy: null }, { metadata: { creationTimestamp: null, labels: null } }),
    // Quantity accepts numbers; IntOrString accepts both.
    db({
      volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: 1 } } } }],
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '50%' } },
    }),
    // serviceName is left to the statefulset-service-name rule; nothing under status is required.
    `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec:
      containers: [{name: db, image: postgres:16}]
status:
  replicas: 1
  conditions:
    - message: no type, no status
`,
    // An unknown field is not reported without --strict.
    db({ replica: 3 }),
    // CRDs and custom resources have no built-in schema.
    `apiVersion: example.com/v1
kind: Database
metadata:
  name: db
spec:
  replicas: "3"
  unknownField: true
`,
    { code: crd, lintOptions: strict },
    // Kinds of API versions Kubernetes 1.30 no longer serves have no schema either.
    'apiVersion: apps/v1beta1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  replicas: "3"\n',
    // Fields kubernetes-types lost are restored.
    { code: webhook, lintOptions: strict },
    // What the API server accepts in a custom resource: null for nullable fields, unknown fields without --strict, implied metadata.
    databaseCrd(DATABASE_SCHEMA) + database('  engine: mysql\n  storage: null\n  backup: daily\n').replace('  name: db', '  name: db\n  labels: {app: db}'),
    // Unknown fields are kept where the CRD preserves them, and at the root when the schema has no properties.
    { code: databaseCrd('          type: object\n          x-kubernetes-preserve-unknown-fields: true\n') + database('  anything: [1, 2]\n'), lintOptions: strict },
    // Only the served version counts.
    databaseCrd(DATABASE_SCHEMA).replace('served: true', 'served: false') + database('  engine: oracle\n'),
    // --schema-dir is read only when given.
    WIDGET,
    // Kinds without a schema are reported with --strict-kinds only, and a CRD in the run gives one.
    CERTIFICATE,
    { code: databaseCrd(DATABASE_SCHEMA) + database('  engine: mysql\n'), lintOptions: { strictKinds: true } },
  ],
  invalid: [
    {
      code: db({ replicas: '3' }),
      errors: [{ messageId: 'wrongType', message: 'spec.replicas must be a number, got string "3"; remove the quotes', line: 18, column: 3, endLine: 18, endColumn: 16 }],
    },
    {
      code: db({}, { metadata: { labels: { 'app.kubernetes.io/version': 1.0 } } }),
      errors: [
        {
          messageId: 'wrongType',
          message: 'metadata.labels["app.kubernetes.io/version"] must be a string, got number 1; quote the value so YAML reads a string',
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 33,
        },
      ],
    },
    {
      code: db({ updateStrategy: { rollingUpdate: { maxUnavailable: true } } }),
      errors: [{ messageId: 'wrongType', message: 'spec.updateStrategy.rollingUpdate.maxUnavailable must be a number or a string, got boolean true', line: 20, column: 7, endLine: 20, endColumn: 27 }],
    },
    {
      code: db({}, { pod: { containers: [{ image: 'postgres:16' }] } }),
      errors: [{ messageId: 'missingFields', message: "spec.template.spec.containers[0] is missing required field 'name'", line: 16, column: 11, endLine: 16, endColumn: 29 }],
    },
    {
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers: null\n',
      errors: [{ messageId: 'missingFields', message: "spec is missing required field 'containers' (null counts as missing)", line: 5, column: 1, endLine: 5, endColumn: 5 }],
    },
    {
      code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n',
      errors: [{ messageId: 'missingFields', message: "spec is missing required fields 'selector' and 'template'", line: 5, column: 1, endLine: 5, endColumn: 5 }],
    },
    {
      code: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: rb\nsubjects: []\n',
      errors: [{ messageId: 'missingFields', message: "RoleBinding 'rb' is missing required field 'roleRef'", line: 2, column: 1, endLine: 2, endColumn: 18 }],
    },
    {
      code: db({ podManagementPolicy: 'parallel' }),
      errors: [
        {
          messageId: 'notAllowed',
          message: "spec.podManagementPolicy must be one of OrderedReady, Parallel, got string \"parallel\"; did you mean 'Parallel'?",
          line: 18,
          column: 3,
          endLine: 18,
          endColumn: 32,
        },
      ],
    },
    {
      code: db({}, { pod: { containers: [{ name: 'db', image: 'postgres:16', ports: [{ containerPort: 5432, protocol: 'TPC' }] }] } }),
      errors: [
        {
          messageId: 'notAllowed',
          message: `spec.template.spec.containers[0].ports[0].protocol must be one of TCP, UDP, SCTP, got string "TPC"; did you mean 'TCP'?`,
          line: 20,
          column: 15,
          endLine: 20,
          endColumn: 28,
        },
      ],
    },
    {
      code: crd.replace('x-kubernetes-preserve-unknown-fields: true', 'additionalProperties: "yes"'),
      errors: [
        {
          messageId: 'noAllowedForm',
          message: 'spec.versions[0].schema.openAPIV3Schema.additionalProperties must be an object or a boolean, got string "yes"',
          line: 16,
          column: 11,
          endLine: 16,
          endColumn: 38,
        },
      ],
    },
    {
      code: db({ replica: 3 }),
      lintOptions: strict,
      errors: [{ messageId: 'unknownField', message: "spec.replica is not a known field of StatefulSetSpec; did you mean 'replicas'?", line: 18, column: 3, endLine: 18, endColumn: 13 }],
    },
    {
      code: db({}, { pod: { containers: [{ name: 'db', image: 'postgres:16', volumeMount: [{ name: 'data', mountPath: '/data' }] }] } }),
      lintOptions: strict,
      errors: [
        {
          messageId: 'unknownField',
          message: "spec.template.spec.containers[0].volumeMount is not a known field of Container; did you mean 'volumeMounts'?",
          line: 18,
          column: 11,
          endLine: 18,
          endColumn: 22,
        },
      ],
    },
    {
      code: crd.replace('port: {x-kubernetes-int-or-string: true}', 'constructor: {type: string, descriptoin: x}'),
      lintOptions: strict,
      errors: [
        {
          messageId: 'unknownField',
          message:
            "spec.versions[0].schema.openAPIV3Schema.properties.spec.properties.constructor.descriptoin is not a known field of JSONSchemaProps; did you mean 'description'?",
          line: 25,
          column: 45,
          endLine: 25,
          endColumn: 59,
        },
      ],
    },
    {
      code: db({ flavour: 'large' }),
      lintOptions: strict,
      errors: [{ messageId: 'unknownField', message: 'spec.flavour is not a known field of StatefulSetSpec', line: 18, column: 3, endLine: 18, endColumn: 17 }],
    },
    {
      name: 'points into the items of a kind: List',
      code: 'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Service\n    metadata:\n      name: db\n    spec:\n      ports:\n        - port: "5432"\n',
      errors: [{ messageId: 'wrongType', message: 'spec.ports[0].port must be a number, got string "5432"; remove the quotes', line: 10, column: 11, endLine: 10, endColumn: 23 }],
    },
    {
      name: 'reports every problem of a resource once',
      code: db({ replicas: '3', podManagementPolicy: 3, minReadySeconds: [] }),
      errors: [
        { messageId: 'wrongType', message: 'spec.replicas must be a number, got string "3"; remove the quotes', line: 18, column: 3, endLine: 18, endColumn: 16 },
        {
          messageId: 'wrongType',
          message: 'spec.podManagementPolicy must be a string, got number 3; quote the value so YAML reads a string',
          line: 19,
          column: 3,
          endLine: 19,
          endColumn: 25,
        },
        { messageId: 'wrongType', message: 'spec.minReadySeconds must be a number, got a list', line: 20, column: 3, endLine: 20, endColumn: 18 },
      ],
    },
    {
      name: 'validates a custom resource against the CRD of the same file, with positions',
      code: databaseCrd(DATABASE_SCHEMA) + database('  engine: oracle\n  replicas: "3"\n  storage:\n    size: [1]\n'),
      errors: [
        { messageId: 'notAllowed', message: 'spec.engine must be one of postgres, mysql, got string "oracle"', line: 35, column: 3, endLine: 35, endColumn: 17 },
        { messageId: 'wrongType', message: 'spec.replicas must be an integer, got string "3"', line: 36, column: 3, endLine: 36, endColumn: 16 },
        { messageId: 'noAllowedForm', message: 'spec.storage.size must be an integer or a string, got a list', line: 38, column: 5, endLine: 38, endColumn: 9 },
      ],
    },
    {
      name: 'reports missing required fields, bounds and patterns of the CRD schema',
      code: databaseCrd(DATABASE_SCHEMA) + database('  replicas: 10\n  name: Toolong\n'),
      errors: [
        { messageId: 'missingFields', message: "spec is missing required field 'engine'", line: 34, column: 1, endLine: 34, endColumn: 5 },
        { messageId: 'outOfBounds', message: 'spec.replicas must be at most 9, got number 10', line: 35, column: 3, endLine: 35, endColumn: 15 },
        { messageId: 'outOfBounds', message: 'spec.name must be at most 5 characters long, got string "Toolong"', line: 36, column: 3, endLine: 36, endColumn: 16 },
        { messageId: 'outOfBounds', message: 'spec.name must match the pattern ^[a-z]+$, got string "Toolong"', line: 36, column: 3, endLine: 36, endColumn: 16 },
      ],
    },
    {
      name: 'reports unknown fields of a custom resource with --strict, suggesting the closest one',
      code: databaseCrd(DATABASE_SCHEMA) + database('  engine: mysql\n  replica: 2\n'),
      lintOptions: strict,
      errors: [{ messageId: 'unknownField', message: "spec.replica is not a known field; did you mean 'replicas'?", line: 36, column: 3, endLine: 36, endColumn: 13 }],
    },
    {
      name: 'uses the first CRD of a group and kind',
      code: databaseCrd(DATABASE_SCHEMA) + databaseCrd('          type: object\n') + database('  engine: oracle\n'),
      errors: [{ messageId: 'notAllowed', message: 'spec.engine must be one of postgres, mysql, got string "oracle"', line: 51, column: 3, endLine: 51, endColumn: 17 }],
    },
    {
      name: 'reads --schema-dir files in the catalog layout',
      code: WIDGET,
      lintOptions: { schemaDirs: [SCHEMA_DIR] },
      errors: [
        { messageId: 'notAllowed', message: 'spec.size must be one of small, large, got string "medium"', line: 6, column: 3, endLine: 6, endColumn: 15 },
        { messageId: 'outOfBounds', message: 'spec.count must be more than 0, got number 0', line: 7, column: 3, endLine: 7, endColumn: 11 },
      ],
    },
    {
      name: 'reads --schema-dir files in the flat layout',
      code: 'apiVersion: example.io/v1\nkind: Gadget\nmetadata:\n  name: g\nspec:\n  enabled: "yes"\n',
      lintOptions: { schemaDirs: [SCHEMA_DIR] },
      errors: [{ messageId: 'wrongType', message: 'spec.enabled must be a boolean, got string "yes"', line: 6, column: 3, endLine: 6, endColumn: 17 }],
    },
    {
      name: 'reports a kind without a schema with --strict-kinds',
      code: CERTIFICATE,
      lintOptions: { strictKinds: true },
      errors: [{ messageId: 'noSchema', message: 'no schema for cert-manager.io/v1 Certificate: add its CRD to the inputs or a --schema-dir', line: 2, column: 1, endLine: 2, endColumn: 18 }],
    },
    {
      name: 'reports a built-in kind the target no longer serves with --strict-kinds',
      code: 'apiVersion: apps/v1beta1\nkind: StatefulSet\nmetadata:\n  name: s\n',
      lintOptions: { strictKinds: true, kubernetesVersion: '1.30' },
      errors: [{ messageId: 'noSchema', message: 'no schema for apps/v1beta1 StatefulSet: Kubernetes 1.30 serves no such built-in kind', line: 2, column: 1, endLine: 2, endColumn: 18 }],
    },
    // The CRD can be in another file of the run.
    fixtureCase(resolve('fixtures/crd'), 'schema'),
  ],
});

describe('schema', () => {
  it('loads only the validators of the apiVersions it meets', async () => {
    vi.resetModules();
    const fresh = await import('../../src/schema/builtin.js');
    const bundle = await import('../../src/schema/bundle.js');
    const { loadSource } = await import('../../src/load/source.js');
    const [resource] = loadSource('db.yaml', db()).resources;
    expect(fresh.hasSchema('apps/v1', 'StatefulSet', '1.30')).toBe(true);
    expect(bundle.loadedSchemaModules()).toEqual([]);
    expect(fresh.validateResource(resource, { strict: false, kubernetesVersion: '1.30' })).toEqual([]);
    expect(bundle.loadedSchemaModules()).toEqual(['1.30/apps_v1.cjs']);
  });
});

describe('schema helpers', () => {
  it('knows the built-in kinds only', () => {
    expect(hasSchema('apps/v1', 'StatefulSet', '1.30')).toBe(true);
    expect(hasSchema('v1', 'Service', '1.30')).toBe(true);
    expect(hasSchema('policy/v1', 'PodDisruptionBudget', '1.30')).toBe(true);
    expect(hasSchema('policy/v1beta1', 'PodDisruptionBudget', '1.30')).toBe(false);
    expect(hasSchema('monitoring.coreos.com/v1', 'Prometheus', '1.30')).toBe(false);
    expect(hasSchema('v1', 'toString', '1.30')).toBe(false);
    expect(hasSchema('constructor', 'Pod', '1.30')).toBe(false);
    expect(hasSchema('v1', 'Pod', 'latest')).toBe(true);
  });

  it('falls back to the nearest older bundled version, else the oldest', () => {
    expect(bundledVersions()).toEqual(['1.25', '1.26', '1.29', '1.30', '1.36']);
    expect(bundledVersion('1.30')).toBe('1.30');
    expect(bundledVersion('v1.30.4')).toBe('1.30');
    expect(bundledVersion('1.27')).toBe('1.26');
    expect(bundledVersion('1.34')).toBe('1.30');
    expect(bundledVersion('1.40')).toBe('1.36');
    expect(bundledVersion('1.2')).toBe('1.25');
  });

  it('accepts any version from the oldest to the newest bundled one, and says which when not', () => {
    for (const version of ['1.25', '1.27', 'v1.33', '1.36.1']) expect(unsupportedVersion(version)).toBeUndefined();
    for (const version of ['1.24', '1.37', '9.99', 'latest', '']) {
      expect(unsupportedVersion(version)).toBe(
        `Unsupported Kubernetes version '${version}': stslint supports 1.25 to 1.36 (bundled schemas: 1.25, 1.26, 1.29, 1.30, 1.36; a version in between uses the nearest older one)`,
      );
    }
  });

  it('shows paths as written in kubectl explain, quoting odd keys', () => {
    expect(showPath(['spec', 'template', 'spec', 'containers', 0, 'name'])).toBe('spec.template.spec.containers[0].name');
    expect(showPath(['metadata', 'labels', 'app.kubernetes.io/name'])).toBe('metadata.labels["app.kubernetes.io/name"]');
  });

  it('suggests a close name only', () => {
    expect(closestName('replica', ['replicas', 'selector'])).toBe('replicas');
    expect(closestName('ServiceName', ['serviceName'])).toBe('serviceName');
    expect(closestName('sepc', ['metadata', 'spec', 'status'])).toBe('spec');
    expect(closestName('flavour', ['replicas', 'selector'])).toBeUndefined();
  });
});

describe('schema: custom resources', () => {
  it('never fails on odd CRDs', () => {
    const odd = [
      'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: x\nspec: null\n---\n',
      'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: x\nspec:\n  group: example.com\n  names: {kind: Database}\n  versions: 3\n---\n',
      databaseCrd('          type: object\n          properties:\n            spec: {type: string, pattern: "(?i)^[a-z]+$"}\n'),
    ];
    for (const crd of odd) expect(lintText(crd + database('  engine: x\n'), { registry: [rule] }).internalError).toBe(false);
  });

  it('counts as unvalidated only the objects no built-in schema, CRD or schema directory describes', () => {
    const run = (sources: string[], schemaDirs: string[] = []) =>
      lintSources(sources.map((text, i) => ({ path: `f${i}.yaml`, text })), { schemaDirs }).stats.unvalidated;
    expect(run([database('  engine: mysql\n')])).toEqual({ 'example.com/v1/Database': 1 });
    expect(run([databaseCrd(DATABASE_SCHEMA), database('  engine: mysql\n')])).toEqual({});
    expect(run(['apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n'], [resolve('fixtures/schema-dir')])).toEqual({});
  });
});
