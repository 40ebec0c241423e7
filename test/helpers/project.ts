import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * A new ES-module project in a temporary directory that depends on this checkout as `stslint` (its built dist/),
 * with `files` (name → text) written in it. Returns the directory.
 */
export function scratchProject(files: Record<string, string>): string {
  const project = mkdtempSync(join(tmpdir(), 'stslint-project-'));
  mkdirSync(join(project, 'node_modules'));
  symlinkSync(resolve('.'), join(project, 'node_modules', 'stslint'), 'dir');
  writeFileSync(join(project, 'package.json'), '{"type": "module"}\n');
  for (const [name, text] of Object.entries(files)) writeFileSync(join(project, name), text);
  return project;
}
