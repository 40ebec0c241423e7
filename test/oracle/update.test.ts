import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { skipNote, skipReason, useOracle, type FieldError, type Oracle } from './client.js';
import { CORPUS, corpusInputs, type Obj } from './inputs.js';
import { writeReportSection } from './report.js';
import { refusesUpdate } from './stslint-adapter.js';
import { changesOf, UPDATE_KINDS } from './updates.js';

/**
 * Update: the oracle's verdicts on one-field changes of corpus objects, kept in update-verdicts.json, and the
 * `immutable-field-changed` rule's verdict on each of the same updates. The file is compared with a fresh run;
 * ORACLE_REPORT=FIDELITY.md rewrites it and FIDELITY.md's update table.
 */
const skip = skipReason(CORPUS);
const VERDICTS = resolve('test/oracle/update-verdicts.json');

/**
 * Changes on which immutable-field-changed answers otherwise than the oracle on purpose, with why (the rule's README
 * says the same). Each must still differ somewhere, so that a fixed gap leaves this list.
 */
const KNOWN_GAPS: Readonly<Record<string, string>> = {
  'PersistentVolumeClaim spec.resources.requests.storage double it':
    'the oracle checks the update against a claim just created, never bound; only a bound claim may grow, and stslint takes claims as bound, as they are once used',
};

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

  it('agree with immutable-field-changed, but for the known gaps', async () => {
    const disagreements = new Map<string, number>();
    for (const { pair, answer, created } of await updatePairs(oracle())) {
      // A new object the server refuses on its own (a duplicate port) is the other rules' finding, not an update's.
      if (created.errors!.length > 0) continue;
      const key = `${pair.kind} ${pair.field} ${pair.change}`;
      if ((answer.errors!.length > 0) !== refusesUpdate(pair.old, pair.object)) disagreements.set(key, (disagreements.get(key) ?? 0) + 1);
    }
    expect([...disagreements.keys()].filter((key) => !Object.hasOwn(KNOWN_GAPS, key))).toEqual([]);
    expect(Object.keys(KNOWN_GAPS).filter((key) => !disagreements.has(key))).toEqual([]);
  }, 300_000);
});

interface Pair {
  kind: string;
  field: string;
  change: string;
  old: Obj;
  object: Obj;
}

type Answer = Awaited<ReturnType<Oracle['ask']>>;

let pairs: Promise<{ pair: Pair; answer: Answer; created: Answer }[]> | undefined;

/**
 * Every one-field change of a corpus object the oracle creates, with the oracle's answer to the update and to a
 * create of the new object alone (asked once per run).
 */
function updatePairs(oracle: Oracle): Promise<{ pair: Pair; answer: Answer; created: Answer }[]> {
  pairs ??= (async () => {
    const bases: Obj[] = [];
    const candidates = corpusInputs().filter((input) => UPDATE_KINDS.includes(input.object.kind));
    const created = await Promise.all(candidates.map((input) => oracle.ask({ op: 'create', object: input.object })));
    candidates.forEach((input, i) => created[i].errors?.length === 0 && bases.push(input.object));
    const all: Pair[] = bases.flatMap((old) =>
      changesOf(old).map((c) => {
        const object: Obj = structuredClone(old);
        c.apply(object);
        return { kind: old.kind as string, field: c.field, change: c.change, old, object };
      }),
    );
    const answers = await Promise.all(all.map((pair) => oracle.ask({ op: 'update', old: pair.old, object: pair.object })));
    const alone = await Promise.all(all.map((pair) => oracle.ask({ op: 'create', object: pair.object })));
    return all.map((pair, i) => ({ pair, answer: answers[i], created: alone[i] }));
  })();
  return pairs;
}

async function updateVerdicts(oracle: Oracle): Promise<Verdict[]> {
  const verdicts = new Map<string, Verdict>();
  for (const { pair, answer } of await updatePairs(oracle)) {
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
  }
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
