import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFiles } from '../src/lint.js';
import { bundledVersions } from '../src/schema/versions.js';

/** Real public manifests (see ../shared/corpus/SOURCES.md), never copied into the repository. */
const CORPUS = resolve('../shared/corpus');
/** Every bundled schema version, and two versions between bundled ones (linted with the nearest older schemas). */
const TARGETS = [...bundledVersions(), '1.27', '1.33'];

/** `file:line` of every apiVersion line that names apps/v1beta1, found by scanning the corpus text. */
function appsV1beta1Lines(): string[] {
  const files = readdirSync(CORPUS, { recursive: true, encoding: 'utf8' })
    .map((file) => join(CORPUS, file))
    .filter((file) => /\.(ya?ml|json)$/.test(file));
  return files.flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((text, index) => (/^\s*(?:-\s+)?apiVersion:\s*["']?apps\/v1beta1["']?\s*(?:#.*)?$/.test(text) ? [`${file}:${index + 1}`] : [])),
  );
}

describe.skipIf(!existsSync(CORPUS))('the real corpus against each target Kubernetes version', () => {
  const expected = existsSync(CORPUS) ? appsV1beta1Lines() : [];

  it('has apps/v1beta1 manifests to check', () => {
    expect(expected.length).toBeGreaterThanOrEqual(4);
  });

  it.each(TARGETS)('lints everything at %s without a crash; every apps/v1beta1 object is reported as removed', async (kubernetesVersion) => {
    const run = await lintFiles([CORPUS], { kubernetesVersion, strict: true });
    expect(run.internalError).toBe(false);
    const messages = run.results.flatMap((result) => result.messages.map((message) => ({ ...message, file: result.filePath })));
    expect(messages.filter((message) => message.ruleId === 'internal-error')).toEqual([]);
    const removed = messages.filter((message) => message.ruleId === 'api-version-removed');
    const reportedAppsV1beta1 = removed.filter((message) => message.message.includes(' uses apps/v1beta1,')).map((message) => `${message.file}:${message.line}`);
    expect(reportedAppsV1beta1.sort()).toEqual([...expected].sort());
    for (const message of removed) expect(message.message).toContain(`(target ${kubernetesVersion})`);
  }, 300_000);
});
