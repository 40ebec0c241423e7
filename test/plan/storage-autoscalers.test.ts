import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/plan/render-text.js';
import { documents, hpa, scaledObject, storageClass, type ObjectOptions } from '../helpers/manifests.js';
import { planText, statefulSet } from './helpers.js';

const templates = (...classes: (string | null)[]) =>
  `  volumeClaimTemplates:\n${classes.map((name, i) => `  - metadata: {name: t${i}}\n    spec: {${name === null ? '' : `storageClassName: ${name}, `}accessModes: [ReadWriteOnce]}\n`).join('')}`;
/** The HorizontalPodAutoscaler and the ScaledObject 'db' of the StatefulSet 'db', with these spec fields. */
const dbHpa = (spec: Record<string, unknown>) => hpa({ name: 'db', target: { kind: 'StatefulSet', name: 'db' }, spec });
const dbScaledObject = (spec: Record<string, unknown>, options: ObjectOptions = {}) => scaledObject({ name: 'db', target: { kind: 'StatefulSet', name: 'db' }, spec, ...options });
const only = (sources: string | Record<string, string>) => planText(sources).plan.statefulSets[0];

describe('plan: the StorageClass of each claim template, from the inputs', () => {
  it('shows the class named, with its provisioner, binding mode, reclaim policy and expansion', () => {
    const db = only({
      '/m/db.yaml': statefulSet('db', templates('fast', 'slow', '""')),
      '/m/classes.yaml': documents(storageClass({ name: 'fast', fields: { volumeBindingMode: 'WaitForFirstConsumer', reclaimPolicy: 'Retain', allowVolumeExpansion: true } }), storageClass({ name: 'slow' })),
    });
    expect(db.claimTemplates.map((template) => template.storageClassInInputs)).toEqual([
      { name: 'fast', default: false, provisioner: 'ebs.csi.aws.com', volumeBindingMode: 'WaitForFirstConsumer', reclaimPolicy: 'Retain', allowVolumeExpansion: true, file: '/m/classes.yaml', line: 2 },
      // The API server's defaults: Immediate, Delete, no expansion.
      { name: 'slow', default: false, provisioner: 'ebs.csi.aws.com', volumeBindingMode: 'Immediate', reclaimPolicy: 'Delete', allowVolumeExpansion: false, file: '/m/classes.yaml', line: 11 },
      // storageClassName "": no class.
      null,
    ]);
    // The pods' claims keep their short shape.
    expect(db.pods[0].claims[0]).toEqual({ template: 't0', name: 't0-db-0', size: null, accessModes: ['ReadWriteOnce'], storageClass: 'fast' });
  });

  it('gives a template that names no class the default StorageClass of the inputs, the newest of several', () => {
    const older = storageClass({ name: 'a-old', isDefault: true, metadata: { creationTimestamp: '2024-01-01T00:00:00Z' } });
    const newer = storageClass({ name: 'z-new', isDefault: true, metadata: { creationTimestamp: '2025-01-01T00:00:00Z' } });
    expect(only(documents(statefulSet('db', templates(null)), older, newer)).claimTemplates[0].storageClassInInputs).toMatchObject({ name: 'z-new', default: true });
    // Without timestamps, the first by name; a class marked "false" is not a default.
    const notDefault = storageClass({ name: '0-no', metadata: { annotations: { 'storageclass.kubernetes.io/is-default-class': 'false' } } });
    expect(only(documents(statefulSet('db', templates(null)), storageClass({ name: 'm', isDefault: true }), storageClass({ name: 'b', isDefault: true }), notDefault)).claimTemplates[0].storageClassInInputs).toMatchObject({ name: 'b', default: true });
    // No default among the inputs, or a class the inputs do not declare: null.
    expect(only(documents(statefulSet('db', templates(null, 'other')), storageClass({ name: 'm' }))).claimTemplates.map((t) => t.storageClassInInputs)).toEqual([null, null]);
  });

  it('prints the class under its claim template', () => {
    const { plan } = planText({ '/m/db.yaml': documents(statefulSet('db', templates(null)), storageClass({ name: 'gp3', isDefault: true, fields: { allowVolumeExpansion: true } })) });
    expect(renderText(plan, { color: false, cwd: '/m' })).toContain(
      '  Claim template t0: no size, ReadWriteOnce, storage class: cluster default\n' +
        '    default StorageClass gp3 (db.yaml:15): provisioner ebs.csi.aws.com, volumeBindingMode Immediate, reclaimPolicy Delete, volume expansion allowed\n',
    );
  });
});

describe('plan: the pods and claims an autoscaler lets exist', () => {
  it('takes an HPA range: minReplicas (default 1) to maxReplicas', () => {
    const db = only({ '/m/db.yaml': statefulSet('db', templates('a', 'b')), '/m/hpa.yaml': dbHpa({ maxReplicas: 5 }) });
    expect(db.autoscaler).toEqual({
      kind: 'HorizontalPodAutoscaler',
      name: 'db',
      file: '/m/hpa.yaml',
      line: 2,
      pods: { min: 1, max: 5 },
      ordinals: { first: 0, last: 4 },
      claims: { min: 2, max: 10 },
    });
  });

  it('takes a ScaledObject range with KEDA defaults (0 to 100), from ordinals.start', () => {
    const db = only(documents(statefulSet('db', `  ordinals: {start: 5}\n${templates('a')}`), dbScaledObject({}, { name: 'db-keda' })));
    expect(db.autoscaler).toMatchObject({ kind: 'ScaledObject', name: 'db-keda', pods: { min: 0, max: 100 }, ordinals: { first: 5, last: 104 }, claims: { min: 0, max: 100 } });
  });

  it('counts idleReplicaCount, the paused-replicas annotation and a maximum of 0', () => {
    const idle = dbScaledObject({ idleReplicaCount: 0, minReplicaCount: 2, maxReplicaCount: 4 });
    expect(only(documents(statefulSet('db'), idle)).autoscaler).toMatchObject({ pods: { min: 0, max: 4 } });
    const paused = dbScaledObject({}, { metadata: { annotations: { 'autoscaling.keda.sh/paused-replicas': '3' } } });
    expect(only(documents(statefulSet('db'), paused)).autoscaler).toMatchObject({ pods: { min: 3, max: 3 } });
    expect(only(documents(statefulSet('db'), dbScaledObject({ maxReplicaCount: 0 }))).autoscaler).toMatchObject({ pods: { min: 0, max: 0 }, ordinals: { first: 0, last: null } });
    // Bounds KEDA rejects (minimum above maximum): no range.
    expect(only(documents(statefulSet('db'), dbScaledObject({ minReplicaCount: 5, maxReplicaCount: 2 }))).autoscaler).toBeNull();
  });

  it('says what scaling to zero does to the claims', () => {
    const render = (spec: string) => {
      const { plan } = planText({ '/m/db.yaml': documents(statefulSet('db', `${spec}${templates('a')}`), dbScaledObject({ maxReplicaCount: 10 })) });
      return renderText(plan, { color: false, cwd: '/m' });
    };
    expect(render('')).toContain(
      '  Autoscaled by ScaledObject db (db.yaml:15): 0 to 10 pods (db-0 … db-9), 0 to 10 claims\n  0 pods: claims kept per whenScaled (Retain)\n',
    );
    expect(render('  persistentVolumeClaimRetentionPolicy: {whenScaled: Delete}\n')).toContain('  0 pods: claims deleted per whenScaled (Delete)\n');
    const withHpa = planText({ '/m/db.yaml': documents(statefulSet('db'), dbHpa({ minReplicas: 2, maxReplicas: 2 })) }).plan;
    const shown = renderText(withHpa, { color: false, cwd: resolve('/m') });
    expect(shown).toContain('  Autoscaled by HorizontalPodAutoscaler db (db.yaml:12): 2 pods (db-0 … db-1)\n');
    expect(shown).not.toContain('0 pods:');
  });
});
