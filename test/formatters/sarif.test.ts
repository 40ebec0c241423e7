import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { formatResults } from '../../src/formatters/index.js';
import type { LintResult, RuleMeta } from '../../src/types.js';
import { lint, mismatchedDeployment, ODD_VALUES, RULES_META } from './manifests.js';

const CWD = '/work/project';
const SCHEMA = JSON.parse(readFileSync(new URL('../fixtures-schemas/sarif-schema-2.1.0.json', import.meta.url), 'utf8'));
const PACKAGE = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validateSarif = ajv.compile(SCHEMA);

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type SarifResult = any;

/** RFC 3986 characters of a URI reference: unreserved, reserved, and percent-encodings. */
const URI_REFERENCE = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?#[\]]|%[0-9A-Fa-f]{2})*$/;
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;

/**
 * Every uri of a SARIF log is a valid URI reference; a base id's is absolute and ends with '/'; a location with
 * a base id is a relative reference (no scheme: no colon in its first segment) that resolves inside the base,
 * to the file it names; one without is a file URI or a relative name.
 */
function expectValidUris(log: SarifResult): void {
  const run = log.runs[0];
  for (const { uri } of Object.values(run.originalUriBaseIds) as { uri: string }[]) {
    expect(uri).toMatch(URI_REFERENCE);
    expect(uri).toMatch(SCHEME);
    expect(uri.endsWith('/')).toBe(true);
  }
  for (const result of run.results) {
    const { uri, uriBaseId } = result.locations[0].physicalLocation.artifactLocation;
    expect(uri, uri).toMatch(URI_REFERENCE);
    if (uriBaseId) {
      expect(uri.split('/')[0], uri).not.toContain(':');
      const base = run.originalUriBaseIds[uriBaseId].uri;
      expect(new URL(uri, base).href.startsWith(base), uri).toBe(true);
    } else if (SCHEME.test(uri)) {
      expect(uri.startsWith('file:///'), uri).toBe(true);
    } else {
      expect(uri.split('/')[0], uri).not.toContain(':');
    }
  }
}

const META: Record<string, RuleMeta> = {
  ...RULES_META,
  'pdb-missing': { id: 'pdb-missing', severity: 'warning', description: 'Require a PodDisruptionBudget' },
  'quiet-rule': { id: 'quiet-rule', severity: 'off', description: 'Report nothing by default' },
};

/** Findings inside and outside cwd, odd file names, stdin, a rule outside rulesMeta, and suppressed findings. */
function sampleResults(): LintResult[] {
  const results = lint({
    '/work/project/manifests/web.yaml': mismatchedDeployment('web', 'web'),
    '/work/project/odd dir/a#b%c ünï.yaml': mismatchedDeployment('odd', ODD_VALUES.hyperlink),
    '/srv/elsewhere/x.yaml': mismatchedDeployment('outside', 'web'),
    '<stdin>': mismatchedDeployment('piped', 'web'),
    '/work/project/clean.yaml': mismatchedDeployment('clean', 'api'),
  });
  const web = results.find((result) => result.filePath.endsWith('web.yaml'))!;
  web.suppressedMessages = [
    { ...web.messages[0], line: 20, suppressions: [{ kind: 'directive', justification: 'migrating next sprint' }] },
    { ...web.messages[0], line: 21, suppressions: [{ kind: 'annotation', justification: '' }] },
  ];
  web.messages.push({ ...web.messages[0], ruleId: 'internal-error', severity: 2, fatal: true, line: 1, column: 1, endLine: 1, endColumn: 1 });
  return results;
}

async function sarifOf(results: LintResult[], rulesMeta = META) {
  const output = await formatResults('sarif', results, { cwd: CWD, color: false, rulesMeta });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { output, log: JSON.parse(output) as any };
}

describe('sarif formatter', () => {
  it('writes a log that the official SARIF 2.1.0 JSON Schema accepts', async () => {
    const { log } = await sarifOf(sampleResults());
    const valid = validateSarif(log);
    expect(validateSarif.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    expect(log.runs[0].results).toHaveLength(7);
  });

  it('is checked by a schema that rejects broken logs (the validation can fail)', async () => {
    const { log } = await sarifOf(sampleResults());
    const broken = structuredClone(log);
    broken.runs[0].results[0].level = 'fatal';
    broken.runs[0].results[1].locations[0].physicalLocation.artifactLocation.uri = 'odd dir/a b.yaml';
    broken.runs[0].results[2].locations[0].physicalLocation.region.startLine = 0;
    broken.runs[0].results[3].suppressions = [{ kind: 'comment' }];
    expect(validateSarif(broken)).toBe(false);
    const paths = validateSarif.errors!.map((error) => error.instancePath);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/runs/0/results/0/level',
        '/runs/0/results/1/locations/0/physicalLocation/artifactLocation/uri',
        '/runs/0/results/2/locations/0/physicalLocation/region/startLine',
        '/runs/0/results/3/suppressions/0/kind',
      ]),
    );
  });

  it('describes the tool and every rule, with help links to the rule documentation', async () => {
    const { log } = await sarifOf(sampleResults());
    expect(log.$schema).toBe('https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json');
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const driver = log.runs[0].tool.driver;
    expect(driver).toMatchObject({ name: 'stslint', version: PACKAGE.version, informationUri: 'https://github.com/stslint/stslint' });
    expect(driver.rules.map((rule: { id: string }) => rule.id)).toEqual(['internal-error', 'pdb-missing', 'quiet-rule', 'selector-label-mismatch']);
    expect(driver.rules[3]).toEqual({
      id: 'selector-label-mismatch',
      shortDescription: { text: RULES_META['selector-label-mismatch'].description },
      fullDescription: { text: RULES_META['selector-label-mismatch'].description },
      helpUri: 'https://github.com/stslint/stslint/blob/main/rules/selector-label-mismatch/README.md',
      help: expect.objectContaining({ text: expect.stringContaining('rules/selector-label-mismatch/README.md') }),
      defaultConfiguration: { level: 'error' },
    });
    expect(driver.rules[1].defaultConfiguration).toEqual({ level: 'warning' });
    expect(driver.rules[2].defaultConfiguration).toEqual({ enabled: false });
    expect(driver.rules[0]).toEqual({ id: 'internal-error', shortDescription: { text: 'internal-error' } });
  });

  it('gives each result its rule id and index, level, message and region', async () => {
    const { log } = await sarifOf(sampleResults());
    const { results, tool } = log.runs[0];
    for (const result of results) expect(tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
    const web = results.find((result: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) =>
      result.ruleId === 'selector-label-mismatch' && result.locations[0].physicalLocation.artifactLocation.uri === 'manifests/web.yaml',
    );
    expect(web).toEqual({
      ruleId: 'selector-label-mismatch',
      ruleIndex: 3,
      level: 'error',
      message: { text: "Selector label app=web does not match the pod template, which has app=api; the API server rejects Deployment 'web'" },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'manifests/web.yaml', uriBaseId: '%SRCROOT%' },
            region: { startLine: 8, startColumn: 7, endLine: 8, endColumn: 17 },
          },
        },
      ],
    });
    expect(results.find((result: { ruleId: string }) => result.ruleId === 'internal-error').level).toBe('error');
    const warnings = lint({ '/work/project/w.yaml': mismatchedDeployment('w', 'web') }, { rules: { 'selector-label-mismatch': 'warning' } });
    expect((await sarifOf(warnings)).log.runs[0].results[0].level).toBe('warning');
  });

  it('locates files relative to %SRCROOT% (cwd), files elsewhere by absolute URI, and stdin by its name', async () => {
    const { log } = await sarifOf(sampleResults());
    const run = log.runs[0];
    expect(run.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///work/project/' } });
    const locations = run.results.map((result: { locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } } }[] }) => result.locations[0].physicalLocation.artifactLocation);
    expect(locations).toContainEqual({ uri: 'odd%20dir/a%23b%25c%20%C3%BCn%C3%AF.yaml', uriBaseId: '%SRCROOT%' });
    expect(locations).toContainEqual({ uri: 'file:///srv/elsewhere/x.yaml' });
    expect(locations).toContainEqual({ uri: '%3Cstdin%3E' });
    for (const location of locations) {
      if (!location.uriBaseId) continue;
      const file = fileURLToPath(new URL(location.uri, run.originalUriBaseIds[location.uriBaseId].uri));
      expect(['/work/project/manifests/web.yaml', '/work/project/odd dir/a#b%c ünï.yaml']).toContain(file);
    }
    expect(pathToFileURL('/srv/elsewhere/x.yaml').href).toBe('file:///srv/elsewhere/x.yaml');
  });

  it('never gives a relative path a scheme: a colon in it is written %3A (RFC 3986 §4.2), and every uri is valid', async () => {
    const names = ['javascript:alert(1)/x.yaml', 'C:x.yaml', 'a/b:c.yaml', 'mailto:me@example.com.yaml', 'data:,x/y.yaml'];
    const results = lint(Object.fromEntries(names.map((name, i) => [`${CWD}/${name}`, mismatchedDeployment(`n${i}`, 'web')])));
    const { log } = await sarifOf(results);
    expectValidUris(log);
    const uris = log.runs[0].results.map((result: SarifResult) => result.locations[0].physicalLocation.artifactLocation.uri);
    expect(uris).toEqual(expect.arrayContaining(['javascript%3Aalert(1)/x.yaml', 'C%3Ax.yaml', 'a/b%3Ac.yaml']));
    expect(validateSarif(log)).toBe(true);
  });

  it('writes only valid uris for odd names, files outside cwd and stdin', async () => {
    expectValidUris((await sarifOf(sampleResults())).log);
  });

  it('reports suppressed findings as results with inSource suppressions and their justification', async () => {
    const { log } = await sarifOf(sampleResults());
    const suppressed = log.runs[0].results.filter((result: { suppressions?: unknown }) => result.suppressions);
    expect(suppressed.map((result: { suppressions: unknown; locations: { physicalLocation: { region: { startLine: number } } }[] }) => [result.locations[0].physicalLocation.region.startLine, result.suppressions])).toEqual([
      [20, [{ kind: 'inSource', justification: 'migrating next sprint' }]],
      [21, [{ kind: 'inSource' }]],
    ]);
  });

  it('writes a valid log with no results for a clean run', async () => {
    const { log, output } = await sarifOf(lint({ '/work/project/ok.yaml': mismatchedDeployment('ok', 'api') }), {});
    expect(validateSarif(log)).toBe(true);
    expect(log.runs[0].results).toEqual([]);
    expect(output.endsWith('}\n')).toBe(true);
  });
});
