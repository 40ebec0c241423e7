/**
 * The labels the StatefulSet controller gives each pod (statefulset.kubernetes.io/pod-name, and from 1.28
 * apps.kubernetes.io/pod-index) count when a Service or PodDisruptionBudget selects by them:
 * statefulset-service-selector, pdb-selects-nothing and pdb-missing.
 */
import { describe, expect, it } from 'vitest';
import pdbMissing from '../../rules/pdb-missing/index.js';
import pdbSelectsNothing from '../../rules/pdb-selects-nothing/index.js';
import serviceSelector from '../../rules/statefulset-service-selector/index.js';
import { RuleTester } from '../../src/linter/rule-tester.js';
import { statefulSetPodLabelSets } from '../../src/k8s/pod-template.js';
import { ResourceIndex } from '../../src/k8s/resource-index.js';
import { loadSource } from '../../src/load/source.js';

/** StatefulSet 'web' with 3 replicas (lines 1-11; replicas on line 6), then `---` and `rest` from line 13. */
const web = (rest: string, spec = '  replicas: 3\n') => `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: web}
spec:
  serviceName: web
${spec}  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: c, image: nginx}]
---
${rest}`;

/** A PodDisruptionBudget with `selector` (its selector on line 5 of the document). */
const pdb = (name: string, selector: string) => `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: ${name}}
spec:
  selector: ${selector}
  maxUnavailable: 1
`;

const service = (selector: string) => `apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  clusterIP: None
  selector: {${selector}}
  ports: [{port: 80}]
`;

const v127 = { kubernetesVersion: '1.27' };

new RuleTester().run('pdb-selects-nothing', pdbSelectsNothing, {
  valid: [
    web(pdb('one', '{matchLabels: {statefulset.kubernetes.io/pod-name: web-0}}')),
    web(pdb('two', '{matchExpressions: [{key: statefulset.kubernetes.io/pod-name, operator: In, values: [web-2, web-9]}]}')),
    web(pdb('idx', '{matchLabels: {apps.kubernetes.io/pod-index: "1", app: web}}')),
    web(pdb('notin', '{matchExpressions: [{key: apps.kubernetes.io/pod-index, operator: NotIn, values: ["0"]}]}')),
    // ordinals.start 5: pods web-5 to web-7.
    web(pdb('start', '{matchLabels: {statefulset.kubernetes.io/pod-name: web-7}}'), '  replicas: 3\n  ordinals: {start: 5}\n'),
    // No replicas (an autoscaler sets them): any ordinal may exist.
    web(pdb('hpa', '{matchLabels: {apps.kubernetes.io/pod-index: "40"}}'), ''),
  ],
  invalid: [
    // Ordinals 0-2 only; another StatefulSet's pod; a label value with a leading zero; app of another workload.
    ...['statefulset.kubernetes.io/pod-name: web-3', 'statefulset.kubernetes.io/pod-name: db-0', 'apps.kubernetes.io/pod-index: "01"', 'statefulset.kubernetes.io/pod-name: web-0, app: db'].map((labels) => ({
      code: web(pdb('miss', `{matchLabels: {${labels}}}`)),
      errors: [{ messageId: 'selectsNothing', line: 17, column: 3, endLine: 17, endColumn: 11 }],
    })),
    // pod-index only from 1.28 (PodIndexLabel).
    { code: web(pdb('idx', '{matchLabels: {apps.kubernetes.io/pod-index: "1"}}')), lintOptions: v127, errors: [{ messageId: 'selectsNothing', line: 17, column: 3, endLine: 17, endColumn: 11 }] },
  ],
});

new RuleTester().run('pdb-missing', pdbMissing, {
  valid: [
    // One budget over every pod; budgets by name and by index that together cover web-0..web-2.
    web(pdb('all', '{matchLabels: {app: web}}')),
    web(`${pdb('a', '{matchExpressions: [{key: statefulset.kubernetes.io/pod-name, operator: In, values: [web-0, web-1]}]}')}---\n${pdb('b', '{matchLabels: {apps.kubernetes.io/pod-index: "2"}}')}`),
    web(pdb('notin', '{matchExpressions: [{key: statefulset.kubernetes.io/pod-name, operator: NotIn, values: [web-9]}]}')),
  ],
  invalid: [
    {
      code: web(pdb('one', '{matchLabels: {statefulset.kubernetes.io/pod-name: web-0}}')),
      errors: [
        {
          messageId: 'partial',
          message:
            "StatefulSet 'web' runs 3 replicas but only some of its pods have a PodDisruptionBudget (PodDisruptionBudget 'one', selecting by the labels the StatefulSet controller gives each pod): a node drain or cluster upgrade may evict the others all at once; add one that selects every pod (app=web) with maxUnavailable: 1",
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 14,
        },
      ],
    },
    {
      // On 1.27 the pods have no pod-index label: the index budget selects nothing, the name budget two of three.
      code: web(`${pdb('a', '{matchExpressions: [{key: statefulset.kubernetes.io/pod-name, operator: In, values: [web-0, web-1]}]}')}---\n${pdb('b', '{matchLabels: {apps.kubernetes.io/pod-index: "2"}}')}`),
      lintOptions: v127,
      errors: [{ messageId: 'partial', message: /\(PodDisruptionBudget 'a', selecting by/, line: 6, column: 3, endLine: 6, endColumn: 14 }],
    },
    { code: web(pdb('none', '{matchLabels: {statefulset.kubernetes.io/pod-name: web-5}}')), errors: [{ messageId: 'missing', line: 6, column: 3, endLine: 6, endColumn: 14 }] },
  ],
});

new RuleTester().run('statefulset-service-selector', serviceSelector, {
  valid: [web(service('app: web')), web(service('app: web, apps.kubernetes.io/pod-index: "0"')).replace('replicas: 3', 'replicas: 1')],
  invalid: [
    {
      code: web(service('statefulset.kubernetes.io/pod-name: web-0')),
      errors: [
        {
          messageId: 'selectsSomePods',
          message:
            "Service 'web' governing StatefulSet 'web' selects only some of its pods: selector statefulset.kubernetes.io/pod-name=web-0 picks pods of StatefulSet 'web' by the labels the StatefulSet controller gives each pod; the others get no endpoints, so DNS has no per-pod records for them; select the pods' template labels (a Service meant to reach one pod, such as a primary, should not be the governing one)",
          line: 18,
          column: 14,
          endLine: 18,
          endColumn: 55,
        },
      ],
    },
    // A pod the StatefulSet does not have: its pods lack the label value.
    { code: web(service('statefulset.kubernetes.io/pod-name: web-3')), errors: [{ messageId: 'missesPods', message: /lack statefulset\.kubernetes\.io\/pod-name=web-3/, line: 18, column: 14, endLine: 18, endColumn: 55 }] },
    // Two StatefulSets name the Service; the first is rejected (its selector misses its template) and is not compared:
    // the finding is at the key the partly selected one's pods do not all have, not at the first key of the selector.
    {
      code: `apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: broken}\nspec:\n  serviceName: web\n  selector: {matchLabels: {app: other}}\n  template:\n    metadata: {labels: {tier: db}}\n    spec:\n      containers: [{name: c, image: nginx}]\n---\n${web(service('app: web, statefulset.kubernetes.io/pod-name: web-0'))}`,
      errors: [{ messageId: 'selectsSomePods', message: /picks pods of StatefulSet 'web' by/, line: 29, column: 24, endLine: 29, endColumn: 65 }],
    },
    // The pod-index label, before 1.28.
    { code: web(service('apps.kubernetes.io/pod-index: "0"')), lintOptions: v127, errors: [{ messageId: 'missesPods', line: 18, column: 14, endLine: 18, endColumn: 47 }] },
  ],
});

describe('statefulSetPodLabelSets', () => {
  const [statefulSet] = loadSource('s.yaml', web('').replace(/---\n$/, '')).resources;

  it('gives the pods a selector names, and one it does not, with the controller labels of the version', () => {
    expect(statefulSetPodLabelSets(statefulSet, { app: 'web' }, '1.36', ['web-2', '1', 'web-7', 'db-0'])).toEqual([
      { app: 'web', 'statefulset.kubernetes.io/pod-name': 'web-2', 'apps.kubernetes.io/pod-index': '2' },
      { app: 'web', 'statefulset.kubernetes.io/pod-name': 'web-1', 'apps.kubernetes.io/pod-index': '1' },
      { app: 'web', 'statefulset.kubernetes.io/pod-name': 'web-0', 'apps.kubernetes.io/pod-index': '0' },
    ]);
    expect(statefulSetPodLabelSets(statefulSet, { app: 'web' }, '1.27', [])).toEqual([{ app: 'web', 'statefulset.kubernetes.io/pod-name': 'web-0' }]);
  });

  it('finds the StatefulSet through the index for a budget anchored on a controller label', () => {
    const { resources } = loadSource('r.yaml', web(pdb('one', '{matchLabels: {statefulset.kubernetes.io/pod-name: web-1}}')));
    const index = new ResourceIndex(resources, undefined, '1.36');
    expect(index.podHoldersSelectedBy('default', { matchLabels: { 'statefulset.kubernetes.io/pod-name': 'web-1' } }).map((r) => r.name)).toEqual(['web']);
    expect(index.selectingPodsOf('PodDisruptionBudget', resources[0]).map((r) => r.name)).toEqual(['one']);
    expect(index.coverage(resources[1], resources[0])).toBe('some');
  });
});
