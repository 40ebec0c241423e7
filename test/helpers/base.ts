import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { lintSources, type LintOptions } from '../../src/lint.js';
import type { LintMessage } from '../../src/types.js';
import type { AnyRule } from '../../src/linter/rule.js';

/** Files by path: the manifests, or the base. */
export type Files = Record<string, string>;

/**
 * Run one rule (alone) over manifests compared with a base given as text (as --base-files would read it); returns
 * its messages with their files. A string is one file named `test.yaml` (manifests) or `base.yaml` (base).
 */
export function runWithBase(rule: AnyRule, base: string | Files, code: string | Files, options: LintOptions = {}): (LintMessage & { file: string })[] {
  const files = (value: string | Files, name: string) => (typeof value === 'string' ? { [name]: value } : value);
  const inputs = [
    ...Object.entries(files(code, 'test.yaml')).map(([path, text]) => ({ path, text })),
    ...Object.entries(files(base, 'base.yaml')).map(([path, text]) => ({ path, text, base: true })),
  ];
  const run = lintSources(inputs, { ...options, registry: [rule] });
  return run.results.flatMap((result) =>
    result.messages.filter((message) => message.ruleId === rule.meta.id).map((message) => ({ ...message, file: result.filePath })),
  );
}

/** `text` with one replacement, which must apply (a fixture edit that silently does nothing would test nothing). */
export function edit(text: string, from: string | RegExp, to: string): string {
  const changed = text.replace(from, to);
  if (changed === text) throw new Error(`no ${String(from)} in the text`);
  return changed;
}

/**
 * Changes of fixtures/base/db.yaml that the API server accepts on update: the fields a StatefulSet update may change
 * (replicas, template, updateStrategy and its partition, retention policy, minReadySeconds, ordinals), fields written
 * down with their default value, and a quantity written another way.
 */
export function acceptedChanges(db: string): string[] {
  const spec = (lines: string) => edit(db, '  replicas: 3\n', `  replicas: 3\n${lines}`);
  return [
    edit(db, 'replicas: 3', 'replicas: 5'),
    edit(db, 'image: postgres:16', 'image: postgres:16.4'),
    edit(db, '        app: db\n    spec', '        app: db\n        version: "2"\n    spec'),
    spec('  updateStrategy: {type: OnDelete}\n'),
    spec('  updateStrategy:\n    type: RollingUpdate\n    rollingUpdate:\n      partition: 2\n'),
    spec('  persistentVolumeClaimRetentionPolicy: {whenDeleted: Delete, whenScaled: Delete}\n'),
    spec('  minReadySeconds: 10\n  ordinals: {start: 1}\n'),
    spec('  podManagementPolicy: OrderedReady\n  revisionHistoryLimit: 10\n'),
    edit(db, '      accessModes: [ReadWriteOnce]', '      volumeMode: Filesystem\n      accessModes: [ReadWriteOnce]'),
    edit(db, '  - metadata:\n      name: data', '  - apiVersion: v1\n    kind: PersistentVolumeClaim\n    metadata:\n      name: data'),
    edit(db, 'storage: 10Gi', 'storage: 10240Mi'),
    edit(db, '      name: data\n', '      name: data\n      labels: {}\n'),
    edit(db, '    port: 5432', '    port: 5432\n    protocol: TCP\n    targetPort: 5432\n  sessionAffinity: None\n  type: ClusterIP'),
  ];
}

/** `line:column-endLine:endColumn` of a message, for compact position checks. */
export function span(message: Pick<LintMessage, 'line' | 'column' | 'endLine' | 'endColumn'>): string {
  return `${message.line}:${message.column}-${message.endLine}:${message.endColumn}`;
}

/** A git repository in a new temporary directory, with a committer set; `commit` writes files and commits them. */
export function gitRepository(): { dir: string; commit(files: Files, message?: string): void; git(...args: string[]): string } {
  const dir = mkdtempSync(join(tmpdir(), 'stslint-base-'));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1' } });
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'test@example.com');
  git('config', 'user.name', 'test');
  git('config', 'commit.gpgsign', 'false');
  return {
    dir,
    git,
    commit(files, message = 'change') {
      for (const [path, text] of Object.entries(files)) {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), text);
      }
      git('add', '-A');
      git('commit', '-q', '--allow-empty', '-m', message);
    },
  };
}
