import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFiles } from '../src/lint.js';

/**
 * What fires on the real StatefulSet manifests (../shared/corpus/statefulsets), linted one application at a time:
 * the files that SOURCES.md says come from one directory of one repository are applied together, so they are
 * linted together. Every line of the expectation file was read and judged a true finding; a false positive is a
 * bug to fix, not a line to add.
 * Regenerate after a deliberate change with: UPDATE_CORPUS_EXPECTATIONS=1 npx vitest run test/corpus-findings.test.ts
 */
const CORPUS = resolve('../shared/corpus/statefulsets');
const EXPECTED = resolve('test/corpus-findings.expected.txt');
/** Repositories whose README applies several directories together (consul-on-kubernetes: services/, then statefulsets/). */
const WHOLE_REPOSITORIES = new Set(['kelseyhightower/consul-on-kubernetes']);

/** file name → application (repository + directory), from the table in SOURCES.md. */
function applications(): Map<string, string> {
  const table = readFileSync(resolve(CORPUS, '../SOURCES.md'), 'utf8');
  const rows = [...table.matchAll(/^\| (\S+) \| (\S+) \| (\S+) \| [0-9a-f]{40} \|/gm)];
  return new Map(
    rows.map(([, file, repo, path]) => [file, WHOLE_REPOSITORIES.has(repo) ? repo : `${repo}/${dirname(path)}`]),
  );
}

async function findings(): Promise<string[]> {
  const applicationOf = applications();
  const projects = new Map<string, string[]>();
  for (const file of readdirSync(CORPUS).sort()) {
    const project = applicationOf.get(file);
    if (!project) throw new Error(`${file} is not in SOURCES.md`);
    projects.set(project, [...(projects.get(project) ?? []), join(CORPUS, file)]);
  }
  const lines: string[] = [];
  for (const files of projects.values()) {
    const run = await lintFiles(files);
    for (const result of run.results) {
      for (const m of result.messages) {
        const file = result.filePath.slice(CORPUS.length + 1);
        lines.push(`${file}:${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.severity === 2 ? 'error' : 'warning'} ${m.ruleId}`);
      }
    }
  }
  return lines;
}

describe.skipIf(!existsSync(CORPUS))('findings on the real StatefulSet corpus', () => {
  it('are exactly the reviewed ones', async () => {
    const actual = await findings();
    if (process.env.UPDATE_CORPUS_EXPECTATIONS) writeFileSync(EXPECTED, `${actual.join('\n')}\n`);
    expect(actual).toEqual(readFileSync(EXPECTED, 'utf8').trimEnd().split('\n'));
  }, 120_000);
});
