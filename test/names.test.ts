import { describe, expect, it } from 'vitest';
import { closestName } from '../src/util/names.js';

/** The definition, written the slow way: full table, every candidate compared, first minimum kept. */
function reference(name: string, candidates: readonly string[]): string | undefined {
  const distance = (a: string, b: string): number => {
    const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
    for (let i = 1; i <= a.length; i++) {
      for (let j = 1; j <= b.length; j++) {
        d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
    return d[a.length][b.length];
  };
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const found = distance(name.toLowerCase(), candidate.toLowerCase());
    if (found < bestDistance) [best, bestDistance] = [candidate, found];
  }
  return bestDistance <= Math.max(1, Math.floor(name.length / 3)) ? best : undefined;
}

describe('closestName', () => {
  it('suggests likely typos and nothing for unrelated names', () => {
    expect(closestName('replica', ['selector', 'replicas', 'template'])).toBe('replicas');
    expect(closestName('pdb-mising', ['pdb-missing', 'pdb-policy'])).toBe('pdb-missing');
    expect(closestName('Statefulset', ['StatefulSet', 'DaemonSet'])).toBe('StatefulSet');
    expect(closestName('sevrice', ['service'])).toBe('service'); // two neighbours swapped: one edit
    expect(closestName('abc', ['xyz', 'abcdef'])).toBeUndefined();
    expect(closestName('x', [])).toBeUndefined();
  });

  it('keeps the first of equally close candidates', () => {
    expect(closestName('fast', ['last', 'past', 'fist'])).toBe('last');
  });

  it('gives what the full comparison gives, on generated names', () => {
    let seed = 7;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const word = () => Array.from({ length: 1 + random(9) }, () => 'abcAB-İı'[random(8)]).join('');
    for (let run = 0; run < 2000; run++) {
      const candidates = Array.from({ length: random(12) }, word);
      const name = random(2) === 0 && candidates.length > 0 ? candidates[random(candidates.length)] + word().slice(0, random(3)) : word();
      expect(closestName(name, candidates), `${name} in ${JSON.stringify(candidates)}`).toBe(reference(name, candidates));
    }
  });
});
