import { describe, expect, it } from 'vitest';
import rule from '../../rules/storageclass-missing/index.js';
import { lintSources } from '../../src/lint.js';
import { RuleTester } from '../../src/linter/rule-tester.js';
import { claim, claimTemplate, documents, statefulSet, storageClass } from '../helpers/manifests.js';

/** A PersistentVolume without a class, labelled disk: ssd: 20Gi, ReadWriteOnce unless given; `spec` lines are added (indented by 2). */
const volume = (name: string, options: { spec?: string; capacity?: string; accessModes?: string } = {}) =>
  `apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: ${name}\n  labels: {disk: ssd}\nspec:\n  capacity: {storage: ${options.capacity ?? '20Gi'}}\n  accessModes: [${options.accessModes ?? 'ReadWriteOnce'}]\n  hostPath: {path: /data}\n${options.spec ?? ''}`;

/** The StatefulSet 'db' with claim templates of these classes (undefined: none written), named data, logs... */
const db = (...classes: (string | undefined)[]) =>
  statefulSet({ name: 'db', spec: { volumeClaimTemplates: classes.map((storageClassName, i) => claimTemplate({ name: ['data', 'logs'][i], storageClassName })) } });
/** The claim 'data' asking for no class (`storageClassName: ""` on line 6), with more `spec`. */
const noClass = (spec?: Record<string, unknown>) => claim({ storageClassName: '', spec });
const noClassAt = { line: 6, column: 3, endLine: 6, endColumn: 23 };
const noVolume = (volumeName = '') => ({ messageId: 'noVolume' as const, data: { subject: "PersistentVolumeClaim 'data'", volumeName }, ...noClassAt });
/** storageClassName of the first claim template of db(...), line 22. */
const templateClass = (endColumn: number) => ({ line: 22, column: 9, endLine: 22, endColumn });

new RuleTester().run('storageclass-missing', rule, {
  valid: [
    { code: { 'db.yaml': db('fast'), 'classes.yaml': storageClass({ name: 'fast' }) } },
    // No storageClassName: the cluster's default class, declared or not.
    db(undefined),
    documents(db(undefined), storageClass({ name: 'fast' })),
    // A named class when the inputs declare no StorageClass: the classes live in the cluster.
    db('fast'),
    // "" with a PersistentVolume it can bind to: free, large enough, same access modes.
    documents(noClass(), volume('pv-1')),
    // ... reserved for it by claimRef, or named by spec.volumeName, or selected by its labels.
    documents(noClass(), volume('pv-1', { spec: '  claimRef: {namespace: default, name: data}\n' })),
    documents(noClass({ volumeName: 'pv-2' }), volume('pv-1'), volume('pv-2')),
    documents(noClass({ selector: { matchLabels: { disk: 'ssd' } } }), volume('pv-1')),
    // A claim template's claims: claimRef naming one of them.
    documents(db(''), volume('pv-1', { spec: '  claimRef: {namespace: default, name: data-db-1}\n' })),
  ],
  invalid: [
    {
      code: { 'db.yaml': db('fsat'), 'classes.yaml': documents(storageClass({ name: 'fast' }), storageClass({ name: 'slow' })) },
      errors: [
        {
          file: 'db.yaml',
          messageId: 'unknownClass',
          message:
            "Claim template 'data' of StatefulSet 'db' names StorageClass 'fsat', which no StorageClass in the inputs declares (it declares 'fast', 'slow'): no volume is provisioned and the claim stays Pending until a class of that name exists; did you mean 'fast'?",
          severity: 'warning',
          ...templateClass(31),
        },
      ],
    },
    {
      // The beta annotation wins over storageClassName, and is where the finding points.
      code: documents(claim({ storageClassName: 'fast', metadata: { annotations: { 'volume.beta.kubernetes.io/storage-class': 'gold' } } }), storageClass({ name: 'fast' })),
      errors: [
        {
          messageId: 'unknownClass',
          data: { subject: "PersistentVolumeClaim 'data'", storageClass: 'gold', declared: "it declares 'fast'", suggestion: '' },
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 50,
        },
      ],
    },
    {
      code: noClass(),
      errors: [
        {
          messageId: 'noVolume',
          message:
            'PersistentVolumeClaim \'data\' sets storageClassName: "" (no class), so only a PersistentVolume without a class can be bound to it, and no such PersistentVolume in the inputs fits it (free or reserved for it, large enough, same volume mode and access modes): the claim stays Pending; name a StorageClass to provision a volume, or declare the PersistentVolume',
          ...noClassAt,
        },
      ],
    },
    {
      // Too small, reserved for another claim, of another class, block mode, missing the access mode.
      code: documents(
        noClass({ resources: { requests: { storage: '30Gi' } } }),
        volume('pv-1'),
        volume('pv-2', { capacity: '50Gi', spec: '  claimRef: {namespace: default, name: other}\n' }),
        volume('pv-3', { capacity: '50Gi', spec: '  storageClassName: fast\n' }),
        volume('pv-4', { capacity: '50Gi', spec: '  volumeMode: Block\n' }),
        volume('pv-5', { capacity: '50Gi', accessModes: 'ReadOnlyMany' }),
      ),
      errors: [noVolume()],
    },
    {
      code: documents(noClass({ volumeName: 'pv-9' }), volume('pv-1')),
      errors: [noVolume(", named by spec.volumeName 'pv-9'")],
    },
    {
      code: documents(noClass({ selector: { matchLabels: { disk: 'hdd' } } }), volume('pv-1')),
      errors: [noVolume()],
    },
  ],
});

describe('storageclass-missing with --context files', () => {
  it('finds StorageClasses in --context files', () => {
    const run = lintSources(
      [
        { path: 'db.yaml', text: db('fast', 'slow') },
        { path: 'classes.yaml', text: storageClass({ name: 'fast' }), contextOnly: true },
      ],
      { registry: [rule] },
    );
    expect(run.findings.map(({ file, line, column, endLine, endColumn, messageId, message }) => ({ file, line, column, endLine, endColumn, messageId, message }))).toEqual([
      // storageClassName of the template 'logs'.
      { file: 'db.yaml', line: 31, column: 9, endLine: 31, endColumn: 31, messageId: 'unknownClass', message: expect.stringContaining("Claim template 'logs' of StatefulSet 'db' names StorageClass 'slow'") },
    ]);
  });
});
