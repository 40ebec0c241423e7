import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/plan/render-text.js';
import { defineRule } from '../../src/linter/rule.js';
import { PLAN_FIXTURES, planText, statefulSet } from './helpers.js';

const fixture = (file: string) => {
  const path = resolve(PLAN_FIXTURES, file);
  return { [path]: readFileSync(path, 'utf8') };
};

const text = (plan: ReturnType<typeof planText>['plan'], color = false) => renderText(plan, { color, cwd: PLAN_FIXTURES });

describe('the terminal view', () => {
  it('shows the concept page example scaled 3 → 1 → 3, then deleted', () => {
    const { plan } = planText(fixture('web-concept.yaml'), { scaleTo: [1, 3], delete: true });
    expect(text(plan)).toMatchInlineSnapshot(`
      "StatefulSet web · namespace default · web-concept.yaml:18
        3 replicas (ordinals 0–2) · OrderedReady · RollingUpdate
        Governing Service nginx · domain nginx.default.svc.cluster.local
        Each pod: hostname = pod name; labels statefulset.kubernetes.io/pod-name=<pod>, apps.kubernetes.io/pod-index=<ordinal>

        ORDINAL  POD    DNS NAME                               CLAIMS
        0        web-0  web-0.nginx.default.svc.cluster.local  www-web-0
        1        web-1  web-1.nginx.default.svc.cluster.local  www-web-1
        2        web-2  web-2.nginx.default.svc.cluster.local  www-web-2

        Claim template www: 1Gi, ReadWriteOnce, storage class: my-storage-class
        Claims: kept on scale-down (whenScaled: Retain), kept on delete (whenDeleted: Retain)

        Create       web-0 → web-1 → web-2
                     one at a time: each waits for the previous one to be Running and Ready for 10s (minReadySeconds)
        Stop         web-2 → web-1 → web-0
                     one at a time: each waits for the next one to be fully terminated
        Update       web-2 → web-1 → web-0
                     what a template change replaces, one at a time: each waits for the one before to be Running and Ready for 10s (minReadySeconds)
        Scale 3 → 1  deletes web-2 → web-1, one at a time
                     keeps claims www-web-2, www-web-1 (whenScaled: Retain)
                     scaling back up re-attaches the same data to web-1, web-2
        Scale 1 → 3  creates web-1 → web-2, one at a time
                     re-attaches claims www-web-1, www-web-2 kept by the scale-down: same data, same ordinals
        Delete       removes web-0, web-1, web-2 in no guaranteed order (scale to 0 first for an ordered shutdown)
                     keeps claims www-web-0, www-web-1, www-web-2 (whenDeleted: Retain)

      Planned 1 StatefulSet: no problems found
      "
    `);
  });

  it('lists notes and problems, and colors only when asked', () => {
    const missing = defineRule({
      meta: { id: 'statefulset-service-missing', severity: 'warning', description: 'Report', kinds: ['apps/StatefulSet'], messages: { missing: "No Service 'nope'" } },
      check: (_, context) => context.report({ path: ['spec', 'serviceName'], messageId: 'missing' }),
    });
    const { plan } = planText(
      { [resolve(PLAN_FIXTURES, 'db.yaml')]: statefulSet('db', '  serviceName: nope\n  replicas: x\n'), [resolve(PLAN_FIXTURES, 'bad.yaml')]: 'a: [\n' },
      { registry: [missing] },
    );
    const plain = text(plan);
    expect(plain).toContain(`  Notes
    - spec.replicas is "x", not a whole number: planned with the default 1

  Problems
    warning  db.yaml:10:3  No Service 'nope'  statefulset-service-missing
`);
    expect(plain).toMatch(/Input problems\nerror {4}bad\.yaml:2:1 {2}.+ {2}yaml-syntax\n\nPlanned 1 StatefulSet: 1 error, 1 warning\n$/);
    expect(plain).not.toContain('\u001b');
    expect(text(plan, true)).toContain('\u001b[1mStatefulSet db\u001b[0m');
  });

  it('shortens long lists and tables, and says what is missing', () => {
    const { plan } = planText(statefulSet('db', '  replicas: 30\n  podManagementPolicy: Parallel\n'), { scaleTo: [0] });
    const lines = text(plan).split('\n');
    expect(lines).toContain('  No serviceName: the pods get no DNS name under a governing Service');
    expect(lines).toContain('  ORDINAL  POD');
    expect(lines).toContain('  … 11 more');
    expect(lines.filter((line) => /^ {2}\d+ +db-\d+$/.test(line))).toHaveLength(19);
    expect(lines).toContain('  Create        db-0, db-1, db-2, … (25 more), db-28, db-29');
    expect(lines).toContain('  Scale 30 → 0  deletes db-29, db-28, db-27, … (25 more), db-1, db-0, all at once');
    expect(lines).toContain('                (Parallel pod management does not apply to updates)');
  });

  it('makes control characters from the manifests visible', () => {
    const { plan } = planText(statefulSet('"db\\u001b[31m"'));
    expect(text(plan)).toContain('StatefulSet db\\u001b[31m ·');
  });
});
