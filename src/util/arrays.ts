/**
 * Array helpers that take any number of items. Spreading an array into a call (`push(...items)`,
 * `Math.max(...values)`) passes every item as an argument on the stack, and throws "Maximum call stack size
 * exceeded" past about 125,000 items: 150,000 documents in one file or 130,000 findings were enough. No code of
 * src/ or rules/ spreads into a call (test/reliability/adversarial.test.ts checks it).
 */

/** Appends the items to `target`, in order; returns `target`. */
export function append<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}

/** The largest of the values; `empty` (default -Infinity, as Math.max()) when there are none. */
export function maxOf(values: Iterable<number>, empty = -Infinity): number {
  let max: number | undefined;
  for (const value of values) max = max === undefined || value > max || Number.isNaN(value) ? value : max;
  return max ?? empty;
}
