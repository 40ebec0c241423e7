import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { planSources, type PlanSourcesOptions as PlanOptions, type PlanRun } from '../../src/plan/plan.js';
import type { StatefulSetPlan } from '../../src/plan/types.js';

export const PLAN_FIXTURES = resolve('fixtures/plan');

const DEFAULTS: PlanOptions = { clusterDomain: 'cluster.local', scaleTo: [], delete: false, registry: [] };

/** Plan YAML text (or { fileName: text }) with no lint rule unless `registry` is given. */
export function planText(sources: string | Record<string, string>, options: Partial<PlanOptions> = {}): PlanRun {
  const inputs =
    typeof sources === 'string'
      ? [{ path: 'test.yaml', text: sources }]
      : Object.entries(sources).map(([path, text]) => ({ path, text }));
  return planSources(inputs, { ...DEFAULTS, ...options });
}

/** The plan of the only StatefulSet of a fixtures/plan file. */
export function planFixture(file: string, options: Partial<PlanOptions> = {}): StatefulSetPlan {
  const path = resolve(PLAN_FIXTURES, file);
  const { plan } = planText({ [path]: readFileSync(path, 'utf8') }, options);
  if (plan.statefulSets.length !== 1) throw new Error(`${file}: expected one StatefulSet, got ${plan.statefulSets.length}`);
  return plan.statefulSets[0];
}

/** A StatefulSet manifest with `spec` lines (indented by 2) added to a minimal valid spec. */
export function statefulSet(name: string, specLines = '', metadataLines = ''): string {
  return `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: ${name}
${metadataLines}spec:
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec: {containers: [{name: c, image: busybox}]}
${specLines}`;
}
