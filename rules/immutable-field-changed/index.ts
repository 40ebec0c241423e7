import { describeValue, displayPath } from '../../src/base/compare.js';
import { CHECKED_KINDS, refusedChanges, statefulSetMutableFields, type RefusedChange } from '../../src/base/immutable.js';
import { firstOrdinal } from '../../src/k8s/pod-template.js';
import { defineRule } from '../../src/linter/rule.js';
import type { MessageData, Resource } from '../../src/types.js';
import { isRecord } from '../../src/util/guards.js';

const ORPHAN = 'kubectl delete statefulset {{name}} -n {{namespace}} --cascade=orphan';

/** Compares each object with its base (`--base`, `--base-files`): silent without one. */
export default defineRule({
  meta: {
    id: 'immutable-field-changed',
    severity: 'error',
    description: 'Disallow changes to fields the API server refuses to update, compared with the base (--base, --base-files)',
    kinds: CHECKED_KINDS,
    messages: {
      statefulSetSpec: `StatefulSet '{{name}}': {{field}} changes from {{old}} to {{new}}, but Kubernetes {{version}} refuses changes to StatefulSet spec fields other than {{mutable}}: kubectl apply and helm upgrade fail. To apply it, delete the StatefulSet but not its pods (${ORPHAN}) and apply again: the new StatefulSet adopts the running pods and their claims`,
      statefulSetSelector: `StatefulSet '{{name}}': {{field}} changes from {{old}} to {{new}}, and the API server refuses any change to spec.selector: kubectl apply and helm upgrade fail. To apply it, ${ORPHAN}, label the running pods so that the new selector selects them (else the new StatefulSet cannot adopt them, and cannot create pods of the same names), then apply again`,
      claimTemplate: `StatefulSet '{{name}}': {{field}} changes from {{old}} to {{new}}, but claim templates cannot change (Kubernetes {{version}}): kubectl apply and helm upgrade fail. ${ORPHAN} and applying again keeps the pods and their claims, but existing claims keep their old size, class and labels: the change reaches only claims created later`,
      claimTemplateStorage: `StatefulSet '{{name}}': the storage request of claim template '{{template}}' grows from {{old}} to {{new}}, but claim templates cannot change: kubectl apply and helm upgrade fail. Grow the existing claims one by one (kubectl patch pvc {{claim}} -n {{namespace}} -p '{"spec":{"resources":{"requests":{"storage":"{{new}}"}}}}', and so on for each ordinal; their StorageClass must allow volume expansion), then ${ORPHAN} and apply again (stslint plan --base lists the commands)`,
      selector: "{{kind}} '{{name}}': {{field}} changes from {{old}} to {{new}}, and the API server refuses any change to the selector of an apps/v1 {{kind}}: kubectl apply and helm upgrade fail. Delete the {{kind}} and apply again (its pods are replaced), or create it under a new name and delete the old one once the new pods are ready",
      jobField: "Job '{{name}}': {{field}} changes from {{old}} to {{new}}, and the API server refuses to change it on an existing Job: kubectl apply and helm upgrade fail. Delete the Job first (kubectl delete job {{name}} -n {{namespace}}; with Helm, a helm.sh/hook-delete-policy or ttlSecondsAfterFinished does it), or give the new Job a new name",
      clusterIP: "Service '{{name}}': {{field}} changes from {{old}} to {{new}}, and the API server refuses to change a Service's cluster IP once set (a headless Service cannot get an address, nor lose it): kubectl apply and helm upgrade fail. Delete the Service and apply it again (clients see the new address once they resolve the name again), or leave clusterIP out to keep the current one",
      serviceField: "Service '{{name}}': {{field}} changes from {{old}} to {{new}}, and the API server refuses it (may not change once set): kubectl apply and helm upgrade fail. Delete the Service and apply it again",
      claimSpec: "PersistentVolumeClaim '{{name}}': {{field}} changes from {{old}} to {{new}}, but a claim's spec cannot change after creation except its storage request: kubectl apply fails. Revert the change, or create a new claim and copy the data",
      claimShrink: "PersistentVolumeClaim '{{name}}': the storage request shrinks from {{old}} to {{new}}, and the API server refuses a request below the previous one (volumes do not shrink): kubectl apply fails. Keep {{old}}, or create a smaller claim and copy the data",
      storageClass: "StorageClass '{{name}}': {{field}} changes from {{old}} to {{new}}, and the API server refuses changes to it: kubectl apply fails. Delete the StorageClass and apply it again (existing volumes keep what they were made with; only new volumes use the new settings), or create it under a new name",
      immutableData: "{{kind}} '{{name}}' is immutable (immutable: true) and {{field}} changes from {{old}} to {{new}}: the API server refuses it. Create it under a new name and point the workloads at it, or delete it and apply again",
      immutableFlag: "{{kind}} '{{name}}' was created with immutable: true, which cannot be unset (now {{new}}): the API server refuses it. Delete it and apply again",
      secretType: "Secret '{{name}}': type changes from {{old}} to {{new}}, and the API server refuses to change a Secret's type: delete it and apply again",
    },
  },
  check(resource, context) {
    const base = context.index.base(resource);
    if (!base) return;
    for (const change of refusedChanges(base, resource, context.kubernetesVersion)) {
      context.report({ path: change.path, messageId: change.refusal, data: dataOf(change, resource, context.kubernetesVersion) });
    }
  },
});

function dataOf(change: RefusedChange, resource: Resource, version: string): MessageData {
  const data: Record<string, string> = {
    kind: resource.kind,
    name: resource.name,
    namespace: resource.namespace,
    field: displayPath(change.path),
    old: describeValue(change.old),
    new: describeValue(change.new),
    version,
    mutable: quoteList(statefulSetMutableFields(version)),
  };
  if (change.refusal === 'claimTemplateStorage') {
    const template = templateName(resource, change.path[2]);
    data.template = template;
    data.claim = `${template}-${resource.name}-${firstOrdinal(resource)}`;
  }
  return data;
}

function templateName(statefulSet: Resource, position: string | number | undefined): string {
  const templates = statefulSet.object.spec?.volumeClaimTemplates;
  const template: unknown = Array.isArray(templates) && typeof position === 'number' ? templates[position] : undefined;
  const name = isRecord(template) && isRecord(template.metadata) ? template.metadata.name : undefined;
  return typeof name === 'string' ? name : '<template>';
}

/** 'a', 'b' and 'c'. */
function quoteList(items: string[]): string {
  const quoted = items.map((item) => `'${item}'`);
  return `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}`;
}
