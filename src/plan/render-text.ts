import { relative } from 'node:path';
import { oneLine } from '../util/sanitize.js';
import { isRecord } from '../util/guards.js';
import { POD_INDEX_LABEL, POD_NAME_LABEL } from '../k8s/pod-template.js';
import { podName } from './names.js';
import { allProblems } from './plan.js';
import { describeValue } from '../base/compare.js';
import type { ClaimChange, Plan, PlanProblem, ScaleStep, StatefulSetChange, StatefulSetPlan, StorageClassPlan } from './types.js';
import { append, maxOf } from '../util/arrays.js';

export interface TextOptions {
  color: boolean;
  /** File names are shown relative to this directory. */
  cwd: string;
}

/** Longer lists are shortened to their first and last items. */
const MAX_LISTED = 6;
const MAX_TABLE_ROWS = 20;
const INDENT = '  ';

type Style = 'bold' | 'dim' | 'red' | 'yellow' | 'green';
const ANSI: Record<Style, string> = { bold: '1', dim: '2', red: '31', yellow: '33', green: '32' };

/** The terminal view: per StatefulSet a table of its pods and a timeline of what the controller does. */
export function renderText(unsafePlan: Plan, options: TextOptions): string {
  const plan = visible(unsafePlan);
  const paint = (style: Style, text: string) => (options.color ? `\u001b[${ANSI[style]}m${text}\u001b[0m` : text);
  const where = (file: string, line: number, column?: number) =>
    [relative(options.cwd, file) || file, line, column].filter((part) => part !== undefined).join(':');
  const blocks = plan.statefulSets.map((statefulSet) => renderStatefulSet(statefulSet, paint, where));
  if (plan.inputProblems.length > 0) {
    blocks.push([paint('bold', 'Input problems'), ...problemLines(plan.inputProblems, paint, where)].join('\n'));
  }
  blocks.push(summary(plan));
  return `${blocks.join('\n\n')}\n`;
}

/** The plan with every string made safe for a terminal: names and messages come from the manifests. */
function visible<T>(value: T): T {
  if (typeof value === 'string') return oneLine(value) as T;
  if (Array.isArray(value)) return value.map(visible) as T;
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([key, item]) => [oneLine(key), visible(item)])) as T;
  return value;
}

type Paint = (style: Style, text: string) => string;
type Where = (file: string, line: number, column?: number) => string;

function renderStatefulSet(set: StatefulSetPlan, paint: Paint, where: Where): string {
  const lines = [
    `${paint('bold', `StatefulSet ${set.name}`)} · namespace ${set.namespace} · ${where(set.file, set.line)}`,
    ...indent(header(set)),
    ...indent(autoscalerLines(set, where)),
    '',
    ...indent(podTable(set)),
    ...indent(claimTemplateLines(set, where)),
    '',
    ...indent(timeline(set, paint)),
  ];
  if (set.change) append(lines, ['', ...indent(changeLines(set, set.change, paint, where))]);
  if (set.notes.length > 0) append(lines, ['', `${INDENT}${paint('bold', 'Notes')}`, ...set.notes.map((note) => `${INDENT}  - ${note}`)]);
  if (set.problems.length > 0) {
    append(lines, ['', `${INDENT}${paint('bold', 'Problems')}`, ...indent(indent(problemLines(set.problems, paint, where)))]);
  }
  return lines.join('\n');
}

function indent(lines: string[]): string[] {
  return lines.map((line) => (line === '' ? line : INDENT + line));
}

function header(set: StatefulSetPlan): string[] {
  const { first, last } = set.ordinals;
  const range = last === null ? 'no pods' : first === last ? `ordinal ${first}` : `ordinals ${first}–${last}`;
  const lines = [`${plural(set.replicas, 'replica')} (${range}) · ${set.podManagementPolicy} · ${set.update.strategy}`];
  lines.push(
    set.serviceName
      ? `Governing Service ${set.serviceName} · domain ${set.governingDomain}`
      : 'No serviceName: the pods get no DNS name under a governing Service',
  );
  const indexLabel = set.pods.some((pod) => POD_INDEX_LABEL in pod.labels) ? `, ${POD_INDEX_LABEL}=<ordinal>` : '';
  lines.push(`Each pod: hostname = pod name; labels ${POD_NAME_LABEL}=<pod>${indexLabel}`);
  return lines;
}

function podTable(set: StatefulSetPlan): string[] {
  if (set.pods.length === 0) return ['No pods (replicas: 0)'];
  const headings = ['ORDINAL', 'POD'];
  if (set.serviceName) headings.push('DNS NAME');
  if (set.claimTemplates.length > 0) headings.push('CLAIMS');
  const rows = set.pods.map((pod) => {
    const row = [String(pod.ordinal), pod.name];
    if (set.serviceName) row.push(pod.fqdn ?? '');
    if (set.claimTemplates.length > 0) row.push(pod.claims.map((claim) => claim.name).join(', '));
    return row;
  });
  return table([headings, ...shortenRows(rows)]);
}

function shortenRows(rows: string[][]): string[][] {
  if (rows.length <= MAX_TABLE_ROWS) return rows;
  const head = rows.slice(0, MAX_TABLE_ROWS - 4);
  const tail = rows.slice(-3);
  return [...head, [`… ${rows.length - head.length - tail.length} more`], ...tail];
}

function table(rows: string[][]): string[] {
  const widths = rows[0].map((_, column) => maxOf(rows.map((row) => (row.length > 1 ? (row[column] ?? '').length : 0))));
  return rows.map((row) => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]))).join('  '));
}

function claimTemplateLines(set: StatefulSetPlan, where: Where): string[] {
  if (set.claimTemplates.length === 0) return [];
  const lines = set.claimTemplates.flatMap((template) => {
    const modes = template.accessModes.length > 0 ? template.accessModes.join(', ') : 'no access mode';
    const found = template.storageClassInInputs;
    return [
      `Claim template ${template.name}: ${template.size ?? 'no size'}, ${modes}, storage class: ${storageClassText(template.storageClass)}`,
      ...(found ? [`  ${storageClassLine(found, where)}`] : []),
    ];
  });
  const { whenScaled, whenDeleted } = set.retention;
  lines.push(`Claims: ${retained(whenScaled)} on scale-down (whenScaled: ${whenScaled}), ${retained(whenDeleted)} on delete (whenDeleted: ${whenDeleted})`);
  return ['', ...lines];
}

/** "StorageClass fast (classes.yaml:3): provisioner ebs.csi.aws.com, WaitForFirstConsumer, reclaimPolicy Retain, expansion allowed". */
function storageClassLine(found: StorageClassPlan, where: Where): string {
  const name = found.default ? `default StorageClass ${found.name}` : `StorageClass ${found.name}`;
  const expansion = found.allowVolumeExpansion ? 'volume expansion allowed' : 'no volume expansion';
  return `${name} (${where(found.file, found.line)}): provisioner ${found.provisioner ?? 'not set'}, volumeBindingMode ${found.volumeBindingMode}, reclaimPolicy ${found.reclaimPolicy}, ${expansion}`;
}

/** The range of pods and claims an autoscaler of the inputs keeps; scale to zero said with what happens to the claims. */
function autoscalerLines(set: StatefulSetPlan, where: Where): string[] {
  const scaler = set.autoscaler;
  if (!scaler) return [];
  const { pods, claims, ordinals } = scaler;
  const range = (min: number, max: number, word: string) => (min === max ? plural(max, word) : `${min} to ${plural(max, word)}`);
  const [first, last] = [ordinals.first, ordinals.last].map((ordinal) => (ordinal === null ? '' : podName(set.name, ordinal)));
  const names = last === '' ? '' : first === last ? ` (${first})` : ` (${first} … ${last})`;
  const claimRange = set.claimTemplates.length > 0 ? `, ${range(claims.min, claims.max, 'claim')}` : '';
  const lines = [`Autoscaled by ${scaler.kind} ${scaler.name} (${where(scaler.file, scaler.line)}): ${range(pods.min, pods.max, 'pod')}${names}${claimRange}`];
  if (pods.min === 0) {
    const policy = set.retention.whenScaled;
    lines.push(`0 pods: claims ${retained(policy)} per whenScaled (${policy})`);
  }
  return lines;
}

function storageClassText(storageClass: string | null): string {
  if (storageClass === null) return 'cluster default';
  return storageClass === '' ? 'none ("": binds only to volumes without a class)' : storageClass;
}

function retained(policy: 'Retain' | 'Delete'): string {
  return policy === 'Retain' ? 'kept' : 'deleted';
}

function timeline(set: StatefulSetPlan, paint: Paint): string[] {
  const entries: [label: string, lines: string[]][] = [];
  const entry = (label: string, lines: string[]) => entries.push([label, lines]);
  const readiness = waitForReady(set);
  if (set.pods.length > 0) {
    entry('Create', [
      sequence(set.order.create, set.order.oneAtATime),
      set.order.oneAtATime ? `one at a time: each waits for the previous one to be ${readiness}` : 'all at once: no pod waits for another',
    ]);
    entry('Stop', [
      sequence(set.order.stop, set.order.oneAtATime),
      set.order.oneAtATime ? 'one at a time: each waits for the next one to be fully terminated' : 'all at once',
    ]);
  }
  entry('Update', updateLines(set, readiness));
  for (const step of set.scale) entry(`Scale ${step.from} → ${step.to}`, scaleLines(step, set, paint));
  if (set.delete) {
    const claims = set.delete.claims;
    entry('Delete', [
      `removes ${list(set.delete.pods) || 'no pods'} in no guaranteed order (scale to 0 first for an ordered shutdown)`,
      ...(claims.length > 0 ? [claimLine(claims, paint, `(whenDeleted: ${set.delete.whenDeleted})`)] : []),
    ]);
  }
  const width = maxOf(entries.map(([label]) => label.length)) + 2;
  return entries.flatMap(([label, [first, ...more]]) => [
    `${paint('bold', label)}${' '.repeat(width - label.length)}${first}`,
    ...more.map((line) => ' '.repeat(width) + line),
  ]);
}

/** What applying the manifests does to the StatefulSet that runs now (`--base`). */
function changeLines(set: StatefulSetPlan, change: StatefulSetChange, paint: Paint, where: Where): string[] {
  const base = change.base ? ` (${where(change.base.file, change.base.line)})` : '';
  if (change.status === 'new') return [`${paint('bold', 'New')}: not in the base; applying the manifests creates it as above`];
  if (change.status === 'deleted') return [`${paint('bold', 'Deleted')}: in the base${base} but not in the manifests; see Delete above for its pods and claims`];
  if (change.status === 'unchanged') return [`${paint('bold', 'Unchanged')} since the base${base}: applying the manifests changes nothing`];
  const lines = [`${paint('bold', 'Changed')} since the base${base}:`];
  for (const field of change.fields) {
    const refused = field.allowed ? '' : `  ${paint('red', '(refused by the API server)')}`;
    lines.push(`  ${field.path}: ${describeValue(field.old)} → ${describeValue(field.new)}${refused}`);
  }
  lines.push(`${paint('bold', 'Applying it')}:`);
  if (change.refused) {
    lines.push(`  ${paint('red', 'apply will be refused')} (kubectl apply and helm upgrade fail); what works instead:`);
    append(lines, change.refused.commands.map((command) => `      ${command}`));
    append(lines, change.refused.notes.map((note) => `    - ${note}`));
  }
  for (const growth of change.storage) {
    const verdict = growth.expansion === 'allowed' ? paint('green', 'can grow') : growth.expansion === 'refused' ? paint('red', 'cannot grow') : 'may grow';
    lines.push(`  - claims of template ${growth.template} (${list(growth.claims.map((claim) => claim.name))}) ${verdict} from ${growth.from} to ${growth.to}: ${growth.reason}`);
  }
  if (change.rollout) {
    const [first, ...more] = updateLines(set, waitForReady(set));
    lines.push(`  - the template changes: ${first}`);
    append(lines, more.map((line) => `    ${line}`));
  }
  if (change.scale) {
    const [first, ...more] = scaleLines(change.scale, set, paint);
    lines.push(`  - replicas ${change.scale.from} → ${change.scale.to}: ${first}`);
    append(lines, more.map((line) => `    ${line}`));
  }
  if (!change.refused && !change.rollout && !change.scale && change.storage.length === 0) lines.push('  - no pod is replaced or created: the change is recorded only');
  return lines;
}

function waitForReady(set: StatefulSetPlan): string {
  return set.minReadySeconds > 0
    ? `Running and Ready for ${set.minReadySeconds}s (minReadySeconds)`
    : 'Running and Ready';
}

function updateLines(set: StatefulSetPlan, readiness: string): string[] {
  const { update, podManagementPolicy } = set;
  if (update.strategy === 'OnDelete') {
    return ['a template change replaces no pod (OnDelete): each pod takes the new template when you delete it'];
  }
  if (update.replaced.length === 0) {
    // The controller counts the partition in positions from the first ordinal, not in ordinals.
    const positions = set.ordinals.first === 0 || set.replicas === 0 ? '' : ` (positions 0–${set.replicas - 1}, counted from ordinal ${set.ordinals.first})`;
    return [`a template change replaces no pod: partition ${update.partition} is past the last pod${positions}`];
  }
  const lines = [sequence(update.replaced, true), `what a template change replaces, ${pace(set, readiness)}`];
  if (podManagementPolicy === 'Parallel' && update.atOnce === 1) lines.push('(Parallel pod management does not apply to updates)');
  if (update.unchanged.length > 0) {
    lines.push(`partition ${update.partition}: ${list(update.unchanged)} keep the old template, even when deleted and re-created`);
  }
  return lines;
}

/** How fast a rolling update goes: one pod at a time, or up to `atOnce` with maxUnavailable (stateful_set_control.go). */
function pace({ update, replicas, podManagementPolicy }: StatefulSetPlan, readiness: string): string {
  const n = update.atOnce;
  if (n === 1) return `one at a time: each waits for the one before to be ${readiness}`;
  const percent = typeof update.maxUnavailable === 'string' ? ` of ${plural(replicas, 'replica')}, rounded down` : '';
  const why = `maxUnavailable ${update.maxUnavailable}${percent}`;
  if (n >= update.replaced.length) return `all ${update.replaced.length} at once (${why})`;
  if (podManagementPolicy === 'Parallel') {
    return `up to ${n} at a time (${why}): the next is deleted whenever fewer than ${n} pods are unavailable`;
  }
  return `up to ${n} at a time (${why}): ${n} are deleted together and re-created lowest ordinal first, and the next ${n} go once every pod is ${readiness}`;
}

function scaleLines(step: ScaleStep, set: StatefulSetPlan, paint: Paint): string[] {
  const pace = step.oneAtATime ? 'one at a time' : 'all at once';
  if (step.created.length > 0) {
    const lines = [`creates ${sequence(step.created, step.oneAtATime)}, ${pace}`];
    const reattached = step.claims.filter((claim) => claim.effect === 'reattached');
    const created = step.claims.filter((claim) => claim.effect === 'created');
    if (reattached.length > 0) lines.push(`${paint('green', 're-attaches')} claims ${list(names(reattached))} kept by the scale-down: same data, same ordinals`);
    if (created.length > 0) lines.push(`creates claims ${list(names(created))} (a claim that already exists under that name is used as is)`);
    return lines;
  }
  if (step.deleted.length === 0) return ['no change'];
  const lines = [`deletes ${sequence(step.deleted, step.oneAtATime)}, ${pace}`];
  if (step.claims.length === 0) return lines;
  lines.push(claimLine(step.claims, paint, `(whenScaled: ${set.retention.whenScaled})`));
  const kept = step.claims.filter((claim) => claim.effect === 'kept');
  lines.push(
    kept.length > 0
      ? `scaling back up re-attaches the same data to ${list(unique(kept.map((claim) => claim.pod)).reverse())}`
      : 'scaling back up starts those ordinals with new, empty claims',
  );
  return lines;
}

/** "keeps claims a, b (reason)" or "deletes claims a, b once their pods are gone (reason)". */
function claimLine(claims: ClaimChange[], paint: Paint, reason: string): string {
  const deleted = claims.filter((claim) => claim.effect === 'deleted');
  const kept = claims.filter((claim) => claim.effect === 'kept');
  const parts = [];
  if (kept.length > 0) parts.push(`${paint('green', 'keeps')} claims ${list(names(kept))}`);
  if (deleted.length > 0) parts.push(`${paint('red', 'deletes')} claims ${list(names(deleted))} once their pods are gone`);
  return `${parts.join('; ')} ${reason}`;
}

function problemLines(problems: PlanProblem[], paint: Paint, where: Where): string[] {
  return problems.map((problem) => {
    const severity = problem.severity === 'error' ? paint('red', 'error  ') : paint('yellow', 'warning');
    return `${severity}  ${where(problem.file, problem.line, problem.column)}  ${problem.message}  ${paint('dim', problem.ruleId)}`;
  });
}

function summary(plan: Plan): string {
  const problems = allProblems(plan);
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  const found = problems.length === 0 ? 'no problems found' : `${plural(errors, 'error')}, ${plural(problems.length - errors, 'warning')}`;
  return `Planned ${plural(plan.statefulSets.length, 'StatefulSet')}: ${found}`;
}

function sequence(items: string[], ordered: boolean): string {
  return list(items, ordered ? ' → ' : ', ');
}

/** Items joined, the middle of a long list replaced with an ellipsis. */
function list(items: string[], separator = ', '): string {
  if (items.length <= MAX_LISTED) return items.join(separator);
  return [...items.slice(0, 3), `… (${items.length - 5} more)`, ...items.slice(-2)].join(separator);
}

function names(claims: ClaimChange[]): string[] {
  return claims.map((claim) => claim.name);
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
