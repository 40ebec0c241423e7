/**
 * Generated update pairs: a real object (old) and the same object with one field changed (new), for the kinds
 * whose immutable fields bite (StatefulSet, Deployment, Service, PersistentVolumeClaim, StorageClass). Some changes
 * only write down the value the API server defaults anyway (`podManagementPolicy: OrderedReady` added where it was
 * absent): an update check must not call those changes. Which changes are refused is the oracle's word.
 */
import type { Obj } from './inputs.js';

export interface Change {
  field: string;
  change: string;
  /** False when the change does not apply to this object (the field is already set, or absent). */
  applies(object: Obj): boolean;
  apply(object: Obj): void;
}

export const UPDATE_KINDS = ['StatefulSet', 'Deployment', 'Service', 'PersistentVolumeClaim', 'StorageClass'];

const always = () => true;

function change(field: string, description: string, applies: (object: Obj) => boolean, apply: (object: Obj) => void): Change {
  return { field, change: description, applies, apply };
}

/** Adds `value` at `parent[key]` where it is absent: a change that only writes down the default. */
function addDefault(field: string, parent: (object: Obj) => Obj | undefined, key: string, value: unknown): Change {
  return change(
    field,
    `add the default ${JSON.stringify(value)}`,
    (object) => parent(object) !== undefined && parent(object)![key] === undefined,
    (object) => (parent(object)![key] = value),
  );
}

const spec = (object: Obj) => object.spec;
const claimSpec = (object: Obj) => object.spec?.volumeClaimTemplates?.[0]?.spec;
const firstContainer = (object: Obj) => object.spec.template.spec.containers[0];
const addLabel = change('metadata.labels', 'add a label', always, (object) => (object.metadata.labels = { ...object.metadata.labels, 'stslint-test': 'x' }));

function selectorLabel(field: string): Change {
  return change(field, 'add a label (template too)', (object) => object.spec?.selector?.matchLabels !== undefined, (object) => {
    object.spec.selector.matchLabels['stslint-test'] = 'x';
    object.spec.template.metadata.labels = { ...object.spec.template.metadata.labels, 'stslint-test': 'x' };
  });
}

function workloadChanges(): Change[] {
  return [
    addLabel,
    change('spec.replicas', 'add 1', always, (object) => (object.spec.replicas = (object.spec.replicas ?? 1) + 1)),
    change('spec.template.spec.containers[0].image', 'change the tag', always, (object) => (firstContainer(object).image = `${firstContainer(object).image}-next`)),
    change('spec.template.metadata.labels', 'add a label', always, (object) => {
      object.spec.template.metadata.labels = { ...object.spec.template.metadata.labels, 'stslint-extra': 'x' };
    }),
    selectorLabel('spec.selector.matchLabels'),
    addDefault('spec.revisionHistoryLimit', spec, 'revisionHistoryLimit', 10),
    change('spec.minReadySeconds', 'set to 10', always, (object) => (object.spec.minReadySeconds = 10)),
  ];
}

const CHANGES: Record<string, Change[]> = {
  StatefulSet: [
    ...workloadChanges(),
    change('spec.serviceName', 'rename', always, (object) => (object.spec.serviceName = `${object.spec.serviceName ?? 'governing'}-next`)),
    change('spec.podManagementPolicy', 'switch to the other policy', always, (object) => {
      object.spec.podManagementPolicy = object.spec.podManagementPolicy === 'Parallel' ? 'OrderedReady' : 'Parallel';
    }),
    addDefault('spec.podManagementPolicy', spec, 'podManagementPolicy', 'OrderedReady'),
    addDefault('spec.updateStrategy', spec, 'updateStrategy', { type: 'RollingUpdate', rollingUpdate: { partition: 0 } }),
    change('spec.updateStrategy', '= {type: OnDelete}', always, (object) => (object.spec.updateStrategy = { type: 'OnDelete' })),
    addDefault('spec.persistentVolumeClaimRetentionPolicy', spec, 'persistentVolumeClaimRetentionPolicy', { whenDeleted: 'Retain', whenScaled: 'Retain' }),
    change('spec.persistentVolumeClaimRetentionPolicy', '= {whenDeleted: Delete}', always, (object) => {
      object.spec.persistentVolumeClaimRetentionPolicy = { whenDeleted: 'Delete' };
    }),
    change('spec.ordinals.start', '= 1', always, (object) => (object.spec.ordinals = { start: 1 })),
    change('spec.volumeClaimTemplates[0].spec.resources.requests.storage', 'double it', (object) => claimSpec(object)?.resources?.requests?.storage !== undefined, (object) => {
      claimSpec(object).resources.requests.storage = double(claimSpec(object).resources.requests.storage);
    }),
    change('spec.volumeClaimTemplates[0].spec.storageClassName', 'set to another class', (object) => claimSpec(object) !== undefined, (object) => {
      claimSpec(object).storageClassName = `${claimSpec(object).storageClassName ?? 'standard'}-next`;
    }),
    addDefault('spec.volumeClaimTemplates[0].spec.volumeMode', claimSpec, 'volumeMode', 'Filesystem'),
    change('spec.volumeClaimTemplates', 'add a claim template', always, (object) => {
      object.spec.volumeClaimTemplates = [
        ...(object.spec.volumeClaimTemplates ?? []),
        { metadata: { name: 'stslint-extra' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } },
      ];
    }),
  ],
  Deployment: [
    ...workloadChanges(),
    addDefault('spec.strategy', spec, 'strategy', { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } }),
    change('spec.strategy', '= {type: Recreate}', always, (object) => (object.spec.strategy = { type: 'Recreate' })),
    addDefault('spec.progressDeadlineSeconds', spec, 'progressDeadlineSeconds', 600),
  ],
  Service: [
    addLabel,
    change('spec.clusterIP', 'add "None" (make it headless)', (object) => object.spec?.clusterIP === undefined && (object.spec?.type ?? 'ClusterIP') === 'ClusterIP', (object) => {
      object.spec.clusterIP = 'None';
    }),
    change('spec.clusterIP', 'remove "None"', (object) => object.spec?.clusterIP === 'None', (object) => delete object.spec.clusterIP),
    change('spec.type', '= NodePort', (object) => (object.spec?.type ?? 'ClusterIP') === 'ClusterIP' && object.spec?.clusterIP !== 'None', (object) => {
      object.spec.type = 'NodePort';
    }),
    change('spec.ports[0].port', 'add 1', (object) => object.spec?.ports?.[0] !== undefined, (object) => (object.spec.ports[0].port += 1)),
    change('spec.selector', 'add a label', always, (object) => (object.spec.selector = { ...object.spec.selector, 'stslint-test': 'x' })),
    addDefault('spec.sessionAffinity', spec, 'sessionAffinity', 'None'),
    addDefault('spec.ipFamilyPolicy', (object) => (object.spec?.type === 'ExternalName' ? undefined : spec(object)), 'ipFamilyPolicy', 'SingleStack'),
    change('spec.ipFamilies', '= ["IPv6"]', (object) => object.spec?.type !== 'ExternalName', (object) => (object.spec.ipFamilies = ['IPv6'])),
    change('spec.publishNotReadyAddresses', 'toggle', always, (object) => (object.spec.publishNotReadyAddresses = !object.spec.publishNotReadyAddresses)),
  ],
  PersistentVolumeClaim: [
    addLabel,
    change('spec.resources.requests.storage', 'double it', (object) => object.spec?.resources?.requests?.storage !== undefined, (object) => {
      object.spec.resources.requests.storage = double(object.spec.resources.requests.storage);
    }),
    change('spec.accessModes', '= [ReadWriteMany]', always, (object) => (object.spec.accessModes = ['ReadWriteMany'])),
    change('spec.storageClassName', 'set to another class', always, (object) => (object.spec.storageClassName = `${object.spec.storageClassName ?? 'standard'}-next`)),
    addDefault('spec.volumeMode', spec, 'volumeMode', 'Filesystem'),
  ],
  StorageClass: [
    addLabel,
    change('parameters', 'add a parameter', always, (object) => (object.parameters = { ...object.parameters, 'stslint-test': 'x' })),
    change('provisioner', 'change it', always, (object) => (object.provisioner = `${object.provisioner}-next`)),
    addDefault('reclaimPolicy', (object) => object, 'reclaimPolicy', 'Delete'),
    change('reclaimPolicy', 'switch Delete ⇄ Retain', always, (object) => (object.reclaimPolicy = object.reclaimPolicy === 'Retain' ? 'Delete' : 'Retain')),
    addDefault('volumeBindingMode', (object) => object, 'volumeBindingMode', 'Immediate'),
    change('volumeBindingMode', 'switch Immediate ⇄ WaitForFirstConsumer', always, (object) => {
      object.volumeBindingMode = object.volumeBindingMode === 'WaitForFirstConsumer' ? 'Immediate' : 'WaitForFirstConsumer';
    }),
    change('allowVolumeExpansion', 'toggle', always, (object) => (object.allowVolumeExpansion = !object.allowVolumeExpansion)),
    change('mountOptions', 'add one', always, (object) => (object.mountOptions = [...(object.mountOptions ?? []), 'debug'])),
  ],
};

/** The changes of an object's kind that apply to it. */
export function changesOf(object: Obj): Change[] {
  return (CHANGES[object.kind] ?? []).filter((c) => c.applies(object));
}

/** A storage quantity doubled, keeping its suffix ("10Gi" → "20Gi"; a plain number doubled). */
function double(quantity: unknown): unknown {
  if (typeof quantity === 'number') return quantity * 2;
  const match = /^(\d+)(.*)$/.exec(String(quantity));
  return match ? `${Number(match[1]) * 2}${match[2]}` : quantity;
}
