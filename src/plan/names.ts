/**
 * The StatefulSet controller's naming rules (pkg/controller/statefulset/stateful_set_utils.go:
 * getPodName, getPersistentVolumeClaimName, updateIdentity).
 */

/** More pods than this are not listed one by one: the plan says so in a note. */
export const MAX_LISTED_PODS = 10_000;

export function podName(statefulSet: string, ordinal: number): string {
  return `${statefulSet}-${ordinal}`;
}

export function claimName(template: string, statefulSet: string, ordinal: number): string {
  return `${template}-${statefulSet}-${ordinal}`;
}

export function governingDomain(service: string, namespace: string, clusterDomain: string): string {
  return `${service}.${namespace}.svc.${clusterDomain}`;
}

/** `count` ordinals from `first`, at most MAX_LISTED_PODS of them. */
export function ordinalRange(first: number, count: number): number[] {
  return Array.from({ length: Math.max(0, Math.min(count, MAX_LISTED_PODS)) }, (_, i) => first + i);
}
