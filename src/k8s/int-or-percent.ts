/**
 * IntOrString fields that count pods (a Deployment's maxSurge and maxUnavailable, a PodDisruptionBudget's
 * minAvailable and maxUnavailable): a whole number of pods, or a percentage string "N%" of a total.
 * Source: staging/src/k8s.io/apimachinery/pkg/util/intstr/intstr.go (`GetScaledValueFromIntOrPercent`).
 */

/** The percentage of a "50%" value (a whole number, as the API server accepts them); undefined for anything else. */
export function percentOf(value: unknown): number | undefined {
  const match = typeof value === 'string' ? /^(\d+)%$/.exec(value.trim()) : null;
  return match ? Number(match[1]) : undefined;
}

/**
 * The number of pods a value comes to out of `total`: a whole number as is, a percentage scaled and rounded up
 * (`roundUp`) or down, as `GetScaledValueFromIntOrPercent` does. Undefined for a negative, fractional or other value,
 * which API validation refuses.
 */
export function scaledValue(value: unknown, total: number, roundUp: boolean): number | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? value : undefined;
  const percent = percentOf(value);
  if (percent === undefined) return undefined;
  const scaled = (percent * total) / 100;
  return roundUp ? Math.ceil(scaled) : Math.floor(scaled);
}

/** A value written as 0 pods or "0%". */
export function isZero(value: unknown): boolean {
  return value === 0 || percentOf(value) === 0;
}
