import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FieldError } from './client.js';
import type { Outcome } from './judge.js';

export interface Row {
  kind: string;
  fieldClass: string;
  cases: number;
  agreements: number;
  /** The oracle refuses, stslint reports no refusal-rule error. */
  missed: number;
  /** stslint reports a refusal-rule error, the oracle accepts. */
  falseAlarms: number;
}

/** Agreement counts per kind and field class, sorted by field class then kind. */
export function agreementRows(outcomes: readonly Outcome[]): Row[] {
  const rows = new Map<string, Row>();
  for (const o of outcomes) {
    const key = `${o.case.fieldClass}\u0000${o.case.kind}`;
    const row = rows.get(key) ?? { kind: o.case.kind, fieldClass: o.case.fieldClass, cases: 0, agreements: 0, missed: 0, falseAlarms: 0 };
    row.cases++;
    if (o.agree) row.agreements++;
    else if (o.refusal.length > 0) row.missed++;
    else row.falseAlarms++;
    rows.set(key, row);
  }
  return [...rows.values()].sort((a, b) => a.fieldClass.localeCompare(b.fieldClass) || a.kind.localeCompare(b.kind));
}

/** A Markdown table of the rows, with a total per field class when it spans several kinds, and a grand total. */
export function agreementTable(rows: readonly Row[], claimed: readonly string[]): string {
  const lines = ['| field class | kind | cases | agreements | disagreements | missed | false alarms |', '|---|---|---:|---:|---:|---:|---:|'];
  const line = (fieldClass: string, kind: string, r: Omit<Row, 'kind' | 'fieldClass'>) =>
    `| ${fieldClass} | ${kind} | ${r.cases} | ${r.agreements} | ${r.missed + r.falseAlarms} | ${r.missed} | ${r.falseAlarms} |`;
  const classes = [...new Set(rows.map((row) => row.fieldClass))];
  for (const fieldClass of classes) {
    const of = rows.filter((row) => row.fieldClass === fieldClass);
    const name = claimed.includes(fieldClass) ? `**${fieldClass}** (claimed)` : fieldClass;
    of.forEach((row, i) => lines.push(line(i === 0 ? name : '', row.kind, row)));
    if (of.length > 1) lines.push(line('', '*all*', sum(of)));
  }
  lines.push(line('**total**', '', sum(rows)));
  return lines.join('\n');
}

function sum(rows: readonly Row[]): Omit<Row, 'kind' | 'fieldClass'> {
  const total = { cases: 0, agreements: 0, missed: 0, falseAlarms: 0 };
  for (const row of rows) {
    total.cases += row.cases;
    total.agreements += row.agreements;
    total.missed += row.missed;
    total.falseAlarms += row.falseAlarms;
  }
  return total;
}

/** One line per disagreement: the case, the oracle's causes and stslint's findings. */
export function disagreementLines(outcomes: readonly Outcome[]): string[] {
  return outcomes
    .filter((o) => !o.agree)
    .map((o) => {
      const c = o.case;
      const what = c.field ? `${c.field} ${c.change}` : 'as read';
      const oracle = o.refusal.length > 0 ? `oracle refuses: ${causes(o.refusal)}` : 'oracle accepts';
      const stslint = o.flagged.length > 0 ? `stslint: ${o.flagged.map((f) => `${f.ruleId} ${f.path}: ${f.message}`).join('; ')}` : 'stslint: no error';
      const others = o.otherErrors.length > 0 ? ` (other rules: ${[...new Set(o.otherErrors.map((f) => f.ruleId))].join(', ')})` : '';
      return `[${c.kind} ${c.fieldClass}] ${what} (${c.input}): ${oracle}; ${shorten(stslint, 200)}${others}`;
    });
}

function causes(errors: readonly FieldError[]): string {
  return shorten(errors.map((e) => `${e.field} ${e.type}: ${e.detail}`).join('; '), 300);
}

function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * The disagreements grouped by what the API server says (field with indices dropped, cause type) so that the
 * largest groups come first: the work list for the api-validation rule. Each group: count, kinds, one example.
 */
export function topDisagreements(outcomes: readonly Outcome[], limit: number): string {
  const groups = new Map<string, { count: number; kinds: Set<string>; example: Outcome }>();
  for (const o of outcomes.filter((x) => !x.agree)) {
    const key =
      o.refusal.length > 0
        ? `missed: ${o.refusal.map((e) => `${e.field.replace(/\[[^\]]*\]/g, '[]') || `(${e.detail.slice(0, 40)})`} ${e.type}`).sort()[0]}`
        : `false alarm: ${o.flagged.map((f) => `${f.ruleId} ${f.path.replace(/\.\d+(?=\.|$)/g, '[]')}`)[0]}`;
    const group = groups.get(key) ?? { count: 0, kinds: new Set<string>(), example: o };
    group.count++;
    group.kinds.add(o.case.kind);
    groups.set(key, group);
  }
  const lines = ['| disagreements | what | kinds | example |', '|---:|---|---|---|'];
  for (const [key, g] of [...groups].sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0])).slice(0, limit)) {
    const e = g.example;
    const example = `${e.case.field || 'as read'} ${e.case.change} → ${e.refusal.length > 0 ? shorten(e.refusal[0].detail, 120) : shorten(e.flagged[0].message, 120)}`;
    lines.push(`| ${g.count} | ${key} | ${[...g.kinds].sort().join(', ')} | ${example.replace(/\|/g, '\\|')} |`);
  }
  return lines.join('\n');
}

/**
 * With ORACLE_REPORT=<file> (FIDELITY.md), replaces the file's section between `<!-- oracle:NAME -->` and
 * `<!-- /oracle:NAME -->` with `markdown`; without it, does nothing. A file without the markers is an error.
 */
export function writeReportSection(name: string, markdown: string): void {
  const target = process.env.ORACLE_REPORT;
  if (!target) return;
  const path = resolve(target);
  const text = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const begin = `<!-- oracle:${name} -->`;
  const end = `<!-- /oracle:${name} -->`;
  const from = text.indexOf(begin);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`${path} has no ${begin} ... ${end} section`);
  writeFileSync(path, `${text.slice(0, from + begin.length)}\n${markdown}\n${text.slice(to)}`);
}
