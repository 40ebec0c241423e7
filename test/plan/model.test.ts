import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PLAN_FIXTURES, planFixture, planText, statefulSet } from './helpers.js';

const www = (ordinal: number, storageClass: string | null = null) => ({
  template: 'www',
  name: `www-web-${ordinal}`,
  size: '1Gi',
  accessModes: ['ReadWriteOnce'],
  storageClass,
});

describe('plan of the Kubernetes documentation examples', () => {
  it('web (StatefulSet Basics tutorial): 2 pods, their DNS names, labels and claims', () => {
    const web = planFixture('web.yaml');
    expect(web.name).toBe('web');
    expect(web.namespace).toBe('default');
    expect(web.file).toBe(resolve(PLAN_FIXTURES, 'web.yaml'));
    expect(web.line).toBe(18); // the `kind: StatefulSet` line, as lint reports whole objects
    expect(web.replicas).toBe(2);
    expect(web.ordinals).toEqual({ first: 0, last: 1 });
    expect(web.podManagementPolicy).toBe('OrderedReady');
    expect(web.serviceName).toBe('nginx');
    expect(web.governingDomain).toBe('nginx.default.svc.cluster.local');
    expect(web.retention).toEqual({ whenDeleted: 'Retain', whenScaled: 'Retain' });
    expect(web.claimTemplates).toEqual([{ name: 'www', size: '1Gi', accessModes: ['ReadWriteOnce'], storageClass: null, storageClassInInputs: null }]);
    expect(web.pods).toEqual([
      {
        ordinal: 0,
        name: 'web-0',
        hostname: 'web-0',
        fqdn: 'web-0.nginx.default.svc.cluster.local',
        labels: { 'statefulset.kubernetes.io/pod-name': 'web-0', 'apps.kubernetes.io/pod-index': '0' },
        claims: [www(0)],
      },
      {
        ordinal: 1,
        name: 'web-1',
        hostname: 'web-1',
        fqdn: 'web-1.nginx.default.svc.cluster.local',
        labels: { 'statefulset.kubernetes.io/pod-name': 'web-1', 'apps.kubernetes.io/pod-index': '1' },
        claims: [www(1)],
      },
    ]);
    expect(web.order).toEqual({ oneAtATime: true, create: ['web-0', 'web-1'], stop: ['web-1', 'web-0'] });
    expect(web.update).toEqual({
      strategy: 'RollingUpdate',
      partition: 0,
      maxUnavailable: null,
      atOnce: 1,
      replaced: ['web-1', 'web-0'],
      unchanged: [],
    });
    expect(web.scale).toEqual([]);
    expect(web.delete).toBeNull();
    expect(web.problems).toEqual([]);
    expect(web.notes).toEqual([]);
    expect(web.autoscaler).toBeNull();
  });

  it('web (concept page): 3 replicas, minReadySeconds and a named storage class', () => {
    const web = planFixture('web-concept.yaml');
    expect(web.replicas).toBe(3);
    expect(web.minReadySeconds).toBe(10);
    expect(web.pods.map((pod) => pod.name)).toEqual(['web-0', 'web-1', 'web-2']);
    expect(web.pods.map((pod) => pod.claims)).toEqual([[www(0, 'my-storage-class')], [www(1, 'my-storage-class')], [www(2, 'my-storage-class')]]);
    expect(web.order.create).toEqual(['web-0', 'web-1', 'web-2']);
    expect(web.order.stop).toEqual(['web-2', 'web-1', 'web-0']);
    expect(web.update.replaced).toEqual(['web-2', 'web-1', 'web-0']);
  });

  it('Parallel: pods start and stop together, updates still go one at a time from the top', () => {
    const web = planFixture('web-parallel.yaml');
    expect(web.podManagementPolicy).toBe('Parallel');
    expect(web.order).toEqual({ oneAtATime: false, create: ['web-0', 'web-1'], stop: ['web-1', 'web-0'] });
    expect(web.update.replaced).toEqual(['web-1', 'web-0']);
    expect(planFixture('web-parallel.yaml', { scaleTo: [4] }).scale).toEqual([
      {
        from: 2,
        to: 4,
        oneAtATime: false,
        created: ['web-2', 'web-3'],
        deleted: [],
        claims: [
          { name: 'www-web-2', pod: 'web-2', effect: 'created' },
          { name: 'www-web-3', pod: 'web-3', effect: 'created' },
        ],
      },
    ]);
  });

  it('ordinals.start 5: pods, index labels and claims count from 5', () => {
    const web = planFixture('web-start-ordinal.yaml', { scaleTo: [1] });
    expect(web.ordinals).toEqual({ first: 5, last: 7 });
    expect(web.pods.map((pod) => [pod.name, pod.labels['apps.kubernetes.io/pod-index'], pod.claims[0].name])).toEqual([
      ['web-5', '5', 'www-web-5'],
      ['web-6', '6', 'www-web-6'],
      ['web-7', '7', 'www-web-7'],
    ]);
    expect(web.pods[0].fqdn).toBe('web-5.nginx.default.svc.cluster.local');
    expect(web.order.create).toEqual(['web-5', 'web-6', 'web-7']);
    expect(web.scale[0]).toMatchObject({ from: 3, to: 1, created: [], deleted: ['web-7', 'web-6'] });
  });

  it('partition 2: a template change replaces web-2 only', () => {
    const web = planFixture('web-partition.yaml');
    expect(web.update).toEqual({
      strategy: 'RollingUpdate',
      partition: 2,
      maxUnavailable: null,
      atOnce: 1,
      replaced: ['web-2'],
      unchanged: ['web-0', 'web-1'],
    });
  });

  it('partition 2 with ordinals.start 5: the partition counts from the first ordinal', () => {
    const web = planFixture('web-start-partition.yaml');
    expect(web.update.replaced).toEqual(['web-7']);
    expect(web.update.unchanged).toEqual(['web-5', 'web-6']);
  });

  it('a partition past the last pod replaces nothing', () => {
    const { plan } = planText(statefulSet('db', '  replicas: 2\n  updateStrategy: {rollingUpdate: {partition: 5}}\n'));
    expect(plan.statefulSets[0].update).toMatchObject({ partition: 5, replaced: [], unchanged: ['db-0', 'db-1'] });
  });

  it('OnDelete: a template change replaces no pod', () => {
    const web = planFixture('web-ondelete.yaml');
    expect(web.update).toEqual({
      strategy: 'OnDelete',
      partition: 0,
      maxUnavailable: null,
      atOnce: 1,
      replaced: [],
      unchanged: ['web-0', 'web-1', 'web-2'],
    });
  });
});

describe('scaling and deleting, per retention policy', () => {
  it('Retain (default), scale 3 → 1 → 3: the claims are kept, then re-attached to the same ordinals', () => {
    const web = planFixture('web-concept.yaml', { scaleTo: [1, 3], delete: true });
    expect(web.scale).toEqual([
      {
        from: 3,
        to: 1,
        oneAtATime: true,
        created: [],
        deleted: ['web-2', 'web-1'],
        claims: [
          { name: 'www-web-2', pod: 'web-2', effect: 'kept' },
          { name: 'www-web-1', pod: 'web-1', effect: 'kept' },
        ],
      },
      {
        from: 1,
        to: 3,
        oneAtATime: true,
        created: ['web-1', 'web-2'],
        deleted: [],
        claims: [
          { name: 'www-web-1', pod: 'web-1', effect: 'reattached' },
          { name: 'www-web-2', pod: 'web-2', effect: 'reattached' },
        ],
      },
    ]);
    expect(web.delete).toEqual({
      whenDeleted: 'Retain',
      pods: ['web-0', 'web-1', 'web-2'],
      claims: [
        { name: 'www-web-0', pod: 'web-0', effect: 'kept' },
        { name: 'www-web-1', pod: 'web-1', effect: 'kept' },
        { name: 'www-web-2', pod: 'web-2', effect: 'kept' },
      ],
    });
  });

  it('whenScaled Delete, scale 3 → 1 → 3: the claims go with their pods and come back empty', () => {
    const web = planFixture('web-retention-scaled.yaml', { scaleTo: [1, 3], delete: true });
    expect(web.retention).toEqual({ whenDeleted: 'Retain', whenScaled: 'Delete' });
    expect(web.scale.map((step) => step.claims)).toEqual([
      [
        { name: 'www-web-2', pod: 'web-2', effect: 'deleted' },
        { name: 'www-web-1', pod: 'web-1', effect: 'deleted' },
      ],
      [
        { name: 'www-web-1', pod: 'web-1', effect: 'created' },
        { name: 'www-web-2', pod: 'web-2', effect: 'created' },
      ],
    ]);
    expect(web.delete?.claims.map((claim) => claim.effect)).toEqual(['kept', 'kept', 'kept']);
  });

  it('whenDeleted Delete also deletes the claims an earlier scale-down kept', () => {
    const web = planFixture('web-retention-deleted.yaml', { scaleTo: [1], delete: true });
    expect(web.scale[0].claims.map((claim) => claim.effect)).toEqual(['kept', 'kept']);
    expect(web.delete).toEqual({
      whenDeleted: 'Delete',
      pods: ['web-0'],
      claims: [
        { name: 'www-web-0', pod: 'web-0', effect: 'deleted' },
        { name: 'www-web-1', pod: 'web-1', effect: 'deleted' },
        { name: 'www-web-2', pod: 'web-2', effect: 'deleted' },
      ],
    });
  });

  it('both Delete (concept page): scale-down and deletion both delete claims', () => {
    const web = planFixture('web-retention-delete.yaml', { scaleTo: [2], delete: true });
    expect(web.retention).toEqual({ whenDeleted: 'Delete', whenScaled: 'Delete' });
    expect(web.scale[0].claims).toEqual([{ name: 'www-web-2', pod: 'web-2', effect: 'deleted' }]);
    expect(web.delete?.claims).toEqual([
      { name: 'www-web-0', pod: 'web-0', effect: 'deleted' },
      { name: 'www-web-1', pod: 'web-1', effect: 'deleted' },
    ]);
  });

  it('a scale to the same count changes nothing, a scale to 0 deletes every pod', () => {
    const web = planFixture('web.yaml', { scaleTo: [2, 0] });
    expect(web.scale).toEqual([
      { from: 2, to: 2, oneAtATime: true, created: [], deleted: [], claims: [] },
      {
        from: 2,
        to: 0,
        oneAtATime: true,
        created: [],
        deleted: ['web-1', 'web-0'],
        claims: [
          { name: 'www-web-1', pod: 'web-1', effect: 'kept' },
          { name: 'www-web-0', pod: 'web-0', effect: 'kept' },
        ],
      },
    ]);
  });
});

describe('plan details', () => {
  it('names DNS after the namespace and the cluster domain (concept page table: kube.local, foo/nginx, foo/web)', () => {
    const { plan } = planText(statefulSet('web', '  serviceName: nginx\n  replicas: 1\n', '  namespace: foo\n'), {
      clusterDomain: 'kube.local',
    });
    expect(plan.clusterDomain).toBe('kube.local');
    expect(plan.statefulSets[0]).toMatchObject({
      namespace: 'foo',
      governingDomain: 'nginx.foo.svc.kube.local',
      pods: [{ name: 'web-0', fqdn: 'web-0.nginx.foo.svc.kube.local' }],
    });
  });

  it('defaults replicas to 1 and gives no DNS name without serviceName', () => {
    const { plan } = planText(statefulSet('db'));
    expect(plan.statefulSets[0]).toMatchObject({
      replicas: 1,
      serviceName: null,
      governingDomain: null,
      pods: [{ name: 'db-0', hostname: 'db-0', fqdn: null, claims: [] }],
      notes: [],
    });
  });

  it('plans no pod with replicas 0', () => {
    const db = planText(statefulSet('db', '  replicas: 0\n')).plan.statefulSets[0];
    expect(db).toMatchObject({ ordinals: { first: 0, last: null }, pods: [], order: { create: [], stop: [] } });
    expect(db.update.replaced).toEqual([]);
  });

  it('reads storage classes as the PersistentVolume controller does: the beta annotation first, "" as no class', () => {
    const templates = `  volumeClaimTemplates:
  - metadata: {name: a}
    spec: {storageClassName: "", resources: {requests: {storage: 5}}}
  - metadata: {name: b, annotations: {volume.beta.kubernetes.io/storage-class: fast}}
    spec: {storageClassName: slow, accessModes: [ReadWriteOncePod, 7]}
  - metadata: {name: c}
`;
    const { plan } = planText(statefulSet('db', templates));
    expect(plan.statefulSets[0].claimTemplates).toEqual([
      { name: 'a', size: '5', accessModes: [], storageClass: '', storageClassInInputs: null },
      { name: 'b', size: null, accessModes: ['ReadWriteOncePod'], storageClass: 'fast', storageClassInInputs: null },
      { name: 'c', size: null, accessModes: [], storageClass: null, storageClassInInputs: null },
    ]);
    expect(plan.statefulSets[0].pods[0].claims.map((claim) => claim.name)).toEqual(['a-db-0', 'b-db-0', 'c-db-0']);
  });

  it('notes the values it cannot plan with and uses the defaults', () => {
    const spec = `  replicas: three
  ordinals: {start: -1}
  podManagementPolicy: Burst
  minReadySeconds: 1.5
  updateStrategy: {type: Recreate, rollingUpdate: {partition: x}}
  persistentVolumeClaimRetentionPolicy: {whenScaled: Purge}
  volumeClaimTemplates:
  - spec: {}
  - 3
`;
    const db = planText(statefulSet('db', spec)).plan.statefulSets[0];
    expect(db).toMatchObject({ replicas: 1, ordinals: { first: 0, last: 0 }, podManagementPolicy: 'OrderedReady', minReadySeconds: 0 });
    expect(db.update.strategy).toBe('RollingUpdate');
    expect(db.retention.whenScaled).toBe('Retain');
    expect(db.claimTemplates).toEqual([]);
    expect(db.notes).toEqual([
      'spec.replicas is "three", not a whole number: planned with the default 1',
      'spec.ordinals.start is -1, not a whole number: planned with the default 0',
      'spec.podManagementPolicy "Burst" is not OrderedReady or Parallel: planned as OrderedReady',
      'spec.minReadySeconds is 1.5, not a whole number: planned with the default 0',
      'persistentVolumeClaimRetentionPolicy.whenScaled "Purge" is not Retain or Delete: planned as Retain',
      'spec.volumeClaimTemplates[0] has no metadata.name: skipped',
      'spec.updateStrategy.rollingUpdate.partition is "x", not a whole number: planned with the default 0',
      'spec.updateStrategy.type "Recreate" is not RollingUpdate or OnDelete: planned as RollingUpdate',
    ]);
  });

  it('survives a spec that is not a mapping and claim templates that are not a list', () => {
    expect(planText('apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db}\nspec: null\n').plan.statefulSets[0].pods).toHaveLength(1);
    const db = planText(statefulSet('db', '  volumeClaimTemplates: {name: data}\n')).plan.statefulSets[0];
    expect(db.notes).toEqual(['spec.volumeClaimTemplates is not a list: no claims planned']);
  });

  it('notes an autoscaler and a generated name', () => {
    const hpa = `---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: db-hpa}
spec: {scaleTargetRef: {apiVersion: apps/v1, kind: StatefulSet, name: db}, maxReplicas: 5}
`;
    expect(planText(statefulSet('db') + hpa).plan.statefulSets[0].notes).toEqual([
      "Runs 1 to 5 replicas (HorizontalPodAutoscaler 'db-hpa'): the plan follows spec.replicas",
    ]);
    const generated = statefulSet('db', '').replace('  name: db\n', '  generateName: db-\n');
    expect(planText(generated).plan.statefulSets[0].notes[0]).toMatch(/^metadata.name is not set: the API server appends a random suffix to generateName 'db-'/);
  });

  it('lists at most 10000 pods', () => {
    const db = planText(statefulSet('db', '  replicas: 2000000000\n'), { scaleTo: [2000000001] }).plan.statefulSets[0];
    expect(db.pods).toHaveLength(10_000);
    expect(db.scale[0].created).toEqual(['db-2000000000']);
    expect(db.notes).toEqual(['Only the first 10000 pods are listed']);
  });

  it('selects StatefulSets by name and namespace, and plans only apps StatefulSets', () => {
    const text = [
      statefulSet('a'),
      statefulSet('b', '', '  namespace: prod\n'),
      statefulSet('b'),
      'apiVersion: apps.kruise.io/v1beta1\nkind: StatefulSet\nmetadata: {name: c}\n',
    ].join('---\n');
    const names = (options: { name?: string; namespace?: string }) =>
      planText(text, options).plan.statefulSets.map((set) => `${set.namespace}/${set.name}`);
    expect(names({})).toEqual(['default/a', 'prod/b', 'default/b']);
    expect(names({ name: 'b' })).toEqual(['prod/b', 'default/b']);
    // As `kubectl -n prod`, a namespace also places the objects that set none: the second 'b' lands in prod too.
    expect(names({ name: 'b', namespace: 'prod' })).toEqual(['prod/b', 'prod/b']);
    expect(names({ namespace: 'default' })).toEqual(['default/a', 'default/b']);
    expect(planText(text, { name: 'c' })).toMatchObject({ found: 3, plan: { statefulSets: [] } });
  });
});
