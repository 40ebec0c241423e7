import { byNaturalOrder } from '../util/compare.js';
import { claimName, ordinalRange, podName } from './names.js';
import type { ClaimChange, ClaimEffect, ClaimTemplate, DeletePlan, RetentionPolicy, ScaleStep } from './types.js';

export interface StatefulSetShape {
  name: string;
  first: number;
  replicas: number;
  claimTemplates: readonly ClaimTemplate[];
  oneAtATime: boolean;
  retention: { whenDeleted: RetentionPolicy; whenScaled: RetentionPolicy };
}

/**
 * Scale steps and deletion, played one after the other from the manifest's replica count.
 *
 * - Scaling up creates the missing ordinals, lowest first; the controller creates a claim only when none of
 *   that name exists (stateful_pod_control.go, createPersistentVolumeClaims), so a claim kept by an earlier
 *   scale-down is re-attached with its data.
 * - Scaling down deletes the highest ordinals first. whenScaled: Delete makes the condemned pod the owner of
 *   its claims, which the garbage collector deletes once the pod is gone; Retain keeps them.
 * - With whenDeleted: Delete every claim still there carries an owner reference to the StatefulSet, including
 *   claims kept by a scale-down (stateful_set_utils.go, updateClaimOwnerRefForSetAndPod).
 */
export function lifecycle(
  shape: StatefulSetShape,
  options: { scaleTo: readonly number[]; delete: boolean },
): { scale: ScaleStep[]; delete: DeletePlan | null } {
  let count = shape.replicas;
  /** Claims kept by a scale-down of this plan, by claim name. */
  const kept = new Map<string, ClaimChange>();
  const scale = options.scaleTo.map((to) => {
    const step = to >= count ? scaleUp(shape, count, to, kept) : scaleDown(shape, count, to, kept);
    count = to;
    return step;
  });
  return { scale, delete: options.delete ? deletion(shape, count, kept) : null };
}

function scaleUp(shape: StatefulSetShape, from: number, to: number, kept: Map<string, ClaimChange>): ScaleStep {
  const ordinals = ordinalRange(shape.first + from, to - from);
  const claims = ordinals.flatMap((ordinal) =>
    claimsOf(shape, ordinal, (name) => {
      const reattached = kept.delete(name);
      return reattached ? 'reattached' : 'created';
    }),
  );
  return {
    from,
    to,
    oneAtATime: shape.oneAtATime,
    created: ordinals.map((ordinal) => podName(shape.name, ordinal)),
    deleted: [],
    claims,
  };
}

function scaleDown(shape: StatefulSetShape, from: number, to: number, kept: Map<string, ClaimChange>): ScaleStep {
  const ordinals = ordinalRange(shape.first + to, from - to).reverse();
  const effect: ClaimEffect = shape.retention.whenScaled === 'Delete' ? 'deleted' : 'kept';
  const claims = ordinals.flatMap((ordinal) => claimsOf(shape, ordinal, () => effect));
  if (effect === 'kept') for (const claim of claims) kept.set(claim.name, claim);
  return {
    from,
    to,
    oneAtATime: shape.oneAtATime,
    created: [],
    deleted: ordinals.map((ordinal) => podName(shape.name, ordinal)),
    claims,
  };
}

function deletion(shape: StatefulSetShape, count: number, kept: Map<string, ClaimChange>): DeletePlan {
  const ordinals = ordinalRange(shape.first, count);
  const effect: ClaimEffect = shape.retention.whenDeleted === 'Delete' ? 'deleted' : 'kept';
  const current = ordinals.flatMap((ordinal) => claimsOf(shape, ordinal, () => effect));
  const earlier = [...kept.values()].map((claim) => ({ ...claim, effect }));
  return {
    whenDeleted: shape.retention.whenDeleted,
    pods: ordinals.map((ordinal) => podName(shape.name, ordinal)),
    claims: [...current, ...earlier.sort((a, b) => byNaturalOrder(a.name, b.name))],
  };
}

function claimsOf(shape: StatefulSetShape, ordinal: number, effectOf: (name: string) => ClaimEffect): ClaimChange[] {
  const pod = podName(shape.name, ordinal);
  return shape.claimTemplates.map((template) => {
    const name = claimName(template.name, shape.name, ordinal);
    return { name, pod, effect: effectOf(name) };
  });
}
