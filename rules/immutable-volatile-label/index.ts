import { claimTemplatesOf } from '../../src/k8s/statefulsets.js';
import { defineRule } from '../../src/linter/rule.js';
import type { ObjectPath } from '../../src/types.js';
import { isRecord } from '../../src/util/guards.js';

/** Label keys whose value is, by convention, the chart's name and version or the application's version. */
const VOLATILE_KEYS: Readonly<Record<string, string>> = {
  'helm.sh/chart': 'a chart name and version',
  chart: 'a chart name and version',
  'app.kubernetes.io/version': 'an application version',
  version: 'an application version',
};

/** A version at the end of a value: `1.4`, `v2.0.1`, `db-1.4.2`, `12.1.0-debian-11-r0`. */
const VERSION = /(?:^|[^0-9A-Za-z])v?\d+\.\d+(?:\.\d+)?(?:[-+][0-9A-Za-z.-]*)?$/;
/** A commit hash: 7 to 40 hexadecimal digits with both digits and letters, alone or as the last part of the value. */
const HASH = /(?:^|[-_.])([0-9a-f]{7,40})$/;

/**
 * What a label's value looks like when it changes with every release, or undefined. A hash needs a digit and a
 * letter (`deadbeef` and `1234567` are left alone).
 */
export function volatileValue(key: string, value: unknown): string | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  if (Object.hasOwn(VOLATILE_KEYS, key) && /\d/.test(value)) return VOLATILE_KEYS[key];
  if (VERSION.test(value)) return 'a version number';
  const hash = HASH.exec(value)?.[1];
  return hash && /\d/.test(hash) && /[a-f]/.test(hash) ? 'a commit hash' : undefined;
}

/** No base needed: the label itself says that the next release will change it. */
export default defineRule({
  meta: {
    id: 'immutable-volatile-label',
    severity: 'warning',
    description: 'Warn about labels that change with every release in fields that can never change (selectors, claim templates)',
    kinds: ['apps/StatefulSet', 'apps/Deployment', 'apps/DaemonSet', 'apps/ReplicaSet'],
    messages: {
      selector:
        "Label {{key}}={{value}} in spec.selector of {{kind}} '{{name}}' looks like {{what}}, which changes with every release, but a selector can never change: the first upgrade that changes it is refused. Keep it in metadata.labels and the pod template's labels, out of the selector",
      claimTemplate:
        "Label {{key}}={{value}} on claim template '{{template}}' of StatefulSet '{{name}}' looks like {{what}}, which changes with every release, but claim templates can never change: the first upgrade that changes it is refused. Leave it out of volumeClaimTemplates[].metadata.labels",
    },
  },
  check(resource, context) {
    const selector = resource.object.spec?.selector;
    const subject = { kind: resource.kind, name: resource.name };
    for (const { key, value, path } of selectorLabels(selector)) {
      const what = volatileValue(key, value);
      if (what) context.report({ path, messageId: 'selector', data: { ...subject, key, value: String(value), what } });
    }
    if (resource.kind !== 'StatefulSet') return;
    for (const { template, path, name } of claimTemplatesOf(resource)) {
      const labels = isRecord(template.metadata) ? template.metadata.labels : undefined;
      for (const [key, value] of Object.entries(isRecord(labels) ? labels : {})) {
        const what = volatileValue(key, value);
        if (!what) continue;
        const data = { ...subject, key, value: String(value), what, template: name ?? `#${String(path[2])}` };
        context.report({ path: [...path, 'metadata', 'labels', key], messageId: 'claimTemplate', data });
      }
    }
  },
});

/** Each label of a selector: matchLabels pairs, and each value of matchExpressions with its key. */
function selectorLabels(selector: unknown): { key: string; value: unknown; path: ObjectPath }[] {
  if (!isRecord(selector)) return [];
  const base = ['spec', 'selector'];
  const labels: { key: string; value: unknown; path: ObjectPath }[] = Object.entries(isRecord(selector.matchLabels) ? selector.matchLabels : {}).map(([key, value]) => ({
    key,
    value,
    path: [...base, 'matchLabels', key],
  }));
  const expressions = Array.isArray(selector.matchExpressions) ? selector.matchExpressions : [];
  expressions.forEach((expression: unknown, i) => {
    if (!isRecord(expression) || typeof expression.key !== 'string' || !Array.isArray(expression.values)) return;
    expression.values.forEach((value: unknown, j) => labels.push({ key: expression.key as string, value, path: [...base, 'matchExpressions', i, 'values', j] }));
  });
  return labels;
}
