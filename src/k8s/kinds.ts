import type { Resource } from '../types.js';

/** Built-in kinds that are not namespaced: their namespace is '' whatever metadata.namespace says. */
export const CLUSTER_SCOPED_KINDS: ReadonlySet<string> = new Set([
  'APIService',
  'CertificateSigningRequest',
  'ClusterRole',
  'ClusterRoleBinding',
  'ComponentStatus',
  'CSIDriver',
  'CSINode',
  'CustomResourceDefinition',
  'FlowSchema',
  'IngressClass',
  'MutatingWebhookConfiguration',
  'Namespace',
  'Node',
  'PersistentVolume',
  'PriorityClass',
  'PriorityLevelConfiguration',
  'RuntimeClass',
  'StorageClass',
  'ValidatingAdmissionPolicy',
  'ValidatingAdmissionPolicyBinding',
  'ValidatingWebhookConfiguration',
  'VolumeAttachment',
]);

/** Kinds whose pods come from `spec.template`, selected by `spec.selector`. */
export const WORKLOAD_KINDS: ReadonlySet<string> = new Set([
  'DaemonSet',
  'Deployment',
  'ReplicaSet',
  'StatefulSet',
]);

/** An apps/v1 (or older apps/*) StatefulSet, not a custom resource sharing the kind name. */
export function isStatefulSet(resource: Resource): boolean {
  return resource.kind === 'StatefulSet' && resource.group === 'apps';
}
