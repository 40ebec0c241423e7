// Generators of adversarial inputs (tracker issue 20): each makes, at a scale factor, sources whose size grows
// linearly with the scale. The reliability tests (test/reliability/adversarial.test.ts) lint scale 1 and pin the
// findings; bench/adversarial.mjs lints scale 1 and 10 in fresh processes and reports time and memory, so that
// linear growth shows as a ratio near 10. At scale 1 each input took stslint many seconds, minutes or a crash
// before the fix (figures in RELIABILITY.md).

/** A Deployment with pod labels `app: <name>` plus `extra`, and `replicas` replicas. */
function deployment(name, { replicas = 2, extra = {}, annotations } = {}) {
  const labels = { app: name, ...extra };
  return [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    `  name: ${name}`,
    ...(annotations ? ['  annotations:', ...Object.entries(annotations).map(([k, v]) => `    ${k}: ${v}`)] : []),
    'spec:',
    `  replicas: ${replicas}`,
    `  selector: {matchLabels: {app: ${name}}}`,
    '  template:',
    `    metadata: {labels: {${Object.entries(labels).map(([k, v]) => `${k}: ${v}`).join(', ')}}}`,
    '    spec: {containers: [{name: app, image: "nginx:1.25"}]}',
  ].join('\n');
}

function statefulSet(name, serviceName) {
  return [
    'apiVersion: apps/v1',
    'kind: StatefulSet',
    `metadata: {name: ${name}}`,
    'spec:',
    `  serviceName: ${serviceName}`,
    '  replicas: 1',
    `  selector: {matchLabels: {app: ${name}}}`,
    '  template:',
    `    metadata: {labels: {app: ${name}}}`,
    '    spec: {containers: [{name: app, image: "nginx:1.25"}]}',
  ].join('\n');
}

/** A StatefulSet with nothing but its name and spec.serviceName: what governing-Service lookups read. */
function bareStatefulSet(name, serviceName, namespace = 'default') {
  return `apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: ${name}, namespace: ${namespace}}\nspec: {serviceName: ${serviceName}}`;
}

/** 2,000·scale Deployments (pods labelled `app: d-<i>, team: shared`), each with a budget selecting it by `selector(name, i)`. */
function budgets(scale, selector) {
  const texts = [];
  for (let i = 0; i < 2000 * scale; i++) {
    texts.push(deployment(`d-${i}`, { extra: { team: 'shared' } }));
    texts.push(`apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: d-${i}}\nspec:\n  maxUnavailable: 1\n  selector:\n    ${selector(`d-${i}`, i)}`);
  }
  return { sources: [{ path: 'budgets.yaml', text: documents(texts) }] };
}

function documents(texts) {
  return `${texts.join('\n---\n')}\n`;
}

/**
 * The CRD of `example.com/v1 Widget`: its `spec` is an object with the schema lines `specLines` (indented by 14)
 * and the properties `properties` (one line each, indented by 16).
 */
export function widgetCrd(properties, specLines = []) {
  return [
    'apiVersion: apiextensions.k8s.io/v1',
    'kind: CustomResourceDefinition',
    'metadata: {name: widgets.example.com}',
    'spec:',
    '  group: example.com',
    '  scope: Namespaced',
    '  names: {plural: widgets, singular: widget, kind: Widget, listKind: WidgetList}',
    '  versions:',
    '    - name: v1',
    '      served: true',
    '      storage: true',
    '      schema:',
    '        openAPIV3Schema:',
    '          type: object',
    '          properties:',
    '            spec:',
    '              type: object',
    ...specLines.map((line) => `              ${line}`),
    '              properties:',
    ...properties.map((line) => `                ${line}`),
  ].join('\n');
}

/** The CRD of `example.com/v1 Widget` whose spec.name is a string with the pattern given. */
export function patternCrd(pattern) {
  return widgetCrd([`name: {type: string, pattern: ${JSON.stringify(pattern)}}`]);
}

export const CASES = [
  {
    id: 'crd-pattern',
    title: 'CRD pattern `^([a-z0-9]+)*$` against a value of 3,200·s characters that fails at its end',
    generate: (scale) => ({
      sources: [
        {
          path: 'widget.yaml',
          text: documents([patternCrd('^([a-z0-9]+)*$'), `apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec:\n  name: ${'a'.repeat(3200 * scale)}!`]),
        },
      ],
    }),
  },
  {
    id: 'list-annotations',
    title: '`kind: List` of 500·s Deployments, each with a `stslint.io/ignore-pdb-missing` annotation',
    generate: (scale) => {
      const items = [];
      for (let i = 0; i < 500 * scale; i++) {
        const text = deployment(`d-${i}`, { annotations: { 'stslint.io/ignore-pdb-missing': 'drained by hand' } });
        items.push(text.split('\n').map((line, n) => (n === 0 ? `  - ${line}` : `    ${line}`)).join('\n'));
      }
      return { sources: [{ path: 'list.yaml', text: `apiVersion: v1\nkind: List\nitems:\n${items.join('\n')}\n` }] };
    },
  },
  {
    id: 'documents',
    title: '150,000·s one-line documents in one file (6 bytes each), one finding each, stylish format',
    generate: (scale) => ({ sources: [{ path: 'many.yaml', text: '---\na\n'.repeat(150_000 * scale) }], format: 'stylish' }),
  },
  {
    id: 'directive-u2028',
    title: 'a directive comment of 1.44·s MB ending in U+2028',
    generate: (scale) => ({
      sources: [
        {
          path: 'comment.yaml',
          text: `# stslint-disable-next-line ${'a '.repeat(720_000 * scale)}\u2028\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n`,
        },
      ],
    }),
  },
  {
    id: 'quantity-digits',
    title: 'a claim template requesting a storage quantity of 100,000·s digits and a bad suffix',
    generate: (scale) => {
      const text = statefulSet('db', 'db').replace(
        '  replicas: 1',
        `  replicas: 1\n  volumeClaimTemplates:\n    - metadata: {name: data}\n      spec:\n        accessModes: [ReadWriteOnce]\n        resources: {requests: {storage: "${'1'.repeat(100_000 * scale)}Q"}}`,
      );
      return { sources: [{ path: 'db.yaml', text: `${text}\n` }] };
    },
  },
  {
    id: 'wide-mapping',
    title: 'a ConfigMap with 80,000·s keys (one of them twice)',
    generate: (scale) => {
      const lines = ['apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: wide}', 'data:'];
      for (let i = 0; i < 80_000 * scale; i++) lines.push(`  k${i}: v`);
      lines.push('  k7: again');
      return { sources: [{ path: 'wide.yaml', text: `${lines.join('\n')}\n` }] };
    },
  },
  {
    id: 'many-labels',
    title: 'a StatefulSet, its Service and its PodDisruptionBudget selecting on 50,000·s labels',
    generate: (scale) => {
      const labels = [];
      for (let i = 0; i < 50_000 * scale; i++) labels.push(`l${i}: v`);
      const block = (indent) => labels.map((label) => `${' '.repeat(indent)}${label}`).join('\n');
      const text = [
        `apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db}\nspec:\n  serviceName: db\n  replicas: 3\n  selector:\n    matchLabels:\n${block(6)}\n  template:\n    metadata:\n      labels:\n${block(8)}\n    spec: {containers: [{name: db, image: "postgres:16"}]}`,
        `apiVersion: v1\nkind: Service\nmetadata: {name: db}\nspec:\n  clusterIP: None\n  selector:\n${block(4)}`,
        `apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: db}\nspec:\n  maxUnavailable: 1\n  selector:\n    matchLabels:\n${block(6)}`,
      ];
      return { sources: [{ path: 'db.yaml', text: documents(text) }] };
    },
  },
  {
    id: 'pdb-expressions',
    title: '2,000·s Deployments and 2,000·s PodDisruptionBudgets selecting with matchExpressions only',
    generate: (scale) => budgets(scale, (name) => `matchExpressions: [{key: app, operator: In, values: [${name}]}]`),
  },
  {
    id: 'pdb-shared-label',
    title: '2,000·s Deployments and 2,000·s PodDisruptionBudgets selecting `team: shared` (every workload has it) and their app',
    generate: (scale) =>
      budgets(scale, (name, i) =>
        i % 2 === 0 ? `matchLabels: {team: shared, app: ${name}}` : `matchLabels: {team: shared}\n    matchExpressions: [{key: app, operator: In, values: [${name}]}]`,
      ),
  },
  {
    id: 'shared-service-name',
    title: '20,000·s StatefulSets sharing one serviceName, with that Service',
    generate: (scale) => {
      const texts = ['apiVersion: v1\nkind: Service\nmetadata: {name: db}\nspec: {clusterIP: None, selector: {tier: db}}'];
      for (let i = 0; i < 20_000 * scale; i++) texts.push(bareStatefulSet(`db-${i}`, 'db'));
      return { sources: [{ path: 'sts.yaml', text: documents(texts) }] };
    },
  },
  {
    id: 'copies',
    title: '20,000·s copies of one ConfigMap',
    generate: (scale) => ({
      sources: [{ path: 'copies.yaml', text: documents(Array(20_000 * scale).fill('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: same}')) }],
    }),
  },
  {
    id: 'named-lookup',
    title: "20,000·s StatefulSets naming a Service that exists only in another namespace (statefulset-service-missing's hint)",
    generate: (scale) => {
      const texts = [];
      for (let i = 0; i < 20_000 * scale; i++) {
        texts.push(bareStatefulSet(`db-${i}`, `svc-${i}`, 'a'));
        texts.push(`apiVersion: v1\nkind: Service\nmetadata: {name: svc-${i}, namespace: b}`);
      }
      return { sources: [{ path: 'split.yaml', text: documents(texts) }] };
    },
  },
  {
    id: 'context',
    title: '`--context`: 2,000·s StatefulSets linted, their Services and PodDisruptionBudgets in a context file',
    generate: (scale) => {
      const linted = [];
      const context = [];
      for (let i = 0; i < 2000 * scale; i++) {
        linted.push(statefulSet(`db-${i}`, `db-${i}`).replace('replicas: 1', 'replicas: 3'));
        context.push(`apiVersion: v1\nkind: Service\nmetadata: {name: db-${i}}\nspec: {clusterIP: None, selector: {app: db-${i}}}`);
        context.push(`apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: db-${i}}\nspec:\n  minAvailable: 3\n  selector: {matchLabels: {app: db-${i}}}`);
      }
      return {
        sources: [
          { path: 'sts.yaml', text: documents(linted) },
          { path: 'context.yaml', text: documents(context), contextOnly: true },
        ],
      };
    },
  },
];

/** The case of that id; throws for an unknown one. */
export function adversarialCase(id) {
  const found = CASES.find((entry) => entry.id === id);
  if (!found) throw new Error(`no adversarial case '${id}' (known: ${CASES.map((entry) => entry.id).join(', ')})`);
  return found;
}
