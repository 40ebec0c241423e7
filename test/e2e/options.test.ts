/**
 * Every setting is refused where it was given: a config key at the config file's line and column with its key
 * (through the CLI and the GitHub Action, which read the same file), a flag by its name; flags that contradict each
 * other or would be ignored are usage errors; parseArgs' problems are said in stslint's words.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, linkSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAction } from '../../src/action.js';
import { configSchema } from '../../src/config.js';
import { stslint, writeTree } from '../reliability/helpers.js';

const CONFIG_MAP = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n';
const NAMESPACE = "is not a valid namespace name (a DNS label: lowercase letters, digits and '-', at most 63)";

/** A git repository holding m.yaml in one commit, so that `base` has something to read. */
function repository(): string {
  const dir = writeTree({ 'm.yaml': CONFIG_MAP, 'a-file.json': '{}' });
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
  git('init', '-q');
  git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-q', '--allow-empty', '-m', 'init');
  return dir;
}

/** [key, config file text, what follows `<file>:` in the message]: every key of the config schema is here. */
const CONFIG_ERRORS: [string, string, (dir: string) => string][] = [
  ['rules', '# stslint\nrules:\n  pdb-mising: error\n', () => "3:3: Unknown rule 'pdb-mising'; did you mean 'pdb-missing'? (see stslint rules)"],
  ['rules', 'rules:\n  pdb-missing: fatal\n', () => "2:3: Invalid severity 'fatal' for rule 'pdb-missing': use off, warn or error"],
  ['rules', 'rules:\n  yaml-syntax: off\n', () => "2:3: Rule 'yaml-syntax' cannot be turned off or downgraded: a file that cannot be read or parsed is always an error"],
  ['ignorePatterns', 'ignorePatterns:\n  - ok/**\n  - "@(a|b).yaml"\n', () => "3:5: ignorePatterns: '@(a|b).yaml' uses extended globs such as @(a|b), which stslint does not support in patterns"],
  ['$schema', '$schema: 3\n', () => '1:1: $schema must be string'],
  ['kubernetesVersion', 'strict: true\nkubernetesVersion: "1.99"\n', () => "2:1: kubernetesVersion: Unsupported Kubernetes version '1.99': stslint supports 1.25 to 1.36 (bundled schemas: 1.25, 1.26, 1.29, 1.30, 1.36; a version in between uses the nearest older one)"],
  ['namespace', 'strict: true\nnamespace: Bad_NS\n', () => `2:1: namespace: 'Bad_NS' ${NAMESPACE}`],
  ['strict', 'strict: "yes"\n', () => '1:1: strict must be boolean'],
  ['strictKinds', 'strictKinds: 1\n', () => '1:1: strictKinds must be boolean'],
  ['schemaDirs', 'schemaDirs:\n  - a-file.json\n', (dir) => `2:5: schemaDirs entry '${join(dir, 'a-file.json')}' is not a directory`],
  ['base', 'strict: true\nbase: nosuchref\n', (dir) => `2:1: base: 'nosuchref' is not a commit of the git repository ${dir}`],
  ['base', 'base: "-x"\n', () => "1:1: base: '-x' is not a git revision (it starts with -)"],
  ['baseFiles', 'strict: true\nbaseFiles: [missing/]\n', (dir) => `2:1: baseFiles: No such file or directory: ${join(dir, 'missing')}`],
  ['baseFiles', 'baseFiles: ["-"]\n', () => '1:1: baseFiles: standard input (-) can be a base only on the command line (--base-files -)'],
  ['baseFiles', 'base: HEAD\nbaseFiles: [m.yaml]\n', () => '2:1: baseFiles: a run compares with one base: give a git revision or files, not both'],
];

describe('a config key is refused at its line and column, with its key', () => {
  const dir = repository();

  it('covers every key of the config schema', () => {
    const keys = Object.keys((configSchema() as { properties: Record<string, unknown> }).properties);
    expect([...new Set(CONFIG_ERRORS.map(([key]) => key))].sort()).toEqual(keys.sort());
  });

  it.each(CONFIG_ERRORS)('%s: %j', async (_, text, message) => {
    writeFileSync(join(dir, '.stslint.yaml'), text);
    const expected = `stslint: ${join(dir, '.stslint.yaml')}:${message(dir)}\n`;
    expect(stslint(['m.yaml'], { cwd: dir })).toEqual({ code: 2, stdout: '', stderr: expected });
    // The Action reads the same file: the same line.
    let log = '';
    const code = await runAction({ GITHUB_WORKSPACE: dir, INPUT_PATHS: 'm.yaml' }, (text) => (log += text));
    expect({ code, log }).toEqual({ code: 2, log: expected });
  });

  it('a flag given for the same setting is named as the flag, never as the config key', () => {
    writeFileSync(join(dir, '.stslint.yaml'), 'strict: true\n');
    const flag = (args: string[]) => stslint(['m.yaml', ...args], { cwd: dir }).stderr;
    expect(flag(['-n', 'Bad_NS'])).toBe(`stslint: --namespace: 'Bad_NS' ${NAMESPACE}\n`);
    expect(flag(['--kubernetes-version', '1.99'])).toMatch(/^stslint: --kubernetes-version: Unsupported Kubernetes version '1\.99'/);
    expect(flag(['--base', 'nosuchref'])).toBe(`stslint: --base: 'nosuchref' is not a commit of the git repository ${dir}\n`);
    expect(flag(['--base-files', 'missing'])).toBe('stslint: --base-files: No such file or directory: missing\n');
    expect(flag(['--rule', 'pdb-mising=warn'])).toBe("stslint: --rule: Unknown rule 'pdb-mising'; did you mean 'pdb-missing'? (see stslint rules)\n");
  });

  it('the Action names its input', async () => {
    writeFileSync(join(dir, '.stslint.yaml'), 'strict: true\n');
    let log = '';
    const code = await runAction({ GITHUB_WORKSPACE: dir, INPUT_PATHS: 'm.yaml', INPUT_BASE: 'nosuchref' }, (text) => (log += text));
    expect({ code, log }).toEqual({ code: 2, log: `stslint: input 'base': 'nosuchref' is not a commit of the git repository ${dir}\n` });
  });

  it('a base flag replaces the config file\'s base', () => {
    writeFileSync(join(dir, '.stslint.yaml'), 'base: nosuchref\n');
    expect(stslint(['m.yaml', '--base-files', 'm.yaml'], { cwd: dir })).toEqual({ code: 0, stdout: '', stderr: '' });
  });
});

describe('flags that contradict each other or would be ignored are usage errors (exit 2, one line)', () => {
  const dir = writeTree({ 'm.yaml': CONFIG_MAP, 'deploy/n.yaml': CONFIG_MAP, '.stslint.yaml': 'strict: true\n' });
  symlinkSync(join(dir, 'm.yaml'), join(dir, 'link.yaml'));
  linkSync(join(dir, 'm.yaml'), join(dir, 'hard.yaml'));

  it.each([
    ['two reports to one file', ['m.yaml', '-f', 'json', '-o', 'r.json', '-f', 'sarif', '-o', './r.json'], "--output-file './r.json' is given to two reports; give each --format its own file"],
    ['a report over a linted file', ['m.yaml', '-f', 'json', '-o', 'm.yaml'], "--output-file 'm.yaml' is one of the files being read; the report would overwrite it"],
    ['a report over a linted file, through a symbolic link', ['m.yaml', '-f', 'json', '-o', 'link.yaml'], "--output-file 'link.yaml' is one of the files being read; the report would overwrite it"],
    ['a report over a linted file, through a hard link', ['m.yaml', '-f', 'json', '-o', 'hard.yaml'], "--output-file 'hard.yaml' is one of the files being read; the report would overwrite it"],
    ['a report over a file found in a walked directory', ['deploy', '-f', 'json', '-o', 'deploy/n.yaml'], "--output-file 'deploy/n.yaml' is one of the files being read; the report would overwrite it"],
    ['a report over a --context file', ['m.yaml', '--context', 'deploy/n.yaml', '-f', 'json', '-o', 'deploy/n.yaml'], "--output-file 'deploy/n.yaml' is one of the files being read; the report would overwrite it"],
    ['a report over the config file', ['m.yaml', '-f', 'json', '-o', '.stslint.yaml'], "--output-file '.stslint.yaml' is one of the files being read; the report would overwrite it"],
    ['--config with --no-config', ['m.yaml', '--config', '.stslint.yaml', '--no-config'], '--config and --no-config contradict each other; give one'],
    ['--color with --no-color', ['m.yaml', '--color', '--no-color'], '--color and --no-color contradict each other; give one'],
    ['--strict with --no-strict', ['m.yaml', '--no-strict', '--strict'], '--strict and --no-strict contradict each other; give one'],
    ['--stdin-filename without -', ['--stdin-filename', 'x.yaml', 'm.yaml'], '--stdin-filename names standard input, which is read only for the path - (none given)'],
    ['--base with --base-files', ['m.yaml', '--base', 'HEAD', '--base-files', 'm.yaml'], '--base and --base-files: a run compares with one base: give a git revision or files, not both'],
    ['a single-value flag given twice', ['m.yaml', '--kubernetes-version', '1.30', '--kubernetes-version', '1.29'], '--kubernetes-version was given more than once; give it once'],
    ['rules with an argument', ['rules', 'extra'], "stslint rules takes no arguments besides options, got 'extra'"],
    ['plan with --base and --base-files', ['plan', 'm.yaml', '--base', 'HEAD', '--base-files', 'm.yaml'], '--base and --base-files: a run compares with one base: give a git revision or files, not both'],
  ])('%s', (_, args, message) => {
    expect(stslint(args, { cwd: dir })).toEqual({ code: 2, stdout: '', stderr: `stslint: ${message}\n` });
    expect(readFileSync(join(dir, 'm.yaml'), 'utf8')).toBe(CONFIG_MAP);
    expect(existsSync(join(dir, 'r.json'))).toBe(false);
  });

  it('an earlier report in a walked directory, which holds no object, may be written again', () => {
    const tree = writeTree({ 'deploy/m.yaml': CONFIG_MAP });
    expect(stslint(['deploy', '-f', 'json', '-o', 'deploy/report.json'], { cwd: tree })).toEqual({ code: 0, stdout: '', stderr: '' });
    const again = stslint(['deploy', '-f', 'json', '-o', 'deploy/report.json'], { cwd: tree });
    expect(again).toEqual({ code: 0, stdout: '', stderr: 'stslint: 1 document was skipped, not Kubernetes objects: deploy/report.json (a list, not an object)\n' });
    expect(JSON.parse(readFileSync(join(tree, 'deploy/report.json'), 'utf8'))).toHaveLength(2);
  });
});

describe("parseArgs' problems in stslint's words", () => {
  const dir = writeTree({ 'm.yaml': CONFIG_MAP, 'warn.yaml': `${CONFIG_MAP}  namespace: a\n  namespace: b\n` });

  it.each([
    ['an option without its value, before another option', ['m.yaml', '--base', '--output=x'], "--base needs a value (the next argument, '--output=x', is an option; write --base=VALUE for a value starting with -)"],
    ['an option without its value, last', ['m.yaml', '-f'], '--format needs a value'],
    ['a value given to a switch', ['m.yaml', '--quiet=yes'], '--quiet takes no value'],
    ['an unknown option, with the closest one', ['m.yaml', '--max-warning', '3'], "Unknown option '--max-warning'; did you mean --max-warnings? (see stslint lint --help; a path starting with - goes after --)"],
    ['an unknown short option', ['m.yaml', '-x'], "Unknown option '-x' (see stslint lint --help; a path starting with - goes after --)"],
    ['a negative --max-warnings other than -1', ['m.yaml', '--max-warnings', '-2'], "--max-warnings expects a whole number (or -1 for no limit), got '-2'"],
    ['a negative --max-file-size', ['m.yaml', '--max-file-size', '-1'], "--max-file-size expects a whole number, got '-1'"],
    ['plan --replicas -1', ['plan', 'm.yaml', '--replicas', '-1'], "--replicas expects whole numbers from 0 to 2147483647, got '-1'"],
    ['plan with an unknown option', ['plan', 'm.yaml', '--replica', '3'], "Unknown option '--replica'; did you mean --replicas? (see stslint plan --help; a path starting with - goes after --)"],
  ])('%s', (_, args, message) => {
    expect(stslint(args, { cwd: dir })).toEqual({ code: 2, stdout: '', stderr: `stslint: ${message}\n` });
  });

  it('--max-warnings -1 means no limit, as in ESLint', () => {
    // One finding, made a warning.
    const warned = ['warn.yaml', '--rule', 'duplicate-key=warn'];
    expect(stslint([...warned, '--max-warnings', '0'], { cwd: dir }).code).toBe(1);
    expect(stslint([...warned, '--max-warnings', '-1'], { cwd: dir }).code).toBe(0);
    expect(stslint([...warned, '--max-warnings=-1'], { cwd: dir }).code).toBe(0);
  });
});
