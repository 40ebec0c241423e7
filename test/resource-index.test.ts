import { describe, expect, it } from 'vitest';
import { loadSource } from '../src/load/source.js';
import { ResourceIndex } from '../src/k8s/resource-index.js';
import { lintSources } from '../src/lint.js';
import { defineRule, type AnyRule } from '../src/linter/rule.js';
// @ts-expect-error: a JavaScript module without types (the scale benchmark's generator)
import { application } from '../bench/generate-scale.mjs';

const text = `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  selector: {matchLabels: {app: db}}
  template: {metadata: {labels: {app: db, tier: data}}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  template: {metadata: {labels: {app: web}}}
---
apiVersion: v1
kind: Service
metadata: {name: db}
spec: {clusterIP: None, selector: {app: db}}
---
apiVersion: v1
kind: Service
metadata: {name: manual}
spec: {ports: [{port: 80}]}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: all}
spec: {selector: {}, maxUnavailable: 1}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: data}
spec: {selector: {matchExpressions: [{key: tier, operator: In, values: [data]}]}}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: none}
spec: {maxUnavailable: 1}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: db}
spec: {scaleTargetRef: {apiVersion: apps/v1, kind: StatefulSet, name: db}, maxReplicas: 5}
`;
const index = new ResourceIndex(loadSource('a.yaml', text).resources);
const names = (resources: readonly { name: string }[]) => resources.map((r) => r.name).sort();

describe('ResourceIndex', () => {
  it('finds by kind, namespace and name', () => {
    expect(index.get('Service', 'default', 'db')?.kind).toBe('Service');
    expect(index.get('Service', 'shop', 'db')).toBeUndefined();
    expect(names(index.named('Deployment', 'web'))).toEqual(['web']);
    expect(names(index.inNamespace('Deployment', 'shop'))).toEqual(['web']);
    expect(index.ofKind('PodDisruptionBudget')).toHaveLength(3);
  });

  it('finds pod holders by selector, within the namespace', () => {
    expect(names(index.podHoldersSelectedBy('default', { matchLabels: { app: 'db' } }))).toEqual(['db']);
    expect(names(index.podHoldersSelectedBy('default', { matchLabels: { app: 'web' } }))).toEqual([]);
    expect(names(index.podHoldersSelectedBy('shop', { matchExpressions: [{ key: 'app', operator: 'Exists' }] }))).toEqual(['web']);
  });

  it('finds the selecting objects of pod labels', () => {
    const labels = { app: 'db', tier: 'data' };
    expect(names(index.selecting('Service', 'default', labels))).toEqual(['db']);
    // policy/v1: an empty selector selects every pod; a missing one selects none.
    expect(names(index.selecting('PodDisruptionBudget', 'default', labels))).toEqual(['all', 'data']);
    expect(names(index.selecting('PodDisruptionBudget', 'shop', labels))).toEqual([]);
  });

  it('finds what targets a workload', () => {
    const statefulSet = index.get('StatefulSet', 'default', 'db')!;
    expect(names(index.targeting(statefulSet))).toEqual(['db']);
  });
});

describe('ResourceIndex.observe', () => {
  it('tells the observer every linted object a lookup returns, and nothing outside `observe`', () => {
    const linted = loadSource('a.yaml', text).resources;
    const context = loadSource('b.yaml', 'apiVersion: v1\nkind: Service\nmetadata: {name: ctx}\nspec: {selector: {app: db}}\n', { contextOnly: true }).resources;
    const both = new ResourceIndex([...linted, ...context]);
    const seen: string[] = [];
    const found = both.observe(
      (resource) => seen.push(`${resource.kind}/${resource.name}`),
      () => [both.selecting('Service', 'default', { app: 'db' }), both.get('StatefulSet', 'default', 'db'), both.named('Deployment', 'nope')],
    );
    expect(names(found[0] as { name: string }[])).toEqual(['ctx', 'db']);
    expect(seen).toEqual(['Service/db', 'StatefulSet/db']);
    both.get('Service', 'default', 'db');
    expect(seen).toHaveLength(2);
  });

  it('finds the first declaration of an object of the same group, kind, namespace and metadata.name', () => {
    const twice = new ResourceIndex(loadSource('c.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {generateName: c}\n').resources);
    const [first, second, generated] = twice.ofKind('ConfigMap');
    expect(twice.firstDeclaration(second)).toBe(first);
    expect(twice.firstDeclaration(first)).toBe(first);
    expect(twice.firstDeclaration(generated)).toBeUndefined();
  });
});

// Lookups must stay linear in the number of objects: each lookup may examine only the objects that can answer it,
// never a whole kind. Counted (ResourceIndex.examined), not timed: the same generated set at two sizes.
describe('lookups on a large set', () => {
  /** Objects examined per object of the run, linting `applications` generated applications (3 objects each). */
  const examinedPerObject = (applications: number, registry?: AnyRule[]) => {
    const sources = [];
    for (let first = 0; first < applications; first += 33) {
      const texts = Array.from({ length: Math.min(33, applications - first) }, (_, i) => application(first + i));
      sources.push({ path: `f${first}.yaml`, text: texts.join('---\n') });
    }
    const run = lintSources(sources, registry ? { registry } : {});
    expect(run.stats.resources).toBe(applications * 3);
    return run.index.examined / run.stats.resources;
  };

  it('examine about as many objects per object at 300 objects as at 3,000, with every rule on', () => {
    const small = examinedPerObject(100);
    const large = examinedPerObject(1000);
    expect(small).toBeGreaterThan(1);
    expect(large).toBeLessThan(small * 1.3);
  });

  it('catch a rule that goes through a whole kind for each object', () => {
    const scanning = defineRule({
      meta: { id: 'scanning', severity: 'warning', description: 'Test rule', kinds: ['Service'], messages: { found: 'found' } },
      check(service, context) {
        if (context.index.ofKind('Service').some((other) => other !== service && other.name === service.name)) context.report({ messageId: 'found' });
      },
    });
    expect(examinedPerObject(1000, [scanning])).toBeGreaterThan(examinedPerObject(100, [scanning]) * 5);
  });
});
