import { isRecord } from '../util/guards.js';
/** Kubernetes label selectors: a metav1.LabelSelector or a plain map (Service, ReplicationController). */

export type Labels = Readonly<Record<string, unknown>>;

export interface LabelSelectorRequirement {
  key?: unknown;
  operator?: unknown;
  values?: unknown;
}

export interface LabelSelector {
  matchLabels?: unknown;
  matchExpressions?: unknown;
}

/** One requirement of a selector that the labels fail, in words ("app=web", "tier in (db)"). */
export type Unmet = string;

const OPERATORS = new Set(['In', 'NotIn', 'Exists', 'DoesNotExist']);

/** Labels in words, `key=value` joined by commas ("app=web, tier=db"); `empty` when there are none. */
export function describeLabels(labels: Readonly<Record<string, unknown>> | undefined, empty = 'no labels'): string {
  const pairs = Object.entries(labels ?? {}).map(([key, value]) => `${key}=${String(value)}`);
  return pairs.length > 0 ? pairs.join(', ') : empty;
}

/** matchLabels pairs of a selector, with non-string values kept as written (they never match). */
export function matchLabelsOf(selector: LabelSelector | undefined): [string, unknown][] {
  return isRecord(selector?.matchLabels) ? Object.entries(selector.matchLabels) : [];
}

export function expressionsOf(selector: LabelSelector | undefined): LabelSelectorRequirement[] {
  const expressions = selector?.matchExpressions;
  return Array.isArray(expressions) ? expressions.filter(isRecord) : [];
}

/** A selector with neither matchLabels nor matchExpressions: selects everything (PDB policy/v1) or nothing (Service). */
export function isEmptySelector(selector: LabelSelector | undefined): boolean {
  return matchLabelsOf(selector).length === 0 && expressionsOf(selector).length === 0;
}

/** The requirements of a LabelSelector that `labels` do not meet; empty when it selects them. */
export function unmetRequirements(selector: LabelSelector | undefined, labels: Labels | undefined): Unmet[] {
  const have = labels ?? {};
  const unmet: Unmet[] = [];
  for (const [key, value] of matchLabelsOf(selector)) {
    if (typeof value !== 'string' || have[key] !== value) unmet.push(`${key}=${String(value)}`);
  }
  for (const requirement of expressionsOf(selector)) {
    if (!meetsRequirement(requirement, have)) unmet.push(describeRequirement(requirement));
  }
  return unmet;
}

export function selects(selector: LabelSelector | undefined, labels: Labels | undefined): boolean {
  return unmetRequirements(selector, labels).length === 0;
}

/** A Service-style selector (plain map): every pair must be present in the labels. */
export function mapSelects(selector: Labels, labels: Labels | undefined): boolean {
  return unmetMapSelector(selector, labels).length === 0;
}

export function unmetMapSelector(selector: Labels, labels: Labels | undefined): Unmet[] {
  const have = labels ?? {};
  return Object.entries(selector)
    .filter(([key, value]) => typeof value !== 'string' || have[key] !== value)
    .map(([key, value]) => `${key}=${String(value)}`);
}

/** An operator stslint cannot evaluate: the API server rejects the selector, so the requirement is never met. */
export function hasUnknownOperator(selector: LabelSelector | undefined): boolean {
  return expressionsOf(selector).some((requirement) => !OPERATORS.has(requirement.operator as string));
}

function meetsRequirement(requirement: LabelSelectorRequirement, labels: Labels): boolean {
  const key = String(requirement.key);
  const values = Array.isArray(requirement.values) ? requirement.values : [];
  const present = Object.hasOwn(labels, key);
  switch (requirement.operator) {
    case 'In':
      return present && values.includes(labels[key]);
    case 'NotIn':
      return !present || !values.includes(labels[key]);
    case 'Exists':
      return present;
    case 'DoesNotExist':
      return !present;
    default:
      return false;
  }
}

export function describeRequirement(requirement: LabelSelectorRequirement): string {
  if (typeof requirement.key !== 'string') return 'a requirement without a key';
  if (typeof requirement.operator !== 'string') return `${requirement.key} (no operator)`;
  const key = requirement.key;
  const values = Array.isArray(requirement.values) ? requirement.values.map(String).join(',') : '';
  switch (requirement.operator) {
    case 'In':
      return `${key} in (${values})`;
    case 'NotIn':
      return `${key} notin (${values})`;
    case 'Exists':
      return key;
    case 'DoesNotExist':
      return `!${key}`;
    default:
      return `${key} ${String(requirement.operator)} (${values})`;
  }
}
