import { describe, expect, it } from 'vitest';
import { lintSources } from '../src/lint.js';
import { containersOf, podSpecOf, podVolumeNames, POD_SPEC_KINDS, volumeUsesOf } from '../src/k8s/pod-template.js';
import type { Resource } from '../src/types.js';
import type { Rule } from '../src/linter/rule.js';

/** Load YAML and return its resources, by running a rule that only collects them. */
function resourcesOf(text: string): Resource[] {
  const seen: Resource[] = [];
  const collect: Rule = {
    meta: { id: 'collect', severity: 'error', description: 'Collect resources', messages: {} },
    check: (resource) => void seen.push(resource),
  };
  lintSources([{ path: 'test.yaml', text }], { registry: [collect] });
  return seen;
}

function only(text: string): Resource {
  const [resource] = resourcesOf(text);
  return resource;
}

const containers = `
      initContainers: [{ name: init }]
      containers: [{ name: app }, { name: sidecar }]
      ephemeralContainers: [{ name: debug }]`;

describe('podSpecOf', () => {
  it.each([
    ['apps/v1', 'StatefulSet'],
    ['apps/v1', 'Deployment'],
    ['apps/v1', 'ReplicaSet'],
    ['apps/v1', 'DaemonSet'],
    ['extensions/v1beta1', 'Deployment'],
    ['v1', 'ReplicationController'],
    ['batch/v1', 'Job'],
  ])('finds spec.template.spec of %s %s', (apiVersion, kind) => {
    const text = `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata: { name: x }\nspec:\n  template:\n    spec:${containers}\n`;
    const found = podSpecOf(only(text));
    expect(found?.path).toEqual(['spec', 'template', 'spec']);
    expect(found?.spec.containers).toHaveLength(2);
  });

  it('finds the pod spec of a CronJob inside its jobTemplate', () => {
    const found = podSpecOf(
      only(`apiVersion: batch/v1\nkind: CronJob\nmetadata: { name: x }\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers: [{ name: app }]\n`),
    );
    expect(found?.path).toEqual(['spec', 'jobTemplate', 'spec', 'template', 'spec']);
    expect(found?.spec.containers).toEqual([{ name: 'app' }]);
  });

  it("finds a Pod's own spec", () => {
    const found = podSpecOf(only(`apiVersion: v1\nkind: Pod\nmetadata: { name: x }\nspec:\n  containers: [{ name: app }]\n`));
    expect(found?.path).toEqual(['spec']);
  });

  it.each([
    ['a kind without pods', 'apiVersion: v1\nkind: Service\nmetadata: { name: x }\nspec: {}\n'],
    ['a custom resource named like a workload', 'apiVersion: batch.volcano.sh/v1alpha1\nkind: Job\nmetadata: { name: x }\nspec:\n  template:\n    spec: {}\n'],
    ['a null spec', 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata: { name: x }\nspec: null\n'],
    ['a template that is a list', 'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: x }\nspec:\n  template: []\n'],
    ['a pod spec that is a string', 'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: x }\nspec:\n  template:\n    spec: text\n'],
  ])('returns undefined for %s', (_case, text) => {
    expect(podSpecOf(only(text))).toBeUndefined();
  });

  it('lists the kinds it knows', () => {
    expect(POD_SPEC_KINDS).toEqual([
      'Pod',
      'ReplicationController',
      'apps/DaemonSet',
      'apps/Deployment',
      'apps/ReplicaSet',
      'apps/StatefulSet',
      'batch/CronJob',
      'batch/Job',
      'extensions/DaemonSet',
      'extensions/Deployment',
      'extensions/ReplicaSet',
    ]);
  });
});

describe('containersOf', () => {
  it('yields init, regular and ephemeral containers with their paths', () => {
    const base = ['spec', 'template', 'spec'];
    const podSpec = {
      initContainers: [{ name: 'init' }],
      containers: [{ name: 'app' }, { name: 'b' }],
      ephemeralContainers: [{ name: 'dbg' }],
    };
    const found = [...containersOf(podSpec, base)];
    expect(found.map(({ container, path, list }) => [container.name, path, list])).toEqual([
      ['init', [...base, 'initContainers', 0], 'initContainers'],
      ['app', [...base, 'containers', 0], 'containers'],
      ['b', [...base, 'containers', 1], 'containers'],
      ['dbg', [...base, 'ephemeralContainers', 0], 'ephemeralContainers'],
    ]);
  });

  it('skips lists and items of the wrong shape, keeping the real index', () => {
    const found = [...containersOf({ containers: [null, 'x', { name: 'app' }], initContainers: { name: 'no' } }, ['spec'])];
    expect(found.map(({ path }) => path)).toEqual([['spec', 'containers', 2]]);
  });

  it('yields nothing for an empty pod spec', () => {
    expect([...containersOf({}, ['spec'])]).toEqual([]);
  });
});

describe('volumeUsesOf', () => {
  it('yields the named volumeMounts and volumeDevices entries with the path of their name', () => {
    const container = {
      volumeMounts: [{ name: 'data', mountPath: '/d' }, { mountPath: '/x' }, null, { name: 'config' }],
      volumeDevices: [{ name: 'disk', devicePath: '/dev/x' }],
    };
    const uses = [...volumeUsesOf({ container, path: ['spec', 'containers', 1], list: 'containers' })];
    expect(uses).toEqual([
      { name: 'data', path: ['spec', 'containers', 1, 'volumeMounts', 0, 'name'], field: 'volumeMounts' },
      { name: 'config', path: ['spec', 'containers', 1, 'volumeMounts', 3, 'name'], field: 'volumeMounts' },
      { name: 'disk', path: ['spec', 'containers', 1, 'volumeDevices', 0, 'name'], field: 'volumeDevices' },
    ]);
  });

  it('yields nothing when the lists are missing or not lists', () => {
    const container = { volumeMounts: { name: 'data' } };
    expect([...volumeUsesOf({ container, path: ['spec', 'containers', 0], list: 'containers' })]).toEqual([]);
  });
});

describe('podVolumeNames', () => {
  it('collects the names of the pod volumes, skipping entries of the wrong shape', () => {
    expect(podVolumeNames({ volumes: [{ name: 'a', emptyDir: {} }, null, { name: 3 }, { name: 'b' }] })).toEqual(new Set(['a', 'b']));
  });

  it('is empty without volumes', () => {
    expect(podVolumeNames({ volumes: 'x' })).toEqual(new Set());
    expect(podVolumeNames({})).toEqual(new Set());
  });
});
