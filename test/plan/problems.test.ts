import { describe, expect, it } from 'vitest';
import { defineRule } from '../../src/linter/rule.js';
import { planFixture, planText, statefulSet } from './helpers.js';

/** Stand-ins with the plan's rule ids, reporting the way the real rules do: on the StatefulSet, or on its Service. */
const serviceMissing = defineRule({
  meta: { id: 'statefulset-service-missing', severity: 'warning', description: 'Report', kinds: ['apps/StatefulSet'], messages: { missing: "No Service '{{name}}'" } },
  check(resource, context) {
    const name = resource.object.spec?.serviceName;
    if (typeof name === 'string' && !context.index.get('Service', resource.namespace, name)) {
      context.report({ path: ['spec', 'serviceName'], messageId: 'missing', data: { name } });
    }
  },
});

const notHeadless = defineRule({
  meta: { id: 'statefulset-service-not-headless', severity: 'error', description: 'Report', kinds: ['Service'], messages: { notHeadless: "Service '{{name}}' is not headless" } },
  check(service, context) {
    if (service.object.spec?.clusterIP === 'None') return;
    context.report({ resource: service, path: ['spec'], messageId: 'notHeadless', data: { name: service.name } });
  },
});

const nameTooLong = defineRule({
  meta: {
    id: 'statefulset-name-too-long',
    severity: 'error',
    description: 'Report',
    kinds: ['apps/StatefulSet'],
    messages: { tooLong: 'Name too long', seen: 'Seen from other' },
  },
  check(resource, context) {
    const governing = context.index.get('Service', resource.namespace, 'db');
    if (resource.name.length > 5) context.report({ path: ['metadata', 'name'], messageId: 'tooLong' });
    if (governing && resource.name === 'other1') context.report({ resource: governing, path: ['metadata', 'name'], messageId: 'seen' });
  },
});

const otherRule = defineRule({
  meta: { id: 'some-other-rule', severity: 'error', description: 'Report', kinds: ['apps/StatefulSet'], messages: { any: 'never shown by plan' } },
  check(resource, context) {
    context.report({ path: [], messageId: 'any' });
  },
});

const throwing = defineRule({
  meta: { id: 'statefulset-service-name', severity: 'warning', description: 'Report', kinds: ['apps/StatefulSet'], messages: {} },
  check() {
    throw new Error('boom');
  },
});

const service = (name: string, clusterIP = 'None') => `apiVersion: v1
kind: Service
metadata: {name: ${name}}
spec: {clusterIP: ${clusterIP}, selector: {app: x}}
`;

describe('problems in the plan, from the lint engine', () => {
  it('attaches findings on the StatefulSet, with rule id, severity, message and position', () => {
    const text = statefulSet('db', '  serviceName: nope\n');
    const { plan } = planText(text, { registry: [serviceMissing, otherRule] });
    expect(plan.statefulSets[0].problems).toEqual([
      {
        ruleId: 'statefulset-service-missing',
        severity: 'warning',
        message: "No Service 'nope'",
        file: 'test.yaml',
        line: 10,
        column: 3,
        endLine: 10,
        endColumn: 20,
      },
    ]);
    expect(plan.inputProblems).toEqual([]);
  });

  it('attaches a finding on a Service to the StatefulSets that Service governs', () => {
    const files = {
      'svc.yaml': service('db', '10.0.0.1'),
      'sts.yaml': [statefulSet('db', '  serviceName: db\n'), statefulSet('dbx', '  serviceName: db\n'), statefulSet('web')].join('---\n'),
    };
    const { plan } = planText(files, { registry: [notHeadless] });
    const problem = { ruleId: 'statefulset-service-not-headless', severity: 'error', message: "Service 'db' is not headless", file: 'svc.yaml', line: 4 };
    expect(plan.statefulSets.map((set) => [set.name, set.problems])).toEqual([
      ['db', [expect.objectContaining(problem)]],
      ['dbx', [expect.objectContaining(problem)]],
      ['web', []],
    ]);
  });

  it('attaches a finding a StatefulSet reports on another object to that StatefulSet', () => {
    const text = [service('db'), statefulSet('other1'), statefulSet('db')].join('---\n');
    const { plan } = planText(text, { registry: [nameTooLong] });
    expect(plan.statefulSets.map((set) => set.problems.map((problem) => problem.message))).toEqual([['Seen from other', 'Name too long'], []]);
  });

  it('keeps a rule that throws from hiding the plan: an internal-error problem on its StatefulSet', () => {
    const run = planText(statefulSet('db'), { registry: [throwing] });
    expect(run.internalError).toBe(true);
    expect(run.plan.statefulSets[0].problems).toEqual([
      expect.objectContaining({ ruleId: 'internal-error', severity: 'error', message: "Rule 'statefulset-service-name' failed on StatefulSet 'db': boom" }),
    ]);
  });

  it('reports what could not be loaded as input problems', () => {
    const { plan } = planText({ 'a.yaml': statefulSet('db'), 'b.yaml': 'kind: [\n' }, { registry: [] });
    expect(plan.statefulSets).toHaveLength(1);
    expect(plan.inputProblems).toEqual([expect.objectContaining({ ruleId: 'yaml-syntax', severity: 'error', file: 'b.yaml', line: 2 })]);
  });
});

describe('problems from the registered rules', () => {
  it('shows the findings of stslint lint, at the same positions, on the StatefulSet concerned', () => {
    const web = planFixture('web-problems.yaml', { registry: undefined });
    expect(web.problems).toEqual([
      expect.objectContaining({ ruleId: 'statefulset-service-not-headless', severity: 'error', line: 7, column: 1 }),
      expect.objectContaining({ ruleId: 'statefulset-name-too-long', severity: 'error', line: 17, column: 3, endLine: 17, endColumn: 62 }),
    ]);
    expect(web.problems[1].message).toMatch(/^StatefulSet 'web-with-a-name-far-too-long-for-the-revision-hash-xy' name is 53 characters/);
  });

  it('leaves the other rules out', () => {
    expect(planFixture('web-partition.yaml', { registry: undefined }).problems).toEqual([]);
  });

  it('honours suppressions, and does not call those of other rules unused', () => {
    const text = statefulSet(
      'db',
      '  # stslint-disable-next-line statefulset-service-missing -- created by the chart\n  serviceName: nope\n  replicas: 3\n',
      '  annotations: {stslint.io/ignore-pdb-missing: one replica at a time is fine}\n',
    );
    const { plan } = planText(text, { registry: undefined });
    expect(plan.statefulSets[0].problems).toEqual([]);
    expect(plan.inputProblems).toEqual([]);
    expect(planText(text.replace('# stslint-disable-next-line', '# not a directive'), { registry: undefined }).plan.statefulSets[0].problems).toEqual([
      expect.objectContaining({ ruleId: 'statefulset-service-missing' }),
    ]);
  });
});
