import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { expect } from 'vitest';
import { lintSources, type LintRun, type SourceInput } from '../../src/lint.js';
import type { LintMessage } from '../../src/types.js';

/** Real public manifests (see ../shared/corpus/SOURCES.md), read at test time, never copied. */
export const CORPUS = resolve('../shared/corpus/statefulsets');
export const BIN = resolve('bin/stslint.js');

export type Located = LintMessage & { file: string };

/** Lint sources with the whole rule registry; every message with its file. */
export function lintAll(sources: string | Record<string, string>): { run: LintRun; messages: Located[] } {
  const inputs: SourceInput[] =
    typeof sources === 'string' ? [{ path: 'test.yaml', text: sources }] : Object.entries(sources).map(([path, text]) => ({ path, text }));
  const run = lintSources(inputs);
  const messages = run.results.flatMap((result) => result.messages.map((message) => ({ ...message, file: result.filePath })));
  return { run, messages };
}

/** `line:column-endLine:endColumn ruleId` of each message, for compact expectations. */
export function where(messages: readonly LintMessage[], ruleId?: string): string[] {
  return messages
    .filter((message) => ruleId === undefined || message.ruleId === ruleId)
    .map((message) => `${message.line}:${message.column}-${message.endLine}:${message.endColumn} ${message.ruleId}`);
}

/**
 * Every message sits inside its file: lines from 1 to the last, columns from 1 to one past the end
 * of the line, start before end. The one exception is the yaml package's errors at the very end of
 * the file ("Missing closing quote"), which end one character past it.
 */
type Positioned = Pick<Located, 'file' | 'line' | 'column' | 'endLine' | 'endColumn' | 'message'> & { ruleId: string | null };

export function expectPositionsInside(texts: Record<string, string>, messages: readonly Positioned[]): void {
  for (const message of messages) {
    // A line ends at a line feed or at a lone carriage return (src/load/source.ts); CRLF keeps its CR on the line.
    const lines = texts[message.file].split(/\n|\r(?!\n)/);
    const fits = (line: number, column: number, slack = 0) =>
      Number.isInteger(line) && Number.isInteger(column) && line >= 1 && line <= lines.length && column >= 1 && column <= lines[line - 1].length + 1 + slack;
    const atEnd = message.endLine === lines.length ? 1 : 0;
    const ordered = message.line < message.endLine || (message.line === message.endLine && message.column <= message.endColumn);
    const detail = `${message.file} ${message.line}:${message.column}-${message.endLine}:${message.endColumn} ${message.ruleId} ${message.message}`;
    expect(fits(message.line, message.column) && fits(message.endLine, message.endColumn, atEnd) && ordered, detail).toBe(true);
  }
}

/** A fresh directory under the system temporary directory, readable by everyone (the unprivileged tests need that). */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'stslint-reliability-'));
  chmodSync(dir, 0o755);
  return dir;
}

/** Write { relative path: text } under a new temporary directory (parents created); returns the directory. */
export function writeTree(files: Record<string, string>): string {
  const dir = tempDir();
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** The corpus manifests as { name: text }, or {} when the corpus is not checked out beside the repository. */
export function corpusTexts(): Record<string, string> {
  if (!existsSync(CORPUS)) return {};
  const texts: Record<string, string> = {};
  for (const name of readdirSync(CORPUS).sort()) {
    if (/\.ya?ml$/.test(name)) texts[name] = readFileSync(join(CORPUS, name), 'utf8');
  }
  return texts;
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run the built CLI (as `nobody` when `unprivileged` and running as root: root reads every file). */
export function stslint(args: string[], options: { cwd: string; unprivileged?: boolean; input?: string }): CliResult {
  const asNobody = options.unprivileged && process.getuid?.() === 0;
  const command = asNobody
    ? ['--input-type=module', '-e', `process.setgid(65534); process.setuid(65534); process.argv.splice(1, 0, ${JSON.stringify(BIN)}); await import(${JSON.stringify(BIN)});`]
    : [BIN];
  const child = spawnSync(process.execPath, [...command, ...args], {
    cwd: options.cwd,
    input: options.input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 60_000,
  });
  return { code: child.status, stdout: child.stdout, stderr: child.stderr };
}
