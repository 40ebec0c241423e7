import type { Hover, Position } from 'vscode-languageserver/node';
import { isStatefulSet } from '../k8s/kinds.js';
import { rangeOf } from '../load/positions.js';
import { planStatefulSet } from '../plan/model.js';
import type { StatefulSetPlan } from '../plan/types.js';
import type { BufferState } from './diagnostics.js';

/** Most pods listed by name in a hover; the rest are counted. */
const MAX_PODS_SHOWN = 5;

/**
 * Over a StatefulSet's `metadata.name`: the summary of its plan (pods, DNS names, claims), as `stslint plan` makes it
 * for the workspace's target Kubernetes version (`kubernetesVersion` of `.stslint.yaml`, else the newest bundled).
 */
export function hover(state: BufferState, position: Position): Hover | null {
  const run = state.run;
  if (!run) return null;
  const line = position.line + 1;
  const column = position.character + 1;
  for (const resource of run.index.linted) {
    if (resource.source.path !== state.path || !isStatefulSet(resource)) continue;
    const name = rangeOf(resource, ['metadata', 'name']);
    const inside = (line > name.line || (line === name.line && column >= name.column)) && (line < name.endLine || (line === name.endLine && column <= name.endColumn));
    if (!inside) continue;
    const plan = planStatefulSet(resource, run.index, { clusterDomain: 'cluster.local', kubernetesVersion: run.index.kubernetesVersion, scaleTo: [], delete: false });
    return { contents: { kind: 'markdown', value: summary(plan) }, range: { start: { line: name.line - 1, character: name.column - 1 }, end: { line: name.endLine - 1, character: name.endColumn - 1 } } };
  }
  return null;
}

/** The plan in a few Markdown lines. */
export function summary(plan: StatefulSetPlan): string {
  const pods = plan.pods.map((pod) => pod.name);
  const shown = pods.length > MAX_PODS_SHOWN ? [...pods.slice(0, MAX_PODS_SHOWN - 1), '…', pods.at(-1)!] : pods;
  const lines = [
    `**StatefulSet ${plan.name}** (namespace ${plan.namespace}): ${plan.replicas} ${plan.replicas === 1 ? 'pod' : 'pods'}, ${plan.order.oneAtATime ? 'created one at a time (OrderedReady)' : 'created in parallel'}`,
    '',
    `- Pods: ${shown.length > 0 ? shown.map((name) => `\`${name}\``).join(', ') : 'none'}`,
    `- DNS: ${plan.governingDomain ? `\`${plan.pods[0]?.fqdn ?? `<pod>.${plan.governingDomain}`}\`${plan.pods.length > 1 ? ' …' : ''}` : 'no governing Service (serviceName)'}`,
    `- Claims: ${plan.claimTemplates.length > 0 ? plan.claimTemplates.map((template) => `\`${template.name}-${plan.name}-<ordinal>\` (${template.size ?? 'no size'}, ${template.accessModes.join(', ') || 'no access mode'})`).join('; ') : 'none (no volumeClaimTemplates)'}`,
    `- Deleting the StatefulSet: claims ${plan.retention.whenDeleted === 'Retain' ? 'kept' : 'deleted'}; scaling down: claims ${plan.retention.whenScaled === 'Retain' ? 'kept' : 'deleted'}`,
  ];
  return lines.join('\n');
}
