import { podSpecOf } from '../../src/k8s/pod-template.js';
import { defineRule } from '../../src/linter/rule.js';
import { isRecord } from '../../src/util/guards.js';

const DATA_GONE =
  'and with a Delete reclaim policy (the default for dynamically provisioned volumes) the data is gone; use Retain unless the data is disposable';

export default defineRule({
  meta: {
    id: 'statefulset-pvc-retention',
    severity: 'off',
    description: 'Report a StatefulSet whose PersistentVolumeClaim retention policy deletes claims',
    kinds: ['apps/StatefulSet'],
    messages: {
      whenDeleted: `StatefulSet '{{name}}' sets whenDeleted: Delete: deleting the StatefulSet (or re-creating it with a deploy tool) deletes the PersistentVolumeClaims of its volumeClaimTemplates, ${DATA_GONE}`,
      whenScaled: `StatefulSet '{{name}}' sets whenScaled: Delete: scaling it down deletes the PersistentVolumeClaims of the removed pods, and scaling back up starts them on empty volumes, ${DATA_GONE}`,
    },
  },
  check(resource, context) {
    const policy = resource.object.spec?.persistentVolumeClaimRetentionPolicy;
    if (!podSpecOf(resource) || !isRecord(policy)) return;
    for (const field of ['whenDeleted', 'whenScaled'] as const) {
      if (policy[field] !== 'Delete') continue;
      context.report({ path: ['spec', 'persistentVolumeClaimRetentionPolicy', field], messageId: field, data: { name: resource.name } });
    }
  },
});
