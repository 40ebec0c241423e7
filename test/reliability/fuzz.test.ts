import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { decodeManifest } from '../../src/load/read.js';
import { lintFiles, lintSources, type LintRun } from '../../src/lint.js';
import { corpusTexts, expectPositionsInside, tempDir, type Located } from './helpers.js';
import { expectSameLoad } from './loader-equality.js';

/**
 * Property-based tests: the engine never throws, no rule fails (an internal-error finding is a rule bug),
 * every finding lies inside its file, and the same input always gives the same output, whatever the
 * order of the files. Runs per property are fixed here (their sum is in RELIABILITY.md); FUZZ_SCALE=10
 * multiplies them for a deeper local search. A failure prints the seed and the shrunk input: re-run it
 * with FC_SEED=<seed>.
 */
const scale = Number(process.env.FUZZ_SCALE ?? 1);
export const RUNS = { text: 300 * scale, mutation: 300 * scale, objects: 200 * scale, order: 60 * scale, loaderText: 3000 * scale, loaderMutation: 300 * scale, loaderObjects: 200 * scale };
const seed = process.env.FC_SEED === undefined ? undefined : Number(process.env.FC_SEED);

function lintChecked(texts: Record<string, string>): LintRun {
  const run = lintSources(Object.entries(texts).map(([path, text]) => ({ path, text })));
  const messages: Located[] = run.results.flatMap((result) => result.messages.map((m) => ({ ...m, file: result.filePath })));
  const failures = messages.filter((m) => m.ruleId === 'internal-error').map((m) => m.message);
  expect(failures).toEqual([]);
  expect(run.internalError).toBe(false);
  expectPositionsInside(texts, messages);
  return run;
}

/** Pieces of YAML and of Kubernetes manifests, and characters that have broken parsers before. */
const PIECES = [
  'apiVersion: apps/v1\n', 'kind: StatefulSet\n', 'metadata:\n', '  name: web\n', 'spec:\n', '  replicas: 3\n',
  'a', 'key', 'name', 'web', 'labels', 'app', ':', ': ', '- ', ' ', '  ', '    ', '\t', '\n', '\r\n', '\r',
  '---\n', '--- ', '...\n', '"', "'", '[', ']', '{', '}', ', ', '#', ' # c', '&a ', '*a', '&b ', '*b', '!!str ', '!!int ',
  '!t ', '!<x> ', '<<: ', '<<: *a', '|', '|-', '>+', '? ', '%YAML 1.1\n', '%TAG ! tag:x,1:\n', '\\', '\\x4', '\\u00e9',
  '0123', '0x1F', '1e999', '-.inf', '.nan', 'yes', 'no', 'on', 'null', '~', 'true', '99999999999999999999', '@', '`', '%',
  '\uFEFF', 'é', '😀', '\u0085', '\u2028', '\u00a0', '\u001b[31m', '\u0000', '\u0007', '\ud800',
  '__proto__', '-0', '1_000', '010', '0b11', '{{ .x }}',
];
const yamlText = fc.oneof(
  { weight: 4, arbitrary: fc.array(fc.constantFrom(...PIECES), { maxLength: 120 }).map((pieces) => pieces.join('')) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
);

describe('random YAML text', () => {
  it(`never throws and keeps every finding inside the file (${RUNS.text} runs)`, () => {
    fc.assert(
      fc.property(yamlText, (text) => {
        lintChecked({ 'fuzz.yaml': text });
      }),
      { numRuns: RUNS.text, seed },
    );
  });
});

type Mutation =
  | { kind: 'delete' | 'duplicate' | 'truncate'; at: number }
  | { kind: 'indent'; at: number; by: number }
  | { kind: 'flip'; at: number; bits: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom('delete' as const, 'duplicate' as const, 'truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('indent' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), by: fc.integer({ min: -4, max: 4 }) }),
  fc.record({ kind: fc.constant('flip' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), bits: fc.integer({ min: 1, max: 255 }) }),
);

/** Apply one mutation to the bytes of a file (lines are split on LF). */
function mutate(bytes: Uint8Array, change: Mutation): Uint8Array {
  if (change.kind === 'flip') {
    const copy = Uint8Array.from(bytes);
    if (copy.length > 0) copy[Math.min(copy.length - 1, Math.floor(change.at * copy.length))] ^= change.bits;
    return copy;
  }
  if (change.kind === 'truncate') return bytes.subarray(0, Math.floor(change.at * bytes.length));
  const lines = Buffer.from(bytes).toString('latin1').split('\n');
  const index = Math.min(lines.length - 1, Math.floor(change.at * lines.length));
  if (change.kind === 'delete') lines.splice(index, 1);
  else if (change.kind === 'duplicate') lines.splice(index, 0, lines[index]);
  else lines[index] = change.by >= 0 ? ' '.repeat(change.by) + lines[index] : lines[index].replace(new RegExp(`^ {0,${-change.by}}`), '');
  return Buffer.from(lines.join('\n'), 'latin1');
}

const corpus = corpusTexts();
const corpusNames = Object.keys(corpus);

/**
 * Load a text on both paths (src/load/fast.ts and the reference) with expectSameLoad; count which path the default took.
 * The fast path must be taken on some inputs (minShare of them), or the property would compare nothing.
 */
function loaderProperty<T>(arbitrary: fc.Arbitrary<T>, toTexts: (input: T) => Record<string, string>, numRuns: number, minShare: number): void {
  const taken = { fast: 0, reference: 0 };
  fc.assert(
    fc.property(arbitrary, (input) => {
      for (const [path, text] of Object.entries(toTexts(input))) taken[expectSameLoad(path, text) ?? 'reference']++;
    }),
    { numRuns, seed },
  );
  expect(taken.fast / (taken.fast + taken.reference)).toBeGreaterThanOrEqual(minShare);
}

describe('the fast loader against the reference loader', () => {
  it(`agree on random YAML text, value by value (${RUNS.loaderText} runs)`, () => {
    loaderProperty(yamlText, (text) => ({ 'fuzz.yaml': text }), RUNS.loaderText, 0.05);
  });

  it.skipIf(corpusNames.length === 0)(`agree on mutations of the real manifests (${RUNS.loaderMutation} runs)`, () => {
    const mutated = fc.tuple(fc.constantFrom(...corpusNames), fc.array(mutation, { minLength: 1, maxLength: 4 }));
    const toTexts = ([name, changes]: [string, Mutation[]]) => {
      const read = decodeManifest(name, changes.reduce(mutate, new TextEncoder().encode(corpus[name]) as Uint8Array));
      return 'text' in read ? { [name]: read.text } : {};
    };
    loaderProperty(mutated, toTexts, RUNS.loaderMutation, 0.2);
  });
});

describe.skipIf(corpusNames.length === 0)('mutations of the real manifests in ../shared/corpus', () => {
  it(`never throw: a finding or a lint, every finding inside the file (${RUNS.mutation} runs)`, () => {
    fc.assert(
      fc.property(fc.constantFrom(...corpusNames), fc.array(mutation, { minLength: 1, maxLength: 4 }), (name, changes) => {
        const bytes = changes.reduce(mutate, new TextEncoder().encode(corpus[name]) as Uint8Array);
        const read = decodeManifest(name, bytes);
        if ('finding' in read) {
          expect(read.finding.line).toBeGreaterThanOrEqual(1);
          expect(read.finding.column).toBeGreaterThanOrEqual(1);
        } else {
          lintChecked({ [name]: read.text });
        }
      }),
      { numRuns: RUNS.mutation, seed },
    );
  });
});

/** Kubernetes-shaped objects: the right fields with values of any shape, so that rules meet both. */
const leaf = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.integer({ min: -3, max: 5 }),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant('120%'),
  fc.constant('10Gi'),
  fc.array(fc.integer(), { maxLength: 2 }),
);
const orLeaf = <T>(shape: fc.Arbitrary<T>) => fc.oneof({ weight: 3, arbitrary: shape }, { weight: 1, arbitrary: leaf });
const partial = <T extends Record<string, fc.Arbitrary<unknown>>>(fields: T) => orLeaf(fc.record(fields, { requiredKeys: [] }));
const labelMap = orLeaf(fc.dictionary(fc.constantFrom('app', 'tier', 'role', 'stslint.io/disable'), orLeaf(fc.constantFrom('web', 'db', 'cache')), { maxKeys: 3 }));
const selector = partial({
  matchLabels: labelMap,
  matchExpressions: orLeaf(
    fc.array(partial({ key: orLeaf(fc.constantFrom('app', 'tier')), operator: orLeaf(fc.constantFrom('In', 'NotIn', 'Exists', 'DoesNotExist', 'Like')), values: orLeaf(fc.array(fc.constantFrom('web', 'db'), { maxLength: 2 })) }), { maxLength: 2 }),
  ),
});
const name = orLeaf(fc.constantFrom('web', 'db', 'data', 'cache'));
const container = partial({
  name,
  image: orLeaf(fc.constantFrom('nginx', 'postgres:16', 'redis')),
  volumeMounts: orLeaf(fc.array(partial({ name, mountPath: orLeaf(fc.constant('/data')) }), { maxLength: 2 })),
  resources: partial({ requests: partial({ storage: leaf, cpu: leaf }) }),
});
const podSpec = partial({
  containers: orLeaf(fc.array(container, { maxLength: 2 })),
  volumes: orLeaf(fc.array(partial({ name, persistentVolumeClaim: partial({ claimName: name }) }), { maxLength: 2 })),
  affinity: partial({ podAntiAffinity: leaf }),
  topologySpreadConstraints: leaf,
  terminationGracePeriodSeconds: leaf,
});
const claimTemplate = partial({
  metadata: partial({ name }),
  spec: partial({ accessModes: orLeaf(fc.array(fc.constantFrom('ReadWriteOnce', 'ReadWriteMany', 'ReadOnlyMany'), { maxLength: 2 })), resources: partial({ requests: partial({ storage: leaf }) }), storageClassName: leaf }),
});
const spec = partial({
  serviceName: name,
  replicas: leaf,
  selector,
  template: partial({ metadata: partial({ labels: labelMap }), spec: podSpec }),
  volumeClaimTemplates: orLeaf(fc.array(claimTemplate, { maxLength: 2 })),
  updateStrategy: partial({ type: orLeaf(fc.constantFrom('RollingUpdate', 'OnDelete')), rollingUpdate: partial({ partition: leaf, maxUnavailable: leaf }) }),
  podManagementPolicy: leaf,
  persistentVolumeClaimRetentionPolicy: partial({ whenDeleted: leaf, whenScaled: leaf }),
  clusterIP: orLeaf(fc.constantFrom('None', '10.0.0.1')),
  ports: orLeaf(fc.array(partial({ port: leaf, name }), { maxLength: 2 })),
  minAvailable: leaf,
  maxUnavailable: leaf,
  scaleTargetRef: partial({ kind: orLeaf(fc.constant('StatefulSet')), name, apiVersion: orLeaf(fc.constant('apps/v1')) }),
  minReplicas: leaf,
  maxReplicas: leaf,
  accessModes: leaf,
});
const TYPES: [string, string][] = [
  ['apps/v1', 'StatefulSet'], ['apps/v1', 'StatefulSet'], ['v1', 'Service'], ['policy/v1', 'PodDisruptionBudget'],
  ['apps/v1', 'Deployment'], ['autoscaling/v2', 'HorizontalPodAutoscaler'], ['v1', 'PersistentVolumeClaim'],
  ['apps/v1', 'DaemonSet'], ['batch/v1', 'CronJob'], ['v1', 'Pod'], ['policy/v1beta1', 'PodDisruptionBudget'], ['example.com/v1', 'Widget'],
];
const object = fc.record({
  type: fc.constantFrom(...TYPES),
  metadata: partial({ name, namespace: orLeaf(fc.constantFrom('default', 'shop')), labels: labelMap, annotations: labelMap }),
  spec,
});
const files = fc.array(fc.array(object, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 }).map((perFile) =>
  Object.fromEntries(
    perFile.map((objects, i) => [
      `f${i}.yaml`,
      objects.map(({ type: [apiVersion, kind], metadata, spec }) => stringify({ apiVersion, kind, metadata, spec }, { aliasDuplicateObjects: false })).join('---\n'),
    ]),
  ),
);

describe('random Kubernetes-shaped objects', () => {
  it(`load the same on the fast path as on the reference path (${RUNS.loaderObjects} runs)`, () => {
    loaderProperty(files, (texts) => texts, RUNS.loaderObjects, 0.9);
  });

  it(`never make a rule throw, and every finding is inside its file (${RUNS.objects} runs)`, () => {
    fc.assert(
      fc.property(files, (texts) => {
        lintChecked(texts);
      }),
      { numRuns: RUNS.objects, seed },
    );
  });

  it(`give the same findings on every run and in every order of the files on the command line (${RUNS.order} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(files, fc.func(fc.integer()), async (texts, order) => {
        const first = lintChecked(texts).results;
        expect(lintChecked(texts).results).toEqual(first);
        const dir = tempDir();
        for (const [name, text] of Object.entries(texts)) writeFileSync(join(dir, name), text);
        const names = Object.keys(texts);
        const shuffled = [...names].sort((a, b) => order(a) - order(b) || a.localeCompare(b)).reverse();
        const [inOrder, inOtherOrder] = await Promise.all([lintFiles(names, { cwd: dir }), lintFiles(shuffled, { cwd: dir })]);
        expect(inOtherOrder.results).toEqual(inOrder.results);
      }),
      { numRuns: RUNS.order, seed },
    );
  });
});
