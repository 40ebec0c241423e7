import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { skipNote, skipReason, useOracle, type FieldError, type Oracle } from './client.js';
import { CORPUS, corpusInputs, type Obj } from './inputs.js';
import { writeReportSection } from './report.js';
import { hasRule } from './stslint-adapter.js';
import { changesOf, UPDATE_KINDS } from './updates.js';

/**
 * Update: the oracle's verdicts on one-field changes of corpus objects, kept in update-verdicts.json for the
 * `immutable-field-changed` rule (not in stslint yet, so the comparison itself is skipped). The file is compared
 * with a fresh run; ORACLE_REPORT=FIDELITY.md rewrites it and FIDELITY.md's update table.
 */
const skip = skipReason(CORPUS);
const VERDICTS = resolve('test/oracle/update-verdicts.json');
const UPDATE_RULE = 'immutable-field-changed';

/** The oracle's verdict on one change, over every corpus object it applies to. */
interface Verdict {
  kind: string;
  field: string;
  change: string;
  /** Corpus objects the change was made on. */
  cases: number;
  /** How many of those updates the API server refuses. */
  refused: number;
  /** The distinct causes, list indices as `[]`, each with the first detail seen. */
  errors: FieldError[];
}

describe.skipIf(Boolean(skip))(`update verdicts of the oracle${skipNote(skip)}`, () => {
  const oracle = useOracle();

  it('are the recorded ones (update-verdicts.json)', async () => {
    const verdicts = await updateVerdicts(oracle());
    const text = `${JSON.stringify(verdicts, null, 1)}\n`;
    if (process.env.ORACLE_REPORT) writeFileSync(VERDICTS, text);
    writeReportSection('update', updateTable(verdicts));
    console.log(`\n## update verdicts\n\n${updateTable(verdicts)}\n`);
    expect(text).toBe(readFileSync(VERDICTS, 'utf8'));
  }, 300_000);

  it.skipIf(!hasRule(UPDATE_RULE))(`agree with ${UPDATE_RULE}${skipNote(hasRule(UPDATE_RULE) ? '' : `stslint has no ${UPDATE_RULE} rule yet`)}`, () => {
    throw new Error(`${UPDATE_RULE} exists now: add an update call to stslint-adapter.ts and compare it with update-verdicts.json here`);
  });
});

async function updateVerdicts(oracle: Oracle): Promise<Verdict[]> {
  const bases: Obj[] = [];
  const candidates = corpusInputs().filter((input) => UPDATE_KINDS.includes(input.object.kind));
  const created = await Promise.all(candidates.map((input) => oracle.ask({ op: 'create', object: input.object })));
  candidates.forEach((input, i) => created[i].errors?.length === 0 && bases.push(input.object));
  const pairs = bases.flatMap((old) =>
    changesOf(old).map((c) => {
      const object: Obj = structuredClone(old);
      c.apply(object);
      return { kind: old.kind as string, field: c.field, change: c.change, old, object };
    }),
  );
  const answers = await Promise.all(pairs.map((pair) => oracle.ask({ op: 'update', old: pair.old, object: pair.object })));
  const verdicts = new Map<string, Verdict>();
  pairs.forEach((pair, i) => {
    const answer = answers[i];
    if (answer.errors === null) throw new Error(`no verdict on ${pair.kind} ${pair.field} ${pair.change}: ${answer.error ?? answer.unsupported}`);
    const key = `${pair.kind} ${pair.field} ${pair.change}`;
    const verdict = verdicts.get(key) ?? { kind: pair.kind, field: pair.field, change: pair.change, cases: 0, refused: 0, errors: [] };
    verdict.cases++;
    if (answer.errors.length > 0) verdict.refused++;
    for (const error of answer.errors) {
      const field = error.field.replace(/\[\d+\]/g, '[]');
      if (!verdict.errors.some((e) => e.field === field && e.type === error.type)) verdict.errors.push({ ...error, field });
    }
    verdicts.set(key, verdict);
  });
  return [...verdicts.values()].sort((a, b) => a.kind.localeCompare(b.kind) || a.field.localeCompare(b.field) || a.change.localeCompare(b.change));
}

function updateTable(verdicts: readonly Verdict[]): string {
  const lines = ['| kind | field | change | cases | refused | causes |', '|---|---|---|---:|---:|---|'];
  for (const v of verdicts) {
    const causes = v.errors.map((e) => `${e.field} ${e.type}`).join('; ');
    lines.push(`| ${v.kind} | ${v.field} | ${v.change} | ${v.cases} | ${v.refused} | ${causes.replace(/\|/g, '\\|')} |`);
  }
  return lines.join('\n');
}
