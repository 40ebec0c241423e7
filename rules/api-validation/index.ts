import { podSpecOf } from '../../src/k8s/pod-template.js';
import { defineRule } from '../../src/linter/rule.js';
import { hasSchema } from '../../src/schema/builtin.js';
import { checkMetadata } from './metadata.js';
import { checkPodSpec } from './pod-spec.js';
import type { ApiValidationMessageId, Visit } from './problems.js';
import { checkSpec } from './workloads.js';

const messages = {
  invalidName: '{{what}} {{value}} {{reason}} (it must be {{rule}}); {{outcome}}',
  statefulSetHostname:
    "StatefulSet name {{value}} is not a DNS-1123 label ({{reason}}): Kubernetes {{version}} accepts the StatefulSet but refuses every pod it creates, as a pod's hostname such as {{hostname}} must be a DNS-1123 label (from 1.27 the StatefulSet itself is refused)",
  nameTooLongForLabel:
    '{{kind}} name {{value}} is {{length}} characters, more than {{limit}}: the name of what its controller creates would be refused (a Job labels its pods with its name, a label value of at most 63; a CronJob names its Jobs <name>-<up to 11 digits>)',
  invalidKey: '{{what}} {{value}} {{reason}}; {{outcome}}',
  invalidLabelValue: 'label value {{value}} of {{key}} {{reason}}; {{outcome}}',
  annotationsTooLarge: 'annotations total {{size}} bytes, more than the {{limit}} (256 KiB) the API server allows; {{outcome}}',
  selectorValues: 'a selector requirement with operator {{operator}} {{rule}}; {{outcome}}',
  emptySelector: 'spec.selector selects nothing (no matchLabels, no matchExpressions), which is invalid for a {{kind}}; {{outcome}}',
  invalidListedName: '{{what}} name {{value}} {{reason}}; {{outcome}}',
  duplicateName: '{{what}} name {{value}} is already used by {{other}}; {{outcome}}',
  invalidPort: '{{field}} {{value}} {{reason}}; {{outcome}}',
  duplicatePort:
    'port {{port}} is declared twice in the pod (also at {{other}}); the API server accepts it with a warning (duplicate port definition), and a tool that reads the ports gets two',
  duplicateHostPort: 'host port {{port}} is already used by {{other}}; two ports of the pod cannot bind the same host port; {{outcome}}',
  duplicateServicePort: 'port {{value}} is declared twice in the Service; {{outcome}}',
  invalidEnvName: '{{what}} {{value}} {{reason}} (Kubernetes {{version}}); {{outcome}}',
  invalidQuantity: '{{value}} {{reason}}; the API server cannot decode {{what}} and refuses it',
  negativeQuantity: '{{name}} {{value}} must not be negative; {{outcome}}',
  requestAboveLimit: 'the {{name}} request {{request}} is more than its limit {{limit}}; {{outcome}}',
  invalidIntOrPercent: "{{field}} {{value}} must be an integer or a percentage such as '25%'{{hint}}; {{outcome}}",
  percentAbove100: '{{field}} {{value}} must not be more than 100%; {{outcome}}',
  zeroNotAllowed: '{{field}} must not be {{value}}; {{outcome}}',
  mustBeOne: 'successThreshold of a {{probe}} is {{value}}; it must be 1; {{outcome}}',
  unnamedPort: 'a Service with several ports must name each of them; {{outcome}}',
  required: '{{what}} is required{{reason}}; {{outcome}}',
  forbidden: '{{what}} {{reason}}; {{outcome}}',
  requestNotLimit: 'the {{name}} request {{request}} must equal its limit {{limit}}: extended resources and huge pages cannot be overcommitted; {{outcome}}',
  invalidDataKey: 'key {{value}} {{reason}}; {{outcome}}',
  notBase64: 'Secret data {{key}} is not base64 (standard alphabet, padded with =); the API server cannot decode Secret {{name}} and refuses it',
  negative: '{{field}} is {{value}}; it must be 0 or more; {{outcome}}',
} as const satisfies Record<ApiValidationMessageId, string>;

export default defineRule({
  meta: {
    id: 'api-validation',
    severity: 'error',
    severities: ['error', 'warning'],
    description:
      'Disallow what the API server refuses beyond the schema: invalid names, labels, annotations, selectors, ports, environment variable names, quantities, percentages and negative counts',
    kinds: [
      'Pod',
      'Service',
      'ConfigMap',
      'Secret',
      'PersistentVolumeClaim',
      'ServiceAccount',
      'Namespace',
      'apps/StatefulSet',
      'apps/Deployment',
      'apps/DaemonSet',
      'apps/ReplicaSet',
      'batch/Job',
      'batch/CronJob',
      'policy/PodDisruptionBudget',
      'storage.k8s.io/StorageClass',
    ],
    messages,
  },
  check(resource, context) {
    // Objects of API versions the target does not serve are left to api-version-removed and the schema rule.
    if (!hasSchema(resource.apiVersion, resource.kind, context.kubernetesVersion)) return;
    const visit: Visit = { resource, version: context.kubernetesVersion, problems: [] };
    checkMetadata(visit);
    checkSpec(visit);
    const podSpec = podSpecOf(resource);
    if (podSpec) checkPodSpec(visit, podSpec);
    for (const { path, messageId, data, severity } of visit.problems) context.report({ path, messageId, data, severity });
  },
});
