import { claimVolumes, exclusiveAccessMode } from '../../src/k8s/claims.js';
import { podSpecOf } from '../../src/k8s/pod-template.js';
import { replicaCount } from '../../src/k8s/replicas.js';
import { defineRule } from '../../src/linter/rule.js';
import { isRecord } from '../../src/util/guards.js';
import type { ObjectPath } from '../../src/types.js';

const HANG =
  'the new pod cannot use the volume while the old pod holds it (Multi-Attach error when it lands on another node), so rollouts hang; set strategy.type: Recreate or run it as a StatefulSet';

export default defineRule({
  meta: {
    id: 'rwo-rolling-update',
    severity: 'warning',
    description: 'Warn when a Deployment rolls out with RollingUpdate while mounting a ReadWriteOnce claim',
    kinds: ['apps/Deployment', 'extensions/Deployment'],
    messages: {
      rollingUpdate: `Deployment '{{name}}' uses the RollingUpdate strategy with {{claims}}: ${HANG}`,
      defaultRollingUpdate: `Deployment '{{name}}' uses the RollingUpdate strategy (the default) with {{claims}}: ${HANG}`,
    },
  },
  check(resource, context) {
    if (!podSpecOf(resource)) return;
    const written = isRecord(resource.object.spec) ? resource.object.spec.strategy : undefined;
    if (written !== undefined && written !== null && !isRecord(written)) return; // malformed: the schema reports it
    const strategy = isRecord(written) ? written : {};
    const type = strategy.type ?? 'RollingUpdate';
    if (type !== 'RollingUpdate' || surgesNoPod(strategy)) return;
    // With more than one replica the pods already share the claim: rwo-shared-claim reports it.
    const count = replicaCount(resource, context.index);
    if (!count || count.max > 1) return;
    const claims = claimVolumes(resource, context.index).flatMap(({ claimName, claim, path }) => {
      const mode = claim && exclusiveAccessMode(claim);
      return mode ? [{ path, shown: `${mode} PersistentVolumeClaim '${claimName}'` }] : [];
    });
    if (claims.length === 0) return;
    const path: ObjectPath = isRecord(written) ? ['spec', 'strategy', 'type'] : claims[0].path;
    context.report({
      path,
      messageId: strategy.type === undefined ? 'defaultRollingUpdate' : 'rollingUpdate',
      data: { name: resource.name, claims: [...new Set(claims.map((claim) => claim.shown))].join(', ') },
    });
  },
});

/** maxSurge 0 makes a rolling update stop the old pod before starting the new one, as Recreate does. */
function surgesNoPod(strategy: Record<string, unknown>): boolean {
  const rollingUpdate = strategy.rollingUpdate;
  const maxSurge = isRecord(rollingUpdate) ? rollingUpdate.maxSurge : undefined;
  return maxSurge === 0 || (typeof maxSurge === 'string' && /^0+%$/.test(maxSurge.trim()));
}

