import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import rule from '../../rules/schema/index.js';
import { hasSchema } from '../../src/schema/builtin.js';
import { showPath } from '../../src/schema/describe.js';
import { bundledVersion, bundledVersions, unsupportedVersion } from '../../src/schema/versions.js';
import { closestName } from '../../src/util/names.js';
import { lintSources, lintText } from '../../src/lint.js';
import { resolveOptions } from '../../src/options.js';
import { RuleTester } from '../../src/linter/rule-tester.js';
import { fixtureCase } from '../helpers/fixtures.js';
import { bare, POSTGRES, statefulSet, type WorkloadOptions } from '../helpers/manifests.js';

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

/** The range of a finding on the apiVersion (line 1) or kind (line 2) of `bare(...)`: all of `text`, that line. */
const bareLine = (text: string) => {
  const line = text.startsWith('apiVersion:') ? 1 : 2;
  return { line, column: 1, endLine: line, endColumn: 1 + text.length };
};

const SCHEMA_DIR = resolve('fixtures/schema-dir');
const WIDGET = 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\nspec:\n  size: medium\n  count: 0\n';
const CERTIFICATE = 'apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata:\n  name: c\n';

/** The StatefulSet 'db' of POSTGRES whose spec continues with `spec` after its template (from line 18). */
const db = (spec: Record<string, unknown> = {}, options: WorkloadOptions = {}) => statefulSet({ ...POSTGRES, spec, ...options });
/** The same with its container given `fields` (from line 18). */
const dbContainer = (fields: Record<string, unknown>) => db({}, { pod: { containers: [{ name: 'db', image: 'postgres:16', ...fields }] } });

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
    // Unknown fields are errors by default (as kubectl apply reports them since 1.27), not with --no-strict.
    { code: db({ replica: 3 }), lintOptions: { strict: false } },
    // CRDs and custom resources have no built-in schema.
    `apiVersion: example.com/v1
kind: Database
metadata:
  name: db
spec:
  replicas: "3"
  unknownField: true
`,
    crd,
    // Kinds of API versions Kubernetes 1.30 no longer serves have no schema either.
    'apiVersion: apps/v1beta1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  replicas: "3"\n',
    // Fields kubernetes-types lost are restored.
    webhook,
    // What the API server accepts in a custom resource: null for nullable fields, unknown fields with --no-strict, implied metadata.
    {
      code: databaseCrd(DATABASE_SCHEMA) + database('  engine: mysql\n  storage: null\n  backup: daily\n').replace('  name: db', '  name: db\n  labels: {app: db}'),
      lintOptions: { strict: false },
    },
    // Unknown fields are kept where the CRD preserves them, and at the root when the schema has no properties.
    databaseCrd('          type: object\n          x-kubernetes-preserve-unknown-fields: true\n') + database('  anything: [1, 2]\n'),
    // Only the served version counts.
    databaseCrd(DATABASE_SCHEMA).replace('served: true', 'served: false') + database('  engine: oracle\n'),
    // --schema-dir is read only when given.
    WIDGET,
    // Kinds without a schema are reported with --strict-kinds only, and a CRD in the run gives one.
    CERTIFICATE,
    { code: databaseCrd(DATABASE_SCHEMA) + database('  engine: mysql\n'), lintOptions: { strictKinds: true } },
    // Custom resources (a group with a dot that no Kubernetes version has) keep being skipped.
    bare('example.com/v1', 'Database'),
    bare('gateway.networking.k8s.io/v1', 'HTTPRoute'),
    // Removed API versions are api-version-removed's.
    bare('apps/v1beta1', 'StatefulSet'),
    bare('policy/v1beta1', 'PodSecurityPolicy'),
    // Alpha and beta versions may serve kinds no bundled version knows.
    bare('resource.k8s.io/v1beta2', 'DeviceClass'),
    bare('apps/v1alpha9', 'Anything'),
    // A kind known in another bundled version of the same apiVersion (networking.k8s.io/v1 ServiceCIDR is GA in 1.33).
    { code: bare('networking.k8s.io/v1', 'ServiceCIDR'), lintOptions: { kubernetesVersion: '1.33' } },
    // YAML 1.1 integers as kubectl reads them: 0x3 is 3, 010 is 8, 1_0 is 10, and 3.0 is the integer 3.
    db() + '  replicas: 0x3\n  minReadySeconds: 010\n  revisionHistoryLimit: 1_0\n  updateStrategy:\n    rollingUpdate:\n      partition: 3.0\n',
    // int32 bounds, and an int64 field above them.
    db({ replicas: 2147483647 }, { pod: { containers: [{ name: 'db', image: 'postgres:16', securityContext: { runAsUser: 4294967296 } }] } }),
    // Quantities stay numbers or strings, and float fields of CRD schemas stay numbers.
    dbContainer({ resources: { requests: { cpu: 0.5 } } }),
    // Container resizePolicy is in the 1.29 schemas, not in 1.26's: possible for 1.27 and 1.28, between the two bundled versions.
    { code: dbContainer({ resizePolicy: [{ resourceName: 'cpu', restartPolicy: 'NotRequired' }] }), lintOptions: { kubernetesVersion: '1.27' } },
  ],
  invalid: [
    {
      code: db({ replicas: '3' }),
      errors: [{ messageId: 'wrongType', message: 'spec.replicas must be an integer, got string "3"; remove the quotes', line: 18, column: 3, endLine: 18, endColumn: 16 }],
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
      errors: [{ messageId: 'wrongType', message: 'spec.updateStrategy.rollingUpdate.maxUnavailable must be an integer or a string, got boolean true', line: 20, column: 7, endLine: 20, endColumn: 27 }],
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
      code: dbContainer({ ports: [{ containerPort: 5432, protocol: 'TPC' }] }),
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
      // Unknown fields are errors by default (strict), as kubectl apply reports them since 1.27.
      code: db({ replica: 3 }),
      errors: [{ messageId: 'unknownField', message: "spec.replica is not a known field of StatefulSetSpec; did you mean 'replicas'?", line: 18, column: 3, endLine: 18, endColumn: 13 }],
    },
    {
      code: dbContainer({ volumeMount: [{ name: 'data', mountPath: '/data' }] }),
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
      errors: [{ messageId: 'unknownField', message: 'spec.flavour is not a known field of StatefulSetSpec', line: 18, column: 3, endLine: 18, endColumn: 17 }],
    },
    {
      name: 'points into the items of a kind: List',
      code: 'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Service\n    metadata:\n      name: db\n    spec:\n      ports:\n        - port: "5432"\n',
      errors: [{ messageId: 'wrongType', message: 'spec.ports[0].port must be an integer, got string "5432"; remove the quotes', line: 10, column: 11, endLine: 10, endColumn: 23 }],
    },
    {
      name: 'reports every problem of a resource once',
      code: db({ replicas: '3', podManagementPolicy: 3, minReadySeconds: [] }),
      errors: [
        { messageId: 'wrongType', message: 'spec.replicas must be an integer, got string "3"; remove the quotes', line: 18, column: 3, endLine: 18, endColumn: 16 },
        {
          messageId: 'wrongType',
          message: 'spec.podManagementPolicy must be a string, got number 3; quote the value so YAML reads a string',
          line: 19,
          column: 3,
          endLine: 19,
          endColumn: 25,
        },
        { messageId: 'wrongType', message: 'spec.minReadySeconds must be an integer, got a list', line: 20, column: 3, endLine: 20, endColumn: 18 },
      ],
    },
    {
      name: 'validates a custom resource against the CRD of the same file, with positions',
      code: databaseCrd(DATABASE_SCHEMA) + database('  engine: oracle\n  replicas: "3"\n  storage:\n    size: [1]\n'),
      errors: [
        { messageId: 'notAllowed', message: 'spec.engine must be one of postgres, mysql, got string "oracle"', line: 35, column: 3, endLine: 35, endColumn: 17 },
        { messageId: 'wrongType', message: 'spec.replicas must be an integer, got string "3"; remove the quotes', line: 36, column: 3, endLine: 36, endColumn: 16 },
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
      name: 'reports unknown fields of a custom resource (strict by default), suggesting the closest one',
      code: databaseCrd(DATABASE_SCHEMA) + database('  engine: mysql\n  replica: 2\n'),
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
    {
      name: 'reports a field of a newer bundled version as unknown to an older one',
      code: dbContainer({ resizePolicy: [{ resourceName: 'cpu', restartPolicy: 'NotRequired' }] }),
      lintOptions: { kubernetesVersion: '1.26' },
      errors: [{ messageId: 'unknownField', message: 'spec.template.spec.containers[0].resizePolicy is not a known field of Container', line: 18, column: 11, endLine: 18, endColumn: 23 }],
    },
    // Kinds, groups and versions of the built-in API groups that Kubernetes does not serve.
    {
      code: bare('apps/v1', 'Statefulset'),
      errors: [{ messageId: 'unknownKind', message: "Kubernetes serves no kind Statefulset in apps/v1; did you mean 'StatefulSet'?", ...bareLine('kind: Statefulset') }],
    },
    {
      code: bare('app/v1', 'StatefulSet'),
      errors: [
        {
          messageId: 'unknownGroup',
          message: "app/v1 is no API group of Kubernetes, nor of a custom resource (whose group contains a dot); did you mean apiVersion 'apps/v1'?",
          ...bareLine('apiVersion: app/v1'),
        },
      ],
    },
    {
      code: bare('v1', 'Deployment'),
      errors: [{ messageId: 'unknownKind', message: 'Kubernetes serves no kind Deployment in v1; Deployment is served in apps/v1', ...bareLine('kind: Deployment') }],
    },
    {
      code: bare('apps/v2', 'Deployment'),
      errors: [{ messageId: 'unknownVersion', message: "Kubernetes serves no apps/v2 (apps is served as apps/v1); did you mean apiVersion 'apps/v1'?", ...bareLine('apiVersion: apps/v2') }],
    },
    {
      code: bare('V1', 'ConfigMap'),
      errors: [{ messageId: 'unknownVersion', message: "Kubernetes serves no V1 (the core group is served as v1); did you mean apiVersion 'v1'?", ...bareLine('apiVersion: V1') }],
    },
    {
      code: bare('rbac.authorization.k8s.io/v1', 'Rolebinding'),
      errors: [{ messageId: 'unknownKind', message: "Kubernetes serves no kind Rolebinding in rbac.authorization.k8s.io/v1; did you mean 'RoleBinding'?", ...bareLine('kind: Rolebinding') }],
    },
    // Integers: int32 fields, YAML 1.1 numbers.
    {
      code: db({ replicas: 3.5 }),
      errors: [{ messageId: 'wrongType', message: 'spec.replicas must be an integer, got number 3.5', line: 18, column: 3, endLine: 18, endColumn: 16 }],
    },
    {
      code: db({ replicas: 2147483648 }),
      errors: [{ messageId: 'outOfBounds', message: 'spec.replicas must be at most 2147483647, got number 2147483648', line: 18, column: 3, endLine: 18, endColumn: 23 }],
    },
    {
      code: db({ replicas: '3.5' }),
      errors: [{ messageId: 'wrongType', message: 'spec.replicas must be an integer, got string "3.5"', line: 18, column: 3, endLine: 18, endColumn: 18 }],
    },
    {
      code: db({ updateStrategy: { rollingUpdate: { maxUnavailable: 0.5 } } }),
      errors: [
        {
          messageId: 'wrongType',
          message: 'spec.updateStrategy.rollingUpdate.maxUnavailable must be an integer or a string, got number 0.5',
          line: 20,
          column: 7,
          endLine: 20,
          endColumn: 26,
        },
      ],
    },
    {
      code: db() + '  replicas: .inf\n',
      errors: [
        {
          messageId: 'wrongType',
          message: 'spec.replicas must be a finite number, got number Infinity; kubectl cannot even convert .inf or .nan to JSON',
          line: 18,
          column: 3,
          endLine: 18,
          endColumn: 17,
        },
      ],
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

describe('strictness settings', () => {
  it('report unknown fields unless --no-strict or strict: false says not to', () => {
    const name = (setting: string) => setting;
    expect(resolveOptions({ config: false }, process.cwd(), name).lint.strict).toBe(true);
    expect(resolveOptions({ config: false, strict: false }, process.cwd(), name).lint.strict).toBe(false);
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
