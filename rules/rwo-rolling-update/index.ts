import { claimVolumes, exclusiveAccessMode } from '../../src/k8s/claims.js';
import { isZero, scaledValue } from '../../src/k8s/int-or-percent.js';
import { podSpecOf } from '../../src/k8s/pod-template.js';
import { replicaCount } from '../../src/k8s/replicas.js';
import { defineRule } from '../../src/linter/rule.js';
import { isRecord } from '../../src/util/guards.js';
import type { ObjectPath, Resource } from '../../src/types.js';

const HANG =
  'comes to 0 pods of 1 replica (the Deployment controller rounds it down), so the old pod keeps the volume until the new pod is ready, and the new pod cannot use it while the old one holds it (Multi-Attach error when it lands on another node): the rollout hangs; set rollingUpdate.maxUnavailable: 1 or strategy.type: Recreate, or run it as a StatefulSet';

export default defineRule({
  meta: {
    id: 'rwo-rolling-update',
    severity: 'warning',
    description: 'Warn when the rolling update of a one-replica Deployment waits for a new pod that cannot mount its ReadWriteOnce claim',
    kinds: ['apps/Deployment', 'extensions/Deployment'],
    messages: {
      rollingUpdate: `Deployment '{{name}}' mounts {{claims}} and rolls out with RollingUpdate, whose maxUnavailable {{maxUnavailable}} ${HANG}`,
      defaultRollingUpdate: `Deployment '{{name}}' mounts {{claims}} and rolls out with RollingUpdate (the default), whose maxUnavailable {{maxUnavailable}} ${HANG}`,
      recreate: "Set strategy.type: Recreate on Deployment '{{name}}' (the old pod stops before the new one starts)",
    },
  },
  check(resource, context) {
    if (!podSpecOf(resource)) return;
    const written = isRecord(resource.object.spec) ? resource.object.spec.strategy : undefined;
    if (written !== undefined && written !== null && !isRecord(written)) return; // malformed: the schema reports it
    const strategy = isRecord(written) ? written : {};
    if ((strategy.type ?? 'RollingUpdate') !== 'RollingUpdate') return;
    // With more than one replica the pods already share the claim: rwo-shared-claim reports it. No replica: no rollout.
    const count = replicaCount(resource, context.index);
    if (!count || count.max !== 1) return;
    const maxUnavailable = keptOldPod(resource, strategy);
    if (maxUnavailable === undefined) return;
    const claims = claimVolumes(resource, context.index).flatMap(({ claimName, claim, path }) => {
      const mode = claim && exclusiveAccessMode(claim);
      return mode ? [{ path, shown: `${mode} PersistentVolumeClaim '${claimName}'` }] : [];
    });
    if (claims.length === 0) return;
    const rollingUpdate = strategy.rollingUpdate;
    let path: ObjectPath = claims[0].path;
    if (isRecord(rollingUpdate) && rollingUpdate.maxUnavailable != null) path = ['spec', 'strategy', 'rollingUpdate', 'maxUnavailable'];
    else if (isRecord(written)) path = ['spec', 'strategy', 'type'];
    context.report({
      path,
      messageId: strategy.type === undefined ? 'defaultRollingUpdate' : 'rollingUpdate',
      data: { name: resource.name, maxUnavailable, claims: [...new Set(claims.map((claim) => claim.shown))].join(', ') },
      // rollingUpdate must go with it: the API server refuses it beside type Recreate.
      suggest: [{ messageId: 'recreate', data: { name: resource.name }, edits: [{ path: ['spec', 'strategy', 'type'], value: 'Recreate' }, { path: ['spec', 'strategy', 'rollingUpdate'] }] }],
    });
  },
});

/**
 * The Deployment controller's fenceposts for one replica (`ResolveFenceposts`, pkg/controller/deployment/util):
 * maxSurge scaled and rounded up, maxUnavailable scaled and rounded down, and maxUnavailable raised to 1 when both
 * come to 0. The old pod is kept until the new one is ready exactly when maxUnavailable comes to 0: returns it as
 * shown in the message ("25% (the default)"), or undefined when the old pod is stopped first or a value is invalid.
 * Defaults (SetDefaults_Deployment): 25% each in apps, 1 each in extensions/v1beta1.
 */
function keptOldPod(deployment: Resource, strategy: Record<string, unknown>): string | undefined {
  const rollingUpdate = isRecord(strategy.rollingUpdate) ? strategy.rollingUpdate : {};
  const fallback = deployment.group === 'extensions' ? 1 : '25%';
  const maxSurge = rollingUpdate.maxSurge ?? fallback;
  const maxUnavailable = rollingUpdate.maxUnavailable ?? fallback;
  // Both written as 0: API validation refuses the Deployment.
  if (isZero(maxSurge) && isZero(maxUnavailable)) return undefined;
  const surge = scaledValue(maxSurge, 1, true);
  const unavailable = scaledValue(maxUnavailable, 1, false);
  if (surge === undefined || unavailable === undefined || surge === 0 || unavailable > 0) return undefined;
  return rollingUpdate.maxUnavailable == null ? `${String(maxUnavailable)} (the default)` : String(maxUnavailable);
}
