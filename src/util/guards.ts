/** Value guards for data read from manifests and config files, where any field may hold any YAML value. */

/** A mapping (a plain object, not a list and not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A whole number of at least 0 that a JavaScript number holds exactly (replicas, ordinals, seconds). */
export function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}
