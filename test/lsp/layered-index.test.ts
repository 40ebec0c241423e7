import { describe, expect, it } from 'vitest';
import { ResourceIndex } from '../../src/k8s/resource-index.js';
import { loadSource } from '../../src/load/source.js';
import { LayeredIndex } from '../../src/lsp/layered-index.js';
import type { Resource } from '../../src/types.js';

/** ResourceIndex's own helpers (private in TypeScript, on the prototype all the same): not lookups. */
// `examined` is a counter for tests (how much the lookups examined), not a lookup.
const PRIVATE = ['constructor', 'add', 'anchor', 'holderCount', 'holdersOf', 'grouping', 'inOrder', 'seen', 'examined', 'selectingLabels', 'podLabelSets'];
/** Lookups that work through the overridden ones, or that runs without a base do not use. */
const THROUGH_OTHERS = ['observe', 'targeting', 'current', 'base', 'coverage'];

const BUFFER = `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db, labels: {app: db}}
spec: {serviceName: db, selector: {matchLabels: {app: db}}, template: {metadata: {labels: {app: db}}}}
---
apiVersion: v1
kind: Service
metadata: {name: db}
spec: {selector: {app: db}}
`;

const OTHER = `apiVersion: v1
kind: Service
metadata: {name: db}
spec: {selector: {app: db}}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: db}
spec: {selector: {matchLabels: {app: db}}}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: db-0}
spec: {selector: {matchLabels: {statefulset.kubernetes.io/pod-name: db-0}}}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: db}
spec: {scaleTargetRef: {kind: StatefulSet, name: db}}
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {generateName: db}
spec: {selector: {matchLabels: {app: db}}, template: {metadata: {labels: {app: db}}}}
`;

/** An older text of the buffer's file, as the context may still hold it: never to be looked up. */
const OLD_BUFFER = BUFFER.replace('kind: Service', 'kind: Service\n# old');

describe('LayeredIndex (src/lsp/layered-index.ts)', () => {
  it('overrides every lookup of ResourceIndex (a new lookup must be added to it)', () => {
    const lookups = Object.getOwnPropertyNames(ResourceIndex.prototype).filter((name) => !PRIVATE.includes(name) && !THROUGH_OTHERS.includes(name));
    const overridden = Object.getOwnPropertyNames(LayeredIndex.prototype);
    expect(lookups.filter((name) => !overridden.includes(name))).toEqual([]);
    expect(lookups.length).toBeGreaterThan(8);
  });

  it('answers every lookup as an index of the buffer\'s objects followed by the context\'s, the buffer\'s file left out of the context', () => {
    const buffer = loadSource('/w/buffer.yaml', BUFFER).resources;
    const old = loadSource('/w/buffer.yaml', OLD_BUFFER, { contextOnly: true }).resources;
    const other = loadSource('/w/other.yaml', OTHER, { contextOnly: true }).resources;
    const layered = new LayeredIndex(buffer, new ResourceIndex([...other, ...old]), '/w/buffer.yaml');
    const flat = new ResourceIndex([...buffer, ...other]);
    const [statefulSet, service] = buffer;
    const byKey = (resource: Resource) => resource.kind;
    const same = (ask: (index: ResourceIndex) => unknown) => expect(ask(layered)).toEqual(ask(flat));
    same((index) => index.resources);
    same((index) => index.linted);
    same((index) => index.ofKind('Service'));
    same((index) => index.inNamespace('StatefulSet', 'default'));
    same((index) => index.get('Service', 'default', 'db'));
    same((index) => index.all('Service', 'default', 'db'));
    same((index) => index.named('StatefulSet', 'db'));
    same((index) => index.firstDeclaration(service));
    same((index) => index.firstDeclaration(other[0]));
    same((index) => index.groupedBy('Service', 'kind', byKey, 'Service'));
    same((index) => index.podHoldersSelectedBy('default', { matchLabels: { app: 'db' } }));
    same((index) => index.selecting('Service', 'default', { app: 'db' }));
    same((index) => index.selecting('PodDisruptionBudget', 'default', { app: 'db' }));
    same((index) => index.selectingPodsOf('PodDisruptionBudget', statefulSet));
    same((index) => index.selectingPodsOf('Service', statefulSet));
    same((index) => index.podHoldersSelectedBy('default', { matchLabels: { 'statefulset.kubernetes.io/pod-name': 'db-0' } }));
    same((index) => index.targeting(statefulSet));
    same((index) => index.current(other[0]));
    expect(layered.ofKind('Service')).toHaveLength(2);
    expect(layered.targeting(statefulSet)).toHaveLength(1);
    expect(layered.selectingPodsOf('PodDisruptionBudget', statefulSet).map((budget) => budget.name)).toEqual(['db', 'db-0']);
  });
});
