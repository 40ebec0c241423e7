import { describe, expect, it } from 'vitest';
import { skipNote, skipReason, useOracle } from './client.js';

/** The oracle's protocol (oracle/main.go): answers in order, never a crash on bad input, and each op's shape. */
const skip = skipReason();

const statefulSet = {
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  metadata: { name: 'web' },
  spec: {
    serviceName: 'web',
    replicas: 2,
    selector: { matchLabels: { app: 'web' } },
    template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } },
    volumeClaimTemplates: [{ metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
  },
};

describe.skipIf(Boolean(skip))(`the oracle's protocol${skipNote(skip)}`, () => {
  const oracle = useOracle();

  it('accepts a valid StatefulSet and refuses an invalid one with the API server\'s causes', async () => {
    expect(await oracle().ask({ op: 'create', object: statefulSet })).toEqual({ errors: [] });
    const invalid = structuredClone(statefulSet);
    invalid.spec.replicas = -1;
    expect((await oracle().ask({ op: 'create', object: invalid })).errors).toEqual([
      { field: 'spec.replicas', type: 'FieldValueInvalid', detail: 'Invalid value: -1: must be greater than or equal to 0' },
    ]);
  });

  it('refuses unknown fields and values of the wrong type as a strict decode does', async () => {
    const typo = { ...statefulSet, spec: { ...statefulSet.spec, replica: 3 } };
    expect((await oracle().ask({ op: 'create', object: typo })).errors).toEqual([
      { field: 'spec.replica', type: 'FieldValueUnknown', detail: 'unknown field "spec.replica"' },
    ]);
    const fraction = { ...statefulSet, spec: { ...statefulSet.spec, replicas: 3.5 } };
    const [cause] = (await oracle().ask({ op: 'create', object: fraction })).errors!;
    expect(cause).toMatchObject({ field: 'spec.replicas', type: 'DecodeError' });
  });

  it('answers unsupported kinds, bad lines and unknown ops without stopping, in order', async () => {
    const answers = await Promise.all([
      oracle().ask({ op: 'create', object: { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' } } }),
      oracle().askLine('not json'),
      oracle().askLine(JSON.stringify({ op: 'frobnicate', object: {} })),
      oracle().ask({ op: 'update', old: statefulSet, object: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'web' } } }),
      oracle().ask({ op: 'create', object: statefulSet }),
    ]);
    expect(answers.map((a) => [a.unsupported ?? null, a.error?.split(':')[0] ?? null, a.errors])).toEqual([
      ['example.com/v1 Widget is not served by the oracle', null, null],
      [null, 'request is not a JSON object', null],
      [null, 'unknown op "frobnicate" (expected create, update, default or pods)', null],
      [null, 'old is a StatefulSet.apps, new a ConfigMap', null],
      [null, null, []],
    ]);
  });

  it('defaults as the API server stores the object', async () => {
    const { object } = await oracle().ask({ op: 'default', object: statefulSet });
    expect(object!.spec).toMatchObject({
      podManagementPolicy: 'OrderedReady',
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
      revisionHistoryLimit: 10,
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
    });
    expect(object!.spec.volumeClaimTemplates[0].spec.volumeMode).toBe('Filesystem');
    expect(object!.spec.template.spec.containers[0]).toMatchObject({ imagePullPolicy: 'IfNotPresent', terminationMessagePath: '/dev/termination-log' });
  });

  it('updates: an immutable field changed is refused, a default written down is not', async () => {
    const renamed = structuredClone(statefulSet);
    renamed.spec.serviceName = 'other';
    expect((await oracle().ask({ op: 'update', old: statefulSet, object: renamed })).errors).toEqual([
      expect.objectContaining({ field: 'spec', type: 'FieldValueForbidden' }),
    ]);
    const explicit = { ...statefulSet, spec: { ...statefulSet.spec, podManagementPolicy: 'OrderedReady' } };
    expect((await oracle().ask({ op: 'update', old: statefulSet, object: explicit })).errors).toEqual([]);
  });

  it('builds the pods of each ordinal as the controller does', async () => {
    const withStart = { ...statefulSet, spec: { ...statefulSet.spec, ordinals: { start: 3 } } };
    const { pods } = await oracle().ask({ op: 'pods', object: withStart });
    expect(pods!.map((pod) => [pod.name, pod.pod.spec.hostname, pod.pod.spec.subdomain, pod.claims.map((claim) => claim.name)])).toEqual([
      ['web-3', 'web-3', 'web', ['www-web-3']],
      ['web-4', 'web-4', 'web', ['www-web-4']],
    ]);
    const [first] = pods!;
    expect(first.errors).toEqual([]);
    expect(first.pod.metadata.labels).toMatchObject({ app: 'web', 'statefulset.kubernetes.io/pod-name': 'web-3', 'apps.kubernetes.io/pod-index': '3' });
    expect(first.pod.metadata.labels['controller-revision-hash']).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{1,10}$/);
    expect(first.pod.spec.volumes).toEqual([{ name: 'www', persistentVolumeClaim: { claimName: 'www-web-3' } }]);
  });
});
