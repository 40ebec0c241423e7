/**
 * Orders that do not depend on the locale: `localeCompare` orders by the collation of LANG (Swedish puts 'ä' after
 * 'z', English beside 'a'), so reports would differ between machines.
 */

/** Compare by UTF-16 code units, as `Array.prototype.sort` does by default: for `sort((a, b) => byCodeUnits(a, b))`. */
export function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Compare with runs of digits taken as numbers (`data-web-9` before `data-web-10`), the rest by code units. */
export function byNaturalOrder(a: string, b: string): number {
  const partsA = a.match(/\d+|\D+/g) ?? [];
  const partsB = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(partsA.length, partsB.length); i++) {
    const order = /^\d/.test(partsA[i]) && /^\d/.test(partsB[i]) ? byNumber(partsA[i], partsB[i]) : byCodeUnits(partsA[i], partsB[i]);
    if (order !== 0) return order;
  }
  return partsA.length - partsB.length || byCodeUnits(a, b);
}

/** Two runs of digits by their value, however long (no conversion to a number, which would round past 2^53). */
function byNumber(a: string, b: string): number {
  const [x, y] = [a.replace(/^0+/, ''), b.replace(/^0+/, '')];
  return x.length - y.length || byCodeUnits(x, y);
}
