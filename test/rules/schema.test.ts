import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import rule from '../../rules/schema/index.js';
import { hasSchema } from '../../src/schema/builtin.js';
import { showPath } from '../../src/schema/describe.js';
import { bundledVersion, bundledVersions, unsupportedVersion } from '../../src/schema/versions.js';
import { closestName } from '../../src/util/names.js';
import { lintSources } from '../../src/lint.js';
import { statefulSetYaml } from '../helpers/manifests.js';
import { checkFixtureDir, runRule, testRule } from '../helpers/rule-tester.js';

const statefulSet = (spec: string, metadata = '') => statefulSetYaml({ spec, metadata });

const strict = { strict: true };

const crd = `apiVersion: apiextensions.k8s.io/v1
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
          type: object
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
`;

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

describe('schema', () => {
  testRule(rule, {
    valid: [
      statefulSet(''),
      // null counts as absent (Go's decoder), so optional fields may be null.
      statefulSet('  replicas: null\n  updateStrategy: null\n', '\n  creationTimestamp: null\n  labels: null'),
      // Quantity accepts numbers; IntOrString accepts both.
      statefulSet(`  volumeClaimTemplates:
  - metadata:
      name: data
    spec:
      accessModes: [ReadWriteOnce]
      resources:
        requests:
          storage: 1
  updateStrategy:
    type: RollingUpdate
    rollingUpdate:
      maxUnavailable: 50%
`),
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
      // An unknown field is not reported with --no-strict (strict: false).
      { code: statefulSet('  replica: 3\n'), options: { strict: false } },
      // CRDs and custom resources have no built-in schema.
      `apiVersion: example.com/v1
kind: Database
metadata:
name: db
spec:
replicas: "3"
unknownField: true
`,
      { code: crd, options: strict },
      // Kinds of API versions Kubernetes 1.30 no longer serves have no schema either.
      'apiVersion: apps/v1beta1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  replicas: "3"\n',
      // Fields kubernetes-types lost are restored.
      { code: webhook, options: strict },
    ],
    invalid: [
      {
        code: statefulSet('  replicas: "3"\n'),
        errors: [{ line: 18, column: 3, endLine: 18, endColumn: 16, message: 'spec.replicas must be an integer, got string "3"; remove the quotes' }],
      },
      {
        code: statefulSet('', '\n  labels:\n    app.kubernetes.io/version: 1.0'),
        errors: [
          {
            line: 6,
            column: 5,
            endLine: 6,
            endColumn: 35,
            message: 'metadata.labels["app.kubernetes.io/version"] must be a string, got number 1; quote the value so YAML reads a string',
          },
        ],
      },
      {
        code: statefulSet('  updateStrategy:\n    rollingUpdate:\n      maxUnavailable: true\n'),
        errors: [
          {
            line: 20,
            column: 7,
            endLine: 20,
            endColumn: 27,
            message: 'spec.updateStrategy.rollingUpdate.maxUnavailable must be an integer or a string, got boolean true',
          },
        ],
      },
      {
        code: statefulSet('').replace('        - name: db\n          image: postgres:16', '        - image: postgres:16'),
        errors: [
          {
            line: 16,
            column: 11,
            endLine: 16,
            endColumn: 29,
            message: "spec.template.spec.containers[0] is missing required field 'name'",
          },
        ],
      },
      {
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers: null\n',
        errors: [{ line: 5, column: 1, endLine: 5, endColumn: 5, message: "spec is missing required field 'containers' (null counts as missing)" }],
      },
      {
        code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n',
        errors: [{ line: 5, column: 1, endLine: 5, endColumn: 5, message: "spec is missing required fields 'selector' and 'template'" }],
      },
      {
        code: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: rb\nsubjects: []\n',
        errors: [{ line: 2, column: 1, endLine: 2, endColumn: 18, message: "RoleBinding 'rb' is missing required field 'roleRef'" }],
      },
      {
        code: statefulSet('  podManagementPolicy: parallel\n'),
        errors: [
          {
            line: 18,
            column: 3,
            endLine: 18,
            endColumn: 32,
            message: "spec.podManagementPolicy must be one of OrderedReady, Parallel, got string \"parallel\"; did you mean 'Parallel'?",
          },
        ],
      },
      {
        code: statefulSet('').replace('image: postgres:16', 'image: postgres:16\n          ports: [{containerPort: 5432, protocol: TPC}]'),
        errors: [
          {
            line: 18,
            column: 41,
            endLine: 18,
            endColumn: 54,
            message: `spec.template.spec.containers[0].ports[0].protocol must be one of TCP, UDP, SCTP, got string "TPC"; did you mean 'TCP'?`,
          },
        ],
      },
      {
        code: crd.replace('x-kubernetes-preserve-unknown-fields: true', 'additionalProperties: "yes"'),
        errors: [
          {
            line: 16,
            column: 11,
            endLine: 16,
            endColumn: 38,
            message: 'spec.versions[0].schema.openAPIV3Schema.additionalProperties must be an object or a boolean, got string "yes"',
          },
        ],
      },
      {
        code: statefulSet('  replica: 3\n'),
        options: strict,
        errors: [{ line: 18, column: 3, endLine: 18, endColumn: 13, message: "spec.replica is not a known field of StatefulSetSpec; did you mean 'replicas'?" }],
      },
      {
        code: statefulSet('').replace('image: postgres:16', 'image: postgres:16\n          volumeMount:\n            - name: data\n              mountPath: /data'),
        options: strict,
        errors: [
          {
            line: 18,
            column: 11,
            endLine: 18,
            endColumn: 22,
            message: "spec.template.spec.containers[0].volumeMount is not a known field of Container; did you mean 'volumeMounts'?",
          },
        ],
      },
      {
        code: crd.replace('port: {x-kubernetes-int-or-string: true}', 'constructor: {type: string, descriptoin: x}'),
        options: strict,
        errors: [
          {
            line: 25,
            column: 45,
            endLine: 25,
            endColumn: 59,
            message:
              "spec.versions[0].schema.openAPIV3Schema.properties.spec.properties.constructor.descriptoin is not a known field of JSONSchemaProps; did you mean 'description'?",
          },
        ],
      },
      {
        code: statefulSet('  flavour: large\n'),
        options: strict,
        errors: [{ line: 18, column: 3, endLine: 18, endColumn: 17, message: /^spec\.flavour is not a known field of StatefulSetSpec$/ }],
      },
    ],
  });

  it('points into the items of a kind: List', () => {
    const list = `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: Service
    metadata:
      name: db
    spec:
      ports:
        - port: "5432"
`;
    expect(runRule(rule, list).map(({ line, column, endLine, endColumn, message }) => ({ line, column, endLine, endColumn, message }))).toEqual([
      { line: 10, column: 11, endLine: 10, endColumn: 23, message: 'spec.ports[0].port must be an integer, got string "5432"; remove the quotes' },
    ]);
  });

  it('reports every problem of a resource once', () => {
    const messages = runRule(rule, statefulSet('  replicas: "3"\n  podManagementPolicy: 3\n  minReadySeconds: []\n')).map((m) => m.message);
    expect(messages).toEqual([
      'spec.replicas must be an integer, got string "3"; remove the quotes',
      'spec.podManagementPolicy must be a string, got number 3; quote the value so YAML reads a string',
      'spec.minReadySeconds must be an integer, got a list',
    ]);
  });

  it('loads only the validators of the apiVersions it meets', async () => {
    vi.resetModules();
    const fresh = await import('../../src/schema/builtin.js');
    const bundle = await import('../../src/schema/bundle.js');
    const { loadSource } = await import('../../src/load/source.js');
    const [resource] = loadSource('db.yaml', statefulSet('')).resources;
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

const positions = (findings: { line: number; column: number; endLine: number; endColumn: number; message: string }[]) =>
  findings.map(({ line, column, endLine, endColumn, message }) => ({ line, column, endLine, endColumn, message }));

describe('schema: custom resources', () => {
  it('validates a custom resource against the CRD of the same file, with positions', () => {
    const code = databaseCrd(DATABASE_SCHEMA) + database('  engine: oracle\n  replicas: "3"\n  storage:\n    size: [1]\n');
    expect(positions(runRule(rule, code))).toEqual([
      { line: 35, column: 3, endLine: 35, endColumn: 17, message: "spec.engine must be one of postgres, mysql, got string \"oracle\"" },
      { line: 36, column: 3, endLine: 36, endColumn: 16, message: 'spec.replicas must be an integer, got string "3"; remove the quotes' },
      { line: 38, column: 5, endLine: 38, endColumn: 9, message: 'spec.storage.size must be an integer or a string, got a list' },
    ]);
  });

  it('reports missing required fields, bounds and patterns of the CRD schema', () => {
    const code = databaseCrd(DATABASE_SCHEMA) + database('  replicas: 10\n  name: Toolong\n');
    expect(positions(runRule(rule, code))).toEqual([
      { line: 34, column: 1, endLine: 34, endColumn: 5, message: "spec is missing required field 'engine'" },
      { line: 35, column: 3, endLine: 35, endColumn: 15, message: 'spec.replicas must be at most 9, got number 10' },
      { line: 36, column: 3, endLine: 36, endColumn: 16, message: 'spec.name must be at most 5 characters long, got string "Toolong"' },
      { line: 36, column: 3, endLine: 36, endColumn: 16, message: 'spec.name must match the pattern ^[a-z]+$, got string "Toolong"' },
    ]);
  });

  it('accepts what the API server accepts: null for nullable fields, unknown fields with --no-strict, implied metadata', () => {
    const code = databaseCrd(DATABASE_SCHEMA) + database('  engine: mysql\n  storage: null\n  backup: daily\n').replace('  name: db', '  name: db\n  labels: {app: db}');
    expect(runRule(rule, code, { strict: false })).toEqual([]);
  });

  it('reports unknown fields with --strict, suggesting the closest one', () => {
    const code = databaseCrd(DATABASE_SCHEMA) + database('  engine: mysql\n  replica: 2\n');
    expect(positions(runRule(rule, code, { strict: true }))).toEqual([
      { line: 36, column: 3, endLine: 36, endColumn: 13, message: "spec.replica is not a known field; did you mean 'replicas'?" },
    ]);
  });

  it('keeps unknown fields where the CRD preserves them, and at the root when the schema has no properties', () => {
    const open = databaseCrd('          type: object\n          x-kubernetes-preserve-unknown-fields: true\n') + database('  anything: [1, 2]\n');
    expect(runRule(rule, open, { strict: true })).toEqual([]);
  });

  it('finds the CRD in another file of the run', () => {
    checkFixtureDir(resolve('fixtures/crd'), rule);
  });

  it('uses the served version only, and the first CRD of a group and kind', () => {
    const unserved = databaseCrd(DATABASE_SCHEMA).replace('served: true', 'served: false') + database('  engine: oracle\n');
    expect(runRule(rule, unserved)).toEqual([]);
    const twice = databaseCrd(DATABASE_SCHEMA) + databaseCrd('          type: object\n') + database('  engine: oracle\n');
    expect(runRule(rule, twice)).toHaveLength(1);
  });

  it('never throws on odd CRDs', () => {
    const odd = [
      'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: x\nspec: null\n---\n',
      'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: x\nspec:\n  group: example.com\n  names: {kind: Database}\n  versions: 3\n---\n',
      databaseCrd('          type: object\n          properties:\n            spec: {type: string, pattern: "(?i)^[a-z]+$"}\n'),
    ];
    for (const crd of odd) expect(() => runRule(rule, crd + database('  engine: x\n'))).not.toThrow();
  });

  it('reads --schema-dir files in the catalog layout and the flat layout', () => {
    const schemaDirs = [resolve('fixtures/schema-dir')];
    const widget = 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\nspec:\n  size: medium\n  count: 0\n';
    expect(positions(runRule(rule, widget, { schemaDirs }))).toEqual([
      { line: 6, column: 3, endLine: 6, endColumn: 15, message: 'spec.size must be one of small, large, got string "medium"' },
      { line: 7, column: 3, endLine: 7, endColumn: 11, message: 'spec.count must be more than 0, got number 0' },
    ]);
    const gadget = 'apiVersion: example.io/v1\nkind: Gadget\nmetadata:\n  name: g\nspec:\n  enabled: "yes"\n';
    expect(positions(runRule(rule, gadget, { schemaDirs }))).toEqual([
      { line: 6, column: 3, endLine: 6, endColumn: 17, message: 'spec.enabled must be a boolean, got string "yes"' },
    ]);
    expect(runRule(rule, widget)).toEqual([]);
  });

  it('reports kinds without a schema with --strict-kinds only', () => {
    const cr = 'apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata:\n  name: c\n';
    expect(runRule(rule, cr)).toEqual([]);
    expect(positions(runRule(rule, cr, { strictKinds: true }))).toEqual([
      { line: 2, column: 1, endLine: 2, endColumn: 18, message: 'no schema for cert-manager.io/v1 Certificate: add its CRD to the inputs or a --schema-dir' },
    ]);
    const removed = 'apiVersion: apps/v1beta1\nkind: StatefulSet\nmetadata:\n  name: s\n';
    expect(runRule(rule, removed, { strictKinds: true, kubernetesVersion: '1.30' })[0].message).toBe(
      'no schema for apps/v1beta1 StatefulSet: Kubernetes 1.30 serves no such built-in kind',
    );
    const described = databaseCrd(DATABASE_SCHEMA) + database('  engine: mysql\n');
    expect(runRule(rule, described, { strictKinds: true })).toEqual([]);
  });

  it('counts as unvalidated only the objects no built-in schema, CRD or schema directory describes', () => {
    const run = (sources: string[], schemaDirs: string[] = []) =>
      lintSources(sources.map((text, i) => ({ path: `f${i}.yaml`, text })), { schemaDirs }).stats.unvalidated;
    expect(run([database('  engine: mysql\n')])).toEqual({ 'example.com/v1/Database': 1 });
    expect(run([databaseCrd(DATABASE_SCHEMA), database('  engine: mysql\n')])).toEqual({});
    expect(run(['apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n'], [resolve('fixtures/schema-dir')])).toEqual({});
  });
});

const object = (apiVersion: string, kind: string) => `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n  name: x\n`;

describe('schema: unknown kinds, groups and versions of built-in API groups', () => {
  testRule(rule, {
    valid: [
      // Custom resources (a group with a dot that no Kubernetes version has) keep being skipped.
      object('example.com/v1', 'Database'),
      object('gateway.networking.k8s.io/v1', 'HTTPRoute'),
      // Removed API versions are api-version-removed's.
      object('apps/v1beta1', 'StatefulSet'),
      object('policy/v1beta1', 'PodSecurityPolicy'),
      // Alpha and beta versions may serve kinds no bundled version knows.
      object('resource.k8s.io/v1beta2', 'DeviceClass'),
      object('apps/v1alpha9', 'Anything'),
      // A kind known in another bundled version of the same apiVersion (networking.k8s.io/v1 ServiceCIDR is GA in 1.33).
      { code: object('networking.k8s.io/v1', 'ServiceCIDR'), options: { kubernetesVersion: '1.33' } },
    ],
    invalid: [
      {
        code: object('apps/v1', 'Statefulset'),
        errors: [{ line: 2, column: 1, endLine: 2, endColumn: 18, message: "Kubernetes serves no kind Statefulset in apps/v1; did you mean 'StatefulSet'?" }],
      },
      {
        code: object('app/v1', 'StatefulSet'),
        errors: [
          {
            line: 1,
            column: 1,
            endLine: 1,
            endColumn: 19,
            message: "app/v1 is no API group of Kubernetes, nor of a custom resource (whose group contains a dot); did you mean apiVersion 'apps/v1'?",
          },
        ],
      },
      {
        code: object('v1', 'Deployment'),
        errors: [{ line: 2, column: 1, endLine: 2, endColumn: 17, message: 'Kubernetes serves no kind Deployment in v1; Deployment is served in apps/v1' }],
      },
      {
        code: object('apps/v2', 'Deployment'),
        errors: [{ line: 1, column: 1, endLine: 1, endColumn: 20, message: "Kubernetes serves no apps/v2 (apps is served as apps/v1); did you mean apiVersion 'apps/v1'?" }],
      },
      {
        code: object('V1', 'ConfigMap'),
        errors: [{ line: 1, column: 1, endLine: 1, endColumn: 15, message: "Kubernetes serves no V1 (the core group is served as v1); did you mean apiVersion 'v1'?" }],
      },
      {
        code: object('rbac.authorization.k8s.io/v1', 'Rolebinding'),
        errors: [{ line: 2, column: 1, endLine: 2, endColumn: 18, message: "Kubernetes serves no kind Rolebinding in rbac.authorization.k8s.io/v1; did you mean 'RoleBinding'?" }],
      },
    ],
  });
});

describe('schema: integers', () => {
  testRule(rule, {
    valid: [
      // YAML 1.1 integers as kubectl reads them: 0x3 is 3, 010 is 8, 1_0 is 10, and 3.0 is the integer 3.
      statefulSet('  replicas: 0x3\n  minReadySeconds: 010\n  revisionHistoryLimit: 1_0\n  updateStrategy:\n    rollingUpdate:\n      partition: 3.0\n'),
      // int32 bounds, and an int64 field above them.
      statefulSet('  replicas: 2147483647\n').replace('image: postgres:16', 'image: postgres:16\n          securityContext: {runAsUser: 4294967296}'),
      // Quantities stay numbers or strings, and float fields of CRD schemas stay numbers.
      statefulSet('').replace('image: postgres:16', 'image: postgres:16\n          resources: {requests: {cpu: 0.5}}'),
    ],
    invalid: [
      {
        code: statefulSet('  replicas: 3.5\n'),
        errors: [{ line: 18, column: 3, endLine: 18, endColumn: 16, message: 'spec.replicas must be an integer, got number 3.5' }],
      },
      {
        code: statefulSet('  replicas: 2147483648\n'),
        errors: [{ line: 18, column: 3, endLine: 18, endColumn: 23, message: 'spec.replicas must be at most 2147483647, got number 2147483648' }],
      },
      {
        code: statefulSet('  replicas: "3.5"\n'),
        errors: [{ line: 18, column: 3, endLine: 18, endColumn: 18, message: /^spec\.replicas must be an integer, got string "3\.5"$/ }],
      },
      {
        code: statefulSet('  updateStrategy:\n    rollingUpdate:\n      maxUnavailable: 0.5\n'),
        errors: [{ line: 20, column: 7, endLine: 20, endColumn: 26, message: 'spec.updateStrategy.rollingUpdate.maxUnavailable must be an integer or a string, got number 0.5' }],
      },
      {
        code: statefulSet('  replicas: .inf\n'),
        errors: [{ line: 18, column: 3, endLine: 18, endColumn: 17, message: 'spec.replicas must be a finite number, got number Infinity; kubectl cannot even convert .inf or .nan to JSON' }],
      },
    ],
  });
});

describe('schema: unknown fields are errors by default, as kubectl apply reports them since 1.27', () => {
  testRule(rule, {
    valid: [{ code: statefulSet('  replica: 3\n'), options: { strict: false } }],
    invalid: [
      {
        code: statefulSet('  replica: 3\n'),
        errors: [{ line: 18, column: 3, endLine: 18, endColumn: 13, message: "spec.replica is not a known field of StatefulSetSpec; did you mean 'replicas'?" }],
      },
    ],
  });
});

describe('strictness settings', () => {
  it('report unknown fields unless --no-strict or strict: false says not to', async () => {
    const { resolveOptions } = await import('../../src/options.js');
    const name = (setting: string) => setting;
    expect(resolveOptions({ config: false }, process.cwd(), name).lint.strict).toBe(true);
    expect(resolveOptions({ config: false, strict: false }, process.cwd(), name).lint.strict).toBe(false);
  });

  it('tolerate, between two bundled versions, the fields the newer one adds', () => {
    // Container resizePolicy is in the 1.29 schemas, not in 1.26's: unknown for 1.26, possible for 1.27 and 1.28.
    const code = statefulSet('').replace('image: postgres:16', 'image: postgres:16\n          resizePolicy: [{resourceName: cpu, restartPolicy: NotRequired}]');
    expect(positions(runRule(rule, code, { kubernetesVersion: '1.26' }))).toEqual([
      { line: 18, column: 11, endLine: 18, endColumn: 23, message: 'spec.template.spec.containers[0].resizePolicy is not a known field of Container' },
    ]);
    expect(runRule(rule, code, { kubernetesVersion: '1.27' })).toEqual([]);
  });
});
