/**
 * Settings are never ignored in silence, and every front end reads them the same way: through the built CLI and
 * through the GitHub Action's entry point (src/action.ts runAction), on trees generated here.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAction } from '../../src/action.js';
import { lintText } from '../../src/lint.js';
import { stslint, writeTree } from '../reliability/helpers.js';

/** Run the Action's entry point in this process, as GitHub runs it in `dir`; its log, exit code and outputs. */
async function action(dir: string, inputs: Record<string, string>) {
  let log = '';
  writeFileSync(join(dir, 'outputs.txt'), '');
  const env: NodeJS.ProcessEnv = { GITHUB_WORKSPACE: dir, GITHUB_OUTPUT: join(dir, 'outputs.txt') };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  const code = await runAction(env, (text) => (log += text));
  return { code, log, outputs: readFileSync(join(dir, 'outputs.txt'), 'utf8') };
}

const CONFIG_MAP = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n';

describe('settings that name what does not exist are errors that name the setting (exit 2)', () => {
  const dir = writeTree({ 'deploy/a.yaml': CONFIG_MAP, 'a-file.json': '{}' });

  it.each([
    ['--schema-dir naming a missing directory', ['--schema-dir', 'missing'], `stslint: --schema-dir: no such directory: ${join(dir, 'missing')}\n`],
    ['--schema-dir naming a file', ['--schema-dir', 'a-file.json'], `stslint: --schema-dir: not a directory: ${join(dir, 'a-file.json')}\n`],
    ['--max-warnings that is not a number', ['--max-warnings', 'abc'], "stslint: --max-warnings expects a whole number (or -1 for no limit), got 'abc'\n"],
    ['--rule yaml-syntax=off', ['--rule', 'yaml-syntax=off'], "stslint: --rule: Rule 'yaml-syntax' cannot be turned off or downgraded: a file that cannot be read or parsed is always an error\n"],
    ['--rule yaml-syntax=warn', ['--rule', 'yaml-syntax=warn'], "stslint: --rule: Rule 'yaml-syntax' cannot be turned off or downgraded: a file that cannot be read or parsed is always an error\n"],
  ])('CLI: %s', (_, args, stderr) => {
    expect(stslint(['deploy', ...args], { cwd: dir })).toEqual({ code: 2, stdout: '', stderr });
  });

  it.each([
    ['a missing schemaDirs entry', 'schemaDirs:\n  - schemas/crds\n', `2:5: schemaDirs entry '${join(dir, 'schemas/crds')}' does not exist`],
    ['a schemaDirs entry that is a file', 'schemaDirs: [a-file.json]\n', `1:14: schemaDirs entry '${join(dir, 'a-file.json')}' is not a directory`],
    ['yaml-syntax turned off', 'rules:\n  yaml-syntax: off\n', "2:3: Rule 'yaml-syntax' cannot be turned off or downgraded: a file that cannot be read or parsed is always an error"],
    ['yaml-syntax downgraded', 'rules:\n  yaml-syntax: warn\n', "2:3: Rule 'yaml-syntax' cannot be turned off or downgraded: a file that cannot be read or parsed is always an error"],
    ['an unsupported ignore pattern', 'ignorePatterns: ["@(a|b).yaml"]\n', null],
  ])('config: %s', (_, config, where) => {
    writeFileSync(join(dir, 'bad.stslint.yaml'), config);
    const { code, stdout, stderr } = stslint(['deploy', '-c', 'bad.stslint.yaml'], { cwd: dir });
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    if (where) expect(stderr).toBe(`stslint: ${join(dir, 'bad.stslint.yaml')}:${where}\n`);
    else expect(stderr).toBe(`stslint: ${join(dir, 'bad.stslint.yaml')}:1:18: ignorePatterns: '@(a|b).yaml' uses extended globs such as @(a|b), which stslint does not support in patterns\n`);
  });

  it.each([
    ['max-warnings: abc', { 'max-warnings': 'abc' }, "stslint: input 'max-warnings' expects a whole number (or -1 for no limit), got 'abc'\n"],
    ['strict: True', { strict: 'True' }, "stslint: input 'strict' expects true or false, got 'True'\n"],
    ['strict-kinds: yes', { 'strict-kinds': 'yes' }, "stslint: input 'strict-kinds' expects true or false, got 'yes'\n"],
    ['schema-dir naming a missing directory', { 'schema-dir': 'missing' }, `stslint: input 'schema-dir': no such directory: ${join(dir, 'missing')}\n`],
    ['namespace that is not a DNS label', { namespace: 'Data_1' }, "stslint: input 'namespace': 'Data_1' is not a valid namespace name (a DNS label: lowercase letters, digits and '-', at most 63)\n"],
  ])('Action: %s', async (_, inputs, log) => {
    expect(await action(dir, { paths: 'deploy', ...inputs })).toEqual({ code: 2, log, outputs: '' });
  });

  it('the library refuses a fatal rule turned off, as the CLI does, and keeps its findings errors', () => {
    expect(() => lintText('a: "unclosed\n', { rules: { 'yaml-syntax': 'off' } })).toThrow(
      "rules: Rule 'yaml-syntax' cannot be turned off or downgraded: a file that cannot be read or parsed is always an error",
    );
    const run = lintText('a: "unclosed\n', { rules: { 'yaml-syntax': 'error' } });
    expect(run.results[0].messages.map((m) => [m.ruleId, m.severity, m.fatal])).toEqual([['yaml-syntax', 2, true]]);
  });
});

describe('settings written as editors and kubectl users write them', () => {
  const sts = 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  serviceName: db\n  replicas: 2\n  ordinals: {start: 1}\n  selector: {matchLabels: {app: db}}\n  template:\n    metadata: {labels: {app: db}}\n    spec:\n      containers: [{name: c, image: busybox:1.36}]\n';

  it('a $schema key is accepted, and kubernetesVersion "1.30.2" or "v1.30" means 1.30, in the config as on the command line', () => {
    const dir = writeTree({ 'sts.yaml': sts });
    const reportWith = (config: string, args: string[] = []) => {
      writeFileSync(join(dir, '.stslint.yaml'), config);
      const { code, stdout, stderr } = stslint(['sts.yaml', '-f', 'json', ...args], { cwd: dir });
      expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
      return stdout;
    };
    const expected = reportWith('kubernetesVersion: "1.30"\n');
    expect(expected).toContain('feature-version');
    expect(reportWith('$schema: ./node_modules/stslint/schemas/stslint-config.schema.json\nkubernetesVersion: "1.30.2"\n')).toBe(expected);
    expect(reportWith('kubernetesVersion: v1.30\n')).toBe(expected);
    expect(reportWith('{}\n', ['--kubernetes-version', '1.30.2'])).toBe(expected);
  });
});

describe('one set of options for every front end', () => {
  /** A tree where every config key changes the findings. */
  const files: Record<string, string> = {
    '.stslint.yaml': [
      '$schema: ./node_modules/stslint/schemas/stslint-config.schema.json',
      'rules:',
      '  pdb-missing: error',
      '  statefulset-anti-affinity: off',
      '  deployment-database: [warn, { images: [acme/keeper] }]',
      'ignorePatterns: [deploy/ignored/**]',
      'kubernetesVersion: "1.25"',
      'namespace: data',
      'strict: true',
      'strictKinds: true',
      'schemaDirs: [schemas]',
      '',
    ].join('\n'),
    'deploy/sts.yaml':
      'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\n  namespace: data\nspec:\n  serviceName: db\n  replica: 3\n  replicas: 3\n  ordinals: {start: 1}\n  selector: {matchLabels: {app: db}}\n  template:\n    metadata: {labels: {app: db}}\n    spec:\n      containers: [{name: c, image: busybox:1.36}]\n',
    'deploy/svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata: {name: db}\nspec: {clusterIP: None, selector: {app: db}, ports: [{port: 5432}]}\n',
    'deploy/keeper.yaml':
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: keeper}\nspec:\n  selector: {matchLabels: {app: keeper}}\n  template:\n    metadata: {labels: {app: keeper}}\n    spec:\n      containers: [{name: c, image: ghcr.io/acme/keeper:2}]\n',
    'deploy/widget.yaml': 'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec: {size: big}\n',
    'deploy/gadget.yaml': 'apiVersion: example.com/v1\nkind: Gadget\nmetadata: {name: g}\n',
    'deploy/ignored/broken.yaml': 'kind: [\n',
    'schemas/example.com/widget_v1.json': JSON.stringify({ type: 'object', properties: { spec: { type: 'object', properties: { size: { type: 'integer' } } } } }),
  };

  it('the CLI and the Action give the same report and exit code with every config key set', async () => {
    const dir = writeTree(files);
    const cli = stslint(['deploy', '-f', 'sarif', '-o', 'cli.sarif'], { cwd: dir });
    const fromAction = await action(dir, { paths: 'deploy', 'sarif-file': 'action.sarif' });
    expect(fromAction.code).toBe(cli.code);
    const cliReport = readFileSync(join(dir, 'cli.sarif'), 'utf8');
    expect(readFileSync(join(dir, 'action.sarif'), 'utf8')).toBe(cliReport);

    // Each key had its effect: the report is not the same with the defaults.
    const found = JSON.parse(cliReport).runs[0].results.map(
      (result: { ruleId: string; level: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[] }) => {
        const { artifactLocation, region } = result.locations[0].physicalLocation;
        return `${artifactLocation.uri}:${region.startLine}:${region.startColumn} ${result.level} ${result.ruleId} ${result.message.text}`;
      },
    );
    const expectFinding = (pattern: RegExp) => expect(found, String(pattern)).toContainEqual(expect.stringMatching(pattern));
    expectFinding(/^deploy\/sts\.yaml:\d+:\d+ error pdb-missing /); // rules: severity
    expectFinding(/^deploy\/keeper\.yaml:\d+:\d+ warning deployment-database .*acme\/keeper/); // rules: options
    expectFinding(/^deploy\/sts\.yaml:10:3 warning feature-version .*spec\.ordinals/); // kubernetesVersion
    expectFinding(/^deploy\/sts\.yaml:8:3 error schema spec\.replica is not a known field/); // strict
    expectFinding(/^deploy\/gadget\.yaml:2:1 error schema no schema for example\.com\/v1 Gadget/); // strictKinds
    expectFinding(/^deploy\/widget\.yaml:4:8 error schema spec\.size must be an integer/); // schemaDirs
    expect(found.filter((line: string) => / statefulset-anti-affinity | statefulset-service-missing |deploy\/ignored/.test(line))).toEqual([]); // off, namespace, ignorePatterns
    expect(cli.code).toBe(1);
  });
});
