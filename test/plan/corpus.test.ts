import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { planSources } from '../../src/plan/plan.js';
import { renderText } from '../../src/plan/render-text.js';

/** Real public manifests, never copied into the repository. */
const CORPUS = resolve('../shared/corpus/statefulsets');

describe.skipIf(!existsSync(CORPUS))('plan over the real StatefulSets of the corpus', () => {
  const files = existsSync(CORPUS) ? readdirSync(CORPUS).filter((file) => /\.ya?ml$/.test(file)).sort() : [];
  const withStatefulSets = files.filter((file) => /^kind: *StatefulSet\b/m.test(readFileSync(join(CORPUS, file), 'utf8')));

  it.each(withStatefulSets)('%s', (file) => {
    const path = join(CORPUS, file);
    const run = planSources([{ path, text: readFileSync(path, 'utf8') }], {
      clusterDomain: 'cluster.local',
      scaleTo: [0, 5],
      delete: true,
    });
    expect(run.internalError).toBe(false);
    expect(run.plan.statefulSets.length).toBeGreaterThan(0);
    for (const set of run.plan.statefulSets) {
      expect(set.pods.map((pod) => pod.name)).toEqual(set.pods.map((pod) => `${set.name}-${pod.ordinal}`));
      expect(set.scale.map((step) => [step.from, step.to])).toEqual([[set.replicas, 0], [0, 5]]);
    }
    expect(renderText(run.plan, { color: true, cwd: CORPUS })).toContain('Planned ');
    expect(JSON.parse(JSON.stringify(run.plan))).toEqual(run.plan);
    expect(stringify(run.plan)).toContain('statefulSets:');
  });

  it('plans the whole directory at once', () => {
    const inputs = files.map((file) => ({ path: join(CORPUS, file), text: readFileSync(join(CORPUS, file), 'utf8') }));
    const run = planSources(inputs, { clusterDomain: 'cluster.local', scaleTo: [], delete: false });
    expect(run.internalError).toBe(false);
    expect(run.plan.statefulSets.length).toBeGreaterThanOrEqual(withStatefulSets.length);
  });
});
