import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { lintSources, type LintOptions } from '../../src/lint.js';
import type { AnyRule, LintMessage } from '../../src/types.js';

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
