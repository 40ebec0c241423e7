import { afterAll, describe, expect, it } from 'vitest';
import { CLAIMED_CLASSES } from './claims.js';
import { skipNote, skipReason, useOracle } from './client.js';
import { CORPUS, corpusInputs, describeObject, fixtureInputs, type Input, type Obj } from './inputs.js';
import { judge, type Case, type Judged, type Outcome } from './judge.js';
import { mutationsOf, type Mutation } from './mutations.js';
import { agreementRows, agreementTable, disagreementLines, topDisagreements, writeReportSection } from './report.js';

/**
 * Create: the Kubernetes oracle (oracle/, the API server's own code) and stslint judge the same objects; an object
 * the API server refuses must get an error from the `schema` or `api-validation` rule, and only such an object.
 * Full agreement is asserted for the field classes of claims.ts; the others are reported (table, then each
 * disagreement with its input). ORACLE_REPORT=FIDELITY.md writes the tables into FIDELITY.md.
 */
const skip = skipReason();
const noCorpus = skipReason(CORPUS);
/** Some 1,500 objects through the oracle and stslint: seconds, more on a busy 2-core machine. */
const LONG = 300_000;

describe.skipIf(Boolean(skip))(`create verdicts: oracle vs stslint${skipNote(skip)}`, () => {
  const oracle = useOracle();
  const reported: Outcome[] = [];

  it('objects as read (corpus and fixtures)', async () => {
    const cases = [...corpusInputs().map((input) => asRead(input, 'corpus')), ...fixtureInputs().map((input) => asRead(input, 'fixtures'))];
    const judged = await judge(oracle(), cases);
    report('read', 'objects as read', judged);
    reported.push(...judged.outcomes);
    expectClaimsHold(judged);
  }, LONG);

  it.skipIf(Boolean(noCorpus))(`one field at a time on corpus objects${skipNote(noCorpus)}`, async () => {
    const read = await judge(oracle(), corpusInputs().map((input) => asRead(input, 'corpus')));
    const bases = chooseBases(read.outcomes);
    expect(Object.keys(bases).sort()).toEqual(expect.arrayContaining(['Deployment', 'PersistentVolumeClaim', 'PodDisruptionBudget', 'Service', 'StatefulSet']));
    const cases = Object.values(bases).flatMap((base) => mutationsOf(base.object).map((mutation) => mutated(base, mutation)));
    const judged = await judge(oracle(), cases);
    const baseList = Object.values(bases).map((base) => `- ${base.kind}: ${describeObject(base.object)} (${base.input})`);
    report('mutations', 'generated mutations', judged, `Bases (one real object per kind, accepted by both):\n\n${baseList.join('\n')}\n\n`);
    reported.push(...judged.outcomes);
    expectClaimsHold(judged);
    const tested = new Set(judged.outcomes.map((o) => o.case.fieldClass));
    expect(CLAIMED_CLASSES.filter((c) => !['corpus', 'fixtures'].includes(c) && !tested.has(c))).toEqual([]);
  }, LONG);

  afterAll(() => {
    if (reported.length === 0) return;
    writeReportSection('top', topDisagreements(reported, 25));
  });
});

function asRead(input: Input, fieldClass: string): Case {
  return { kind: String(input.object.kind), fieldClass, field: '', change: '', input: input.source, object: input.object };
}

function mutated(base: Case, mutation: Mutation): Case {
  const object: Obj = structuredClone(base.object);
  mutation.apply(object);
  return { kind: base.kind, fieldClass: mutation.fieldClass, field: mutation.field, change: mutation.change, input: base.input, object };
}

/** Richness of a base: the more of the fields mutations reach, the more cases hit existing values. */
function richness(object: Obj): number {
  const spec = object.spec?.template?.spec;
  const c0 = spec?.containers?.[0] ?? {};
  return ['ports', 'resources', 'env', 'volumeMounts'].filter((key) => c0[key]).length + (object.spec?.volumeClaimTemplates ? 2 : 0) + (spec?.volumes ? 1 : 0);
}

/** Per kind, the richest corpus object that both the oracle and stslint accept (the first one on a tie). */
function chooseBases(outcomes: readonly Outcome[]): Record<string, Case> {
  const bases: Record<string, Case> = {};
  for (const o of outcomes) {
    if (o.refusal.length > 0 || o.flagged.length > 0) continue;
    const best = bases[o.case.kind];
    if (!best || richness(o.case.object) > richness(best.object)) bases[o.case.kind] = o.case;
  }
  return bases;
}

function report(section: string, title: string, judged: Judged, preface = ''): void {
  const table = agreementTable(agreementRows(judged.outcomes), CLAIMED_CLASSES);
  const unsupported = countBy(judged.unsupported.map((c) => `${c.object.apiVersion ?? '(no apiVersion)'} ${c.object.kind ?? '(no kind)'}`));
  const skipped = Object.entries(unsupported)
    .map(([what, n]) => `${what} ×${n}`)
    .join(', ');
  const text = `${preface}${table}\n\nNot served by the oracle (not compared): ${skipped || 'none'}.`;
  console.log(`\n## ${title}\n\n${text}\n`);
  const lines = disagreementLines(judged.outcomes);
  if (lines.length > 0) console.log(`Disagreements (${lines.length}):\n${lines.join('\n')}\n`);
  writeReportSection(section, text);
  expect(judged.failed.map((f) => `${f.case.input} ${f.case.field}: ${f.error}`)).toEqual([]);
}

function countBy(keys: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const key of [...keys].sort()) counts[key] = (counts[key] ?? 0) + 1;
  return counts;
}

/** Every claimed field class agrees on every case (and has cases, so the claim is tested). */
function expectClaimsHold(judged: Judged): void {
  const disagreements = judged.outcomes.filter((o) => CLAIMED_CLASSES.includes(o.case.fieldClass) && !o.agree);
  expect(disagreementLines(disagreements)).toEqual([]);
}
