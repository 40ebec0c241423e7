import { podSpecOf } from '../../src/k8s/pod-template.js';
import { isRecord } from '../../src/util/guards.js';
import type { Rule } from '../../src/types.js';

const EFFECTS = {
  whenDeleted: 'deleting the StatefulSet (or re-creating it with a deploy tool) deletes the PersistentVolumeClaims of its volumeClaimTemplates',
  whenScaled: 'scaling it down deletes the PersistentVolumeClaims of the removed pods, and scaling back up starts them on empty volumes',
} as const;

const rule: Rule = {
  meta: {
    id: 'statefulset-pvc-retention',
    severity: 'off',
    description: 'Report a StatefulSet whose PersistentVolumeClaim retention policy deletes claims',
    kinds: ['apps/StatefulSet'],
  },
  check(resource, context) {
    const policy = resource.object.spec?.persistentVolumeClaimRetentionPolicy;
    if (!podSpecOf(resource) || !isRecord(policy)) return;
    for (const field of ['whenDeleted', 'whenScaled'] as const) {
      if (policy[field] !== 'Delete') continue;
      context.report({
        path: ['spec', 'persistentVolumeClaimRetentionPolicy', field],
        message: `StatefulSet '${resource.name}' sets ${field}: Delete: ${EFFECTS[field]}, and with a Delete reclaim policy (the default for dynamically provisioned volumes) the data is gone; use Retain unless the data is disposable`,
      });
    }
  },
};

export default rule;
