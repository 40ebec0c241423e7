import { describe, expect, it, vi } from 'vitest';
import rule from '../../rules/schema/index.js';
import { bundledVersion, bundledVersions, closestName, hasSchema, showPath, unsupportedVersion } from '../../src/schema.js';
import { runRule, testRule } from '../helpers/rule-tester.js';

const statefulSet = (spec: string, metadata = '') => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db${metadata}
spec:
  serviceName: db
  selector:
    matchLabels:
      app: db
  template:
    metadata:
      labels:
        app: db
    spec:
      containers:
        - name: db
          image: postgres:16
${spec}`;

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
      // An unknown field is not reported without --strict.
      statefulSet('  replica: 3\n'),
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
        errors: [{ line: 18, column: 3, endLine: 18, endColumn: 16, message: 'spec.replicas must be a number, got string "3"; remove the quotes' }],
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
            message: 'spec.updateStrategy.rollingUpdate.maxUnavailable must be a number or a string, got boolean true',
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
      { line: 10, column: 11, endLine: 10, endColumn: 23, message: 'spec.ports[0].port must be a number, got string "5432"; remove the quotes' },
    ]);
  });

  it('reports every problem of a resource once', () => {
    const messages = runRule(rule, statefulSet('  replicas: "3"\n  podManagementPolicy: 3\n  minReadySeconds: []\n')).map((m) => m.message);
    expect(messages).toEqual([
      'spec.replicas must be a number, got string "3"; remove the quotes',
      'spec.podManagementPolicy must be a string, got number 3; quote the value so YAML reads a string',
      'spec.minReadySeconds must be a number, got a list',
    ]);
  });

  it('loads only the validators of the apiVersions it meets', async () => {
    vi.resetModules();
    const fresh = await import('../../src/schema.js');
    const { loadSource } = await import('../../src/load.js');
    const [resource] = loadSource('db.yaml', statefulSet('')).resources;
    expect(fresh.hasSchema('apps/v1', 'StatefulSet', '1.30')).toBe(true);
    expect(fresh.loadedSchemaModules()).toEqual([]);
    expect(fresh.validateResource(resource, { strict: false, kubernetesVersion: '1.30' })).toEqual([]);
    expect(fresh.loadedSchemaModules()).toEqual(['1.30/apps_v1.cjs']);
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
